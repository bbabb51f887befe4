"""The run details panel: the selected run's timeline and outputs, kept current by the delta."""

from __future__ import annotations

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
        )
        items = self.outputs.items(run)
        if items != self.strip.outputs():
            self.strip.set_outputs(items)

    def expected_nodes(self, workflow: str) -> list[str]:
        """The nodes of the workflow's last completed run, to show the ones not reached yet."""
        engine = self.services.engine
        return engine.expected_nodes(workflow) if engine is not None else []

    def on_delta(self, delta: EngineDelta) -> None:
        shown = self.panel.run_id
        if shown is None:
            return
        if shown in delta.removed:
            self.show(None)
        elif any(run.id == shown for run in delta.updated):
            self.show(shown)
