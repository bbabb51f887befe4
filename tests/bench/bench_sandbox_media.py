"""Benchmark: how long the sandbox takes to make its media files, against one picture.

The baseline is the sandbox's own work for a 1024x1024 WebP picture (text-to-image's final
output), measured in the same run. A clip is made when first fetched, on a worker thread of the
sandbox's process; the goal is that the default 3 s clip costs no more than about two pictures.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

from fizzly_desktop.sandbox.images import ImageSpec, render
from fizzly_desktop.sandbox.media.spec import MediaSpec

REPEATS = 5


def _median_ms(make: Callable[[], bytes]) -> float:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        make()
        times.append((time.perf_counter() - started) * 1000.0)
    return statistics.median(times)


def measure() -> list[dict[str, Any]]:
    baseline = _median_ms(lambda: render(ImageSpec("a lake at sunset", 1, 1024, 1024, "webp")))
    cases = [
        (
            "default clip: 3 s, 256x144, 12 fps",
            MediaSpec("video", "a lake", 1, 256, 144, 3, 12),
            2.0,
        ),
        (
            "largest clip: 8 s, 256x144, 24 fps",
            MediaSpec("video", "a lake", 1, 256, 144, 8, 24),
            8.0,
        ),
        ("default sound: 4 s WAV", MediaSpec("audio", "calm rain", 1, seconds=4), 2.0),
        ("longest sound: 10 s WAV", MediaSpec("audio", "calm rain", 1, seconds=10), 5.0),
    ]
    rows = []
    for name, spec, goal in cases:
        value = _median_ms(spec.render)
        rows.append(
            {
                "benchmark": f"sandbox media: {name}",
                "value": value,
                "unit": "ms",
                "baseline": baseline,
                "ratio": value / baseline,
                "goal": f"ratio <= {goal:g} (baseline: a 1024 px WebP picture)",
            }
        )
    return rows
