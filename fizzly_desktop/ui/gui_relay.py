"""Hand work done in a worker thread back to the GUI thread.

One relay object lives on the GUI thread for the whole application, so it never dies while a
worker still holds it. A worker emits a callable; the GUI thread calls it from its event loop.
The callable decides itself whether its receiver is still there (a weak reference, a deleted
widget): a closed dialog or field never sees late results.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

__all__ = ["GuiRelay", "gui_relay"]


class GuiRelay(QObject):
    """Runs on the GUI thread whatever callable a worker thread emits."""

    delivered = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.delivered.connect(self._on_delivered, Qt.ConnectionType.QueuedConnection)

    def deliver(self, call: Callable[[], object]) -> None:
        """From any thread: run ``call`` on the GUI thread, soon."""
        self.delivered.emit(call)

    @Slot(object)
    def _on_delivered(self, call: Callable[[], object]) -> None:
        call()


_relay: GuiRelay | None = None


def gui_relay() -> GuiRelay:
    """The application's relay; the first call must come from the GUI thread."""
    global _relay
    if _relay is None:
        _relay = GuiRelay()
    return _relay
