"""Play This Row / Column Together: the sweep grid's menu offers the videos of a line of cells,
to be played side by side and compared as they move."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from fizzly_desktop.ui.batches.sweep_grid import SweepGrid
from fizzly_desktop.ui.i18n import translate


def line_indices(grid: SweepGrid, index: int, *, row: bool) -> list[int]:
    """The runs (plan indices) in the same grid row (or column) as the run at ``index``."""
    model = grid.model
    where = model.model_index(index)
    line = where.row() if row else where.column()
    found = []
    for other in range(model.cell_count()):
        place = model.model_index(other)
        if (place.row() if row else place.column()) == line:
            found.append((place.column() if row else place.row(), other))
    return [other for _, other in sorted(found)]


class GridPlayActions(QObject):
    """Adds the two actions to ``grid``'s menu (enabled on a finished cell).

    Signals:
        play_requested(list[int]): play the outputs of these runs (plan indices) together.
    """

    play_requested = Signal(list)

    def __init__(self, grid: SweepGrid) -> None:
        super().__init__(grid)
        self._grid = grid
        self.row_action = QAction(translate("GridPlayActions", "Play This &Row Together"), grid)
        self.row_action.triggered.connect(lambda: self._play(row=True))
        self.column_action = QAction(
            translate("GridPlayActions", "Play This Co&lumn Together"), grid
        )
        self.column_action.triggered.connect(lambda: self._play(row=False))
        grid.extra_actions.extend([self.row_action, self.column_action])
        grid.view.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self._update()

    def _current(self) -> int | None:
        chosen = self._grid.selected_indices()
        return chosen[0] if chosen else None

    def _update(self) -> None:
        index = self._current()
        done = index is not None and self._grid.cell(index).image_path is not None
        self.row_action.setEnabled(done)
        self.column_action.setEnabled(done)

    def _play(self, *, row: bool) -> None:
        index = self._current()
        if index is not None:
            self.play_requested.emit(line_indices(self._grid, index, row=row))
