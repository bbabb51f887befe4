"""Recovery in the real window on the app's own sandbox: lost contact and checking again, and a
crash mid-batch (engine aborted, sandbox killed) followed by a new session on the same folders.
"""

from __future__ import annotations

import os
import signal
import socket
from urllib.parse import urlsplit

import pytest
import qasync
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.engine import EngineSettings
from fizzly_desktop.core.run_actions import RunAction
from fizzly_desktop.core.runs import Contact, Run, RunState, StateGroup
from fizzly_desktop.core.tracking import TrackingSettings
from fizzly_desktop.ui.controller import AppController
from tests.fixtures.app import FAST, in_app, only_run, pick, until

#: The sandbox at a pace where a slow render takes a few seconds (its long node about 4 s).
PACED = ["--time-scale", "0.2", "--ping-interval", "0.5", "--workers", "2"]

#: Lost contact after 1.5 s without any answer (45 s by default), retries close together.
QUICK = EngineSettings(
    tracking=TrackingSettings(
        backoff_initial=0.05, backoff_max=0.3, poll_interval=0.2, lost_after=1.5
    ),
    connect_backoff_initial=0.05,
    connect_backoff_max=0.3,
)


def test_a_run_whose_sandbox_stops_shows_lost_contact_and_check_again_resumes_it(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        window, session = app.window, app.session
        await pick(app, "demo/slow-render")
        window.form_panel.form.set_values({"prompt": "a slow dune", "width": 256, "height": 256})
        assert window.form_panel.run_button.isEnabled()
        window.run_action.trigger()
        await until(lambda: len(app.run_model.runs()) == 1)
        run_id = only_run(app).id
        window.queue_view.select_run(run_id)
        await until(lambda: only_run(app).state is RunState.IN_PROGRESS)
        assert session.sandbox is not None
        await session.sandbox.stop()

        # Bounded: lost_after without any answer, plus one retry's wait.
        await until(lambda: only_run(app).contact is Contact.LOST, timeout=15)
        panel = window.run_details
        await until(lambda: panel.state_label.text() == "Lost contact")
        assert panel.progress.isHidden()
        assert panel.visible_actions() == [
            RunAction.CANCEL,
            RunAction.CHECK_AGAIN,
            RunAction.RUN_AGAIN,
            RunAction.FORGET,
        ]
        lost = only_run(app)
        assert lost.elapsed(now=lost.updated_at + 3600) == lost.elapsed()  # the clock stopped
        filters = window.state_filters
        await until(lambda: filters.count_of(StateGroup.NEEDS_ATTENTION) == 1)
        assert filters.count_of(StateGroup.ACTIVE) == 0

        # Check again starts the sandbox on its data folder: it still has the run.
        qtbot.mouseClick(panel.action_buttons[RunAction.CHECK_AGAIN], Qt.MouseButton.LeftButton)
        await until(lambda: only_run(app).contact is Contact.IN_TOUCH, timeout=30)
        assert session.sandbox is not None
        assert session.sandbox.running
        assert window.status.server_label.text().endswith(session.sandbox.info.base_url)
        await until(lambda: only_run(app).state is RunState.COMPLETED, timeout=60)
        assert panel.visible_actions() == []

    in_app(qloop, scenario, *PACED, engine_settings=QUICK)


def test_a_crash_mid_batch_then_reopen_leaves_every_run_in_a_named_state(
    qtbot: QtBot, qloop: qasync.QEventLoop, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Abort the engine and kill -9 the sandbox mid-batch; reopen on the same folders while the
    old port is taken, so the sandbox comes back elsewhere and the runs must follow it."""
    inputs = [{"prompt": f"dune {i}", "width": 256, "height": 256} for i in range(8)]
    first: dict[str, object] = {}
    blocker = socket.socket()

    async def crash_mid_batch(app: AppController) -> None:
        engine, sandbox = app.engine, app.session.sandbox
        assert engine is not None
        assert sandbox is not None
        await engine.submit_batch(
            "Slow render × 8", "demo/text-to-image", inputs, profile="Local sandbox", max_active=2
        )
        await until(
            lambda: (
                any(r.state is RunState.COMPLETED for r in engine.runs())
                and any(r.state.is_remote for r in engine.runs())
            ),
            timeout=60,
        )
        await engine.abort()
        os.kill(sandbox.pid, signal.SIGKILL)
        first["base_url"] = sandbox.info.base_url
        first["states"] = {r.id: r.state for r in engine.runs()}

    async def reopen(app: AppController) -> None:
        engine, window = app.engine, app.window
        assert engine is not None
        sandbox = app.session.sandbox
        assert sandbox is not None
        assert sandbox.info.base_url != first["base_url"]  # its port was taken meanwhile
        assert window.status.server_label.text().endswith(sandbox.info.base_url)
        states: dict[str, RunState] = first["states"]  # type: ignore[assignment]
        runs = {r.id: r for r in engine.runs()}
        assert set(runs) == set(states)
        on_server = [rid for rid, state in states.items() if state.is_remote]
        assert on_server
        for rid in on_server:
            assert (runs[rid].status_url or "").startswith(sandbox.info.base_url)

        # The paused batch is announced, its waiting runs counted under attention.
        (batch,) = engine.batches()
        assert batch.is_paused
        waiting = [r for r in runs.values() if r.state is RunState.WAITING]
        assert waiting
        await until(lambda: window.batch_banner.isVisible())
        assert window.batch_banner.label.text().startswith(
            f"Batch “Slow render × 8” is paused: {len(waiting)} run"
        )
        await until(
            lambda: window.state_filters.count_of(StateGroup.NEEDS_ATTENTION) >= len(waiting)
        )

        # Every run that was on the server continues or ends in a named state; none stays
        # "running" without news.
        def settled(rid: str) -> bool:
            run = runs[rid]
            return run.state.is_terminal or run.contact is not Contact.IN_TOUCH

        await until(lambda: all(settled(rid) for rid in on_server), timeout=60)
        # A run the killed sandbox had not committed yet is "Unknown to the server".
        assert all(
            runs[rid].state is RunState.COMPLETED or runs[rid].contact is Contact.UNKNOWN
            for rid in on_server
        )

        # Resume from the banner: the rest is sent and finishes; the banner goes away.
        qtbot.mouseClick(window.batch_banner.resume_button, Qt.MouseButton.LeftButton)
        await until(lambda: not window.batch_banner.isVisible())

        # A run being sent at the crash may have left or not: it is "Sent, no answer", never
        # sent again. Every other run completes.
        def named(run: Run) -> bool:
            return run.state in (RunState.COMPLETED, RunState.UNCERTAIN) or run.out_of_contact

        await until(lambda: all(named(r) for r in engine.runs()), timeout=90)
        sent = [r.request_id for r in engine.runs() if r.request_id is not None]
        assert len(set(sent)) == len(sent)  # none sent twice
        uncertain = [r for r in engine.runs() if r.state is RunState.UNCERTAIN]
        assert all(states[r.id] is RunState.SUBMITTING for r in uncertain)

    try:
        in_app(qloop, crash_mid_batch, *FAST)
        # Take the old port so that the sandbox must come back at another address.
        port = urlsplit(str(first["base_url"])).port
        # Connections of the first session may linger in TIME_WAIT on that port.
        blocker.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        blocker.bind(("127.0.0.1", port or 0))
        blocker.listen()
        in_app(qloop, reopen, *FAST)
    finally:
        blocker.close()
