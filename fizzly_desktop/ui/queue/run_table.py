"""The run queue as a live table: the model over runs, its filter proxy, and the progress cell.

The parts live in their own modules (columns, run_model, run_filter, progress_cell); this module
keeps the names the rest of the app imports from here.
"""

from __future__ import annotations

from fizzly_desktop.core.formatting import format_duration
from fizzly_desktop.ui.queue.columns import (
    HEADERS,
    HIDDEN_BY_DEFAULT,
    MAX_PREPARED_ROWS,
    RUN_ID_ROLE,
    RUN_ROLE,
    SORT_ROLE,
    SPAN_GAP,
    AnyIndex,
    Column,
    ThumbnailProvider,
    changed_columns,
)
from fizzly_desktop.ui.queue.progress_cell import MAX_CACHED_BARS, ProgressDelegate, progress_bar
from fizzly_desktop.ui.queue.run_filter import RunFilterProxy
from fizzly_desktop.ui.queue.run_model import (
    RunTableModel,
    elapsed_seconds,
    format_credits,
    thumbnail_path,
)

__all__ = [
    "HEADERS",
    "HIDDEN_BY_DEFAULT",
    "MAX_CACHED_BARS",
    "MAX_PREPARED_ROWS",
    "RUN_ID_ROLE",
    "RUN_ROLE",
    "SORT_ROLE",
    "SPAN_GAP",
    "AnyIndex",
    "Column",
    "ProgressDelegate",
    "RunFilterProxy",
    "RunTableModel",
    "ThumbnailProvider",
    "changed_columns",
    "elapsed_seconds",
    "format_credits",
    "format_duration",
    "progress_bar",
    "thumbnail_path",
]
