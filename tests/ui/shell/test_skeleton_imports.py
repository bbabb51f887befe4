"""The window's skeleton paints before the HTTP stack, schemas and keyring are loaded."""

from __future__ import annotations

import os
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


PRELOAD_IN_A_WORKER = """
import sys, threading
from PySide6.QtWidgets import QApplication
from fizzly_desktop.app import _preload_heavy_modules
from fizzly_desktop.ui.shell.main_window import MainWindow

app = QApplication([])
window = MainWindow()
worker = threading.Thread(target=_preload_heavy_modules)
worker.start()
worker.join()
print("preloaded", "fizzly_desktop.ui.controller" in sys.modules)
from fizzly_desktop.core.session import AppSession
from fizzly_desktop.ui.controller import AppController
controller = AppController(AppSession(), window, use_sandbox=False)
print("built", controller.window is window, controller.thread() is app.thread())
"""


def test_the_controller_is_imported_off_the_gui_thread_and_works() -> None:
    # The GUI thread only builds it: its module and the panels' load in the start-up worker.
    result = subprocess.run(
        [sys.executable, "-c", PRELOAD_IN_A_WORKER],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.stdout.splitlines() == ["preloaded True", "built True True"]
