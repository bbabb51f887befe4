"""A sandbox start becomes usable without loading what it does not use yet."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# The real start (window, sandbox, history, a workflow's form), then what it had loaded.
START_THEN_LIST = """
import sys
from tests.bench.first_paint import main
code = main(["interactive", "--sandbox"])
watched = {watched!r}
print("exit", code)
print("loaded", sorted(name for name in watched if sys.modules.get(name) is not None))
"""

# Loaded on first use or by the warm-up two seconds after start, not on the way to a usable
# window: the typed payloads (pydantic), jsonschema (a form of simple inputs is checked without
# it), h2's machinery (hpack: the plain-http sandbox never speaks HTTP/2).
NOT_AT_START = ("pydantic", "jsonschema", "hpack")


def test_a_sandbox_start_is_usable_before_what_it_does_not_use_is_loaded(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "FIZZLY_DESKTOP_HOME": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", START_THEN_LIST.format(watched=NOT_AT_START)],
        capture_output=True,
        text=True,
        check=True,
        timeout=180,
        env=env,
        cwd=Path(__file__).resolve().parents[3],
    )
    lines = result.stdout.splitlines()
    assert "interactive" in lines
    assert lines[-2:] == ["exit 0", "loaded []"]
