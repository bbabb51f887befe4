"""Logging set-up: a rotating file in the platform log folder, and keys masked in every record."""

from __future__ import annotations

import logging
import logging.handlers
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


def configure_logging(log_file: Path, *, verbose: bool = False) -> logging.Handler:
    """Send the app's logs to a rotating ``log_file`` (1 MB × 5) and warnings to stderr."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    file_handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
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
