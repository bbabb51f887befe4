"""The app's event loop: asyncio's ready queue on Qt's loop, drained in time slices."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from PySide6.QtCore import QTimer

from fizzly_desktop.ui.event_loop import SLICE_SECONDS, GuiEventLoop


def busy(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def test_callbacks_run_in_order_and_cancelled_ones_do_not(qloop: GuiEventLoop) -> None:
    ran: list[int] = []

    async def scenario() -> None:
        handles = [qloop.call_soon(ran.append, i) for i in range(6)]
        handles[3].cancel()
        await asyncio.sleep(0.01)

    qloop.run_until_complete(scenario())
    assert ran == [0, 1, 2, 4, 5]


def test_a_burst_longer_than_a_slice_lets_qt_in_between(qloop: GuiEventLoop) -> None:
    order: list[str] = []
    count = 100
    each = 4 * SLICE_SECONDS / count  # the burst lasts about four slices

    async def scenario() -> None:
        done = asyncio.Event()

        def step(i: int) -> None:
            busy(each)
            order.append(f"step {i}")
            if i == count - 1:
                done.set()

        for i in range(count):
            qloop.call_soon(step, i)
        # A Qt event queued after the whole burst: it must not wait for the burst to end.
        QTimer.singleShot(0, lambda: order.append("qt"))
        await done.wait()

    qloop.run_until_complete(scenario())
    assert "qt" in order
    assert order.index("qt") < order.index(f"step {count - 1}")
    assert [o for o in order if o != "qt"] == [f"step {i}" for i in range(count)]


def test_a_failing_callback_is_reported_and_the_rest_still_run(qloop: GuiEventLoop) -> None:
    reported: list[dict[str, Any]] = []
    ran: list[str] = []

    def fail() -> None:
        raise ValueError("boom")

    async def scenario() -> None:
        previous = qloop.get_exception_handler()
        qloop.set_exception_handler(lambda _loop, context: reported.append(context))
        try:
            qloop.call_soon(fail)
            qloop.call_soon(ran.append, "after")
            await asyncio.sleep(0.01)
        finally:
            qloop.set_exception_handler(previous)

    qloop.run_until_complete(scenario())
    assert ran == ["after"]
    assert len(reported) == 1
    assert isinstance(reported[0]["exception"], ValueError)


def test_tasks_timers_and_threads_work_together(qloop: GuiEventLoop) -> None:
    async def worker(n: int) -> int:
        for _ in range(20):
            await asyncio.sleep(0)
        await asyncio.sleep(0.001 * (n % 3))
        return n * n

    async def scenario() -> tuple[list[int], str, bool]:
        squares = await asyncio.gather(*(worker(n) for n in range(200)))
        from_thread = await asyncio.to_thread(lambda: "from a worker thread")
        later = qloop.create_future()
        qloop.call_later(0.01, later.set_result, True)
        return list(squares), from_thread, await later

    squares, from_thread, later = qloop.run_until_complete(scenario())
    assert squares == [n * n for n in range(200)]
    assert from_thread == "from a worker thread"
    assert later is True
    assert qloop.ready_count == 0
