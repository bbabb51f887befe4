"""The run details panel: the selected run's timeline and outputs, kept current by the delta."""

from __future__ import annotations

from fizzly_desktop.core.runs import Run, RunState, StateGroup
from fizzly_desktop.core.words import WaitCauses, wait_causes
from fizzly_desktop.ui.bridge import EngineDelta
from fizzly_desktop.ui.details.run_details import RunDetailsPanel
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
        self._nodes_of: dict[str, list[str]] = {}

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
        """The nodes of the workflow's last completed run, to show the ones not reached yet.

        Cached per workflow (finding it means sorting the whole history); a run of the workflow
        that completes replaces the entry.
        """
        nodes = self._nodes_of.get(workflow)
        if nodes is None:
            engine = self.services.engine
            latest = engine.runs(StateGroup.COMPLETED, workflow=workflow)[:1] if engine else []
            nodes = [entry.node for entry in latest[0].timeline] if latest else []
            self._nodes_of[workflow] = nodes
        return nodes

    def on_delta(self, delta: EngineDelta) -> None:
        for run in (*delta.added, *delta.updated):
            if run.state is RunState.COMPLETED and run.timeline:
                self._nodes_of[run.workflow] = [entry.node for entry in run.timeline]
        shown = self.panel.run_id
        if shown is None:
            return
        if shown in delta.removed:
            self.show(None)
        elif any(run.id == shown for run in delta.updated):
            self.show(shown)
