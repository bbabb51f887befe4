"""Shared test set-up: every test runs with the app's folders in its own temporary home.

Fixtures live in ``tests/fixtures/`` (one module per subsystem) and are loaded here as plugins,
so that each subsystem's fixtures are kept next to each other and away from the others.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

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
