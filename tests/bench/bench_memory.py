"""Memory: the app over a 10,000-run history with 500 thumbnails decoded, against a bare window.

Each figure comes from a fresh child process (``tests/bench/history_probe.py``): a bare
QMainWindow of the app's size (the baseline), then the real app over histories of 2,000, 6,000
and 10,000 runs (resident memory once the whole history is loaded: the growth per 1,000 runs,
and whether it is linear), and on the largest the gallery scrolled until 500 distinct
thumbnails were decoded (memory every 100: what the first ones cost, and that the rest are let
go once off screen). Peak is the process's high-water mark (VmHWM). The sandbox child is a
process of its own and is not counted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from typing import Any

from tests.bench.bench_window import SCREEN_CONFIG

HISTORIES = (2_000, 6_000, 10_000)
THUMBNAILS = 500
TIMEOUT_S = 300.0


def probe(*args: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="fizzly-bench-memory-") as home:
        env = dict(
            os.environ,
            FIZZLY_DESKTOP_HOME=home,
            QT_QPA_PLATFORM=f"offscreen:configfile={SCREEN_CONFIG}",
        )
        done = subprocess.run(
            [sys.executable, "-m", "tests.bench.history_probe", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        if done.returncode != 0 or not lines:
            tail = "\n".join(done.stderr.splitlines()[-25:])
            raise RuntimeError(f"the history probe failed (exit {done.returncode}):\n{tail}")
        figures: dict[str, Any] = json.loads(lines[-1])
        return figures


def measure() -> list[dict[str, Any]]:
    bare = probe("--bare")["memory"]["rss"]
    loaded: dict[int, dict[str, Any]] = {}
    for count in HISTORIES:
        extra = ("--thumbnails", str(THUMBNAILS)) if count == HISTORIES[-1] else ()
        loaded[count] = probe("--history", str(count), *extra)
    small, middle, large = (loaded[n]["memory_history"]["rss"] for n in HISTORIES)
    first = (middle - small) / ((HISTORIES[1] - HISTORIES[0]) / 1000)
    second = (large - middle) / ((HISTORIES[2] - HISTORIES[1]) / 1000)
    big = loaded[HISTORIES[-1]]
    peak = big["memory_end"]["peak"]
    steps = {step["thumbnails"]: step["rss"] for step in big.get("memory_thumbnails", [])}
    at_history = big["memory_history"]["rss"]
    first_200 = (steps.get(200, at_history) - at_history) / 2
    beyond = steps.get(THUMBNAILS, at_history) - steps.get(200, at_history)
    cache = big.get("thumbnail_cache", {})
    return [
        {
            "benchmark": f"peak RSS, {HISTORIES[-1]:,}-run history + {THUMBNAILS} thumbnails",
            "value": peak,
            "unit": "MiB",
            "baseline": bare,
            "ratio": round(peak / bare, 2),
            "goal": "<= 3x a bare window's RSS (baseline: bare QMainWindow, same size)",
        },
        {
            "benchmark": f"RSS with the {HISTORIES[-1]:,}-run history loaded, no thumbnails",
            "value": at_history,
            "unit": "MiB",
            "baseline": bare,
            "ratio": round(at_history / bare, 2),
            "goal": "the app and its history alone",
        },
        {
            "benchmark": "RSS per 1,000 history runs (6,000 -> 10,000)",
            "value": round(second, 2),
            "unit": "MiB",
            "baseline": round(first, 2),
            "ratio": round(second / first, 2) if first > 0 else None,
            "goal": "linear (ratio ~1; baseline: 2,000 -> 6,000) and small",
        },
        {
            "benchmark": "RSS per 100 thumbnails, the first 200 decoded",
            "value": round(first_200, 2),
            "unit": "MiB",
            "baseline": None,
            "ratio": None,
            "goal": "small: 192 px thumbnails and their tiles, while they fit the caches",
        },
        {
            "benchmark": f"RSS growth from 200 to {THUMBNAILS} thumbnails decoded",
            "value": round(beyond, 2),
            "unit": "MiB",
            "baseline": None,
            "ratio": None,
            "goal": (
                "~0: thumbnails scrolled past are evicted (cache at the end: "
                f"{cache.get('count', '?')} thumbnails, {cache.get('mib', '?')} MiB)"
            ),
        },
    ]


if __name__ == "__main__":
    for row in measure():
        print(row)
