"""Logging set-up: a rotating file in the platform log folder, and keys masked in every record."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

# Anything shaped like a Fizzly key, or the value of an Authorization header, is masked before a
# record is written anywhere: a key that slipped into a message must still never reach a file.
_KEY_PATTERN = re.compile(r"fiz_[A-Za-z0-9_\-]{4,}")
_AUTH_PATTERN = re.compile(r"(Authorization['\"]?\s*[:=]\s*['\"]?Key\s+)[^\s'\",}]+", re.IGNORECASE)


def redact(text: str) -> str:
    """``text`` with every key-shaped token and Authorization value replaced by a mask."""
    text = _AUTH_PATTERN.sub(r"\1[redacted]", text)
    return _KEY_PATTERN.sub(
        lambda m: "fiz_…" + m.group(0)[-4:] if len(m.group(0)) > 12 else "fiz_…", text
    )


class RedactingFilter(logging.Filter):
    """Rewrites each record's message (and traceback text) with :func:`redact`."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and record.exc_info[1] is not None:
            formatted = logging.Formatter().formatException(record.exc_info)
            record.exc_text = redact(formatted)
        return True


class RotatingLogFile(logging.FileHandler):
    """A log file that starts afresh at ``max_bytes``, keeping ``backups`` older ones (.1 newest).

    The standard library's RotatingFileHandler does the same, but its module imports sockets,
    pickling and queues for its other handlers, and logging is set up before the window's first
    paint: this one needs nothing beyond ``logging``.
    """

    def __init__(self, path: Path, *, max_bytes: int, backups: int) -> None:
        super().__init__(path, mode="a", encoding="utf-8", delay=True)
        self.max_bytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full(record):
                self._rotate()
        except OSError:
            self.handleError(record)
        super().emit(record)

    def _full(self, record: logging.LogRecord) -> bool:
        path = self.baseFilename
        size = self.stream.tell() if self.stream is not None else _size(path)
        return size > 0 and size + len(self.format(record)) + 1 > self.max_bytes

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
            self.stream = None  # reopened by the next emit
        for number in range(self.backups - 1, 0, -1):
            older = f"{self.baseFilename}.{number}"
            if os.path.exists(older):
                os.replace(older, f"{self.baseFilename}.{number + 1}")
        if self.backups > 0:
            os.replace(self.baseFilename, f"{self.baseFilename}.1")
        else:
            os.remove(self.baseFilename)


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def configure_logging(log_file: Path, *, verbose: bool = False) -> logging.Handler:
    """Send the app's logs to a rotating ``log_file`` (1 MB × 5) and warnings to stderr."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    file_handler = RotatingLogFile(log_file, max_bytes=1_000_000, backups=5)
    file_handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)-7s %(name)s: %(message)s")
    )
    file_handler.addFilter(RedactingFilter())
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    console.addFilter(RedactingFilter())
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    root.addHandler(file_handler)
    root.addHandler(console)
    # httpx logs every request line at INFO; keep the file about the app.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    return file_handler
