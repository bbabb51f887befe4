"""A 100,000-run history: opening it to the newest 200, its file size, and scrolling to the oldest.

The history is written once per run of the bench (``tests/bench/history_fill.py``: the app's own
rows in one transaction) into a temporary folder. Then:

- the history opened and its newest 200 runs read with their timelines (``HistoryStore`` and
  ``recent_runs``, median of several), against a bare sqlite3 SELECT of the same rows;
- the file's size per 1,000 runs (runs, timelines, outputs and the search index);
- the real app over a copy of it (``tests/bench/history_probe.py``, a child process): how long
  until the queue shows the newest 200, and the GUI thread's stalls while the rest loads (the
  queue scrolled a notch a frame), while the scroll bar is dragged to the oldest run in a
  second, and while the queue scrolls back up from there a notch a frame.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.bench.bench_memory import probe
from tests.bench.history_fill import fill_history, make_pictures

RUNS = 100_000
REPEATS = 7
GOAL_P99_MS = 16.0
GOAL_MAX_MS = 50.0


def _open_newest(path: Path) -> float:
    from fizzly_desktop.core.history import HistoryStore

    started = time.perf_counter()
    store = HistoryStore(path)
    runs = store.recent_runs(200)
    elapsed = time.perf_counter() - started
    store.close()
    assert len(runs) == 200
    return elapsed


def _bare_newest(path: Path) -> float:
    started = time.perf_counter()
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT * FROM runs ORDER BY created_at DESC LIMIT 200").fetchall()
    ids = [row[0] for row in rows]
    marks = ", ".join("?" * len(ids))
    conn.execute(f"SELECT * FROM node_events WHERE run_id IN ({marks})", ids).fetchall()
    for row in rows:
        json.loads(row[5])
    elapsed = time.perf_counter() - started
    conn.close()
    return elapsed


def measure() -> list[dict[str, Any]]:
    from fizzly_desktop.core.profiles import SANDBOX_PROFILE_NAME

    with tempfile.TemporaryDirectory(prefix="fizzly-bench-history-") as tmp:
        home = Path(tmp)
        path = home / "history.sqlite3"
        started = time.perf_counter()
        fill_history(path, RUNS, make_pictures(home / "pictures", 500), SANDBOX_PROFILE_NAME)
        fill_s = time.perf_counter() - started
        size_mb = path.stat().st_size / 1e6
        _open_newest(path)  # the file in the page cache for both
        ours = statistics.median(_open_newest(path) for _ in range(REPEATS))
        bare = statistics.median(_bare_newest(path) for _ in range(REPEATS))
        app = probe("--history-file", str(path), "--expect", str(RUNS), "--scroll-to-oldest")
    phases = app["phases"]
    rows: list[dict[str, Any]] = [
        {
            "benchmark": f"history open + newest 200 of {RUNS:,} runs (median of {REPEATS})",
            "value": round(ours * 1000, 2),
            "unit": "ms",
            "baseline": round(bare * 1000, 2),
            "ratio": round(ours / bare, 2),
            "goal": "< 50 ms; baseline: bare sqlite3 SELECT of the same rows",
        },
        {
            "benchmark": f"app: queue shows the newest 200 of {RUNS:,} runs",
            "value": round(app["newest_200_shown_s"] * 1000),
            "unit": "ms",
            "baseline": None,
            "ratio": None,
            "goal": "from the engine's start (sandbox start included); rows in the model",
        },
        {
            "benchmark": f"history file size per 1,000 runs ({size_mb:,.0f} MB for {RUNS:,})",
            "value": round(size_mb / (RUNS / 1000), 2),
            "unit": "MB",
            "baseline": None,
            "ratio": None,
            "goal": f"reported (runs, timelines, outputs, search index); written in {fill_s:.0f} s",
        },
    ]
    for key, label in (
        ("loading", f"while the other {RUNS - 200:,} load (queue scrolled a notch a frame)"),
        ("to_oldest", "dragging the scroll bar to the oldest run in a second"),
        ("back_up", "scrolling up from the oldest, a notch a frame"),
    ):
        phase = phases.get(key)
        if phase is None:
            continue
        for stat, goal in (("p99", GOAL_P99_MS), ("max", GOAL_MAX_MS)):
            rows.append(
                {
                    "benchmark": f"GUI stall {stat}, {RUNS:,}-run history, {label}",
                    "value": phase[stat],
                    "unit": "ms",
                    "baseline": None,
                    "ratio": None,
                    "goal": f"<= {goal:g} ms; {phase['over_50']} stalls over 50 ms",
                }
            )
    rows.append(
        {
            "benchmark": f"app RSS with the {RUNS:,}-run history loaded",
            "value": app["memory_end"]["rss"],
            "unit": "MiB",
            "baseline": None,
            "ratio": None,
            "goal": "reported (see RSS per 1,000 runs)",
        }
    )
    return rows


if __name__ == "__main__":
    for row in measure():
        print(row)
