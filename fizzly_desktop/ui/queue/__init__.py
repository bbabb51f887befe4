"""The queue: the table of runs, its view with filters and actions, the sidebar of state groups."""

from fizzly_desktop.ui.queue.run_table import (
    HEADERS,
    RUN_ID_ROLE,
    RUN_ROLE,
    SORT_ROLE,
    Column,
    ProgressDelegate,
    RunFilterProxy,
    RunTableModel,
    changed_columns,
    elapsed_seconds,
    format_credits,
    progress_bar,
    thumbnail_path,
)

__all__ = [
    "HEADERS",
    "RUN_ID_ROLE",
    "RUN_ROLE",
    "SORT_ROLE",
    "Column",
    "ProgressDelegate",
    "RunFilterProxy",
    "RunTableModel",
    "changed_columns",
    "elapsed_seconds",
    "format_credits",
    "progress_bar",
    "thumbnail_path",
]
