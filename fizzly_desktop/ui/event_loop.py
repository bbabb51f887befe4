"""The asyncio event loop the app runs on: qasync's, with asyncio's ready queue put back.

qasync runs asyncio on Qt's event loop by turning every ``call_soon`` into a Qt timer of its
own: one ``startTimer``, one timer event and one ``killTimer`` per callback. Everything asyncio
does goes through ``call_soon`` (each task step, each future's callbacks, each socket that is
ready to read), so with a couple of hundred status streams open the GUI thread spent more time
registering timers than handling events.

:class:`GuiEventLoop` keeps ready callbacks in a queue, as asyncio's own loops do, and drains it
from one zero-interval timer. A drain runs callbacks for at most :data:`SLICE_SECONDS`, then
hands control back to Qt (painting, input) and continues on the next pass, so a burst of
network work is spread across frames instead of freezing one. Timers (``call_later``), socket
notifiers and thread hand-offs stay qasync's.
"""

from __future__ import annotations

import asyncio
import collections
import contextvars
import time
from collections.abc import Callable
from typing import Any

import qasync
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

__all__ = ["SLICE_SECONDS", "GuiEventLoop"]

#: The longest stretch of asyncio callbacks run before Qt gets the thread back.
SLICE_SECONDS = 0.004


class GuiEventLoop(qasync.QEventLoop):  # type: ignore[misc]
    """qasync's event loop with a ready queue drained in time slices (see the module doc)."""

    def __init__(self, app: QApplication | None = None) -> None:
        super().__init__(app)
        self._ready: collections.deque[asyncio.Handle] = collections.deque()
        self._drain_timer = QTimer()
        self._drain_timer.setSingleShot(True)
        self._drain_timer.setInterval(0)
        self._drain_timer.timeout.connect(self._drain)

    def call_soon(
        self,
        callback: Callable[..., object],
        *args: Any,
        context: contextvars.Context | None = None,
    ) -> asyncio.Handle:
        self._check_closed()
        handle = asyncio.Handle(callback, args, self, context=context)
        self._ready.append(handle)
        if not self._drain_timer.isActive():
            self._drain_timer.start()
        return handle

    def close(self) -> None:
        self._drain_timer.stop()
        self._ready.clear()
        super().close()

    @property
    def ready_count(self) -> int:
        """Callbacks waiting for the next drain (for tests and diagnostics)."""
        return len(self._ready)

    def _drain(self) -> None:
        ready = self._ready
        deadline = time.perf_counter() + SLICE_SECONDS
        while ready:
            handle = ready.popleft()
            if not handle.cancelled():
                handle._run()  # reports its own exceptions to the loop's handler
            if time.perf_counter() >= deadline:
                break
        if ready:
            self._drain_timer.start()
