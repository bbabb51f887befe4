"""The Run button says what a run costs, from the shown workflow's finished runs."""

from __future__ import annotations

import qasync
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.runs import RunState
from fizzly_desktop.ui.controller import AppController
from tests.fixtures.app import in_app, only_run, pick, state_of, until


def test_a_finished_run_prices_the_next_and_another_workflow_starts_unpriced(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        panel = app.window.form_panel
        await pick(app, "demo/text-to-image")
        assert panel.run_button.text() == "Run"  # nothing finished yet: no cost to show
        panel.form.set_values({"prompt": "a kite over dunes", "width": 128, "height": 128})
        app.window.run_action.trigger()
        await until(lambda: len(app.run_model.runs()) == 1)
        run_id = only_run(app).id
        await until(lambda: state_of(app, run_id) is RunState.COMPLETED)
        assert app.engine is not None
        done = app.engine.run(run_id)
        assert done is not None
        assert done.credits_used
        await until(lambda: "credit" in panel.run_button.text())
        assert panel.run_button.text() == f"Run · {done.credits_used:g} credits"
        await pick(app, "demo/prompt-enhancer")
        assert panel.run_button.text() == "Run"
        await pick(app, "demo/text-to-image")
        assert panel.run_button.text() == f"Run · {done.credits_used:g} credits"

    in_app(qloop, scenario)
