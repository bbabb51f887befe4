"""Time from process start to the first painted main window, against a bare PySide6 window."""

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
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["FIZZLY_DESKTOP_HOME"] = home
    args = [sys.executable, "-m", "tests.bench.first_paint", mode]
    if mode == "app":
        args.append("--sandbox")
    started = time.perf_counter()
    with subprocess.Popen(args, stdout=subprocess.PIPE, env=env, text=True) as child:
        assert child.stdout is not None
        for line in child.stdout:
            if line.strip() == "painted":
                elapsed = time.perf_counter() - started
                break
        else:
            raise RuntimeError(f"{mode} window never painted (exit {child.wait()})")
        child.wait(timeout=30)
    return elapsed


def measure() -> list[dict[str, Any]]:
    app_times: list[float] = []
    bare_times: list[float] = []
    with tempfile.TemporaryDirectory() as home:
        _time_to_first_paint("app", home)  # warm the file cache and create the app's folders
        for _ in range(RUNS):  # alternate so that drift affects both alike
            bare_times.append(_time_to_first_paint("bare", home))
            app_times.append(_time_to_first_paint("app", home))
    app, bare = statistics.median(app_times), statistics.median(bare_times)
    return [
        {
            "benchmark": f"start-up to first paint (median of {RUNS})",
            "value": round(app * 1000),
            "unit": "ms",
            "baseline": round(bare * 1000),
            "ratio": round(app / bare, 2),
            "goal": "ratio <= 1.5 (bare QMainWindow)",
        }
    ]
