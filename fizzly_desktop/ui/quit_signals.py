"""SIGTERM and SIGINT (a session logout, Ctrl+C) end the app the way File ▸ Quit does.

Python runs a signal handler only when the interpreter next gets the thread, and while Qt waits
for events in C++ that may be never. So the C-level handler's wakeup byte goes to a socket
(``signal.set_wakeup_fd``) that a ``QSocketNotifier`` watches: the event loop wakes at once and
the slot asks for the same orderly shutdown as the Quit action. (qasync's loop does not offer
``add_signal_handler``.)

Signals:
    received(int signum): one of the watched signals arrived.
"""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable, Iterable
from types import FrameType
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, Signal

log = logging.getLogger(__name__)

QUIT_SIGNALS = (signal.SIGTERM, signal.SIGINT)

_Handler = Callable[[int, FrameType | None], Any] | int | signal.Handlers | None


class QuitSignals(QObject):
    """Turns SIGTERM and SIGINT into a Qt signal on the GUI thread, until ``close()``."""

    received = Signal(int)

    def __init__(
        self, signals: Iterable[signal.Signals] = QUIT_SIGNALS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._signals = tuple(signals)
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous: dict[signal.Signals, _Handler] = {}
        for signum in self._signals:
            # A Python handler must be installed for the wakeup byte to be written; the work
            # happens in the notifier's slot, on the event loop.
            self._previous[signum] = signal.signal(signum, _note)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_notifier_activated)

    def close(self) -> None:
        """Give the signals back to their previous handlers."""
        if not self._previous:
            return
        self._notifier.setEnabled(False)
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        self._previous.clear()
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()

    def _on_notifier_activated(self, *_: object) -> None:
        try:
            data = self._reader.recv(64)
        except BlockingIOError:
            return
        watched = {int(s) for s in self._signals}
        for signum in dict.fromkeys(data):  # each signal once, in order of arrival
            if signum in watched:
                log.info("Received %s: quitting", signal.Signals(signum).name)
                self.received.emit(signum)


def _note(_signum: int, _frame: FrameType | None) -> None:
    """The Python-level handler: nothing to do here (see the module's docstring)."""


__all__ = ["QUIT_SIGNALS", "QuitSignals"]
