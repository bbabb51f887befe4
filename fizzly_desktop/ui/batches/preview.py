"""What a batch will be before it is queued: previews of its runs, the big-batch question."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QHeaderView,
    QListWidget,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from fizzly_desktop.core.batch_plan import (
    BatchEstimate,
    ImportResult,
    PlannedRun,
    SweepAxis,
    format_duration,
    format_value,
)
from fizzly_desktop.core.formatting import format_count, plural_credits
from fizzly_desktop.ui.batches.look import one_line
from fizzly_desktop.ui.colors import Tone, muted_text, readable, tinted
from fizzly_desktop.ui.i18n import translate

#: The repeat list shows this many runs; the rest are counted.
REPEAT_PREVIEW_ROWS = 200


def fill_repeat_preview(view: QListWidget, items: Sequence[PlannedRun]) -> None:
    """List the runs in the order they are sent."""
    first = items[:REPEAT_PREVIEW_ROWS]
    shown = [f"{index + 1}.  {item.label}" for index, item in enumerate(first)]
    if len(items) > REPEAT_PREVIEW_ROWS:
        shown.append(
            translate("Preview", "… and {value} more").format(
                value=format_count(len(items) - REPEAT_PREVIEW_ROWS)
            )
        )
    view.clear()
    view.addItems(shown)


def fill_sweep_preview(table: QTableWidget, axes: tuple[SweepAxis, ...]) -> None:
    """Lay the runs out as the grid the sweep makes (empty when there is no valid axis)."""
    table.clear()
    if not axes:
        table.setRowCount(0)
        table.setColumnCount(0)
        return
    columns = len(axes[0].values)
    rows = len(axes[1].values) if len(axes) > 1 else 1
    table.setColumnCount(columns)
    table.setRowCount(rows)
    table.setHorizontalHeaderLabels([one_line(axes[0].header(i), 48) for i in range(columns)])
    if len(axes) > 1:
        table.setVerticalHeaderLabels([one_line(axes[1].header(i), 48) for i in range(rows)])
    else:
        table.setVerticalHeaderLabels([""])
    for row in range(rows):
        for column in range(columns):
            item = QTableWidgetItem(
                translate("Preview", "Run {value}").format(value=row * columns + column + 1)
            )
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            described = axes[0].header(column)
            if len(axes) > 1:
                described += f" · {axes[1].header(row)}"
            item.setToolTip(described)
            table.setItem(row, column, item)


def fill_import_table(table: QTableWidget, result: ImportResult, palette: QPalette) -> None:
    """One line per row of the file: its cells, what the form fills in, and whether it runs."""
    headers = [result.row_word, *result.columns, translate("Preview", "Status")]
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(result.rows))
    base = palette.color(QPalette.ColorRole.Base)
    bad = tinted(base, Tone.FAILED)
    muted = readable(muted_text(palette), bad)
    italic = QFont(table.font())
    italic.setItalic(True)
    for row_index, row in enumerate(result.rows):
        problem = " ".join(row.problems)
        status = (
            translate("Preview", "✗ Skipped: {problem}").format(problem=problem)
            if problem
            else translate("Preview", "✓ Will run")
        )
        items = [QTableWidgetItem(str(row.row_number))]
        for name in result.columns:
            written = row.cells.get(name, "")
            item = QTableWidgetItem(one_line(written))
            item.setToolTip(written)
            if not written.strip() and row.inputs.get(name) is not None:
                # An empty cell keeps the form's value: show which, set apart.
                value = format_value(row.inputs[name])
                item.setText(one_line(value))
                item.setForeground(muted)
                item.setFont(italic)
                item.setToolTip(translate("Preview", "From the form: {value}").format(value=value))
            items.append(item)
        status_item = QTableWidgetItem(status)
        status_item.setToolTip(
            f"{result.row_word} {row.row_number}: {problem}" if problem else status
        )
        items.append(status_item)
        for column, item in enumerate(items):
            if problem:
                item.setBackground(bad)
            table.setItem(row_index, column, item)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.resizeColumnsToContents()
    for column in range(1, table.columnCount() - 1):
        table.setColumnWidth(column, min(table.columnWidth(column), 220))
    header.setStretchLastSection(True)


def confirm_big_batch(parent: QWidget, summary: BatchEstimate, workflow_name: str) -> bool:
    """Ask whether to queue a batch above the thresholds: its runs, credits and duration."""
    runs = summary.runs
    credits = (
        translate("Preview", "Credits: unknown until the first run of this workflow finishes.")
        if summary.credits is None
        else translate("Preview", "It will use about {plural_credits}.").format(
            plural_credits=plural_credits(summary.credits)
        )
    )
    answer = QMessageBox.question(
        parent,
        translate("Preview", "Queue {runs} runs?").format(runs=format_count(runs)),
        translate(
            "Preview",
            "This batch makes {runs} runs of {workflow_name}.\n\n{credits}\nThe rate "
            "limit makes it take {duration}.\n\nQueue them?",
        ).format(
            runs=format_count(runs),
            workflow_name=workflow_name,
            credits=credits,
            duration=format_duration(summary.duration_seconds),
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes
