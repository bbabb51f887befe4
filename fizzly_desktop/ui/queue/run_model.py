"""The run queue as a live Qt table model over runs, rows kept as they paint.

Updates arrive in batches (one per frame, from the engine's coalescer through the bridge). The
model never resets on a live update, so selection and scroll stay put: changed cells are
announced column by column (``_emit_columns``), new runs are inserted with ``beginInsertRows``
and removed ones with ``beginRemoveRows``.

Painting is the hot path: a repaint of the queue asks for hundreds of cells, each a call from
C++ into Python. What a row shows is therefore worked out once per change and kept (``_RowCells``),
and a change announces only the columns whose inputs changed (``changed_columns``), so the view
repaints those cells and nothing else.
"""

from __future__ import annotations

import bisect
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from fizzly_desktop.core import formatting, words
from fizzly_desktop.core.formatting import format_duration
from fizzly_desktop.core.runs import Run, RunState
from fizzly_desktop.ui.i18n import format_moment, translate
from fizzly_desktop.ui.queue.columns import (
    _ACCESSIBLE,
    _ALIGN_RIGHT,
    _CELL_SLOT,
    _COLUMN_COUNT,
    _COLUMNS,
    _NO_PARENT,
    _RIGHT_ALIGNED,
    _SERVED_ROLES,
    HEADERS,
    MAX_PREPARED_ROWS,
    RUN_ID_ROLE,
    RUN_ROLE,
    SPAN_GAP,
    AnyIndex,
    Column,
    ThumbnailProvider,
    _Cell,
    _RowCells,
    changed_columns,
)
from fizzly_desktop.ui.queue.progress_cell import progress_bar


def _tooltip(run: Run, column: Column, now: float) -> str | None:
    if column is Column.STATE:
        return words.state_text(run, now=now)
    if column is Column.WORKFLOW:
        return run.workflow
    if column is Column.QUEUE and run.state in _QUEUED:
        return words.position_tooltip(run, now)
    if column is Column.CREDITS and (run.credits_used is not None or run.credits_refunded):
        return _credits_tooltip(run)
    if column is Column.PROMPT:
        return prompt_of(run) or None
    return None


_QUEUED = frozenset({RunState.PENDING, RunState.IN_QUEUE})
#: The input names a prompt goes by, in the order they are looked for.
_PROMPT_NAMES = ("prompt", "text", "positive_prompt", "caption", "query")


def seed_of(run: Run) -> str:
    """The run's seed input as text ("" when it has none): what tells a batch's rows apart."""
    seed = run.inputs.get("seed")
    return "" if seed is None or isinstance(seed, dict | list) else str(seed)


def prompt_of(run: Run) -> str:
    """The run's prompt, or else its first text input, on one line."""
    for name in (*_PROMPT_NAMES, *run.inputs):
        value = run.inputs.get(name)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return ""


def _credits_tooltip(run: Run) -> str:
    used = formatting.plural_credits(run.credits_used or 0)
    if run.credits_refunded:
        return translate("RunModel", "{used} charged, {plural_credits} refunded").format(
            used=used, plural_credits=formatting.plural_credits(run.credits_refunded)
        )
    return translate("RunModel", "{used} charged").format(used=used)


def _muted() -> QColor:
    """The colour of text that is there but not current (a stale queue position)."""
    return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)


def elapsed_seconds(run: Run, now: float | None = None) -> float | None:
    # Stops at the end, or when contact was lost (see Run.elapsed).
    return run.elapsed(now)


def format_credits(run: Run) -> str:
    """The credits cell: what the run cost, and what came back (``0 (refunded 7)``; a refund
    is already taken off what the server reports as used). The column widens to fit it."""
    if run.credits_refunded:
        used = formatting.format_credits(run.credits_used or 0)
        return translate("RunModel", "{used} (refunded {credits})").format(
            used=used, credits=formatting.format_credits(run.credits_refunded)
        )
    return "" if run.credits_used is None else formatting.format_credits(run.credits_used)


class RunTableModel(QAbstractTableModel):
    """Runs by row (newest first) and by id; the rows hold snapshots the engine handed over."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        workflow_names: Callable[[str], str] | None = None,
        thumbnails: ThumbnailProvider | None = None,
    ) -> None:
        super().__init__(parent)
        self._runs: list[Run] = []
        # Rows are numbered from the top row's number down, so runs added on top or at the
        # bottom leave the numbers alone: row = self._top - number. Only removing a run, or
        # runs placed among the rows, renumbers.
        self._number_of: dict[str, int] = {}
        self._top = -1
        # What painted rows show, worked out once per change (see _cells).
        self._prepared: dict[str, _RowCells] = {}
        self._today = datetime.now().date()
        # Runs whose elapsed time is still counting: the clock repaints these, not the history.
        self._active: set[str] = set()
        self._workflow_names = workflow_names or (lambda workflow: workflow)
        self._thumbnails = thumbnails
        # Elapsed time moves on its own: once a second, repaint that column for active rows only.
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._on_clock_timeout)
        self._clock.start()

    def set_workflow_names(self, names: Callable[[str], str]) -> None:
        self._workflow_names = names
        self._prepared.clear()
        self._emit_columns(dict.fromkeys(range(len(self._runs)), (Column.WORKFLOW,)))

    def set_thumbnail_provider(self, thumbnails: ThumbnailProvider | None) -> None:
        self._thumbnails = thumbnails
        self._prepared.clear()

    def restyle(self) -> None:
        """The palette changed: colours kept in prepared rows are worked out again.

        (The views repaint on a palette change anyway, asking for every row they show.)
        """
        self._prepared.clear()

    # --- Qt model interface ------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._runs)

    def columnCount(self, parent: AnyIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else _COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("Columns", HEADERS[Column(section)])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        return self.value_at(index.row(), index.column(), role)

    def value_at(self, row: int, column: int, role: int) -> object:
        """What ``data()`` answers for a cell, without a model index.

        The proxy asks this for the roles a painted cell does not keep (the run, its id, sort
        keys); the painted ones come from ``cell``.
        """
        # Views ask for a dozen roles per cell and the sort proxy asks again on every change:
        # roles this model does not serve are answered before anything else is looked at.
        if role not in _SERVED_ROLES or row >= len(self._runs):
            return None
        slot = _CELL_SLOT.get(role)
        if slot is not None:
            return self.cell(row, column)[slot]
        run = self._runs[row]
        if role == _ACCESSIBLE:
            return self.spoken(run, _COLUMNS[column])
        if role == RUN_ROLE:
            return run
        if role == RUN_ID_ROLE:
            return run.id
        return self._sort_key(run, _COLUMNS[column])

    def spoken(self, run: Run, column: Column) -> str | None:
        """What a screen reader says for a cell: the row's first cell says the run's workflow
        and state in full ("Text to image, Running, 40 %, upscale"), the progress cell says it
        is progress; the others say what they show. Asked only by assistive tools."""
        if column is Column.WORKFLOW:
            state = words.state_text(run).replace(" · ", ", ")
            return f"{self._workflow_names(run.workflow)}, {state}"
        shown = self._display(run, column, time.time())
        if column is Column.PROGRESS:
            return f"{HEADERS[column]}: {shown}" if shown else HEADERS[column]
        return None  # the display text

    def cell(self, row: int, column: int) -> _Cell:
        """The painted roles of one cell: (display, decoration, tooltip, alignment)."""
        run = self._runs[row]
        cells = self._prepared.get(run.id)
        if cells is None:
            if len(self._prepared) >= MAX_PREPARED_ROWS:
                self._prepared.clear()  # rows on screen are prepared again as they paint
            cells = self._prepared[run.id] = self._cells(run)
        return cells[column]

    def _cells(self, run: Run) -> _RowCells:
        now = time.time()
        thumbnail = self._thumbnails(run) if self._thumbnails else None
        return tuple(
            (
                self._display(run, column, now),
                thumbnail if column is Column.WORKFLOW else None,
                _tooltip(run, column, now),
                _ALIGN_RIGHT if column in _RIGHT_ALIGNED else None,
                self._foreground(run, column, now),
            )
            for column in _COLUMNS
        )

    @staticmethod
    def _foreground(run: Run, column: Column, now: float) -> object:
        if column is Column.QUEUE and run.state in _QUEUED and words.position_is_stale(run, now):
            return _muted()  # the server's number as it was; greyed, its age in the tooltip
        return None

    def _display(self, run: Run, column: Column, now: float) -> str | None:
        match column:
            case Column.WORKFLOW:
                return self._workflow_names(run.workflow)
            case Column.STATE:
                return words.state_word(run)
            case Column.QUEUE:
                # The server's number as it said it (greyed once stale: see _foreground).
                return "" if run.queue_position is None else str(run.queue_position)
            case Column.PROGRESS:
                # Finished runs show a word; active ones a bar (ProgressDelegate) with this text.
                if run.state.is_terminal or run.out_of_contact:
                    return words.state_word(run)
                return progress_bar(run)[1]
            case Column.NODE:
                return run.current_node or ""
            case Column.CREDITS:
                return format_credits(run)
            case Column.ELAPSED:
                return format_duration(elapsed_seconds(run, now))
            case Column.SEED:
                return seed_of(run)
            case Column.PROMPT:
                return prompt_of(run)
            case Column.SUBMITTED:
                stamp = datetime.fromtimestamp(run.submitted_at or run.created_at)
                # Today's runs by time only; older ones with their day.
                today = stamp.date() == self._today
                if today:
                    return format_moment(stamp, "HH:mm:ss")
                return format_moment(stamp, translate("DateTime", "dd MMM HH:mm"))
        return None

    def sort_key(self, row: int, column: int) -> object:
        """What the queue sorts a cell by (numbers where the display is text)."""
        return self._sort_key(self._runs[row], _COLUMNS[column])

    def _sort_key(self, run: Run, column: Column) -> object:
        match column:
            case Column.WORKFLOW:
                return self._workflow_names(run.workflow).lower()
            case Column.STATE:
                return words.state_word(run)
            case Column.SEED:
                seed = run.inputs.get("seed")
                # Numbers in order, before any seed that is not a number.
                return (
                    (0, float(seed), "")
                    if isinstance(seed, int | float)
                    else (1, 0.0, seed_of(run))
                )
            case Column.PROMPT:
                return prompt_of(run).lower()
            case Column.QUEUE:
                return run.queue_position if run.queue_position is not None else 1 << 30
            case Column.PROGRESS:
                return run.progress or 0.0
            case Column.NODE:
                return run.current_node or ""
            case Column.CREDITS:
                return run.credits_used or 0.0
            case Column.ELAPSED:
                return elapsed_seconds(run) or 0.0
            case Column.SUBMITTED:
                # The order runs were made in (a batch's order, moves included), which sending
                # does not change: rows do not jump, nor the whole queue re-sort and repaint,
                # each time a waiting run is sent.
                return run.created_at
        return None

    # --- access ------------------------------------------------------------------------------
    def run_at(self, row: int) -> Run:
        return self._runs[row]

    def row_of(self, run_id: str) -> int | None:
        number = self._number_of.get(run_id)
        return None if number is None else self._top - number

    def run(self, run_id: str) -> Run | None:
        row = self.row_of(run_id)
        return None if row is None else self._runs[row]

    def runs(self) -> Sequence[Run]:
        return tuple(self._runs)

    # --- live updates ------------------------------------------------------------------------
    def set_runs(self, runs: Iterable[Run]) -> None:
        """Load the initial rows (newest first). The only place that resets the model."""
        self.beginResetModel()
        self._runs = sorted(runs, key=lambda r: r.created_at, reverse=True)
        self._renumber()
        self._prepared.clear()
        self._active = {run.id for run in self._runs if run.state.is_active}
        self.endResetModel()

    def apply(
        self, added: Iterable[Run] = (), updated: Iterable[Run] = (), removed: Iterable[str] = ()
    ) -> None:
        """One frame's changes: insert, refresh and remove rows without resetting the model."""
        for run_id in removed:
            row = self.row_of(run_id)
            if row is None:
                continue
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._runs[row]
            self._renumber()
            self._active.discard(run_id)
            self._prepared.pop(run_id, None)
            self.endRemoveRows()

        added = list(added)
        fresh = [run for run in added if run.id not in self._number_of]
        fresh_ids = {run.id for run in fresh}
        if fresh:
            self._insert(fresh)

        # Row -> the columns that show something else now.
        changed: dict[int, list[int]] = {}
        refreshed = [*updated, *(r for r in added if r.id not in fresh_ids)]
        for run in refreshed:
            row = self.row_of(run.id)
            if row is None:
                continue
            old = self._runs[row]
            self._runs[row] = run
            # A record changed in place cannot be compared with itself: its whole row paints
            # again (the engine changes a copy of a record it shared, so this is a fallback).
            columns = changed_columns(old, run) if old is not run else list(range(_COLUMN_COUNT))
            if columns:
                self._prepared.pop(run.id, None)  # prepared again when it next paints
                changed[row] = columns
        for run in (*fresh, *refreshed):
            if run.id not in self._number_of:
                continue
            if run.state.is_active:
                self._active.add(run.id)
            else:
                self._active.discard(run.id)
        self._emit_columns(changed)

    def _insert(self, fresh: list[Run]) -> None:
        fresh.sort(key=lambda r: r.created_at, reverse=True)
        if not self._runs or fresh[-1].created_at >= self._runs[0].created_at:
            # New runs are the newest: they go on top, in one insert, numbered on from the top.
            self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
            self._runs[0:0] = fresh
            for run in reversed(fresh):
                self._top += 1
                self._number_of[run.id] = self._top
            self.endInsertRows()
            return
        if fresh[0].created_at <= self._runs[-1].created_at:
            # Older than every row (the rest of a long history, a frame's share at a time): one
            # insert at the bottom. Rows above keep their places, so their numbers stand; the
            # new ones number on below (numbers may go negative).
            first = len(self._runs)
            self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
            self._runs.extend(fresh)
            for row, run in enumerate(fresh, start=first):
                self._number_of[run.id] = self._top - row
            self.endInsertRows()
            return
        # Older runs among the rows: each block where it belongs by time, from the bottom up
        # so the places found stay right.
        keys = [-run.created_at for run in self._runs]
        blocks: dict[int, list[Run]] = {}
        for run in fresh:
            blocks.setdefault(bisect.bisect_right(keys, -run.created_at), []).append(run)
        for row in sorted(blocks, reverse=True):
            block = blocks[row]
            self.beginInsertRows(QModelIndex(), row, row + len(block) - 1)
            self._runs[row:row] = block
            self._renumber()
            self.endInsertRows()

    def _emit_columns(self, changed: Mapping[int, Iterable[int]]) -> None:
        """Announce changed cells column by column, over runs of neighbouring rows.

        A view repaints what a change covers that it shows, but one change over many rows
        *and* several columns makes it repaint everything it shows (a whole table of cells,
        ~10 ms) even if none of those rows is on screen. Column by column, it repaints only
        the cells on screen that changed. Rows a few apart share one span: the proxy checks
        every row of a span against its filter, but each span is a call from Python.
        """
        rows_of: dict[int, list[int]] = {}
        for row, columns in changed.items():
            for column in columns:
                rows_of.setdefault(column, []).append(row)
        for column, rows in sorted(rows_of.items()):
            rows.sort()
            first = last = rows[0]
            for row in rows[1:]:
                if row - last > SPAN_GAP:
                    self.dataChanged.emit(self.index(first, column), self.index(last, column))
                    first = row
                last = row
            self.dataChanged.emit(self.index(first, column), self.index(last, column))

    def refresh_thumbnail(self, run_id: str) -> None:
        row = self.row_of(run_id)
        if row is not None:
            self._prepared.pop(run_id, None)
            index = self.index(row, Column.WORKFLOW)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def _renumber(self) -> None:
        self._top = len(self._runs) - 1
        self._number_of = {run.id: self._top - row for row, run in enumerate(self._runs)}

    def _on_clock_timeout(self) -> None:
        today = datetime.now().date()
        if today != self._today:
            # Past midnight, yesterday's runs show their day: every row paints anew.
            self._today = today
            self._prepared.clear()
            self._emit_columns(dict.fromkeys(range(len(self._runs)), (Column.SUBMITTED,)))
        changed: dict[int, tuple[int, ...]] = {}
        now = time.time()
        for run_id in self._active:
            row = self.row_of(run_id)
            if row is None:
                continue
            run = self._runs[row]
            columns: tuple[int, ...] = (Column.ELAPSED,)
            cells = self._prepared.get(run_id)
            if cells is not None:  # its elapsed time moved on; the rest of the row did not
                fresh = list(cells)
                elapsed = self._display(run, Column.ELAPSED, now)
                fresh[Column.ELAPSED] = (elapsed, *cells[Column.ELAPSED][1:])
                if run.state in _QUEUED:
                    # A position grows stale with time alone: its cell greys and says its age.
                    queue = (
                        cells[Column.QUEUE][0],
                        cells[Column.QUEUE][1],
                        _tooltip(run, Column.QUEUE, now),
                        cells[Column.QUEUE][3],
                        self._foreground(run, Column.QUEUE, now),
                    )
                    if queue != cells[Column.QUEUE]:
                        fresh[Column.QUEUE] = queue
                        columns = (Column.QUEUE, Column.ELAPSED)
                self._prepared[run_id] = tuple(fresh)
            changed[row] = columns
        self._emit_columns(changed)


def thumbnail_path(run: Run) -> Path | None:
    """The first image output a run has on disk, as the engine records it in ``outputs``."""
    for value in (run.outputs or {}).values():
        if isinstance(value, dict):
            local = value.get("local_path")
            if isinstance(local, str) and local:
                return Path(local)
    return None
