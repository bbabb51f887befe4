"""Play the window benchmark in one process and print its figures as one JSON line.

The process fills a history with finished runs (each with a picture on disk), starts the real
app against its own sandbox child (at a lower CPU priority: it stands in for a server on
another machine), and measures how long the GUI thread is kept from its event loop: a 5 ms
timer on the GUI thread records the gap between its ticks, and a stall is the part of a gap
beyond the interval. The phases, each with the same history loaded:

    idle     nothing happens (the noise floor of the timer and the machine)
    scroll   the queue scrolls three rows every frame (a wheel notch) and a run is selected
             every 250 ms, nothing streams
    ramp     the same, while N runs are sent at once (as when N selected runs are retried)
    stream   the same, while N runs stream their progress at once; each run that finishes is
             replaced by a new one, and runs differ in length, so node events keep coming
    finish   the same, while the last N runs complete and their outputs are saved

    python -m tests.bench.window_probe [--history 2000] [--runs 200] [--stream-seconds 15]
                                       [--sample-stacks]  # where the GUI thread was in stalls
                                       [--slow-callbacks]  # asyncio callbacks over 4 ms
                                       [--profile scroll|ramp|stream]  # cProfile of the GUI thread
                                       [--profile-out FILE]  # the raw cProfile stats
                                       [--paint-census]  # which widgets repaint, how much

Every phase also reports the cores used (GUI thread, app process, sandbox child), the pauses of
the garbage collector, and per-call times of the product functions listed in ``TIMED``.

FIZZLY_DESKTOP_HOME must point at a folder the caller removes afterwards.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import cProfile
import gc
import json
import os
import pstats
import random
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Any

PROBE_INTERVAL_MS = 5
SCROLL_INTERVAL_MS = 16
SCROLL_ROWS_PER_TICK = 3
SELECT_INTERVAL_MS = 250
#: A paint this large (pixels) is counted apart, as "(large)": whole views rather than strips.
FULL_PAINT_PX = 150_000
#: A repaint of the window this long is listed, with the widgets that took the time.
SLOW_FRAME_S = 0.015
#: A gap this much longer than the interval counts as a stall worth a stack sample.
SAMPLE_AFTER_S = 0.012
STREAM_WORKFLOW = "demo/text-to-image"
#: How far below the app the sandbox child runs (it stands in for a remote server).
SANDBOX_NICENESS = 10
FAILED_ERROR = "Safety check failed: the prompt was flagged by the content filter"


# --- the history -------------------------------------------------------------------------------


def fill_history(count: int, pictures: Path) -> None:
    """Write ``count`` finished runs, newest last, each completed one with a PNG output."""
    from PIL import Image, ImageDraw

    from fizzly_desktop.core.history import HistoryStore, OutputRecord
    from fizzly_desktop.core.paths import app_paths
    from fizzly_desktop.core.profiles import SANDBOX_PROFILE_NAME
    from fizzly_desktop.core.runs import NodeEntry, NodeState, Run, RunState, new_run_id

    pictures.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    now = time.time()
    runs: list[Run] = []
    records: list[OutputRecord] = []
    nodes = ("prompt-encode", "image-generation", "upscale")
    for i in range(count):
        created = now - (count - i) * 90.0  # two days of history, some of it today
        workflow = "demo/slow-render" if i % 4 == 0 else STREAM_WORKFLOW
        roll = rng.random()
        state = (
            RunState.COMPLETED
            if roll < 0.85
            else RunState.FAILED
            if roll < 0.95
            else RunState.CANCELLED
        )
        started, done = created + 1.0, created + 1.0 + rng.uniform(3.0, 30.0)
        timeline = []
        step = (done - started) / len(nodes)
        for n, name in enumerate(nodes):
            failed = state is RunState.FAILED and n == 1
            timeline.append(
                NodeEntry(
                    name,
                    NodeState.FAILED if failed else NodeState.COMPLETED,
                    started + n * step,
                    started + (n + 1) * step,
                )
            )
            if failed or (state is RunState.CANCELLED and n == 1):
                break
        run = Run(
            id=new_run_id(),
            workflow=workflow,
            inputs={"prompt": f"a lighthouse, take {i}", "seed": i, "width": 256, "height": 256},
            profile=SANDBOX_PROFILE_NAME,
            state=state,
            request_id=f"history-{i:05d}",
            progress=100.0 if state is RunState.COMPLETED else 40.0,
            timeline=timeline,
            credits_used=8.0 if state is RunState.COMPLETED else 1.0,
            credits_refunded=7.0 if state is RunState.CANCELLED else None,
            error="Safety check failed: the prompt was flagged"
            if state is RunState.FAILED
            else None,
            result_fetched=True,
            created_at=created,
            submitted_at=created + 0.2,
            started_at=started,
            completed_at=done,
            updated_at=done,
        )
        if state is RunState.COMPLETED:
            path = pictures / f"{run.id}.png"
            image = Image.new("RGB", (256, 256), (rng.randrange(256), 90, 160))
            ImageDraw.Draw(image).ellipse((40, 40, 216, 216), fill=(240, rng.randrange(256), 60))
            image.save(path, compress_level=1)
            url = f"http://127.0.0.1:9/outputs/{run.id}.png"
            run.outputs = {
                "generated_image": {
                    "url": url,
                    "width": 256,
                    "height": 256,
                    "content_type": "image/png",
                    "local_path": str(path),
                },
                "prompt_used": run.inputs["prompt"],
                "seed": i,
            }
            run.metrics = {"credits_used": 8, "total_time_ms": int((done - started) * 1000)}
            records.append(
                OutputRecord(
                    run.id, "generated_image", url, path, None, "image/png", 256, 256, done
                )
            )
        runs.append(run)
    store = HistoryStore(app_paths().ensure().history_db)
    try:
        store.save_runs(runs).result()
        last = None
        for record in records:
            last = store.save_output(record)
        if last is not None:
            last.result()
    finally:
        store.close()


def profile_table(profiler: cProfile.Profile, rows: int = 30) -> list[str]:
    """The functions that kept the GUI thread busiest (own time), as printable lines."""
    stats = pstats.Stats(profiler)
    entries = []
    for (filename, line, name), (_cc, calls, own, total, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        short = filename.split("site-packages/")[-1].split("/work/main/")[-1]
        entries.append((own, total, calls, f"{short}:{line} {name}"))
    entries.sort(reverse=True)
    return [
        f"own {own * 1000:8.0f} ms  total {total * 1000:8.0f} ms  calls {calls:7d}  {where}"
        for own, total, calls, where in entries[:rows]
    ]


# --- measuring ---------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def summary(stalls_ms: list[float]) -> dict[str, float]:
    return {
        "p50": round(percentile(stalls_ms, 0.50), 2),
        "p99": round(percentile(stalls_ms, 0.99), 2),
        "max": round(max(stalls_ms, default=0.0), 2),
        "ticks": len(stalls_ms),
        "over_16": sum(1 for s in stalls_ms if s > 16.0),
        "over_50": sum(1 for s in stalls_ms if s > 50.0),
        "lost_ms": round(sum(stalls_ms)),
    }


class CollectorTimes:
    """How long Python's cyclic garbage collector held the GUI thread, per phase and generation."""

    def __init__(self, probe: StallProbe) -> None:
        self.probe = probe
        self.started = 0.0
        self.times: dict[str, dict[int, list[float]]] = {}

    def __call__(self, stage: str, info: dict[str, int]) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        if stage == "start":
            self.started = time.perf_counter()
        elif self.probe.phase:
            elapsed = (time.perf_counter() - self.started) * 1000.0
            phase = self.times.setdefault(self.probe.phase, {})
            phase.setdefault(info["generation"], []).append(elapsed)

    def summary(self) -> dict[str, dict[str, dict[str, float]]]:
        return {
            phase: {
                f"gen{generation}": {
                    "count": len(ms),
                    "max_ms": round(max(ms), 2),
                    "total_ms": round(sum(ms)),
                }
                for generation, ms in sorted(by_generation.items())
            }
            for phase, by_generation in self.times.items()
        }


class SlowCallbacks:
    """asyncio callbacks (task steps included) that ran longer than a threshold, per phase."""

    THRESHOLD_S = 0.004

    def __init__(self, probe: StallProbe) -> None:
        self.probe = probe
        self.times: dict[str, dict[str, list[float]]] = {}
        self._original = asyncio.Handle._run

    def install(self) -> None:
        original, slow = self._original, self

        def timed_run(handle: asyncio.Handle) -> None:
            started = time.perf_counter()
            original(handle)
            took = time.perf_counter() - started
            if took >= slow.THRESHOLD_S and slow.probe.phase:
                slow.note(slow.probe.phase, handle, took)

        asyncio.Handle._run = timed_run  # type: ignore[method-assign]

    def uninstall(self) -> None:
        asyncio.Handle._run = self._original  # type: ignore[method-assign]

    def note(self, phase: str, handle: asyncio.Handle, took: float) -> None:
        callback = getattr(handle, "_callback", None)
        owner = getattr(callback, "__self__", None)
        if isinstance(owner, asyncio.Task):
            coro = owner.get_coro()
            name = f"task {getattr(coro, '__qualname__', type(coro).__name__)}"
        else:
            name = getattr(callback, "__qualname__", repr(callback))
        self.times.setdefault(phase, {}).setdefault(name, []).append(took * 1000)

    def summary(self) -> dict[str, dict[str, str]]:
        return {
            phase: {
                name: f"{len(ms)} over {self.THRESHOLD_S * 1000:g} ms, max {max(ms):.1f} ms"
                for name, ms in sorted(by_name.items(), key=lambda kv: -max(kv[1]))[:15]
            }
            for phase, by_name in self.times.items()
        }


class StackSampler(threading.Thread):
    """While the GUI thread has not ticked for a while, note where it is (app frames only)."""

    def __init__(self, probe: StallProbe, gui_thread: int) -> None:
        super().__init__(name="stall-sampler", daemon=True)
        self.probe = probe
        self.gui_thread = gui_thread
        self.counts: collections.Counter[str] = collections.Counter()
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.002):
            if not self.probe.phase or time.perf_counter() - self.probe.last < SAMPLE_AFTER_S:
                continue
            frame = sys._current_frames().get(self.gui_thread)
            if frame is None:
                continue
            names = []
            for summary_frame in traceback.extract_stack(frame)[::-1]:
                where = summary_frame.filename
                if "fizzly_desktop" in where or "qasync" in where or "httpx" in where:
                    short = where.split("site-packages/")[-1].split("/work/main/")[-1]
                    names.append(f"{short}:{summary_frame.lineno} {summary_frame.name}")
                if len(names) == 4:
                    break
            self.counts[f"{self.probe.phase}: " + " < ".join(names or ["(Qt or other code)"])] += 1


class PaintCensus:
    """Counts the paint events each widget receives per phase, with the area they cover."""

    def __init__(self, probe: StallProbe) -> None:
        from PySide6.QtCore import QEvent, QObject

        paint = QEvent.Type.Paint
        update_request = QEvent.Type.UpdateRequest
        resize = QEvent.Type.Resize
        census = self

        class Filter(QObject):
            def eventFilter(self, watched: Any, event: Any) -> bool:
                # Paint events of one repaint come one after another, parents first: the time
                # from one to the next event of any kind is what painting that widget cost.
                now = time.perf_counter()
                if census.painting is not None:
                    name, phase, started = census.painting
                    census.times[phase][name] += now - started
                    census.frame[name] += now - started
                    census.painting = None
                kind = event.type()
                if kind == update_request and watched.isWidgetType() and watched.isWindow():
                    census.end_frame()
                if probe.phase and kind == paint:
                    census.note(probe.phase, watched, event.rect(), now)
                elif probe.phase and kind == resize and watched.isWidgetType():
                    census.resized[probe.phase][census.name_of(watched)] += 1
                return False

        self.probe = probe
        self.filter = Filter()
        self.counts: dict[str, collections.Counter[str]] = {}
        self.areas: dict[str, collections.Counter[str]] = {}
        self.times: dict[str, collections.Counter[str]] = collections.defaultdict(
            collections.Counter
        )
        self.painting: tuple[str, str, float] | None = None
        self.resized: dict[str, collections.Counter[str]] = collections.defaultdict(
            collections.Counter
        )
        # The repaint under way (one UpdateRequest of the window): seconds by widget.
        self.frame: collections.Counter[str] = collections.Counter()
        self.frame_rects: dict[str, str] = {}
        self.frame_phase = ""
        self.slow_frames: list[str] = []

    def end_frame(self) -> None:
        total = sum(self.frame.values())
        if total >= SLOW_FRAME_S and self.frame_phase:
            parts = ", ".join(
                f"{name} [{self.frame_rects.get(name, '')}] {s * 1000:.1f}"
                for name, s in self.frame.most_common(3)
            )
            self.slow_frames.append(f"{self.frame_phase}: {total * 1000:.1f} ms ({parts})")
        self.frame = collections.Counter()
        self.frame_rects = {}
        self.frame_phase = self.probe.phase

    @staticmethod
    def name_of(widget: Any) -> str:
        parent = widget.parent()
        owner = type(parent).__name__ if parent is not None else ""
        if parent is not None and parent.accessibleName():
            owner += f" '{parent.accessibleName()}'"
        name = f"{type(widget).__name__} {widget.objectName() or 'in ' + owner}"
        if widget.objectName() == "qt_scrollarea_viewport":
            name += f" of {owner}"
        return name

    def note(self, phase: str, widget: Any, rect: Any, now: float) -> None:
        name = self.name_of(widget)
        if rect.width() * rect.height() >= FULL_PAINT_PX:
            name += " (large)"
        self.frame_rects[name] = f"{rect.x()},{rect.y()} {rect.width()}x{rect.height()}"
        self.counts.setdefault(phase, collections.Counter())[name] += 1
        self.areas.setdefault(phase, collections.Counter())[name] += rect.width() * rect.height()
        self.painting = (name, phase, now)

    def summary(self) -> dict[str, Any]:
        self.end_frame()
        return {
            "slow repaints (ms by widget)": self.slow_frames[-40:],
            "resized": {phase: dict(c.most_common(12)) for phase, c in self.resized.items()},
        } | {
            phase: {
                name: f"{count} paints, {self.areas[phase][name] // 1000} kpx, "
                f"{self.times[phase][name] * 1000:.0f} ms"
                for name, count in counts.most_common(30)
            }
            for phase, counts in self.counts.items()
        }


def lower_priority(pid: int, steps: int) -> None:
    """Renice every thread of a process (Linux nice applies per thread) by ``steps``."""
    tasks = Path(f"/proc/{pid}/task")
    thread_ids = [int(t.name) for t in tasks.iterdir()] if tasks.is_dir() else [pid]
    for thread_id in thread_ids:
        with contextlib.suppress(OSError):
            niceness = os.getpriority(os.PRIO_PROCESS, thread_id) + steps
            os.setpriority(os.PRIO_PROCESS, thread_id, min(19, niceness))


def _process_cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process (all its threads), from /proc; 0 where unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class StallProbe:
    """A 5 ms timer on the GUI thread; per phase, the stall of each tick in ms, and CPU use."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.phase = ""
        self.last = time.perf_counter()
        self.stalls: dict[str, list[float]] = {}
        #: Cores used per phase: the GUI thread, the whole app process, the sandbox child; and
        #: the share of the phase the GUI thread was ready to run but every core was taken.
        self.cpu: dict[str, dict[str, float]] = {}
        self.sandbox_pid: int | None = None
        self._schedstat = Path(f"/proc/self/task/{threading.get_native_id()}/schedstat")
        self._cpu_start: tuple[float, ...] = (0.0, 0.0, 0.0, 0.0, 0.0)
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(PROBE_INTERVAL_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        if self.phase:
            gap_ms = (now - self.last) * 1000.0
            self.stalls[self.phase].append(max(0.0, gap_ms - PROBE_INTERVAL_MS))
        self.last = now

    def _cpu_now(self) -> tuple[float, ...]:
        sandbox = _process_cpu_seconds(self.sandbox_pid) if self.sandbox_pid else 0.0
        return (
            time.perf_counter(),
            time.thread_time(),
            _process_cpu_seconds(os.getpid()),
            sandbox,
            self._gui_thread_runqueue_seconds(),
        )

    def _gui_thread_runqueue_seconds(self) -> float:
        """How long the GUI thread has been ready to run but waiting for a core (Linux)."""
        try:
            return int(self._schedstat.read_text().split()[1]) / 1e9
        except (OSError, IndexError, ValueError):
            return 0.0

    def begin(self, phase: str) -> None:
        self.stalls.setdefault(phase, [])
        self.last = time.perf_counter()
        self.phase = phase
        self._cpu_start = self._cpu_now()

    def end(self) -> None:
        if self.phase:
            now = self._cpu_now()
            wall = max(1e-6, now[0] - self._cpu_start[0])
            self.cpu[self.phase] = {
                name: round((now[i] - self._cpu_start[i]) / wall, 2)
                for i, name in (
                    (1, "gui_thread"),
                    (2, "app_process"),
                    (3, "sandbox"),
                    (4, "gui_thread_waiting_for_a_core"),
                )
            }
        self.phase = ""


#: Product functions timed per call (inclusive of what they call), as (module, class, method).
TIMED = (
    ("fizzly_desktop.ui.bridge", "EngineBridge", "publish"),
    ("fizzly_desktop.ui.presenters.queue", "QueuePresenter", "on_delta"),
    ("fizzly_desktop.ui.presenters.queue", "QueuePresenter", "_on_selection_changed"),
    ("fizzly_desktop.ui.presenters.details", "DetailsPresenter", "show"),
    ("fizzly_desktop.ui.presenters.details", "DetailsPresenter", "expected_nodes"),
    ("fizzly_desktop.ui.presenters.status", "StatusPresenter", "refresh_counts"),
    ("fizzly_desktop.ui.presenters.queue", "QueuePresenter", "_on_thumbnail_ready"),
    ("fizzly_desktop.ui.queue.run_table", "RunTableModel", "apply"),
    ("fizzly_desktop.ui.details.run_details", "RunDetailsPanel", "show_run"),
    ("fizzly_desktop.ui.outputs.outputs_strip", "OutputsStrip", "set_outputs"),
    ("fizzly_desktop.ui.gallery.view", "GalleryModel", "add_items"),
    ("fizzly_desktop.ui.gallery.view", "GalleryModel", "thumbnail_changed"),
    ("fizzly_desktop.core.engine", "RunEngine", "counts"),
    ("fizzly_desktop.core.engine", "RunEngine", "runs"),
    ("fizzly_desktop.ui.shell.main_window", "MainWindow", "event"),
)


class FunctionTimes:
    """Wraps product methods in a stopwatch (in this process only) and keeps times per phase."""

    def __init__(self, probe: StallProbe) -> None:
        self.probe = probe
        self.times: dict[str, dict[str, list[float]]] = {}

    def install(self) -> None:
        import importlib

        for module_name, class_name, method_name in TIMED:
            cls = getattr(importlib.import_module(module_name), class_name)
            setattr(
                cls,
                method_name,
                self._timed(f"{class_name}.{method_name}", cls.__dict__[method_name]),
            )

    def _timed(self, name: str, method: Any) -> Any:
        times, probe = self.times, self.probe

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                if probe.phase:
                    elapsed = (time.perf_counter() - started) * 1000.0
                    times.setdefault(probe.phase, {}).setdefault(name, []).append(elapsed)

        timed.__name__ = method.__name__
        return timed

    def summary(self) -> dict[str, dict[str, dict[str, float]]]:
        return {
            phase: {
                name: {
                    "calls": len(ms),
                    "p50_ms": round(percentile(ms, 0.5), 2),
                    "p99_ms": round(percentile(ms, 0.99), 2),
                    "max_ms": round(max(ms), 2),
                    "total_ms": round(sum(ms)),
                }
                for name, ms in sorted(slots.items(), key=lambda kv: -sum(kv[1]))
            }
            for phase, slots in self.times.items()
        }


class UserDriver:
    """Scrolls the queue every frame (bouncing end to end) and selects the middle row often."""

    def __init__(self, controller: Any) -> None:
        from PySide6.QtCore import QTimer

        self.table = controller.window.queue_view.table
        self.direction = 1
        self.step = SCROLL_ROWS_PER_TICK
        self.selections = 0
        self.scroll_timer = QTimer()
        self.scroll_timer.setInterval(SCROLL_INTERVAL_MS)
        self.scroll_timer.timeout.connect(self._scroll)
        self.select_timer = QTimer()
        self.select_timer.setInterval(SELECT_INTERVAL_MS)
        self.select_timer.timeout.connect(self._select)

    def start(self) -> None:
        from PySide6.QtWidgets import QAbstractItemView

        # What one notch of a mouse wheel scrolls: the bar counts pixels or rows, per the mode.
        self.step = SCROLL_ROWS_PER_TICK
        if self.table.verticalScrollMode() is QAbstractItemView.ScrollMode.ScrollPerPixel:
            self.step *= self.table.verticalHeader().defaultSectionSize()
        self.scroll_timer.start()
        self.select_timer.start()

    def stop(self) -> None:
        self.scroll_timer.stop()
        self.select_timer.stop()

    def _scroll(self) -> None:
        bar = self.table.verticalScrollBar()
        value = bar.value() + self.direction * self.step
        if value >= bar.maximum() or value <= bar.minimum():
            self.direction = -self.direction
        bar.setValue(max(bar.minimum(), min(bar.maximum(), value)))

    def _select(self) -> None:
        row = self.table.rowAt(self.table.viewport().height() // 2)
        if row >= 0:
            self.table.selectRow(row)
            self.selections += 1


def open_files(pid: int) -> tuple[int, int]:
    """File descriptors a process holds, and how many of them are sockets (Linux /proc)."""
    fds = sockets = 0
    try:
        entries = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return 0, 0
    for entry in entries:
        with contextlib.suppress(OSError):
            fds += 1
            if os.readlink(f"/proc/{pid}/fd/{entry}").startswith("socket:"):
                sockets += 1
    return fds, sockets


async def until(predicate: Any, timeout: float) -> bool:  # noqa: ASYNC109
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        await asyncio.sleep(0.05)
    return bool(predicate())


async def play(options: argparse.Namespace, result: dict[str, Any]) -> None:
    from PySide6.QtCore import QThread

    from fizzly_desktop.core.engine import EngineSettings
    from fizzly_desktop.core.profiles import SANDBOX_PROFILE_NAME
    from fizzly_desktop.core.runs import RunState
    from fizzly_desktop.core.session import AppSession
    from fizzly_desktop.ui.controller import AppController

    sandbox_args = [
        "--time-scale",
        str(options.time_scale),
        "--workers",
        str(options.runs),
        "--rate-limit",
        "100000",
        "--log-level",
        "warning",
    ]
    probe = StallProbe()
    functions = FunctionTimes(probe)
    functions.install()
    collector = CollectorTimes(probe)
    gc.callbacks.append(collector)
    session = AppSession(
        sandbox_args=sandbox_args,
        engine_settings=EngineSettings(max_active_runs=options.runs),
    )
    controller = AppController(session, use_sandbox=True)
    controller.window.resize(1320, 840)
    controller.show()
    slow_callbacks: SlowCallbacks | None = None
    if options.slow_callbacks:
        slow_callbacks = SlowCallbacks(probe)
        slow_callbacks.install()
    sampler: StackSampler | None = None
    if options.sample_stacks:
        sampler = StackSampler(probe, threading.get_ident())
        sampler.start()
    driver = UserDriver(controller)
    census: PaintCensus | None = None
    if options.paint_census:
        from PySide6.QtWidgets import QApplication

        census = PaintCensus(probe)
        QApplication.instance().installEventFilter(census.filter)  # type: ignore[union-attr]
    phases: dict[str, float] = {}
    profiler = cProfile.Profile() if options.profile else None
    try:
        await controller.start()
        engine = controller.engine
        if controller.sandbox is None or engine is None:
            raise RuntimeError("the app did not start its sandbox or engine")
        probe.sandbox_pid = controller.sandbox.pid
        # The sandbox stands in for a server on another machine: on this one it shares the
        # cores with the app, so it runs below the app's priority rather than taking turns
        # with the GUI thread. The cores it uses are still reported.
        lower_priority(controller.sandbox.pid, SANDBOX_NICENESS)
        loaded = await until(
            lambda: engine.history_complete and controller.run_model.rowCount() >= options.history,
            60,
        )
        if not loaded:
            raise RuntimeError("the history did not load within 60 s")
        assert QThread.currentThread() is controller.thread()
        # Objects the collector would walk without the app's freezing, and what it walks now.
        result["tracked_objects"] = len(gc.get_objects()) + gc.get_freeze_count()
        result["walked_objects"] = len(gc.get_objects())
        await asyncio.sleep(1.0)  # the first paints and thumbnails of the top rows

        async def phase(name: str, seconds: float) -> None:
            started = time.perf_counter()
            probe.begin(name)
            if profiler is not None and name == options.profile:
                profiler.enable()
            await asyncio.sleep(seconds)
            if profiler is not None:
                profiler.disable()
            probe.end()
            phases[name] = round(time.perf_counter() - started, 1)

        await phase("idle", options.idle_seconds)
        driver.start()
        await phase("scroll", options.scroll_seconds)

        run_ids: list[str] = []
        live: set[str] = set()
        picks = random.Random(11)

        def streaming() -> int:
            return sum(
                1 for rid in live if (r := engine.run(rid)) and r.state is RunState.IN_PROGRESS
            )

        async def send(count: int) -> None:
            first = len(run_ids)
            run_ids.extend([""] * count)  # numbered now: the prompts stay distinct
            sent = await asyncio.gather(
                *(
                    engine.submit(
                        STREAM_WORKFLOW,
                        {
                            "prompt": f"a harbour at dusk, take {first + i}",
                            "seed": first + i,
                            # Steps spread each run's node events over time.
                            "steps": picks.randint(10, 150),
                            "width": 64,
                            "height": 64,
                        },
                        profile=SANDBOX_PROFILE_NAME,
                    )
                    for i in range(count)
                )
            )
            run_ids[first : first + count] = [run.id for run in sent]
            live.update(run.id for run in sent)

        def prune() -> None:
            for rid in list(live):
                run = engine.run(rid)
                if run is None or run.state.is_terminal:
                    live.discard(rid)

        started = time.perf_counter()
        probe.begin("ramp")
        if profiler is not None and options.profile == "ramp":
            profiler.enable()
        # All at once, as when hundreds of selected runs are retried together.
        await send(options.runs)

        def all_started() -> bool:
            waiting = (RunState.WAITING, RunState.SUBMITTING, RunState.PENDING, RunState.IN_QUEUE)
            return not any((r := engine.run(rid)) and r.state in waiting for rid in live)

        all_streaming = await until(all_started, 60)
        if profiler is not None:
            profiler.disable()
        probe.end()
        phases["ramp"] = round(time.perf_counter() - started, 1)
        result["all_streaming"] = all_streaming

        counts: list[int] = []
        # The most descriptors and sockets held at once by the app and by the sandbox while
        # the runs stream: each live run's event stream is one connection of its own.
        peaks = {"app_fds": 0, "app_sockets": 0, "sandbox_fds": 0, "sandbox_sockets": 0}

        def note_open_files() -> None:
            for who, pid in (("app", os.getpid()), ("sandbox", probe.sandbox_pid)):
                if pid is None:
                    continue
                fds, sockets = open_files(pid)
                peaks[f"{who}_fds"] = max(peaks[f"{who}_fds"], fds)
                peaks[f"{who}_sockets"] = max(peaks[f"{who}_sockets"], sockets)

        async def keep_streaming() -> None:
            """Replace finished runs so that the window always follows the same number."""
            while True:
                await asyncio.sleep(0.25)
                prune()
                counts.append(streaming())
                note_open_files()
                if len(live) < options.runs:
                    await send(options.runs - len(live))

        topping = asyncio.create_task(keep_streaming())
        try:
            await phase("stream", options.stream_seconds)
        finally:
            topping.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await topping
        result["open_files"] = peaks
        result["streaming_min"] = min(counts, default=0)
        result["streaming_mean"] = round(sum(counts) / max(1, len(counts)))

        def all_finished() -> bool:
            prune()
            return not live

        started = time.perf_counter()
        probe.begin("finish")
        await until(all_finished, options.finish_timeout)
        await asyncio.sleep(1.0)  # the last downloads and thumbnails
        probe.end()
        phases["finish"] = round(time.perf_counter() - started, 1)
        runs = [run for run in map(engine.run, run_ids) if run is not None]
        result["runs_sent"] = len(runs)
        result["completed"] = sum(1 for r in runs if r.state is RunState.COMPLETED)
        result["not_completed"] = {
            state.value: n
            for state, n in collections.Counter(
                r.state for r in runs if r.state is not RunState.COMPLETED
            ).items()
        }
        result["selections"] = driver.selections
        result["rows"] = controller.run_model.rowCount()
    finally:
        driver.stop()
        probe.timer.stop()
        if sampler is not None:
            sampler.stop.set()
            sampler.join()
        await controller.shutdown()
        gc.callbacks.remove(collector)
    result["phases"] = {
        name: {
            **summary(probe.stalls[name]),
            "seconds": phases.get(name, 0.0),
            "cores": probe.cpu.get(name, {}),
        }
        for name in probe.stalls
    }
    result["functions"] = functions.summary()
    result["garbage_collector"] = collector.summary()
    if census is not None:
        result["paint_census"] = census.summary()
    if sampler is not None:
        result["stall_samples"] = dict(sampler.counts.most_common(25))
    if slow_callbacks is not None:
        slow_callbacks.uninstall()
        result["slow_callbacks"] = slow_callbacks.summary()
    if profiler is not None:
        result["profile"] = profile_table(profiler)
        if options.profile_out:
            profiler.dump_stats(options.profile_out)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--history", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--time-scale", type=float, default=2.0)
    parser.add_argument("--idle-seconds", type=float, default=5.0)
    parser.add_argument("--scroll-seconds", type=float, default=12.0)
    parser.add_argument("--stream-seconds", type=float, default=15.0)
    parser.add_argument("--finish-timeout", type=float, default=40.0)
    parser.add_argument("--sample-stacks", action="store_true")
    parser.add_argument("--slow-callbacks", action="store_true")
    parser.add_argument("--paint-census", action="store_true")
    parser.add_argument("--profile", choices=["idle", "scroll", "ramp", "stream"], default=None)
    parser.add_argument("--profile-out", default=None, help="also save the raw cProfile stats")
    options = parser.parse_args(argv)
    if "FIZZLY_DESKTOP_HOME" not in os.environ:
        parser.error("set FIZZLY_DESKTOP_HOME to a folder to be removed afterwards")

    import keyring
    from keyring.backends import fail

    # The sandbox needs no key: keep the OS keyring out of the measurement.
    keyring.set_keyring(fail.Keyring())  # type: ignore[no-untyped-call]

    started = time.perf_counter()
    fill_history(options.history, Path(os.environ["FIZZLY_DESKTOP_HOME"]) / "history-pictures")
    result: dict[str, Any] = {"history_fill_s": round(time.perf_counter() - started, 1)}

    from PySide6.QtWidgets import QApplication

    from fizzly_desktop.app import favour_the_gui_thread
    from fizzly_desktop.ui.event_loop import GuiEventLoop

    favour_the_gui_thread()  # as the app does before its QApplication
    app = QApplication(sys.argv[:1])
    loop = GuiEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(play(options, result))
    result["cpu_count"] = os.cpu_count()
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
