"""The Credits column shows a refund whole ("0 (refunded 7)"): it widens to the longest one in
view, taking the room from the progress bars (whose text is elided), never from the workflow's
name, and never narrows again by itself."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

from fizzly_desktop.ui.queue.columns import Column
from fizzly_desktop.ui.queue.run_model import RunTableModel, format_credits

#: Room a cell's text needs beside it (the item's margins and focus frame), in pixels.
CELL_PADDING = 12
#: The progress column gives room to a refund down to this width (a bar and a short word).
PROGRESS_FLOOR = 80


def fit_credits_column(table: QTableView, model: RunTableModel, first: int, last: int) -> None:
    """Widen the credits column to the longest refund of rows ``first``..``last``."""
    header = table.horizontalHeader()
    texts = [
        format_credits(run)
        for row in range(max(0, first), min(last, model.rowCount() - 1) + 1)
        if (run := model.run_at(row)).credits_refunded
    ]
    if not texts:
        return
    metrics = table.fontMetrics()
    needed = max(metrics.horizontalAdvance(t) for t in texts) + CELL_PADDING
    grow = needed - header.sectionSize(Column.CREDITS)
    if grow <= 0:
        return
    progress = header.sectionSize(Column.PROGRESS)
    header.resizeSection(Column.PROGRESS, max(PROGRESS_FLOOR, progress - grow))
    header.resizeSection(Column.CREDITS, needed)
