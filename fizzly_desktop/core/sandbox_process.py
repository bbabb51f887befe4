"""Start the sandbox server as a child process and read where it listens (sync and asyncio).

The child is ``python -m fizzly_desktop.sandbox --exit-with-stdin ...``: it exits when its stdin
pipe closes, which happens when this process ends for any reason (even when killed), so the
sandbox never outlives the app. Its stderr is drained continuously (a full pipe would block it)
and the last lines are kept for error messages.

Given a data folder, the sandbox keeps its runs, credits and output files there and listens on
the same ports as last time when they are free; :attr:`SandboxInfo.address_changed` says when it
could not, and :attr:`SandboxInfo.attached` when another process already served that folder (this
child then shares that sandbox and takes over when it ends).
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import json
import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Any

SANDBOX_MODULE = "fizzly_desktop.sandbox"
_STDERR_TAIL_LINES = 40
_STOP_GRACE_SECONDS = 5.0


@dataclass(frozen=True)
class SandboxInfo:
    """What the sandbox printed once it was listening."""

    base_url: str
    output_origin: str
    demo_key: str
    keys: dict[str, dict[str, Any]]
    workflows: tuple[str, ...]
    ping_interval: float
    # Where the sandbox of the same data folder listened last time, when that differs from now.
    previous_base_url: str | None = None
    previous_output_origin: str | None = None
    # True when another sandbox already served the data folder and this line is that one's.
    attached: bool = False

    @property
    def address_changed(self) -> bool:
        """The sandbox came back at another address: links to the old one no longer work."""
        return self.previous_base_url is not None or self.previous_output_origin is not None

    @classmethod
    def from_json_line(cls, line: str) -> SandboxInfo:
        """Parse the sandbox's JSON line; raises :class:`SandboxError` if it is not one."""
        try:
            data = json.loads(line)
            return cls(
                base_url=str(data["base_url"]),
                output_origin=str(data["output_origin"]),
                demo_key=str(data["demo_key"]),
                keys={str(k): dict(v) for k, v in data["keys"].items()},
                workflows=tuple(str(w) for w in data["workflows"]),
                ping_interval=float(data["ping_interval"]),
                previous_base_url=_optional_str(data.get("previous_base_url")),
                previous_output_origin=_optional_str(data.get("previous_output_origin")),
                attached=data.get("attached") is True,
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise SandboxError(f"The sandbox printed an unexpected first line: {line!r}") from exc

    def __repr__(self) -> str:
        # Keys stay out of reprs and logs, even sandbox ones.
        return (
            f"SandboxInfo(base_url={self.base_url!r}, output_origin={self.output_origin!r}, "
            f"workflows={self.workflows!r}, ping_interval={self.ping_interval!r}, "
            f"previous_base_url={self.previous_base_url!r}, "
            f"previous_output_origin={self.previous_output_origin!r}, attached={self.attached!r})"
        )


# The output origin of each sandbox this process started, by its API base URL. Downloads may
# use this computer's addresses on it for clients of that API (decision 11): the origin comes
# from the sandbox's own first line, never from anything a server answers.
_OUTPUT_ORIGINS: dict[str, str] = {}


def sandbox_output_origins(base_url: str) -> tuple[str, ...]:
    """The output origin of the running sandbox serving the API at ``base_url``, if any."""
    origin = _OUTPUT_ORIGINS.get(base_url.strip().rstrip("/"))
    return (origin,) if origin else ()


def _remember(info: SandboxInfo) -> None:
    _OUTPUT_ORIGINS[info.base_url.strip().rstrip("/")] = info.output_origin


def _forget(info: SandboxInfo) -> None:
    _OUTPUT_ORIGINS.pop(info.base_url.strip().rstrip("/"), None)


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


class SandboxError(RuntimeError):
    """The sandbox did not start (it exited or took too long); the message has its last output."""


# The first argument that makes a frozen app run its bundled sandbox instead of the window
# (dispatched by fizzly_desktop.app.main before Qt is imported).
FROZEN_SANDBOX_FLAG = "--run-sandbox"


def sandbox_arguments(args: tuple[str, ...], data_dir: Path | None) -> tuple[str, ...]:
    """The command-line flags: ``args``, then the data folder when there is one."""
    return (*args, "--data-dir", str(data_dir)) if data_dir is not None else args


def sandbox_command(args: tuple[str, ...]) -> list[str]:
    if getattr(sys, "frozen", False):
        # A frozen build (PyInstaller) has no `python -m`: sys.executable is the app itself.
        return [sys.executable, FROZEN_SANDBOX_FLAG, "--exit-with-stdin", *args]
    return [sys.executable, "-m", SANDBOX_MODULE, "--exit-with-stdin", *args]


def sandbox_environment() -> dict[str, str] | None:
    """The child's environment: this process's, except in a frozen build (None = inherit)."""
    if getattr(sys, "frozen", False):
        # PyInstaller's bootloader takes a child that inherits its variables for a worker of
        # this same instance; the sandbox is a separate program run from the same executable.
        return {**os.environ, "PYINSTALLER_RESET_ENVIRONMENT": "1"}
    return None


def _failure(reason: str, stderr_tail: list[str]) -> SandboxError:
    tail = "\n".join(stderr_tail[-15:]).strip()
    return SandboxError(f"{reason}\n--- sandbox stderr ---\n{tail}" if tail else reason)


class SandboxHandle:
    """A running sandbox child process started with :func:`launch_sandbox`."""

    def __init__(self, process: subprocess.Popen[bytes], info: SandboxInfo, tail: _StderrTail):
        self._process = process
        self.info = info
        self._tail = tail
        _remember(info)

    @property
    def pid(self) -> int:
        return self._process.pid

    @property
    def running(self) -> bool:
        return self._process.poll() is None

    def stderr_tail(self) -> list[str]:
        return self._tail.lines()

    def stop(self) -> int:
        """Ask the sandbox to exit, wait for it (killing it after a grace period); exit code."""
        _forget(self.info)
        return _stop_popen(self._process, self._tail)

    def __enter__(self) -> SandboxHandle:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


class _StderrTail:
    """Drains a child's stderr in a thread, keeping the last lines."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._lines: collections.deque[str] = collections.deque(maxlen=_STDERR_TAIL_LINES)
        self._lock = threading.Lock()
        self._stream = stream
        self._thread = threading.Thread(target=self._drain, name="sandbox-stderr", daemon=True)
        self._thread.start()

    def _drain(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            for raw in self._stream:
                line = raw.decode("utf-8", "replace").rstrip()
                with self._lock:
                    self._lines.append(line)

    def lines(self) -> list[str]:
        with self._lock:
            return list(self._lines)

    def join(self, timeout: float) -> None:
        self._thread.join(timeout)


def _stop_popen(process: subprocess.Popen[bytes], tail: _StderrTail) -> int:
    # End of stdin is the polite request (the child exits on it); a signal only if it lingers,
    # so that a normal stop reports exit code 0 rather than death by signal.
    if process.stdin is not None and not process.stdin.closed:
        with contextlib.suppress(OSError):
            process.stdin.close()
    try:
        process.wait(_STOP_GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        process.terminate()
        try:
            process.wait(_STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    tail.join(_STOP_GRACE_SECONDS)
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            stream.close()
    return process.returncode


def launch_sandbox(
    *args: str, timeout: float = 20.0, data_dir: Path | None = None
) -> SandboxHandle:
    """Start the sandbox with extra command-line ``args`` and wait for its JSON line.

    With ``data_dir`` the sandbox keeps its state there across restarts (see the module).

    Raises :class:`SandboxError` (with the child's last stderr lines) if it exits first or does
    not report within ``timeout`` seconds; the child is stopped in that case.
    """
    process = subprocess.Popen(
        sandbox_command(sandbox_arguments(args, data_dir)),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=sandbox_environment(),
    )
    assert process.stdout is not None
    assert process.stderr is not None
    tail = _StderrTail(process.stderr)
    first_line: list[bytes] = []
    stdout = process.stdout

    def read_line() -> None:
        with contextlib.suppress(OSError, ValueError):
            first_line.append(stdout.readline())

    reader = threading.Thread(target=read_line, name="sandbox-stdout", daemon=True)
    reader.start()
    reader.join(timeout)
    line = first_line[0].decode("utf-8", "replace") if first_line else ""
    if not line.strip():
        timed_out = reader.is_alive()
        _stop_popen(process, tail)
        reader.join(1.0)
        if timed_out:
            raise _failure(f"The sandbox did not start within {timeout:g} s.", tail.lines())
        raise _failure(
            f"The sandbox exited before it was ready (exit code {process.returncode}).",
            tail.lines(),
        )
    try:
        info = SandboxInfo.from_json_line(line)
    except SandboxError as exc:
        _stop_popen(process, tail)
        raise _failure(str(exc), tail.lines()) from None
    return SandboxHandle(process, info, tail)


class AsyncSandboxHandle:
    """A running sandbox child process started with :func:`start_sandbox`."""

    def __init__(
        self,
        process: asyncio.subprocess.Process,
        info: SandboxInfo,
        tail: collections.deque[str],
        drain: asyncio.Task[None],
    ) -> None:
        self._process = process
        self.info = info
        self._tail = tail
        self._drain = drain
        _remember(info)

    @property
    def pid(self) -> int:
        return self._process.pid

    @property
    def running(self) -> bool:
        return self._process.returncode is None

    def stderr_tail(self) -> list[str]:
        return list(self._tail)

    async def stop(self) -> int:
        """Ask the sandbox to exit, wait for it (killing it after a grace period); exit code."""
        _forget(self.info)
        return await _stop_async(self._process, self._drain)

    async def __aenter__(self) -> AsyncSandboxHandle:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()


async def _drain_stderr(stream: asyncio.StreamReader, tail: collections.deque[str]) -> None:
    while True:
        raw = await stream.readline()
        if not raw:
            return
        tail.append(raw.decode("utf-8", "replace").rstrip())


async def _stop_async(process: asyncio.subprocess.Process, drain: asyncio.Task[None]) -> int:
    # As in _stop_popen: end of stdin first, a signal only if the child lingers.
    if process.stdin is not None and not process.stdin.is_closing():
        process.stdin.close()
    try:
        await asyncio.wait_for(process.wait(), _STOP_GRACE_SECONDS)
    except TimeoutError:
        with contextlib.suppress(ProcessLookupError):
            process.terminate()
        try:
            await asyncio.wait_for(process.wait(), _STOP_GRACE_SECONDS)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()
    # The pipes reach end of file once the child is gone; reading them lets the transport close.
    if process.stdout is not None:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(process.stdout.read(), _STOP_GRACE_SECONDS)
    try:
        await asyncio.wait_for(asyncio.shield(drain), _STOP_GRACE_SECONDS)
    except TimeoutError:
        drain.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await drain
    returncode = process.returncode
    assert returncode is not None
    return returncode


# The agreed signature mirrors launch_sandbox; the timeout covers only the start-up line.
async def start_sandbox(
    *args: str,
    timeout: float = 20.0,  # noqa: ASYNC109
    data_dir: Path | None = None,
) -> AsyncSandboxHandle:
    """Start the sandbox from a running event loop and wait for its JSON line.

    With ``data_dir`` the sandbox keeps its state there across restarts (see the module); the
    app passes ``app_paths().data_dir / "sandbox"``.

    Raises :class:`SandboxError` (with the child's last stderr lines) if it exits first or does
    not report within ``timeout`` seconds; the child is stopped in that case.
    """
    command = sandbox_command(sandbox_arguments(args, data_dir))
    process = await asyncio.create_subprocess_exec(
        *command,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=sandbox_environment(),
    )
    assert process.stdout is not None
    assert process.stderr is not None
    tail: collections.deque[str] = collections.deque(maxlen=_STDERR_TAIL_LINES)
    drain = asyncio.create_task(_drain_stderr(process.stderr, tail), name="sandbox-stderr")
    try:
        raw = await asyncio.wait_for(process.stdout.readline(), timeout)
    except TimeoutError:
        await _stop_async(process, drain)
        raise _failure(f"The sandbox did not start within {timeout:g} s.", list(tail)) from None
    except BaseException:
        await _stop_async(process, drain)
        raise
    line = raw.decode("utf-8", "replace")
    if not line.strip():
        await _stop_async(process, drain)
        raise _failure(
            f"The sandbox exited before it was ready (exit code {process.returncode}).",
            list(tail),
        )
    try:
        info = SandboxInfo.from_json_line(line)
    except SandboxError as exc:
        await _stop_async(process, drain)
        raise _failure(str(exc), list(tail)) from None
    return AsyncSandboxHandle(process, info, tail, drain)
