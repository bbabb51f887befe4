"""Shared test set-up: every test runs with the app's folders in its own temporary home.

Fixtures live in ``tests/fixtures/`` (one module per subsystem) and are loaded here as plugins,
so that each subsystem's fixtures are kept next to each other and away from the others.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Offscreen by default, on a virtual 1600×1000 screen (the plugin's own is 800 px square, smaller
# than the main window, which would make geometry tests measure the clamping instead).
_SCREEN = Path(__file__).parent / "fixtures" / "offscreen-screen.json"
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"

pytest_plugins = [
    "tests.fixtures.sandbox",
    "tests.fixtures.qt",
    "tests.fixtures.keyring",
]


@pytest.fixture(autouse=True)
def app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app's data, config, log and picture folders, all inside this test's tmp dir."""
    home = tmp_path / "fizzly-home"
    monkeypatch.setenv("FIZZLY_DESKTOP_HOME", str(home))
    return home
