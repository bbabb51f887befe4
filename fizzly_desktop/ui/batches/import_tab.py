"""The Import tab of the batch dialog: a CSV or JSONL file of rows, read off the GUI thread."""

from __future__ import annotations

import logging
import random
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.batch_plan import BatchPlanError, ImportResult, PlannedRun, import_rows
from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP
from fizzly_desktop.core.schema import FieldSpec, InputSchema
from fizzly_desktop.ui.batches.preview import fill_import_table
from fizzly_desktop.ui.colors import Tone
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.labels import plain_label
from fizzly_desktop.ui.tones import set_palette_style_sheet, set_tone

log = logging.getLogger(__name__)

#: Files the import accepts, for the file chooser.
IMPORT_FILTER = QT_TRANSLATE_NOOP(
    "ImportTab", "Input rows (*.csv *.tsv *.txt *.jsonl *.ndjson *.json);;All files (*)"
)


class DropZone(QFrame):
    """The dashed area of the Import tab that says files can be dropped on the dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BatchDropZone")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumHeight(64)
        self.set_highlighted(False)

    def set_highlighted(self, on: bool) -> None:
        border = "palette(highlight)" if on else "palette(mid)"
        set_palette_style_sheet(
            self, f"#BatchDropZone {{ border: 2px dashed {border}; border-radius: 6px; }}"
        )


class ImportTab(QWidget):
    """Where rows come from (a chosen or dropped file), each row checked, and what they give.

    Signals:
        file_chosen(Path): the user picked a file with the chooser.
        loaded(ImportResult): a file given to :meth:`read` has been read and shown.
    """

    file_chosen = Signal(object)
    loaded = Signal(object)

    POLL_MS = 20

    def __init__(self, schema: InputSchema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: ImportResult | None = None
        self.path: Path | None = None
        self._pool: ThreadPoolExecutor | None = None
        self._job: Future[ImportResult] | None = None
        # The worker's result is collected on the GUI thread by polling its future: nothing
        # from the worker ever touches a Qt object, so closing the dialog mid-read is safe.
        self._timer = QTimer(self)
        self._timer.setInterval(self.POLL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

        self.drop_zone = DropZone(self)
        drop_row = QHBoxLayout(self.drop_zone)
        self.import_file_label = plain_label(
            translate("ImportTab", "Drop a CSV or JSONL file of input rows here, or choose one."),
            self.drop_zone,
            wrap=True,
        )
        self.choose_file_button = QPushButton(
            translate("ImportTab", "&Choose file…"), self.drop_zone
        )
        self.choose_file_button.setAccessibleName(
            translate("ImportTab", "Choose a CSV or JSONL file of input rows")
        )
        self.choose_file_button.clicked.connect(self._on_choose_file_clicked)
        drop_row.addWidget(self.import_file_label, 1)
        drop_row.addWidget(self.choose_file_button)
        names = ", ".join(spec.name for spec in schema.fields[:5])
        hint = plain_label(
            translate(
                "ImportTab",
                "The first row names the inputs ({names}…); each further row is one "
                "run. Empty cells keep the form's values. JSONL: one object of inputs "
                "per line.",
            ).format(names=names),
            self,
            wrap=True,
        )
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.import_table = QTableWidget(0, 0, self)
        self.import_table.setTabKeyNavigation(False)  # Tab leaves it; arrows move inside
        self.import_table.setAccessibleName(translate("ImportTab", "Rows found in the file"))
        self.import_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.import_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.import_table.verticalHeader().hide()
        self.import_table.setWordWrap(False)
        self.import_summary = plain_label("", self, wrap=True)
        self.import_summary.setAccessibleName(translate("ImportTab", "What the file gives"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.drop_zone)
        layout.addWidget(hint)
        layout.addWidget(self.import_table, 1)
        layout.addWidget(self.import_summary)

    # --- reading ---------------------------------------------------------------------------

    def read(
        self,
        path: Path,
        schema: InputSchema,
        base: Mapping[str, Any],
        fresh_seeds: Sequence[FieldSpec],
        rng: random.Random,
    ) -> None:
        """Read and check ``path`` in a worker thread; ``loaded`` follows.

        A file given while another is still being read replaces it.
        """
        if self._pool is None:
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="batch-import")
        self.result = None
        self.path = path
        self._job = self._pool.submit(
            import_rows, path, None, schema, dict(base), fresh_seeds=tuple(fresh_seeds), rng=rng
        )
        self.import_table.clear()
        self.import_table.setRowCount(0)
        self.import_table.setColumnCount(0)
        self.import_summary.setText("")
        self.import_file_label.setText(
            translate("ImportTab", "Reading {name}…").format(name=path.name)
        )
        self._timer.start()

    def is_reading(self) -> bool:
        return self._job is not None

    def stop(self) -> None:
        """Drop any read under way and the worker thread (the dialog is closing)."""
        self._timer.stop()
        self._job = None
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def items(self) -> tuple[list[PlannedRun], str]:
        """The runs of the rows that can be sent and what to call them; raises BatchPlanError."""
        result = self.result
        if self._job is not None and self.path is not None:
            raise BatchPlanError(
                translate("ImportTab", "Reading {name}…").format(name=self.path.name)
            )
        if result is None:
            raise BatchPlanError(
                translate("ImportTab", "Choose or drop a CSV or JSONL file of input rows.")
            )
        name = self.path.name if self.path else "rows"
        if result.file_problem is not None:
            raise BatchPlanError(result.file_problem)
        items = result.planned_runs()
        if not items:
            raise BatchPlanError(
                translate(
                    "ImportTab",
                    "No row of {name} can be sent: each one has a problem (shown in the table).",
                ).format(name=name)
            )
        return items, translate("ImportTab", "Import {name}").format(name=name)

    def _on_timer_timeout(self) -> None:
        job = self._job
        if job is None:
            self._timer.stop()
            return
        if not job.done():
            return
        self._timer.stop()
        self._job = None
        name = self.path.name if self.path else translate("ImportTab", "The file")
        try:
            result = job.result()
        except Exception as exc:
            # import_rows never raises on what a file holds; this is a fault of the app.
            log.exception("Reading %s for a batch failed", name)
            result = ImportResult(
                kind=None,
                file_problem=translate("ImportTab", "{name} could not be read: {exc}").format(
                    name=name, exc=exc
                ),
            )
        self.result = result
        self._show(result)
        self.loaded.emit(result)

    def changeEvent(self, event: QEvent) -> None:
        result = getattr(self, "result", None)
        if event.type() == QEvent.Type.PaletteChange and isinstance(result, ImportResult):
            self._show(result)  # the table's rows are tinted from the palette
        super().changeEvent(event)

    def _on_choose_file_clicked(self) -> None:
        start = str(self.path.parent) if self.path else str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            translate("ImportTab", "Import input rows"),
            start,
            translate("ImportTab", IMPORT_FILTER),
        )
        if chosen:
            self.file_chosen.emit(Path(chosen))

    def _show(self, result: ImportResult) -> None:
        name = self.path.name if self.path else translate("ImportTab", "The file")
        table = self.import_table
        table.clear()
        if result.file_problem is not None:
            self.import_file_label.setText(
                translate("ImportTab", "{name}: this file cannot be used.").format(name=name)
            )
            table.setRowCount(0)
            table.setColumnCount(0)
            self.import_summary.setText(result.file_problem)
            set_tone(self.import_summary, Tone.ERROR)
            return
        count = len(result.rows)
        self.import_file_label.setText(
            translate("ImportTab", "{name} — %n row(s) read.", None, count).format(name=name)
        )
        fill_import_table(table, result, self.palette())
        valid = len(result.valid_rows)
        skipped = len(result.rows) - valid
        parts = [translate("ImportTab", "%n row(s) will run", None, valid)]
        if skipped:
            parts.append(
                translate(
                    "ImportTab",
                    "%n row(s) with problems will be skipped (highlighted)",
                    None,
                    skipped,
                )
            )
        parts.extend(result.describe(w) for w in result.warnings)
        self.import_summary.setText(" · ".join(parts))
        set_tone(self.import_summary, None)
