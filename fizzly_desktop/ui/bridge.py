"""The bridge from Qt-free core events to Qt signals, so widgets never import the engine's types.

The engine's coalescer already delivers at most one change event per frame; the bridge relays
each on the GUI thread as a signal. Core code reports to the user through ``Notice`` events, the
way qutebrowser's ``message.error`` does, without knowing any widget.

Signals:
    runs_changed(object added, object updated, object removed): frozensets of run ids.
    batches_changed(object added, object updated, object removed): frozensets of batch ids.
    notice_posted(object notice): a core ``Notice`` (message, level, run id, batch id).
    budget_changed(int remaining, int limit, object reset_at): the active key's rate budget.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from fizzly_desktop.core.events import BatchesChanged, ChangeEvent, Notice, RunsChanged

Subscribe = Callable[[Callable[[ChangeEvent], None]], Callable[[], None]]


class EngineBridge(QObject):
    runs_changed = Signal(object, object, object)
    batches_changed = Signal(object, object, object)
    notice_posted = Signal(object)
    budget_changed = Signal(int, int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unsubscribe: list[Callable[[], None]] = []

    def attach(self, subscribe: Subscribe) -> None:
        """Start relaying the events of one source (``engine.subscribe``)."""
        self._unsubscribe.append(subscribe(self._on_core_event))

    def detach(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()
        self._unsubscribe.clear()

    def relay_budget(self, remaining: int, limit: int, reset_at: float | None) -> None:
        self.budget_changed.emit(remaining, limit, reset_at)

    def _on_core_event(self, event: ChangeEvent) -> None:
        if isinstance(event, RunsChanged):
            self.runs_changed.emit(event.added, event.updated, event.removed)
        elif isinstance(event, BatchesChanged):
            self.batches_changed.emit(event.added, event.updated, event.removed)
        elif isinstance(event, Notice):
            self.notice_posted.emit(event)
