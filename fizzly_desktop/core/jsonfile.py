"""JSON files the app keeps (profiles, library): read whole, written atomically."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def read_json(path: Path) -> Any:
    """The JSON document in ``path``.

    Raises ``FileNotFoundError`` when there is no file, another ``OSError`` when it cannot be
    read, and ``ValueError`` when it is not JSON (``json.JSONDecodeError`` with its line and
    column; not UTF-8 text, or nested too deeply to read).
    """
    text = path.read_text(encoding="utf-8")
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise ValueError("it is nested too deeply to read") from exc


def write_json_atomic(path: Path, document: Any) -> None:
    """Write ``document`` to ``path`` so that the file is always either the old or the new one.

    The text goes to a temporary file in the same folder, is flushed to disk, then replaces
    ``path`` in one rename: a crash or a full disk midway leaves the previous file intact and
    no temporary file behind. Raises ``OSError`` when the folder is not writable or full.
    """
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
