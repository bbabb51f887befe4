"""Library figures: search over 10,000 runs per keystroke (FTS5), against a plain scan of the text.

A history of 10,000 runs with varied prompts is written once; then prompts are "typed" letter by
letter, each keystroke running the search the queue and gallery run as you type (newest 500 matches,
stars filter off and on). The p99 over every keystroke is the figure; the baseline is the same
keystrokes answered by ``LIKE '%text%'`` over the stored inputs, measured in the same run.
"""

from __future__ import annotations

import random
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

from fizzly_desktop.core.history import HistoryStore
from fizzly_desktop.core.library_search import SearchQuery, search_runs
from fizzly_desktop.core.marks import Mark, MarkKey, set_marks
from fizzly_desktop.core.runs import Run, RunState

RUNS = 10_000
_WORDS = [
    "cat",
    "dog",
    "astronaut",
    "castle",
    "harbour",
    "lighthouse",
    "forest",
    "neon",
    "city",
    "portrait",
    "watercolour",
    "oil",
    "sunset",
    "dawn",
    "misty",
    "mountain",
    "river",
    "robot",
    "dragon",
    "garden",
    "winter",
    "summer",
    "glass",
    "marble",
    "velvet",
    "cinematic",
    "macro",
    "studio",
    "lighting",
    "golden",
    "hour",
    "bokeh",
    "ancient",
    "futuristic",
    "desert",
    "ocean",
    "storm",
]
_TYPED = ("astronaut", "misty mountain", "golden hour bokeh", "velvet dragon", "zebra")


def _history(path: Path) -> HistoryStore:
    rng = random.Random(18)
    store = HistoryStore(path)
    runs = []
    for i in range(RUNS):
        prompt = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(6, 18)))
        run = Run.create(
            rng.choice(("demo/text-to-image", "demo/upscale", "acme/portrait")),
            {"prompt": prompt, "seed": rng.randrange(2**31), "steps": 30, "cfg": 6.5},
            "bench",
        )
        run.created_at = 1_700_000_000.0 + i * 37
        run.state = rng.choice((RunState.COMPLETED, RunState.COMPLETED, RunState.FAILED))
        runs.append(run)
    store.save_runs(runs).result()
    starred = [MarkKey(r.id) for r in runs[::40]]
    store.write(lambda c: set_marks(c, starred, Mark.STAR, now=1.0)).result()
    return store


def _keystrokes() -> list[str]:
    return [text[:n] for text in _TYPED for n in range(1, len(text) + 1)]


def _p99(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def _time_fts(conn: sqlite3.Connection) -> list[float]:
    samples = []
    for marks in (None, "starred"):
        for typed in _keystrokes():
            query = SearchQuery(text=typed, marks=marks, limit=500)  # type: ignore[arg-type]
            started = time.perf_counter()
            search_runs(conn, query)
            samples.append((time.perf_counter() - started) * 1000)
    return samples


def _time_scan(conn: sqlite3.Connection) -> list[float]:
    samples = []
    for _ in (None, "starred"):
        for typed in _keystrokes():
            started = time.perf_counter()
            conn.execute(
                "SELECT id FROM runs WHERE inputs LIKE ? ORDER BY created_at DESC LIMIT 500",
                (f"%{typed}%",),
            ).fetchall()
            samples.append((time.perf_counter() - started) * 1000)
    return samples


def measure() -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        store = _history(Path(tmp) / "history.sqlite3")
        try:
            fts = store.read(_time_fts)
            scan = store.read(_time_scan)
        finally:
            store.close()
    value, baseline = _p99(fts), _p99(scan)
    return [
        {
            "benchmark": f"search {RUNS:,} runs, p99 per keystroke",
            "value": value,
            "unit": "ms",
            "baseline": baseline,
            "ratio": value / baseline if baseline else None,
            "goal": "<= 16 ms",
        }
    ]
