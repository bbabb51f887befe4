"""The window's skeleton paints before the HTTP stack, schemas and keyring are loaded."""

from __future__ import annotations

import subprocess
import sys

# Loaded off the GUI thread once the window is on screen (app._preload_heavy_modules): any of
# them imported by the skeleton delays the first paint by its whole import time.
HEAVY = ("httpx", "pydantic", "jsonschema", "keyring", "fizzly_desktop.api.client")


def test_the_skeleton_imports_no_heavy_module() -> None:
    # A fresh interpreter: this test process has long imported everything.
    probe = (
        "import sys\n"
        "from fizzly_desktop.ui.shell.main_window import MainWindow\n"
        "from fizzly_desktop.ui.queue.run_table import RunTableModel\n"
        f"print(sorted(name for name in {HEAVY!r} if name in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.strip() == "[]"
