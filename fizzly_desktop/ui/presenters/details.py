"""The run details panel: the selected run's timeline, outputs and actions, kept current."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox

from fizzly_desktop.core.formatting import format_credits
from fizzly_desktop.core.profiles import SANDBOX_PROFILE_NAME
from fizzly_desktop.core.run_actions import RunAction
from fizzly_desktop.core.runs import Contact, Run, StateGroup
from fizzly_desktop.core.words import WaitCauses, wait_causes
from fizzly_desktop.ui.bridge import EngineDelta
from fizzly_desktop.ui.details.run_details import RunDetailsPanel
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.outputs.outputs_strip import OutputsStrip
from fizzly_desktop.ui.presenters.outputs import OutputsPresenter
from fizzly_desktop.ui.presenters.services import Services


class DetailsPresenter:
    """Shows one run in the details panel and refreshes it when that run changes."""

    def __init__(
        self,
        services: Services,
        panel: RunDetailsPanel,
        strip: OutputsStrip,
        outputs: OutputsPresenter,
    ) -> None:
        self.services = services
        self.panel = panel
        self.strip = strip
        self.outputs = outputs
        #: Told the runs about to be cancelled, so the status bar says what came back (the
        #: queue's watch: the same notice however the cancel was asked for).
        self.cancel_watch: Callable[[list[str]], None] | None = None
        #: Shows a run just started (a retry) in the queue, selected: the queue's.
        self.reveal_run: Callable[[str], None] | None = None
        panel.action_requested.connect(self._on_action_requested)
        panel.causes_of = self.wait_causes

    def show(self, run_id: str | None) -> None:
        engine = self.services.engine
        run = engine.run(run_id) if engine and run_id else None
        if run is None:
            self.panel.clear()
            return
        self.panel.show_run(
            run,
            title=self.services.workflow_name(run.workflow),
            expected_nodes=self.expected_nodes(run.workflow),
            causes=self.wait_causes(run),
        )
        items = self.outputs.items(run)
        if items != self.strip.outputs():
            self.strip.set_outputs(items)

    def wait_causes(self, run: Run) -> WaitCauses:
        """What holds ``run`` back, if it is not running yet (for the details' waiting line)."""
        engine = self.services.engine
        if engine is None or run.state.is_terminal or run.started_at is not None:
            return WaitCauses()
        batch = engine.batch(run.batch_id) if run.batch_id else None
        batch_active = (
            sum(1 for r in engine.batch_runs(batch.id) if r.state.is_active) if batch else 0
        )
        counts = engine.counts()
        return wait_causes(
            run,
            batch=batch,
            batch_active=batch_active,
            budget=engine.budget_state(run.profile),
            active=counts[StateGroup.ON_SERVER],
            max_active=engine.settings.max_active_runs,
            sending_paused=engine.submissions_paused,
        )

    def expected_nodes(self, workflow: str) -> list[str]:
        """The nodes of the workflow's last completed run, to show the ones not reached yet."""
        engine = self.services.engine
        return engine.expected_nodes(workflow) if engine is not None else []

    # --- actions -------------------------------------------------------------------------------
    def _on_action_requested(self, run_id: str, action: str) -> None:
        """A button of the panel. Questions are asked here, in the click's handler, never in a
        task (see QueuePresenter.remove_runs: a nested loop inside a task stalls the others)."""
        engine = self.services.engine
        run = engine.run(run_id) if engine is not None else None
        if engine is None or run is None:
            return
        match RunAction(action):
            case RunAction.CANCEL:
                if self.cancel_watch is not None:
                    self.cancel_watch([run_id])
                engine.cancel([run_id])
            case RunAction.RETRY:
                self.services.spawn("retry", self.retry(run_id))
            case RunAction.RUN_AGAIN:
                if self._ask(
                    translate("DetailsPresenter", "Run again"), self.run_again_question(run)
                ):
                    self.services.spawn("run-again", self.retry(run_id))
            case RunAction.CHECK_AGAIN:
                self.services.spawn(f"check-{run_id}", self.check_again(run_id))
            case RunAction.FORGET:
                question = translate(
                    "DetailsPresenter",
                    "Take this run out of the list? The app will no longer ask the server "
                    "about it; if it is still running there, it may still finish and cost "
                    "credits. Saved images stay on disk.",
                )
                if self._ask(translate("DetailsPresenter", "Forget run"), question):
                    self.services.spawn("forget", engine.library.remove_from_history([run_id]))

    async def retry(self, run_id: str) -> None:
        """A new run with the same inputs, shown and selected as a run just started is."""
        engine = self.services.engine
        if engine is None:
            return
        created = await engine.retry([run_id])
        if created and self.reveal_run is not None:
            self.reveal_run(created[0].id)

    def run_again_question(self, run: Run) -> str:
        """The confirmation of Run again, with what the new run costs."""
        engine = self.services.engine
        credits = engine.expected_credits(run.workflow) if engine is not None else None
        name = self.services.workflow_name(run.workflow)
        if credits is None:
            cost = translate(
                "DetailsPresenter",
                "Its cost is not known yet: no run of this workflow has finished here.",
            )
        else:
            cost = translate(
                "DetailsPresenter", "It costs about {credits} credits, like the last one."
            ).format(credits=format_credits(credits))
        return translate(
            "DetailsPresenter",
            "Send a new run of {name} with the same inputs? {cost} This run stays "
            "in the list until you forget it.",
        ).format(name=name, cost=cost)

    async def check_again(self, run_id: str) -> None:
        """One status call; says so when the server still does not answer."""
        engine, session = self.services.engine, self.services.session
        run = engine.run(run_id) if engine is not None else None
        if engine is None or run is None:
            return
        sandbox = session.sandbox
        if run.profile == SANDBOX_PROFILE_NAME and (sandbox is None or not sandbox.running):
            # The local sandbox ended under the app: checking again starts it (on the same
            # data folder, so it still has the run), and the status bar shows where it is.
            self.services.show_message(
                translate("DetailsPresenter", "Starting the local sandbox…"), 5000
            )
            started = await session.start_sandbox()
            if started is not None and session.profiles.active.is_sandbox:
                self.services.window.status.set_server(SANDBOX_PROFILE_NAME, started.info.base_url)
        answered = await engine.check_again([run_id])
        run = engine.run(run_id)
        if run is None:
            return
        if not answered:
            self.services.show_message(
                translate(
                    "DetailsPresenter",
                    "The server still does not answer about this run. Check that it is "
                    "running and reachable, then check again.",
                ),
                8000,
            )
        elif run.contact is Contact.UNKNOWN:
            self.services.show_message(
                translate(
                    "DetailsPresenter",
                    "The server no longer knows this run. Run it again, or forget it.",
                ),
                8000,
            )
        else:
            self.services.show_message(
                translate("DetailsPresenter", "The server answered: the run is followed again."),
                5000,
            )

    def _ask(self, title: str, question: str) -> bool:
        answer = QMessageBox.question(self.services.window, title, question)
        return answer == QMessageBox.StandardButton.Yes

    def on_delta(self, delta: EngineDelta) -> None:
        shown = self.panel.run_id
        if shown is None:
            return
        if shown in delta.removed:
            self.show(None)
        elif delta.batches_changed or any(run.id == shown for run in delta.updated):
            # A batch paused or resumed changes why its waiting runs wait, not the runs.
            self.show(shown)
