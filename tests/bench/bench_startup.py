"""Time from process start to the first painted main window, and until it can be used, against
the first paint of a bare PySide6 window."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

RUNS = 9


def _time_to_first_paint(mode: str, home: str) -> float:
    """Seconds until the child prints ``painted`` (``interactive`` in that mode)."""
    expected = "interactive" if mode == "interactive" else "painted"
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["FIZZLY_DESKTOP_HOME"] = home
    # An installed app starts from compiled bytecode (pip and the frozen build write it). A
    # shell with PYTHONDONTWRITEBYTECODE would recompile every module at every start and time
    # the compiler: the warm-up run writes the bytecode to the bench's own cache instead.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = os.path.join(home, "bytecode")
    args = [sys.executable, "-m", "tests.bench.first_paint", mode]
    if mode in ("app", "interactive"):
        args.append("--sandbox")
    started = time.perf_counter()
    with subprocess.Popen(args, stdout=subprocess.PIPE, env=env, text=True) as child:
        assert child.stdout is not None
        for line in child.stdout:
            if line.strip() == expected:
                elapsed = time.perf_counter() - started
                break
        else:
            raise RuntimeError(f"{mode} window never said {expected} (exit {child.wait()})")
        child.wait(timeout=30)
    return elapsed


def measure() -> list[dict[str, Any]]:
    app_times: list[float] = []
    bare_times: list[float] = []
    usable_times: list[float] = []
    with tempfile.TemporaryDirectory() as home:
        _time_to_first_paint("app", home)  # warm the file cache and create the app's folders
        for _ in range(RUNS):  # alternate so that drift affects both alike
            bare_times.append(_time_to_first_paint("bare", home))
            app_times.append(_time_to_first_paint("app", home))
            usable_times.append(_time_to_first_paint("interactive", home))
    app, bare = statistics.median(app_times), statistics.median(bare_times)
    usable = statistics.median(usable_times)
    return [
        {
            "benchmark": f"start-up to first paint (median of {RUNS})",
            "value": round(app * 1000),
            "unit": "ms",
            "baseline": round(bare * 1000),
            "ratio": round(app / bare, 2),
            "goal": "ratio <= 1.5 (bare QMainWindow)",
        },
        {
            "benchmark": f"start-up to interactive (median of {RUNS})",
            "value": round(usable * 1000),
            "unit": "ms",
            "baseline": round(bare * 1000),
            "ratio": round(usable / bare, 2),
            "goal": "ratio <= 3 (bare QMainWindow's first paint); a workflow's form taking "
            "input, the sandbox connected, the history listed",
        },
    ]
