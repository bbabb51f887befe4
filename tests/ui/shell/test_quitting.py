"""Journey "close mid-batch and reopen": File ▸ Quit with runs in flight asks first.

Quit used to close at once. Here the real app runs until it quits (as ``fizzly-desktop`` does),
File ▸ Quit is chosen with a run on the server, and the question's buttons are clicked: "Keep
open" keeps the app, "Quit" ends it with status 0, and "Don't ask again" is remembered by the
next start.
"""

from __future__ import annotations

import asyncio

import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.quitting import quit_question
from fizzly_desktop.core.runs import RunState
from fizzly_desktop.core.session import AppSession
from fizzly_desktop.ui.controller import AppController
from tests.fixtures.app import pick, state_of, until

#: One worker and real time: the slow workflow is still running when Quit is chosen.
SLOW = ["--time-scale", "1", "--ping-interval", "0.5", "--workers", "1"]


def shown_boxes() -> list[QWidget]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


async def started() -> tuple[AppController, asyncio.Task[int]]:
    """The app as ``fizzly-desktop --sandbox`` runs it: until the user quits."""
    controller = AppController(AppSession(sandbox_args=SLOW), use_sandbox=True)
    controller.show()
    running = asyncio.get_running_loop().create_task(controller.run_until_quit())
    await until(controller.ready.is_set)
    assert controller.sandbox is not None
    return controller, running


async def ended(controller: AppController, running: asyncio.Task[int]) -> int:
    """The app's exit status, once it has shut down (asked to, as SIGTERM does, if need be)."""
    if not running.done():
        controller.request_quit()
    await until(running.done, timeout=60)
    return running.result()


async def a_run_on_the_server(app: AppController) -> None:
    await pick(app, "demo/slow-render")
    app.window.form_panel.form.set_values({"prompt": "a long night"})
    before = {r.id for r in app.run_model.runs()}
    app.window.run_action.trigger()
    await until(lambda: len(app.run_model.runs()) == len(before) + 1)
    (run,) = [r for r in app.run_model.runs() if r.id not in before]
    await until(lambda: state_of(app, run.id) is not RunState.WAITING)
    assert state_of(app, run.id) not in (RunState.COMPLETED, RunState.FAILED)


async def the_question(app: AppController) -> QMessageBox:
    app.window.quit_action.trigger()  # File ▸ Quit
    await until(lambda: len(shown_boxes()) == 1, timeout=5)
    (box,) = shown_boxes()
    assert isinstance(box, QMessageBox)
    assert box is app.quitting.box
    return box


def button(box: QMessageBox, text: str) -> QWidget:
    found = [b for b in box.buttons() if b.text() == text]
    assert len(found) == 1, [b.text() for b in box.buttons()]
    return found[0]


def test_quit_with_a_run_in_flight_asks_and_keep_open_keeps_the_app(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario() -> int:
        app, running = await started()
        try:
            await a_run_on_the_server(app)
            assert app.engine is not None
            box = await the_question(app)
            assert box.windowTitle() == "Quit Fizzly Desktop?"
            assert box.text() == "Quit while runs are not finished?"
            assert box.informativeText() == quit_question(app.engine.runs())
            assert box.informativeText() == (
                "1 run is still running on the server. It keeps running and the app picks it "
                "up when you reopen it."
            )
            assert not box.isModal() or box.windowModality() is Qt.WindowModality.WindowModal
            assert box.checkBox() is not None
            assert box.checkBox().text() == "Don't ask again"

            qtbot.mouseClick(button(box, "Keep open"), Qt.MouseButton.LeftButton)
            await until(lambda: shown_boxes() == [], timeout=5)
            for _ in range(10):
                await asyncio.sleep(0.02)
            assert not running.done()
            assert app.window.isVisible()
            # Nothing was remembered: the next Quit asks again, and Quit ends the app.
            box = await the_question(app)
            assert not box.checkBox().isChecked()
            qtbot.mouseClick(button(box, "Quit"), Qt.MouseButton.LeftButton)
            await until(running.done, timeout=60)
            assert shown_boxes() == []
            return running.result()
        finally:
            await ended(app, running)

    assert qloop.run_until_complete(scenario()) == 0


def test_dont_ask_again_is_remembered_by_the_next_start(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def first() -> int:
        app, running = await started()
        try:
            await a_run_on_the_server(app)
            box = await the_question(app)
            checkbox = box.checkBox()
            qtbot.mouseClick(checkbox, Qt.MouseButton.LeftButton)
            assert checkbox.isChecked()
            qtbot.mouseClick(button(box, "Quit"), Qt.MouseButton.LeftButton)
            await until(running.done, timeout=60)
            return running.result()
        finally:
            await ended(app, running)

    async def second() -> int:
        app, running = await started()
        try:
            # The run left on the server is followed again (or has finished meanwhile) ...
            await until(lambda: len(app.run_model.runs()) == 1)
            await a_run_on_the_server(app)
            assert app.engine is not None
            assert quit_question(app.engine.runs()) is not None
            # ... and Quit ends the app without a question.
            app.window.quit_action.trigger()
            await until(lambda: running.done() or shown_boxes() != [], timeout=60)
            assert shown_boxes() == []
            await until(running.done, timeout=60)
            return running.result()
        finally:
            await ended(app, running)

    assert qloop.run_until_complete(first()) == 0
    assert qloop.run_until_complete(second()) == 0
