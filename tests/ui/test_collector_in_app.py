"""The app's garbage collections run on the GUI thread only, driven by its collector's timer."""

from __future__ import annotations

import asyncio
import gc
import threading
import weakref

import qasync
from pytestqt.qtbot import QtBot

from fizzly_desktop.ui.controller import AppController
from tests.fixtures.app import in_app, until


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def garbage_cycles(count: int) -> list[weakref.ref[Node]]:
    refs = []
    for _ in range(count):
        a, b = Node(), Node()
        a.other, b.other = b, a
        refs.append(weakref.ref(a))
    return refs


def test_garbage_made_on_a_worker_is_collected_by_the_gui_thread(
    qtbot: QtBot, qloop: qasync.QEventLoop, collector_enabled: None
) -> None:
    threads: list[int] = []

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            threads.append(threading.get_ident())

    gui_thread = threading.get_ident()

    async def scenario(app: AppController) -> None:
        assert app.status.collector.active
        assert not gc.isenabled()  # no collection can start on a worker thread
        gc.callbacks.append(record)
        try:
            # Keyring, SQLite, HTTP and thumbnail work allocate on worker threads like this.
            refs = await asyncio.to_thread(garbage_cycles, 20 * gc.get_threshold()[0])
            await until(lambda: all(ref() is None for ref in refs), timeout=10)
        finally:
            gc.callbacks.remove(record)
        assert threads
        assert set(threads) == {gui_thread}
        assert sum(app.status.collector.ticked) >= 1

    in_app(qloop, scenario, sandbox=False)
    assert gc.isenabled()  # shut down: the interpreter collects on its own again
