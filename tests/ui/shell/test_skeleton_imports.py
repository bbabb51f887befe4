"""The window's skeleton paints before the HTTP stack, schemas and keyring are loaded."""

from __future__ import annotations

import subprocess
import sys

# Loaded off the GUI thread once the window is on screen (app._preload_heavy_modules): any of
# them imported by the skeleton delays the first paint by its whole import time.
HEAVY = ("httpx", "pydantic", "jsonschema", "keyring", "fizzly_desktop.api.client")
# Made by the controller with the other parts right after the first paint: the run table's
# view, delegates and models and the state groups take a frame's worth of imports and set-up.
AFTER_PAINT = (
    "fizzly_desktop.ui.queue.queue_view",
    "fizzly_desktop.ui.queue.progress_cell",
    "fizzly_desktop.ui.queue.state_filters",
)


def test_the_skeleton_imports_no_heavy_module() -> None:
    # A fresh interpreter: this test process has long imported everything.
    probe = (
        "import sys\n"
        "from fizzly_desktop.ui.shell.main_window import MainWindow\n"
        f"print(sorted(name for name in {HEAVY + AFTER_PAINT!r} if name in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "[]"


# Not needed until they are used: video and sound (the player, made on the first clip shown),
# keys (read off the GUI thread when a profile has one), httpx's command line (never).
ON_FIRST_USE = ("PySide6.QtMultimedia", "keyring", "httpx._main", "rich")


def test_the_whole_window_loads_nothing_before_it_is_used() -> None:
    probe = (
        "import sys\n"
        "import fizzly_desktop.ui.controller\n"
        f"print(sorted(name for name in {ON_FIRST_USE!r} if sys.modules.get(name) is not None))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "[]"
