"""GridPresenter: the sweep grid's menu and keys act on the runs of its cells as the queue's do."""

from __future__ import annotations

from collections.abc import Callable

from fizzly_desktop.ui.batches import BatchController
from fizzly_desktop.ui.batches.grid_play import GridPlayActions
from fizzly_desktop.ui.outputs.output_items import OutputItem
from fizzly_desktop.ui.presenters.outputs import OutputsPresenter
from fizzly_desktop.ui.presenters.queue import QueuePresenter
from fizzly_desktop.ui.presenters.services import Services


class GridPresenter:
    """Turns the grid's cell indices into runs and hands them to the queue's and outputs' logic.

    Args:
        use_inputs: fills the form with a run's inputs (the form presenter's).
        mark, delete, compare: the library's verbs on runs (star or reject, delete with
            files, compare), which the grid's keys and menu offer as the queue's do.
    """

    def __init__(
        self,
        services: Services,
        batches: BatchController,
        queue: QueuePresenter,
        outputs: OutputsPresenter,
        use_inputs: Callable[[str], None],
        *,
        mark: Callable[[list[str], str], None],
        delete: Callable[[list[str]], None],
        compare: Callable[[list[str]], None],
    ) -> None:
        self._services = services
        self._runs = batches.grid_run_ids
        self._outputs = outputs
        self._use_inputs = use_inputs
        grid = batches.grid
        grid.cancel_requested.connect(lambda indices: queue.cancel_runs(self._runs(indices)))
        grid.retry_requested.connect(
            lambda indices: services.spawn("retry", queue.retry_runs(self._runs(indices)))
        )
        grid.export_requested.connect(lambda indices: outputs.export_runs(self._runs(indices)))
        grid.use_inputs_requested.connect(self.use_inputs)
        grid.copy_request_id_requested.connect(self.copy_request_id)
        grid.save_as_requested.connect(lambda index: self._with_image(index, outputs.save_as))
        grid.copy_image_requested.connect(lambda index: self._with_image(index, outputs.copy_image))
        grid.mark_requested.connect(lambda indices, kind: mark(self._runs(indices), kind))
        grid.delete_requested.connect(lambda indices: delete(self._runs(indices)))
        # In the grid's reading order, not the order the tiles were clicked.
        grid.compare_requested.connect(lambda indices: compare(self._runs(sorted(indices))))
        self.play = GridPlayActions(grid)
        self.play.play_requested.connect(lambda indices: outputs.play_together(self._runs(indices)))

    def _first(self, index: int) -> str | None:
        found = self._runs([index])
        return found[0] if found else None

    def use_inputs(self, index: int) -> None:
        run_id = self._first(index)
        if run_id is not None:
            self._use_inputs(run_id)

    def copy_request_id(self, index: int) -> None:
        engine, run_id = self._services.engine, self._first(index)
        run = engine.run(run_id) if engine is not None and run_id else None
        if run is not None and run.request_id:
            self._services.copy_text(run.request_id)

    def _with_image(self, index: int, act: Callable[[OutputItem], None]) -> None:
        run_id = self._first(index)
        item = self._outputs.first_image(run_id) if run_id else None
        if item is not None:
            act(item)
