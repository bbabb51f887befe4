"""Memory and long-history figures of the real app, in one process, printed as one JSON line.

    python -m tests.bench.history_probe --bare
        a bare QMainWindow of the app's size, shown: its resident memory (the baseline)
    python -m tests.bench.history_probe --history 10000 --thumbnails 500
        the app over a 10,000-run history (filled here): resident memory once the whole
        history is loaded, then while the gallery is scrolled until 500 distinct thumbnails
        have been decoded (memory noted every 100), and the peak
    python -m tests.bench.history_probe --history-file FILE --expect N --scroll-to-oldest
        the app over a history made beforehand (copied in): the time until the queue shows
        the newest 200, then the GUI thread's stalls while the rest loads (the queue scrolled
        a notch a frame), while the scroll bar is dragged to the oldest run in a second, and
        while the queue is scrolled back up from there a notch a frame

Resident memory is read from /proc (VmRSS now, VmHWM the peak). The sandbox child the app starts
is another process and is not counted. FIZZLY_DESKTOP_HOME must point at a folder the caller
removes afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from tests.bench.window_probe import StackSampler, StallProbe, lower_priority, summary, until

WINDOW_SIZE = (1320, 840)
SCROLL_INTERVAL_MS = 16
SANDBOX_NICENESS = 10


def memory_mib() -> dict[str, float]:
    """Resident memory of this process now and at its peak, in MiB (Linux /proc)."""
    figures = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            figures[name] = round(int(value.split()[0]) / 1024, 1)
    return {"rss": figures.get("VmRSS", 0.0), "peak": figures.get("VmHWM", 0.0)}


def bare(result: dict[str, Any]) -> None:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(*WINDOW_SIZE)
    window.show()
    loop = QEventLoop()
    QTimer.singleShot(1000, loop.quit)
    loop.exec()
    result["memory"] = memory_mib()
    window.close()
    del app


class PageScroller:
    """Moves a scroll bar by ``step`` every frame until it reaches ``target``."""

    def __init__(self, bar: Any, step: int, target: int) -> None:
        from PySide6.QtCore import QTimer

        self.bar = bar
        self.step = step
        self.target = target
        self.done = False
        self.timer = QTimer()
        self.timer.setInterval(SCROLL_INTERVAL_MS)
        self.timer.timeout.connect(self._move)
        self.timer.start()

    def _move(self) -> None:
        value = self.bar.value()
        if (self.step > 0 and value >= self.target) or (self.step < 0 and value <= self.target):
            self.done = True
            self.timer.stop()
            return
        ahead = value + self.step
        self.bar.setValue(min(ahead, self.target) if self.step > 0 else max(ahead, self.target))


async def play(options: argparse.Namespace, result: dict[str, Any]) -> None:
    from fizzly_desktop.core.engine import EngineSettings
    from fizzly_desktop.core.session import AppSession
    from fizzly_desktop.ui.controller import AppController

    probe = StallProbe()
    sampler: StackSampler | None = None
    if options.sample_stacks:
        import threading

        sampler = StackSampler(probe, threading.get_ident())
        sampler.start()
    session = AppSession(
        sandbox_args=["--rate-limit", "100000", "--log-level", "warning"],
        engine_settings=EngineSettings(),
    )
    controller = AppController(session, use_sandbox=True)
    controller.window.resize(*WINDOW_SIZE)
    controller.show()
    model = controller.run_model
    try:
        started = time.perf_counter()
        probe.begin("open")
        start = asyncio.ensure_future(controller.start())
        # The newest 200 are in the queue's model and the queue has painted them.
        await until(lambda: model.rowCount() >= min(200, options.expect), 60)
        result["newest_200_shown_s"] = round(time.perf_counter() - started, 3)
        await start
        engine = controller.engine
        if controller.sandbox is None or engine is None:
            raise RuntimeError("the app did not start its sandbox or engine")
        lower_priority(controller.sandbox.pid, SANDBOX_NICENESS)
        if options.scroll_to_oldest:
            table = controller.window.queue_view.table
            bar = table.verticalScrollBar()
            notch = 3 * table.verticalHeader().defaultSectionSize()
            # While the rest of the history comes in, the queue is scrolled a notch a frame.
            probe.end()
            probe.begin("loading")
            down = PageScroller(bar, notch, 1 << 30)
            loaded = await until(
                lambda: engine.history_complete and model.rowCount() >= options.expect, 120
            )
            down.timer.stop()
            probe.end()
            result["history_loaded"] = loaded
            result["rows"] = model.rowCount()
            await asyncio.sleep(0.5)
            # The scroll bar dragged from the newest run to the oldest in a second (a step a
            # frame), then a notch a frame back up, 300 notches.
            probe.begin("to_oldest")
            drag = PageScroller(bar, max(1, (bar.maximum() - bar.value()) // 60), bar.maximum())
            await until(lambda: drag.done, 60)
            await asyncio.sleep(0.3)
            probe.end()
            result["reached_oldest"] = bar.value() >= bar.maximum()
            probe.begin("back_up")
            up = PageScroller(bar, -notch, max(0, bar.maximum() - 300 * notch))
            await until(lambda: up.done, 60)
            probe.end()
            # Memory is read once the hidden gallery holds the whole history too.
            gallery = controller.gallery_presenter
            result["gallery_complete"] = await until(lambda: not gallery.catching_up, 180)
            result["gallery_items"] = len(controller.gallery.gallery_model.items())
        else:
            loaded = await until(
                lambda: engine.history_complete and model.rowCount() >= options.expect, 120
            )
            probe.end()
            result["history_loaded"] = loaded
            result["rows"] = model.rowCount()
            # A hidden gallery takes the history in a little at a time: it holds all of it
            # before memory is read.
            gallery = controller.gallery_presenter
            result["gallery_complete"] = await until(lambda: not gallery.catching_up, 120)
            result["gallery_items"] = len(controller.gallery.gallery_model.items())
            await asyncio.sleep(1.0)
            result["memory_history"] = memory_mib()
        if options.thumbnails:
            await decode_thumbnails(controller, options.thumbnails, result)
        result["memory_end"] = memory_mib()
    finally:
        probe.timer.stop()
        if sampler is not None:
            sampler.stop.set()
            sampler.join()
            result["stall_samples"] = dict(sampler.counts.most_common(25))
        await controller.shutdown()
    result["phases"] = {name: summary(stalls) for name, stalls in probe.stalls.items()}


async def decode_thumbnails(controller: Any, count: int, result: dict[str, Any]) -> None:
    """Scroll the gallery a row a frame until ``count`` distinct thumbnails were decoded."""
    loader = controller.thumbnails
    decoded: set[tuple[str, int]] = set()
    loader.thumbnail_ready.connect(lambda path, size: decoded.add((path, size)))
    controller.window.tabs.setCurrentIndex(1)
    view = controller.gallery.list_view
    bar = view.verticalScrollBar()
    await asyncio.sleep(0.5)
    steps: list[dict[str, float]] = []
    next_mark = 100
    deadline = time.monotonic() + 120
    while len(decoded) < count and time.monotonic() < deadline:
        bar.setValue(bar.value() + max(1, bar.singleStep()) * 8)
        await asyncio.sleep(SCROLL_INTERVAL_MS / 1000)
        while len(decoded) >= next_mark and next_mark <= count:
            steps.append({"thumbnails": next_mark, **memory_mib()})
            next_mark += 100
    await until(lambda: not loader.is_busy(), 30)
    result["thumbnails_decoded"] = len(decoded)
    result["thumbnail_cache"] = {
        "count": loader.cache_count,
        "mib": round(loader.cache_bytes / 2**20, 1),
    }
    result["memory_thumbnails"] = steps


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bare", action="store_true")
    parser.add_argument("--history", type=int, default=0)
    parser.add_argument("--pictures", type=int, default=500)
    parser.add_argument("--history-file", default=None)
    parser.add_argument("--expect", type=int, default=0, help="runs the history holds")
    parser.add_argument("--thumbnails", type=int, default=0)
    parser.add_argument("--scroll-to-oldest", action="store_true")
    parser.add_argument("--sample-stacks", action="store_true", help="where the GUI thread stalls")
    options = parser.parse_args(argv)
    result: dict[str, Any] = {}
    if options.bare:
        bare(result)
        print(json.dumps(result), flush=True)
        return 0
    if "FIZZLY_DESKTOP_HOME" not in os.environ:
        parser.error("set FIZZLY_DESKTOP_HOME to a folder to be removed afterwards")

    import keyring
    from keyring.backends import fail

    from fizzly_desktop.core.paths import app_paths
    from fizzly_desktop.core.profiles import SANDBOX_PROFILE_NAME
    from tests.bench.history_fill import fill_history, make_pictures

    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]
    database = app_paths().ensure().history_db
    if options.history_file:
        shutil.copyfile(options.history_file, database)
    else:
        home = Path(os.environ["FIZZLY_DESKTOP_HOME"])
        pictures = make_pictures(home / "pictures", options.pictures)
        fill_history(database, options.history, pictures, SANDBOX_PROFILE_NAME)
        options.expect = options.history

    from PySide6.QtWidgets import QApplication

    from fizzly_desktop.app import favour_the_gui_thread
    from fizzly_desktop.ui.event_loop import GuiEventLoop

    favour_the_gui_thread()
    app = QApplication(sys.argv[:1])
    loop = GuiEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(play(options, result))
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
