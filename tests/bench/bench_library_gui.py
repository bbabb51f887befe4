"""Library figures on the GUI thread: opening a compare view of four 1024 px images, and the
longest stall while 1,000 runs are deleted with their files (the queue's rows going too).

Compare: from making the view to its four pictures decoded (in a worker, as the app does) and
painted once; the baseline decodes and paints one picture alone in the same run. Delete: a 1 ms
timer on the GUI thread records the gaps between its ticks while ``RunEngine.delete_runs`` takes
1,000 finished runs, their images and sidecars (the baseline: the same probe on an idle loop).
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
from pathlib import Path
from typing import Any

SIDE = 1024
RUNS = 1_000


def _app() -> Any:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _picture(path: Path, hue: int) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter

    image = QImage(SIDE, SIDE, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    gradient = QLinearGradient(QPointF(0, 0), QPointF(SIDE, SIDE))
    gradient.setColorAt(0, QColor.fromHsv(hue, 160, 120))
    gradient.setColorAt(1, QColor.fromHsv((hue + 90) % 360, 120, 240))
    painter.fillRect(image.rect(), gradient)
    for i in range(0, SIDE, 16):
        painter.setPen(QColor.fromHsv((i * 7 + hue) % 360, 180, 230))
        painter.drawLine(i, 0, SIDE - i, SIDE)
    painter.end()
    image.save(str(path), "png")


def _row(name: str, value: float, unit: str, baseline: float, goal: str) -> dict[str, Any]:
    return {
        "benchmark": name,
        "value": round(value, 2),
        "unit": unit,
        "baseline": round(baseline, 2),
        "ratio": round(value / baseline, 2) if baseline > 0 else None,
        "goal": goal,
    }


def _compare_ms(paths: list[Path]) -> float:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QLabel

    from fizzly_desktop.core.compare import InputDifference
    from fizzly_desktop.ui.outputs.compare_view import CompareView

    started = time.perf_counter()
    captions = [f"{n} · seed {n}" for n in range(1, len(paths) + 1)]
    differences = [InputDifference("seed", tuple(str(n) for n in range(1, len(paths) + 1)))]
    if len(paths) == 1:
        label = QLabel()
        label.resize(1100, 760)
        label.show()
        image = QImage(str(paths[0]))
        label.setPixmap(label.pixmap().fromImage(image))
        label.grab()
        elapsed = time.perf_counter() - started
        label.close()
        return elapsed * 1000
    view = CompareView(captions, differences)
    view.show()

    async def load() -> None:
        images = await asyncio.gather(*(asyncio.to_thread(QImage, str(p)) for p in paths))
        for index, image in enumerate(images):
            view.set_image(index, image)

    asyncio.run(load())
    view.grab()
    elapsed = time.perf_counter() - started
    view.close()
    QEventLoop().processEvents()
    return elapsed * 1000


def _delete_stall(root: Path) -> tuple[float, float]:
    """Max GUI-thread gap (ms) while deleting RUNS runs with files, and on an idle loop."""
    import qasync
    from PySide6.QtCore import Qt, QTimer

    from fizzly_desktop.core.deletion import Holding
    from fizzly_desktop.core.engine import RunEngine
    from fizzly_desktop.core.events import RunsChanged
    from fizzly_desktop.core.history import HistoryStore, OutputRecord
    from fizzly_desktop.core.runs import Run, RunState
    from fizzly_desktop.ui.queue.run_model import RunTableModel

    store = HistoryStore(root / "history.sqlite3")
    runs, records = [], []
    pictures = root / "pictures"
    pictures.mkdir()
    for n in range(RUNS):
        run = Run.create("demo/text-to-image", {"prompt": f"dune {n}", "seed": n}, "bench")
        run.state, run.created_at = RunState.COMPLETED, 1_700_000_000.0 + n
        image, sidecar = pictures / f"{n:04}.png", pictures / f"{n:04}.json"
        image.write_bytes(b"\x89PNG" + b"x" * 2048)
        sidecar.write_text("{}")
        runs.append(run)
        records.append(
            OutputRecord(run.id, "image", "http://x", image, sidecar, "image/png", 8, 8, 1.0)
        )
    store.save_runs(runs).result()
    for record in records:
        store.save_output(record)
    store.write(lambda conn: None).result()

    app = _app()
    loop = qasync.QEventLoop(app)
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(1)
    timer.timeout.connect(tick)

    async def factory(profile: str) -> Any:
        raise AssertionError("no request is made")

    async def scenario() -> tuple[float, float]:
        engine = RunEngine(store, factory)
        await engine.start()
        model = RunTableModel()
        model.set_runs(r.copy() for r in engine.runs())

        def on_change(event: object) -> None:
            if isinstance(event, RunsChanged) and event.removed:
                model.apply(removed=event.removed)

        engine.subscribe(on_change)
        await asyncio.sleep(0.5)  # the history's older runs settle in
        gaps.clear()
        last[0] = time.perf_counter()
        timer.start()
        await asyncio.sleep(1.0)
        idle = max(gaps, default=0.0)
        gaps.clear()
        last[0] = time.perf_counter()
        held = await engine.library.delete_runs([r.id for r in runs], Holding(root / "held"))
        await asyncio.sleep(0.1)  # the frame that removes the rows
        timer.stop()
        if held is None or len(held.runs) != RUNS:
            raise RuntimeError("not every run was deleted")
        assert model.rowCount() == 0, "rows left in the queue"
        stall = max(gaps, default=0.0)
        await engine.close()
        return stall, idle

    try:
        with loop:
            return loop.run_until_complete(scenario())
    finally:
        store.close()


def measure() -> list[dict[str, Any]]:
    _app()
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="fizzly-bench-") as tmp:
        root = Path(tmp)
        paths = []
        for n in range(4):
            path = root / f"compare-{n}.png"
            _picture(path, n * 80)
            paths.append(path)
        _compare_ms(paths)  # warm up: fonts, styles, image plugins
        single = min(_compare_ms(paths[:1]) for _ in range(3))
        four = sorted(_compare_ms(paths) for _ in range(5))[2]
        rows.append(_row("compare view, four 1024 px images", four, "ms", single, "< 100 ms"))
        stall, idle = _delete_stall(root)
        rows.append(
            _row(f"delete {RUNS:,} runs with files, GUI max stall", stall, "ms", idle, "<= 50 ms")
        )
    return rows
