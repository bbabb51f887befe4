"""The queue table's columns: their order, headers, roles, and which run fields each shows."""

from __future__ import annotations

import enum
from collections.abc import Callable

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QPixmap

from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP
from fizzly_desktop.core.runs import Run

AnyIndex = QModelIndex | QPersistentModelIndex
ThumbnailProvider = Callable[[Run], QPixmap | None]


#: Changed rows at most this far apart are announced in one span (see _emit_columns).
SPAN_GAP = 4


class Column(enum.IntEnum):
    WORKFLOW = 0
    STATE = 1
    QUEUE = 2
    PROGRESS = 3
    NODE = 4
    CREDITS = 5
    ELAPSED = 6
    SUBMITTED = 7
    SEED = 8
    PROMPT = 9


HEADERS = {
    Column.WORKFLOW: QT_TRANSLATE_NOOP("Columns", "Workflow"),
    Column.STATE: QT_TRANSLATE_NOOP("Columns", "State"),
    Column.QUEUE: QT_TRANSLATE_NOOP("Columns", "Queue"),
    Column.PROGRESS: QT_TRANSLATE_NOOP("Columns", "Progress"),
    Column.NODE: QT_TRANSLATE_NOOP("Columns", "Current node"),
    Column.CREDITS: QT_TRANSLATE_NOOP("Columns", "Credits"),
    Column.ELAPSED: QT_TRANSLATE_NOOP("Columns", "Elapsed"),
    Column.SUBMITTED: QT_TRANSLATE_NOOP("Columns", "Submitted"),
    Column.SEED: QT_TRANSLATE_NOOP("Columns", "Seed"),
    Column.PROMPT: QT_TRANSLATE_NOOP("Columns", "Prompt"),
}
#: Columns hidden until the user shows them (header menu); the layout keeps the choice.
HIDDEN_BY_DEFAULT = (Column.NODE, Column.SEED, Column.PROMPT)

#: Custom roles: the run itself, and sort keys that are numbers rather than display text.
RUN_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
RUN_ID_ROLE = Qt.ItemDataRole.UserRole + 3

# Plain values for the model's hot path (enum conversions cost more than the lookups).
_NO_PARENT = QModelIndex()
_COLUMNS = tuple(Column)
_COLUMN_COUNT = len(_COLUMNS)
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
_SERVED_ROLES = frozenset(
    {
        _DISPLAY,
        _TOOLTIP,
        _DECORATION,
        _ALIGNMENT,
        _FOREGROUND,
        _ACCESSIBLE,
        int(RUN_ROLE),
        int(SORT_ROLE),
        int(RUN_ID_ROLE),
    }
)
_RIGHT_ALIGNED = frozenset({Column.QUEUE, Column.CREDITS, Column.ELAPSED, Column.SEED})
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
#: Where each painted role sits in a cell's tuple of prepared values.
_CELL_SLOT = {_DISPLAY: 0, _DECORATION: 1, _TOOLTIP: 2, _ALIGNMENT: 3, _FOREGROUND: 4}
#: Prepared rows kept at most (a row is prepared when painted; scrolling the history adds more).
MAX_PREPARED_ROWS = 5000

#: One cell as painted: (display, decoration, tooltip, alignment, foreground), None where a
#: role is empty.
_Cell = tuple[object, object, object, object, object]
#: A row's cells, by column.
_RowCells = tuple[_Cell, ...]


#: The fields of a run each column is worked out from (the filter's go with the state cell,
#: so that a change to them reaches the proxy).
_COLUMN_FIELDS: tuple[tuple[Column, frozenset[str]], ...] = (
    (Column.WORKFLOW, frozenset({"workflow", "outputs"})),
    (
        Column.STATE,
        frozenset({"state", "contact", "held", "error", "request_id", "batch_id"}),
    ),
    (Column.QUEUE, frozenset({"queue_position", "queue_position_at"})),
    (Column.PROGRESS, frozenset({"state", "progress", "current_node", "contact"})),
    (Column.NODE, frozenset({"current_node"})),
    (Column.CREDITS, frozenset({"credits_used", "credits_refunded"})),
    (
        Column.ELAPSED,
        frozenset({"state", "started_at", "submitted_at", "completed_at", "contact_lost_at"}),
    ),
    (Column.SUBMITTED, frozenset({"submitted_at", "created_at"})),
    (Column.SEED, frozenset({"inputs"})),
    (Column.PROMPT, frozenset({"inputs"})),
)
_SHOWN_FIELDS = tuple(sorted(frozenset().union(*(fields for _, fields in _COLUMN_FIELDS))))


def changed_columns(old: Run, new: Run) -> list[int]:
    """The columns that show something else for ``new`` than for ``old`` (the same run)."""
    changed = {name for name in _SHOWN_FIELDS if getattr(old, name) != getattr(new, name)}
    if not changed:
        return []
    return [column for column, fields in _COLUMN_FIELDS if not changed.isdisjoint(fields)]
