"""A subset of the suite run on its own exits with status 0, as a developer would run it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_a_test_that_fills_the_clipboard_exits_cleanly_when_run_alone() -> None:
    # This test hands a QMimeData to Qt's clipboard: the interpreter used to crash at exit
    # (status 139) when Qt destroyed it after Python had finalised.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/ui/forms/test_form.py::test_urls_drops_and_pastes",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "1 passed" in done.stdout
