"""Batches of runs: the dialog that builds one, the bar that drives it, the grid of a sweep."""

from __future__ import annotations

from fizzly_desktop.ui.batches.controller import BatchController, batch_summary
from fizzly_desktop.ui.batches.dialog import IMPORT_FILTER, MODES, BatchBuilderDialog, Mode
from fizzly_desktop.ui.batches.sweep_grid import Cell, SweepGrid, SweepGridModel, cell_state

__all__ = [
    "IMPORT_FILTER",
    "MODES",
    "BatchBuilderDialog",
    "BatchController",
    "Cell",
    "Mode",
    "SweepGrid",
    "SweepGridModel",
    "batch_summary",
    "cell_state",
]
