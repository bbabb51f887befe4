"""One sandbox per data folder: an exclusive lock file, and the running one's JSON line on disk.

The lock is an OS lock (``flock`` / ``msvcrt.locking``), so it is released when its process ends
in any way, kill -9 included, and a stale lock file never blocks a later start.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import IO, Any

LOCK_NAME = "sandbox.lock"
INFO_NAME = "sandbox.json"


class StoreError(RuntimeError):
    """The data folder cannot be used (written by a newer sandbox, or not a database)."""


def _try_lock(file: IO[bytes]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        file.seek(0)
        try:
            msvcrt.locking(file.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class FolderLock:
    """The data folder's lock; whoever holds it runs the sandbox on that folder."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_NAME
        self._file: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        return self._file is not None

    def try_acquire(self) -> bool:
        """Take the lock if nobody holds it (then write this process's id into it)."""
        if self._file is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        file = open(self.path, "a+b")  # noqa: SIM115 - kept open for as long as the lock is held
        if not _try_lock(file):
            file.close()
            return False
        file.seek(0)
        file.truncate()
        file.write(str(os.getpid()).encode("ascii"))
        file.flush()
        self._file = file
        return True

    def owner_pid(self) -> int | None:
        """The id of the process holding the lock, when it can be read."""
        try:
            return int(self.path.read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            return None

    def release(self) -> None:
        # Closing the file releases the OS lock.
        if self._file is not None:
            self._file.close()
            self._file = None


def write_info(data_dir: Path, info: dict[str, Any]) -> None:
    """Publish the running sandbox's JSON line (with its process id) for a second instance."""
    fd, temp = tempfile.mkstemp(dir=data_dir, prefix=".partial-", suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump({**info, "pid": os.getpid()}, out)
        os.replace(temp, data_dir / INFO_NAME)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def read_info(data_dir: Path, owner_pid: int | None) -> dict[str, Any] | None:
    """The running sandbox's JSON line, or None if the file is missing or from another process."""
    try:
        data = json.loads((data_dir / INFO_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    pid = data.pop("pid", None)
    if owner_pid is not None and pid != owner_pid:
        return None  # left by an earlier run; the owner has not written its own yet
    return data


def remove_info(data_dir: Path) -> None:
    with contextlib.suppress(OSError):
        (data_dir / INFO_NAME).unlink()
