"""Log masking: a key that slips into a message or a traceback never reaches the log file."""

from __future__ import annotations

import logging
from pathlib import Path

from fizzly_desktop.core.logs import RedactingFilter, RotatingLogFile, configure_logging, redact

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


def test_the_log_file_rotates_and_keeps_five_older_ones(tmp_path: Path) -> None:
    log_file = tmp_path / "app.log"
    handler = RotatingLogFile(log_file, max_bytes=200, backups=5)
    handler.setFormatter(logging.Formatter("%(message)s"))
    log = logging.getLogger("rotation-test")
    log.propagate = False
    log.addHandler(handler)
    try:
        for number in range(40):
            log.warning("line %02d %s", number, "x" * 40)
    finally:
        log.removeHandler(handler)
        handler.close()
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == ["app.log", "app.log.1", "app.log.2", "app.log.3", "app.log.4", "app.log.5"]
    assert all(p.stat().st_size <= 200 for p in tmp_path.iterdir())
    # The newest lines are in the file itself, the ones before them in .1, and none is split.
    newest = log_file.read_text(encoding="utf-8").splitlines()
    assert newest[-1].startswith("line 39 ")
    previous = (tmp_path / "app.log.1").read_text(encoding="utf-8").splitlines()
    assert int(previous[-1].split()[1]) + 1 == int(newest[0].split()[1])
    assert all(len(line) == len("line 00 ") + 40 for line in newest + previous)


def test_a_log_file_left_full_by_the_last_start_rotates_on_the_first_line(tmp_path: Path) -> None:
    log_file = tmp_path / "app.log"
    log_file.write_text("old\n" * 100, encoding="utf-8")
    handler = RotatingLogFile(log_file, max_bytes=300, backups=2)
    log = logging.getLogger("rotation-test-2")
    log.propagate = False
    log.addHandler(handler)
    try:
        log.warning("first line of this start")
    finally:
        log.removeHandler(handler)
        handler.close()
    assert log_file.read_text(encoding="utf-8") == "first line of this start\n"
    assert (tmp_path / "app.log.1").read_text(encoding="utf-8") == "old\n" * 100
