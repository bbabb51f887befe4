"""The queue's columns as they first show: movable, sized, the workflow's stretching, some hidden.

Each column is given a width that suits its cells, and never less than its title needs, which
a translation may lengthen ("Queue" is "Warteschlange" in German).
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView

from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.queue.columns import HEADERS, HIDDEN_BY_DEFAULT, Column
from fizzly_desktop.ui.queue.credits_column import CELL_PADDING


def size_columns(header: QHeaderView) -> None:
    """Lay out the queue table's ``header``: its columns' modes, widths and visibility."""
    header.setSectionsMovable(True)
    header.setHighlightSections(False)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # The workflow's name (with the picture) takes the room left, and never less than a
    # name's worth: a narrow queue scrolls sideways rather than show "Te…".
    header.setSectionResizeMode(Column.WORKFLOW, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(40)
    for column, width in (
        (Column.STATE, 92),
        (Column.QUEUE, 52),
        (Column.PROGRESS, 120),
        (Column.NODE, 112),
        (Column.CREDITS, 58),
        (Column.ELAPSED, 64),
        (Column.SUBMITTED, 80),
        (Column.SEED, 90),
        (Column.PROMPT, 220),
    ):
        # Never narrower than its title, which a translation may lengthen.
        title = header.fontMetrics().horizontalAdvance(translate("Columns", HEADERS[column]))
        header.resizeSection(column, max(width, title + CELL_PADDING))
    # The current node also shows in the progress bar; its column is there for wide windows.
    # Seed and prompt tell a batch's rows apart: shown from the header's menu when wanted.
    for column in HIDDEN_BY_DEFAULT:
        header.setSectionHidden(column, True)
