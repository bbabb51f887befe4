"""Typed change events of the run engine, and a coalescer that delivers them at most once a frame.

The engine marks what changed (:meth:`ChangeCoalescer.runs_updated` and friends) as often as it
likes; listeners receive one :class:`RunsChanged` and one :class:`BatchesChanged` per flush, plus
the :class:`Notice` messages raised since the last flush, in order. The flush is scheduled on an
injectable :class:`Scheduler`: the window drives it from a 16 ms Qt timer, asyncio code uses
:class:`LoopScheduler`, and tests use :class:`ManualScheduler` and call its ``run_due``.
"""

from __future__ import annotations

import asyncio
import enum
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

log = logging.getLogger(__name__)

#: Sixty refreshes a second at most.
FRAME_INTERVAL = 0.016


@dataclass(frozen=True)
class RunsChanged:
    """Runs that appeared, changed, or left the history since the last event (local ids)."""

    added: frozenset[str] = frozenset()
    updated: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()

    @property
    def all_ids(self) -> frozenset[str]:
        return self.added | self.updated | self.removed


@dataclass(frozen=True)
class BatchesChanged:
    """Batches that appeared, changed (state, order, counts) or were removed."""

    added: frozenset[str] = frozenset()
    updated: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()


class NoticeLevel(enum.StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Notice:
    """A plain-language message for the user (a batch paused, a download failed...)."""

    message: str
    level: NoticeLevel = NoticeLevel.INFO
    run_id: str | None = None
    batch_id: str | None = None


ChangeEvent = RunsChanged | BatchesChanged | Notice
Listener = Callable[[ChangeEvent], None]
Unsubscribe = Callable[[], None]


class Cancellable(Protocol):
    def cancel(self) -> None: ...


class Scheduler(Protocol):
    """Runs a callback once after ``delay`` seconds; the handle can cancel it."""

    def call_later(self, delay: float, callback: Callable[[], None]) -> Cancellable: ...


class LoopScheduler:
    """A :class:`Scheduler` on the running asyncio loop (under qasync that is Qt's loop)."""

    def __init__(self, loop: asyncio.AbstractEventLoop | None = None) -> None:
        self._loop = loop

    def call_later(self, delay: float, callback: Callable[[], None]) -> Cancellable:
        loop = self._loop or asyncio.get_running_loop()
        return loop.call_later(delay, callback)


@dataclass
class _Pending:
    delay: float
    callback: Callable[[], None]
    cancelled: bool = False

    def cancel(self) -> None:
        self.cancelled = True


class ManualScheduler:
    """A :class:`Scheduler` for tests: nothing runs until :meth:`run_due` is called."""

    def __init__(self) -> None:
        self._pending: list[_Pending] = []

    @property
    def pending(self) -> int:
        return sum(1 for p in self._pending if not p.cancelled)

    def call_later(self, delay: float, callback: Callable[[], None]) -> Cancellable:
        item = _Pending(delay, callback)
        self._pending.append(item)
        return item

    def run_due(self) -> int:
        """Run every callback scheduled so far; returns how many ran."""
        due, self._pending = self._pending, []
        ran = 0
        for item in due:
            if not item.cancelled:
                item.callback()
                ran += 1
        return ran


@dataclass
class _Changes:
    runs_added: set[str] = field(default_factory=set)
    runs_updated: set[str] = field(default_factory=set)
    runs_removed: set[str] = field(default_factory=set)
    batches_added: set[str] = field(default_factory=set)
    batches_updated: set[str] = field(default_factory=set)
    batches_removed: set[str] = field(default_factory=set)
    notices: list[Notice] = field(default_factory=list)

    def empty(self) -> bool:
        return not (
            self.runs_added
            or self.runs_updated
            or self.runs_removed
            or self.batches_added
            or self.batches_updated
            or self.batches_removed
            or self.notices
        )


def _mark_added(added: set[str], updated: set[str], removed: set[str], ids: Iterable[str]) -> None:
    for item in ids:
        if item in removed:
            # Removed then added again within a frame: to a view that is simply a changed row.
            removed.discard(item)
            updated.add(item)
        else:
            added.add(item)


def _mark_updated(
    added: set[str], updated: set[str], removed: set[str], ids: Iterable[str]
) -> None:
    for item in ids:
        if item not in added and item not in removed:
            updated.add(item)


def _mark_removed(
    added: set[str], updated: set[str], removed: set[str], ids: Iterable[str]
) -> None:
    for item in ids:
        updated.discard(item)
        if item in added:
            # Added and removed within a frame: the view never needs to know.
            added.discard(item)
        else:
            removed.add(item)


class ChangeCoalescer:
    """Collects changes and delivers them to listeners once per ``interval`` at most.

    The first change after a flush schedules the next flush; later changes join it. A listener
    that raises is logged and the others still get the event.
    """

    def __init__(
        self,
        scheduler: Scheduler | None = None,
        interval: float = FRAME_INTERVAL,
        *,
        on_runs_marked: Callable[[Iterable[str]], None] | None = None,
    ) -> None:
        self._scheduler: Scheduler = scheduler or LoopScheduler()
        self._interval = interval
        # Told at once (not at the next flush) which runs changed: for tallies kept in step.
        self._on_runs_marked = on_runs_marked
        self._changes = _Changes()
        self._handle: Cancellable | None = None
        self._listeners: list[Listener] = []
        self._closed = False

    def subscribe(self, listener: Listener) -> Unsubscribe:
        """Call ``listener`` with each coalesced event; returns the function that stops it."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    # --- marking ------------------------------------------------------------------------------

    def runs_added(self, ids: Iterable[str]) -> None:
        ids = self._marked(ids)
        c = self._changes
        _mark_added(c.runs_added, c.runs_updated, c.runs_removed, ids)
        self._schedule()

    def runs_updated(self, ids: Iterable[str]) -> None:
        ids = self._marked(ids)
        c = self._changes
        _mark_updated(c.runs_added, c.runs_updated, c.runs_removed, ids)
        self._schedule()

    def runs_removed(self, ids: Iterable[str]) -> None:
        ids = self._marked(ids)
        c = self._changes
        _mark_removed(c.runs_added, c.runs_updated, c.runs_removed, ids)
        self._schedule()

    def _marked(self, ids: Iterable[str]) -> Iterable[str]:
        if self._on_runs_marked is None:
            return ids
        ids = tuple(ids)  # read twice: by the hook and by the marking
        self._on_runs_marked(ids)
        return ids

    def batches_added(self, ids: Iterable[str]) -> None:
        c = self._changes
        _mark_added(c.batches_added, c.batches_updated, c.batches_removed, ids)
        self._schedule()

    def batches_updated(self, ids: Iterable[str]) -> None:
        c = self._changes
        _mark_updated(c.batches_added, c.batches_updated, c.batches_removed, ids)
        self._schedule()

    def batches_removed(self, ids: Iterable[str]) -> None:
        c = self._changes
        _mark_removed(c.batches_added, c.batches_updated, c.batches_removed, ids)
        self._schedule()

    def notice(self, notice: Notice) -> None:
        self._changes.notices.append(notice)
        self._schedule()

    # --- delivery -----------------------------------------------------------------------------

    def _schedule(self) -> None:
        if self._handle is None and not self._closed and not self._changes.empty():
            self._handle = self._scheduler.call_later(self._interval, self.flush)

    def flush(self) -> None:
        """Deliver everything collected so far, now."""
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        changes, self._changes = self._changes, _Changes()
        if changes.empty():
            return
        events: list[ChangeEvent] = []
        if changes.runs_added or changes.runs_updated or changes.runs_removed:
            events.append(
                RunsChanged(
                    frozenset(changes.runs_added),
                    frozenset(changes.runs_updated),
                    frozenset(changes.runs_removed),
                )
            )
        if changes.batches_added or changes.batches_updated or changes.batches_removed:
            events.append(
                BatchesChanged(
                    frozenset(changes.batches_added),
                    frozenset(changes.batches_updated),
                    frozenset(changes.batches_removed),
                )
            )
        events.extend(changes.notices)
        for event in events:
            for listener in list(self._listeners):
                try:
                    listener(event)
                except Exception:
                    log.exception("A listener of engine changes failed on %r", event)

    def close(self) -> None:
        """Deliver what is pending and stop scheduling."""
        self.flush()
        self._closed = True
        self._listeners.clear()
