"""Benchmark: how long the GUI thread stalls while 200 WebP thumbnails decode, against idle.

A 1 ms timer on the GUI thread records the gap between its ticks; a gap much longer than the
interval is a stall the user would feel. The same probe runs first on an idle event loop (the
baseline), then while ``ThumbnailLoader`` decodes 200 distinct 1024×1024 WebP files into 256 px
thumbnails, and again while a ``GalleryView`` of those 200 outputs is scrolled through. The goals
are the main window's: p99 <= 16 ms and max <= 50 ms.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

COUNT = 200
SIDE = 1024
THUMBNAIL = 256
GOAL_P99_MS = 16.0
GOAL_MAX_MS = 50.0


def _app() -> Any:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


class _StallProbe:
    """Records the gaps between ticks of a 1 ms GUI-thread timer."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.gaps_ms: list[float] = []
        self._last = 0.0
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps_ms.append((now - self._last) * 1000.0)
        self._last = now

    def run_until(self, done: Callable[[], bool], timeout: float, minimum: float = 0.0) -> float:
        """Run the event loop (as the app does) until ``done()``; return the seconds taken."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        start = time.perf_counter()

        def check() -> None:
            elapsed = time.perf_counter() - start
            if elapsed >= timeout or (elapsed >= minimum and done()):
                loop.quit()

        checker = QTimer()
        checker.setInterval(10)
        checker.timeout.connect(check)
        self.gaps_ms.clear()
        self._last = time.perf_counter()
        self._timer.start()
        checker.start()
        loop.exec()
        checker.stop()
        self._timer.stop()
        return time.perf_counter() - start

    def p99(self) -> float:
        if len(self.gaps_ms) < 2:
            return 0.0
        return statistics.quantiles(self.gaps_ms, n=100)[98]

    def max(self) -> float:
        return max(self.gaps_ms, default=0.0)


def _write_images(folder: Path) -> list[Path]:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter

    image = QImage(SIDE, SIDE, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    gradient = QLinearGradient(QPointF(0, 0), QPointF(SIDE, SIDE))
    gradient.setColorAt(0, QColor("#1e3c72"))
    gradient.setColorAt(1, QColor("#f7797d"))
    painter.fillRect(image.rect(), gradient)
    for i in range(0, SIDE, 16):  # detail, so the encoder has real work to undo
        painter.setPen(QColor.fromHsv((i * 7) % 360, 180, 230))
        painter.drawLine(i, 0, SIDE - i, SIDE)
    painter.end()
    first = folder / "out-000.webp"
    if not image.save(str(first), "webp", 90):
        raise RuntimeError("this Qt cannot write WebP")
    data = first.read_bytes()
    paths = [first]
    for n in range(1, COUNT):
        path = folder / f"out-{n:03}.webp"
        path.write_bytes(data)  # distinct files: every one is decoded, none comes from cache
        paths.append(path)
    return paths


def _row(name: str, value: float, unit: str, baseline: float, goal: str) -> dict[str, Any]:
    return {
        "benchmark": name,
        "value": round(value, 2),
        "unit": unit,
        "baseline": round(baseline, 2),
        "ratio": round(value / baseline, 2) if baseline > 0 else None,
        "goal": goal,
    }


def measure() -> list[dict[str, Any]]:
    """Run the benchmark; one row per measurement, each next to its idle baseline."""
    _app()
    from fizzly_desktop.ui.gallery.view import GalleryView
    from fizzly_desktop.ui.outputs.output_items import OutputItem
    from fizzly_desktop.ui.outputs.thumbnails import ThumbnailLoader

    probe = _StallProbe()
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="fizzly-bench-") as tmp:
        paths = _write_images(Path(tmp))

        probe.run_until(lambda: False, timeout=2.0)
        idle_p99, idle_max = probe.p99(), probe.max()

        loader = ThumbnailLoader(max_count=COUNT * 2, max_bytes=512 * 1024 * 1024)
        ready: set[str] = set()
        loader.thumbnail_ready.connect(lambda path, _size: ready.add(path))
        for path in paths:
            loader.request(path, THUMBNAIL)
        elapsed = probe.run_until(lambda: len(ready) == COUNT, timeout=120.0)
        decoded = len(ready)
        loader.shutdown()
        rows += [
            _row(
                f"thumbnails: GUI stall p99 while decoding {COUNT} webp {SIDE}px",
                probe.p99(),
                "ms",
                idle_p99,
                f"p99 <= {GOAL_P99_MS:g} ms",
            ),
            _row(
                f"thumbnails: GUI stall max while decoding {COUNT} webp {SIDE}px",
                probe.max(),
                "ms",
                idle_max,
                f"max <= {GOAL_MAX_MS:g} ms",
            ),
            {
                "benchmark": f"thumbnails: {THUMBNAIL}px thumbnails decoded per second",
                "value": round(decoded / max(elapsed, 1e-9), 1),
                "unit": "thumbnails/s",
                "baseline": None,
                "ratio": None,
                "goal": f"all {COUNT} decoded ({decoded} were)",
            },
        ]

        # The gallery scrolled top to bottom while its thumbnails decode.
        loader = ThumbnailLoader()
        gallery = GalleryView(loader)
        gallery.resize(1200, 800)
        gallery.show()
        now = datetime.now(UTC)
        gallery.gallery_model.add_items(
            OutputItem(
                run_id=f"run-{n}",
                name="generated_image",
                kind="image",
                path=path,
                workflow="demo/text-to-image",
                workflow_name="Text to image",
                created_at=now - timedelta(seconds=n),
                width=SIDE,
                height=SIDE,
            )
            for n, path in enumerate(paths)
        )
        bar = gallery.list_view.verticalScrollBar()
        _app().processEvents()

        def scroll_step() -> bool:
            bar.setValue(bar.value() + 40)
            return bar.value() >= bar.maximum() and not loader.is_busy()

        probe.run_until(scroll_step, timeout=120.0, minimum=1.0)
        gallery.close()
        loader.shutdown()
        gallery.deleteLater()
        _app().processEvents()
        rows += [
            _row(
                "gallery: GUI stall p99 while scrolling 200 outputs as they decode",
                probe.p99(),
                "ms",
                idle_p99,
                f"p99 <= {GOAL_P99_MS:g} ms",
            ),
            _row(
                "gallery: GUI stall max while scrolling 200 outputs as they decode",
                probe.max(),
                "ms",
                idle_max,
                f"max <= {GOAL_MAX_MS:g} ms",
            ),
        ]
    return rows


if __name__ == "__main__":
    for row in measure():
        print(row)
