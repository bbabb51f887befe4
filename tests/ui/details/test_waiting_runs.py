"""A run that is not running yet says, in its details, how long it has waited and why.

A queued run said "Elapsed 1 s" for a minute. Here runs wait in the server's queue, behind
Pause Sending, in a paused batch and behind the key's request limit, and the details panel of
the real app is read: the wait, its reason, and no running time.
"""

from __future__ import annotations

import re

import qasync
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.engine import EngineSettings
from fizzly_desktop.core.runs import Run, RunState
from fizzly_desktop.ui.controller import AppController
from tests.fixtures.app import in_app, pick, state_of, until

ONE_WORKER = ("--time-scale", "1", "--ping-interval", "0.5", "--workers", "1")
WAITED = r"Waiting (\d+ s|1 min( \d+ s)?)"


def waiting_line(app: AppController) -> str:
    label = app.window.run_details.waiting_label
    return label.text() if not label.isHidden() else ""


async def run_once(app: AppController, prompt: str) -> Run:
    before = {r.id for r in app.run_model.runs()}
    app.window.form_panel.form.set_values({"prompt": prompt})
    app.window.run_action.trigger()
    await until(lambda: len(app.run_model.runs()) == len(before) + 1)
    (run,) = [r for r in app.run_model.runs() if r.id not in before]
    await until(lambda: app.window.run_details.run_id == run.id)
    return run


def test_a_run_in_the_servers_queue_says_its_wait_and_place(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        details = app.window.run_details
        await pick(app, "demo/slow-render")
        running = await run_once(app, "first")
        await until(lambda: state_of(app, running.id) is RunState.IN_PROGRESS)
        queued = await run_once(app, "second")
        await until(lambda: state_of(app, queued.id) is RunState.IN_QUEUE)
        await until(lambda: "server's queue" in waiting_line(app))
        assert re.fullmatch(
            WAITED + r" · (Next in the server's queue\.|In the server's queue.*)",
            waiting_line(app),
        ), waiting_line(app)
        assert details.state_label.text().startswith("In queue")
        # No running time while it waits: the wait is said instead.
        assert "running for" not in details.metrics.text()
        assert "lapsed" not in details.metrics.text()
        # The running one says how long it has run, and no wait.
        app.window.queue_view.select_run(running.id)
        await until(lambda: details.run_id == running.id)
        await until(lambda: details.metrics.text().startswith("running for "))
        assert waiting_line(app) == ""
        assert app.engine is not None
        app.engine.cancel([running.id, queued.id])
        await until(lambda: all(r.state.is_terminal for r in app.run_model.runs()))

    in_app(qloop, scenario, *ONE_WORKER)


def test_a_run_held_back_says_sending_is_paused_then_that_its_batch_is(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        window, details = app.window, app.window.run_details
        engine = app.engine
        assert engine is not None
        await pick(app, "demo/text-to-image")
        window.pause_all_action.setChecked(True)
        window.form_panel.count.setValue(2)
        window.form_panel.form.set_values({"prompt": "two foxes", "width": 64, "height": 64})
        window.run_action.trigger()
        await until(lambda: len(app.run_model.runs()) == 2)
        (batch,) = engine.batches()
        first = engine.batch_runs(batch.id)[0]
        await until(lambda: details.run_id == first.id)
        assert details.state_label.text() == "Waiting to send"
        await until(lambda: "paused" in waiting_line(app))
        assert re.fullmatch(
            WAITED + r" · Sending is paused: resume sending to let it go\.", waiting_line(app)
        ), waiting_line(app)

        # The batch bar's Pause: the run has not changed, why it waits has.
        bar = window.batch_bar
        assert bar.combo.currentData() == batch.id
        qtbot.mouseClick(bar.pause_button, Qt.MouseButton.LeftButton)
        await until(lambda: f"Its batch “{batch.name}” is paused." in waiting_line(app))

        # Both let go: it is sent and runs, and the waiting line goes.
        qtbot.mouseClick(bar.pause_button, Qt.MouseButton.LeftButton)
        window.pause_all_action.setChecked(False)
        await until(lambda: all(r.state is RunState.COMPLETED for r in app.run_model.runs()))
        await until(lambda: waiting_line(app) == "")

    in_app(qloop, scenario)


def test_a_run_behind_the_keys_request_limit_says_so(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        window = app.window
        await pick(app, "demo/text-to-image")
        window.form_panel.form.set_values({"prompt": "a kite", "width": 64, "height": 64})
        window.form_panel.count.setValue(4)
        window.run_action.trigger()
        await until(lambda: len(app.run_model.runs()) == 4)
        # Six requests a minute: the later runs wait for the key's budget to refill.
        engine = app.engine
        assert engine is not None
        (batch,) = engine.batches()
        last = engine.batch_runs(batch.id)[-1]
        window.queue_view.select_run(last.id)
        await until(lambda: window.run_details.run_id == last.id)
        await until(lambda: "request limit" in waiting_line(app), timeout=10)
        assert re.fullmatch(
            WAITED + r" · Waiting for the key's request limit to allow another send\.",
            waiting_line(app),
        ) or re.fullmatch(
            WAITED + r" · Being sent; waiting for the key's request limit to allow it\.",
            waiting_line(app),
        ), waiting_line(app)
        # Quitting leaves them to the server's next visit: nothing to wait for here.

    in_app(qloop, scenario, "--time-scale", "0.05", "--ping-interval", "0.5", "--rate-limit", "6")


def test_what_holds_a_run_back_is_said_again_when_it_changes(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        window = app.window
        await pick(app, "demo/slow-render")
        running = await run_once(app, "first")
        await until(lambda: state_of(app, running.id) is RunState.IN_PROGRESS)
        held = await run_once(app, "second")
        await until(lambda: "free slot" in waiting_line(app))
        assert state_of(app, held.id) is RunState.WAITING
        # Run ▸ Pause Sending changes nothing about the run, and everything about its wait.
        window.pause_all_action.setChecked(True)
        await until(lambda: "Sending is paused" in waiting_line(app), timeout=5)
        window.pause_all_action.setChecked(False)
        await until(lambda: "free slot" in waiting_line(app), timeout=5)

    # One run on the server at a time: the second waits in the app for the first to finish.
    in_app(qloop, scenario, *ONE_WORKER, engine_settings=EngineSettings(max_active_runs=1))
