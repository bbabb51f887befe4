"""Owned tasks: kept until done, latest-wins keys, failures logged, nothing pending after close."""

from __future__ import annotations

import asyncio
import logging

import pytest

from fizzly_desktop.core.tasks import TaskOwner


async def test_tasks_are_named_kept_and_forgotten_when_done() -> None:
    owner = TaskOwner("window")
    release = asyncio.Event()

    async def work() -> str:
        await release.wait()
        return "done"

    task = owner.spawn("fetch", work())
    assert task.get_name() == "window:fetch"
    assert len(owner) == 1
    release.set()
    assert await task == "done"
    await asyncio.sleep(0)
    assert len(owner) == 0


async def test_latest_request_wins() -> None:
    owner = TaskOwner("form")
    first = owner.spawn_latest("schema", asyncio.sleep(10))
    second = owner.spawn_latest("schema", asyncio.sleep(0, result="fresh"))
    assert await second == "fresh"
    with pytest.raises(asyncio.CancelledError):
        await first
    await owner.close()


async def test_close_cancels_and_awaits_everything_then_refuses_new_work() -> None:
    owner = TaskOwner("app")
    cleaned = asyncio.Event()

    async def stubborn() -> None:
        try:
            await asyncio.sleep(10)
        finally:
            cleaned.set()

    task = owner.spawn("stream", stubborn())
    await asyncio.sleep(0)
    await owner.close()
    assert task.cancelled()
    assert cleaned.is_set()
    assert owner.closed
    coro = asyncio.sleep(0)
    with pytest.raises(RuntimeError, match="closed"):
        owner.spawn("late", coro)


async def test_a_failure_is_logged_not_lost(caplog: pytest.LogCaptureFixture) -> None:
    owner = TaskOwner("engine")

    async def boom() -> None:
        raise ValueError("the server said no")

    with caplog.at_level(logging.ERROR, logger="fizzly_desktop.core.tasks"):
        task = owner.spawn("submit", boom())
        await owner.wait_idle()
    assert task.done()
    assert "engine:submit failed" in caplog.text
    assert "the server said no" in caplog.text


async def test_wait_idle_includes_tasks_started_meanwhile() -> None:
    owner = TaskOwner("dialog")
    order: list[str] = []

    async def second() -> None:
        order.append("second")

    async def first() -> None:
        await asyncio.sleep(0)
        order.append("first")
        owner.spawn("second", second())

    owner.spawn("first", first())
    await owner.wait_idle()
    assert order == ["first", "second"]
