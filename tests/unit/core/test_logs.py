"""Log masking: a key that slips into a message or a traceback never reaches the log file."""

from __future__ import annotations

import logging
from pathlib import Path

from fizzly_desktop.core.logs import RedactingFilter, configure_logging, redact

KEY = "fiz_live_0123456789abcdefWXYZ"


def test_redact_masks_keys_and_authorization_values() -> None:
    assert redact(f"using {KEY} now") == "using fiz_…WXYZ now"
    assert redact("Authorization: Key sekrit-value-123") == "Authorization: Key [redacted]"
    assert redact("{'Authorization': 'Key abcdef'}") == "{'Authorization': 'Key [redacted]'}"
    assert redact("nothing to hide") == "nothing to hide"


def test_log_file_never_holds_the_key(tmp_path: Path) -> None:
    log_file = tmp_path / "logs" / "app.log"
    root = logging.getLogger()
    before = list(root.handlers)
    handler = configure_logging(log_file)
    try:
        log = logging.getLogger("fizzly_desktop.test")
        log.info("submitting with %s", KEY)
        try:
            raise RuntimeError(f"refused key {KEY}")
        except RuntimeError:
            log.exception("request failed")
    finally:
        for extra in [h for h in root.handlers if h not in before]:
            root.removeHandler(extra)
            extra.close()
    text = log_file.read_text(encoding="utf-8")
    assert KEY not in text
    assert "fiz_…WXYZ" in text
    assert "request failed" in text
    assert any(isinstance(f, RedactingFilter) for f in handler.filters)
