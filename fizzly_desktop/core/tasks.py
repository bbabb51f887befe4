"""Owned asyncio tasks: every task is kept, named, and cancelled and awaited on close.

No fire-and-forget: a task that nobody keeps can be garbage-collected mid-flight, and a task that
nobody cancels outlives the window as a "Task was destroyed but it is pending!" warning.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


class TaskOwner:
    """Keeps the tasks of one owner (a window, the engine, a dialog) until they end or it closes.

    ``spawn(name, coro)`` starts a named task; ``spawn_latest(key, ...)`` cancels the previous task
    started under the same key first ("latest request wins", e.g. a schema fetch for the workflow
    the user just picked). Failures of unawaited tasks are logged, never swallowed silently.
    """

    def __init__(self, owner: str) -> None:
        self._owner = owner
        self._tasks: set[asyncio.Task[Any]] = set()
        self._latest: dict[str, asyncio.Task[Any]] = {}
        self._closed = False

    def __len__(self) -> int:
        return len(self._tasks)

    @property
    def closed(self) -> bool:
        return self._closed

    def spawn(self, name: str, coro: Coroutine[Any, Any, T]) -> asyncio.Task[T]:
        if self._closed:
            coro.close()
            raise RuntimeError(f"{self._owner} is closed; cannot start {name!r}")
        task = asyncio.get_running_loop().create_task(coro, name=f"{self._owner}:{name}")
        self._tasks.add(task)
        task.add_done_callback(self._on_task_done)
        return task

    def spawn_latest(self, key: str, coro: Coroutine[Any, Any, T]) -> asyncio.Task[T]:
        previous = self._latest.get(key)
        if previous is not None and not previous.done():
            previous.cancel()
        task = self.spawn(key, coro)
        self._latest[key] = task
        return task

    def _on_task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        for key, latest in list(self._latest.items()):
            if latest is task:
                del self._latest[key]
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:
            log.error("Task %s failed", task.get_name(), exc_info=error)

    async def wait_idle(self) -> None:
        """Wait until every task has ended, including tasks started while waiting."""
        while running := [task for task in self._tasks if not task.done()]:
            await asyncio.gather(*running, return_exceptions=True)

    async def close(self) -> None:
        """Cancel every task still running and wait until all of them have ended."""
        self._closed = True
        pending = [task for task in self._tasks if not task.done()]
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
        self._tasks.clear()
        self._latest.clear()
