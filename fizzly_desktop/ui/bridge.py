"""The bridge from Qt-free core events to Qt signals: one typed delta per frame for every view.

The engine's coalescer delivers at most one ``RunsChanged`` and one ``BatchesChanged`` per frame;
the bridge gathers them into one :class:`EngineDelta`, snapshots each changed run once
(``Run.snapshot()``: views may keep what they get; a run still changing is copied, a settled
one is the engine's record, which the engine never changes in place once shared), and
publishes it on the GUI thread. Views subscribe to ``delta_published`` (directly or through their
presenter) instead of being called one by one. Core code reports to the user through ``Notice``
events, the way qutebrowser's ``message.error`` does, without knowing any widget.

Signals:
    delta_published(object delta): an :class:`EngineDelta`, at most once a frame.
    notice_posted(object notice): a core ``Notice`` (message, level, run id, batch id).
    budget_changed(int remaining, int limit, object reset_at): the active key's rate budget.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from fizzly_desktop.core.engine import RunEngine
from fizzly_desktop.core.events import BatchesChanged, ChangeEvent, Notice, RunsChanged
from fizzly_desktop.core.runs import Run


@dataclass(frozen=True)
class EngineDelta:
    """What changed in one frame. The runs are snapshots shared by every subscriber: read only."""

    added: tuple[Run, ...] = ()
    updated: tuple[Run, ...] = ()
    removed: frozenset[str] = frozenset()
    batches_added: frozenset[str] = frozenset()
    batches_updated: frozenset[str] = frozenset()
    batches_removed: frozenset[str] = frozenset()

    @property
    def runs_changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    @property
    def batches_changed(self) -> bool:
        return bool(self.batches_added or self.batches_updated or self.batches_removed)

    def changed_ids(self) -> frozenset[str]:
        """The ids of the runs added or updated."""
        return frozenset(run.id for run in (*self.added, *self.updated))


@dataclass
class _Pending:
    added: set[str] = field(default_factory=set)
    updated: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)
    batches_added: set[str] = field(default_factory=set)
    batches_updated: set[str] = field(default_factory=set)
    batches_removed: set[str] = field(default_factory=set)


class EngineBridge(QObject):
    delta_published = Signal(object)
    notice_posted = Signal(object)
    budget_changed = Signal(int, int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine: RunEngine | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._pending: _Pending | None = None
        self._publish_handle: asyncio.Handle | None = None

    def attach(self, engine: RunEngine) -> None:
        """Start relaying the changes of ``engine``."""
        self.detach()
        self._engine = engine
        self._unsubscribe = engine.subscribe(self._on_core_event)

    def detach(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._publish_handle is not None:
            self._publish_handle.cancel()
            self._publish_handle = None
        self._pending = None
        self._engine = None

    def relay_budget(self, remaining: int, limit: int, reset_at: float | None) -> None:
        self.budget_changed.emit(remaining, limit, reset_at)

    def _on_core_event(self, event: ChangeEvent) -> None:
        if isinstance(event, Notice):
            self.notice_posted.emit(event)
            return
        pending = self._pending
        if pending is None:
            pending = self._pending = _Pending()
        if isinstance(event, RunsChanged):
            pending.added |= event.added
            pending.updated |= event.updated
            pending.removed |= event.removed
        elif isinstance(event, BatchesChanged):
            pending.batches_added |= event.added
            pending.batches_updated |= event.updated
            pending.batches_removed |= event.removed
        if self._publish_handle is None:
            # The engine hands out a frame's runs and batches in two calls, one after the
            # other: publish once both are in, right after the engine's flush returns.
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:
                self.publish()
                return
            self._publish_handle = loop.call_soon(self.publish)

    def publish(self) -> None:
        """Publish what was gathered since the last delta (now, rather than after the flush)."""
        self._publish_handle = None
        pending, self._pending = self._pending, None
        engine = self._engine
        if pending is None or engine is None:
            return
        removed = frozenset(pending.removed)
        added_ids = pending.added - removed
        updated_ids = pending.updated - removed - added_ids
        delta = EngineDelta(
            added=_snapshots(engine, added_ids),
            updated=_snapshots(engine, updated_ids),
            removed=removed,
            batches_added=frozenset(pending.batches_added - pending.batches_removed),
            batches_updated=frozenset(
                pending.batches_updated - pending.batches_removed - pending.batches_added
            ),
            batches_removed=frozenset(pending.batches_removed),
        )
        self.delta_published.emit(delta)


def _snapshots(engine: RunEngine, run_ids: set[str]) -> tuple[Run, ...]:
    runs = (engine.run(run_id) for run_id in run_ids)
    return tuple(run.snapshot() for run in runs if run is not None)


__all__ = ["EngineBridge", "EngineDelta"]
