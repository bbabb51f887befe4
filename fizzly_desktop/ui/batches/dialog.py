"""The "Build batch…" dialog: many runs of one workflow from seeds, a sweep, or a file of rows.

All the rules (parsing, validation, estimates) live in :mod:`fizzly_desktop.core.batch_plan`;
this dialog only collects choices, shows what they make, and asks before a big batch is queued.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDropEvent,
    QFont,
    QKeySequence,
    QPalette,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.batch_plan import (
    MAX_BATCH_RUNS,
    BatchEstimate,
    BatchPlan,
    BatchPlanError,
    ImportResult,
    PlannedRun,
    SweepAxis,
    default_batch_name,
    draw_seeds,
    estimate,
    format_credits,
    format_duration,
    format_value,
    import_rows,
    needs_confirmation,
    parse_sweep_values,
    repeat_with_seeds,
    seed_bounds,
    seed_candidates,
    sweep,
    sweep_example,
    sweepable_fields,
)
from fizzly_desktop.core.schema import FieldSpec, InputSchema

log = logging.getLogger(__name__)

Mode = Literal["repeat", "sweep", "import"]
MODES: tuple[Mode, ...] = ("repeat", "sweep", "import")

#: Files the import accepts, for the file chooser.
IMPORT_FILTER = "Input rows (*.csv *.tsv *.txt *.jsonl *.ndjson *.json);;All files (*)"

_ERROR_LIGHT = QColor("#c62828")
_ERROR_DARK = QColor("#ef9a9a")
_GOOD_LIGHT = QColor("#2e7d32")
_GOOD_DARK = QColor("#a5d6a7")


def _is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def _error_color(palette: QPalette) -> QColor:
    return _ERROR_DARK if _is_dark(palette) else _ERROR_LIGHT


def _good_color(palette: QPalette) -> QColor:
    return _GOOD_DARK if _is_dark(palette) else _GOOD_LIGHT


def _muted_color(palette: QPalette) -> QColor:
    return _blend(
        palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window), 0.35
    )


def _blend(base: QColor, tint: QColor, amount: float) -> QColor:
    return QColor(
        round(base.red() + (tint.red() - base.red()) * amount),
        round(base.green() + (tint.green() - base.green()) * amount),
        round(base.blue() + (tint.blue() - base.blue()) * amount),
    )


def _plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = True) -> QLabel:
    # Workflow names, file contents and field names are data: never rich text.
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setText(text)
    return label


def _set_text_color(label: QLabel, color: QColor | None) -> None:
    if color is None:
        # An empty palette resolves nothing: the label follows its parent (and the system) again.
        label.setPalette(QPalette())
        return
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, color)
    label.setPalette(palette)


def _field_label(spec: FieldSpec) -> str:
    if spec.title and spec.title.casefold().replace(" ", "_") != spec.name.casefold():
        return f"{spec.name} ({spec.title})"
    return spec.name


def _values_preview(values: Sequence[Any], limit: int = 8) -> str:
    # Text values are quoted, so a value with a comma in it still reads as one value.
    shown = [
        f"“{_one_line(v, 32)}”" if isinstance(v, str) else format_value(v) for v in values[:limit]
    ]
    if len(values) > limit:
        shown.append("…")
    return ", ".join(shown)


def _one_line(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class _DropZone(QFrame):
    """The dashed area of the Import tab that says files can be dropped on the dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BatchDropZone")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumHeight(64)
        self.set_highlighted(False)

    def set_highlighted(self, on: bool) -> None:
        highlight = self.palette().color(QPalette.ColorRole.Highlight).name()
        border = highlight if on else self.palette().color(QPalette.ColorRole.Mid).name()
        width = 2
        self.setStyleSheet(
            f"#BatchDropZone {{ border: {width}px dashed {border}; border-radius: 6px; }}"
        )


class _AxisEditor(QGroupBox):
    """One swept field: which input, the values typed for it, and live feedback on them."""

    def __init__(
        self,
        title: str,
        fields: Sequence[FieldSpec],
        optional: bool,
        parent: QWidget | None,
        mnemonics: tuple[str, str] = ("&Input:", "&Values:"),
    ) -> None:
        super().__init__(title, parent)
        self._fields = {spec.name: spec for spec in fields}
        self._autofill = ""
        layout = QVBoxLayout(self)
        self.combo = QComboBox(self)
        if optional:
            self.combo.addItem("None (a single row)", None)
        for spec in fields:
            self.combo.addItem(_field_label(spec), spec.name)
        self.combo.setAccessibleName(f"{title}: input to sweep")
        self.values = QPlainTextEdit(self)
        self.values.setTabChangesFocus(True)
        self.values.setAccessibleName(f"{title}: values to try")
        self.values.setFixedHeight(self.values.fontMetrics().lineSpacing() * 4 + 12)
        self.feedback = _plain_label("", self)
        self.feedback.setAccessibleName(f"{title}: values found")
        field_row = QHBoxLayout()
        input_label = QLabel(mnemonics[0], self)
        input_label.setBuddy(self.combo)
        field_row.addWidget(input_label)
        field_row.addWidget(self.combo, 1)
        layout.addLayout(field_row)
        values_label = QLabel(mnemonics[1], self)
        values_label.setBuddy(self.values)
        layout.addWidget(values_label)
        layout.addWidget(self.values)
        layout.addWidget(self.feedback)
        # Side by side, the two boxes are as tall as the taller one: keep contents at the top.
        layout.addStretch(1)
        self.combo.currentIndexChanged.connect(self._on_combo_changed)
        self._on_combo_changed()

    def field(self) -> FieldSpec | None:
        name = self.combo.currentData()
        return self._fields.get(name) if isinstance(name, str) else None

    def select(self, name: str | None) -> None:
        index = self.combo.findData(name)
        if index >= 0:
            self.combo.setCurrentIndex(index)

    def _on_combo_changed(self) -> None:
        spec = self.field()
        self.values.setEnabled(spec is not None)
        if spec is None:
            self.values.setPlaceholderText("")
            self.feedback.setText("")
            return
        self.values.setPlaceholderText(f"e.g. {sweep_example(spec)}")
        fill = ""
        if spec.kind == "enum":
            fill = ", ".join(format_value(c) for c in spec.choices)
        elif spec.kind == "boolean":
            fill = "true, false"
        # Replace only what this editor wrote itself: never what the user typed.
        if self.values.toPlainText() in ("", self._autofill):
            self.values.setPlainText(fill)
            self._autofill = fill

    def parse(self) -> tuple[SweepAxis | None, str | None]:
        """The axis the text makes, or why it makes none; shows the outcome under the box."""
        spec = self.field()
        if spec is None:
            self.feedback.setText("")
            return None, None
        try:
            values = parse_sweep_values(self.values.toPlainText(), spec)
        except BatchPlanError as exc:
            message = str(exc)
            self.feedback.setText(f"✗ {message}")
            _set_text_color(self.feedback, _error_color(self.palette()))
            return None, message
        count = len(values)
        self.feedback.setText(
            f"✓ {count} value{'' if count == 1 else 's'}: {_values_preview(values)}"
        )
        _set_text_color(self.feedback, _good_color(self.palette()))
        return SweepAxis(spec.name, tuple(values)), None


class BatchBuilderDialog(QDialog):
    """Build a batch of runs of one workflow: repeat with seeds, sweep inputs, or import rows.

    Nothing is sent from here: the caller takes :meth:`plan` after ``exec()`` returns
    ``Accepted`` and gives it to the batch queue. A summary line always says how many runs,
    about how many credits and how long the rate limit makes it; the Queue button is disabled
    with the reason shown when nothing valid would be queued, and a batch above the thresholds
    asks for confirmation first.

    Args:
        schema: the workflow's inputs.
        base_values: the form's current values (``SchemaForm.values()``); every run starts
            from them.
        workflow_name: the display name, shown in the title and the confirmation.
        owner, slug: the workflow, carried into the plan.
        credits_per_run: the average of this workflow's past runs, or None when unknown.
        rate_limit, rate_window_s: the key's rate budget (requests per window).
        already_queued_requests: requests already waiting for the same budget.
        random_seed_fields: seeds the form leaves random per run
            (``SchemaForm.random_seed_fields()``): each run gets a concrete one.
        confirm_runs, confirm_credits: above these, ask before queueing.
        rng: the source of random seeds (tests pass a seeded one).
        now: the clock for the default batch name.

    Signals:
        import_loaded(ImportResult): a file given to :meth:`load_import_file` has been read
            (in a worker thread: a thousand rows take a noticeable moment to check).
    """

    import_loaded = Signal(object)

    SWEEP_DELAY_MS = 150
    IMPORT_POLL_MS = 20

    def __init__(
        self,
        schema: InputSchema,
        base_values: Mapping[str, Any],
        workflow_name: str,
        *,
        owner: str,
        slug: str,
        credits_per_run: float | None,
        rate_limit: int = 60,
        rate_window_s: float = 60.0,
        already_queued_requests: int = 0,
        random_seed_fields: Iterable[str] = (),
        confirm_runs: int = 25,
        confirm_credits: float = 100,
        rng: random.Random | None = None,
        now: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.schema = schema
        self.workflow_name = workflow_name
        self._owner = owner
        self._slug = slug
        self._credits_per_run = credits_per_run
        self._rate_limit = max(1, rate_limit)
        self._rate_window_s = rate_window_s if rate_window_s > 0 else 60.0
        self._already_queued = already_queued_requests
        self._confirm_runs = confirm_runs
        self._confirm_credits = confirm_credits
        self._opened_at = now()
        random_names = set(random_seed_fields)
        self._random_seeds = [spec for spec in schema.fields if spec.name in random_names]
        self._base = {k: v for k, v in base_values.items() if k not in random_names}
        # One salt per dialog: every refresh draws the same seeds, so what was checked is
        # exactly what gets queued.
        self._salt = (rng or random.SystemRandom()).getrandbits(64)
        self._import: ImportResult | None = None
        self._import_path: Path | None = None
        self._import_pool: ThreadPoolExecutor | None = None
        self._import_job: Future[ImportResult] | None = None
        self._name_edited = False
        self._plan: BatchPlan | None = None
        self._estimate: BatchEstimate | None = None
        self._problem: str | None = "Nothing to queue yet."
        self._accepted_plan: BatchPlan | None = None
        # Widgets signal while they are being built; the first refresh waits for all of them.
        self._ready = False

        self.setWindowTitle(f"Build batch — {workflow_name}")
        self.setObjectName("BatchBuilderDialog")
        self.setAcceptDrops(True)
        self.resize(780, 640)

        self._sweep_timer = QTimer(self)
        self._sweep_timer.setSingleShot(True)
        self._sweep_timer.setInterval(self.SWEEP_DELAY_MS)
        self._sweep_timer.timeout.connect(self._refresh)
        # The worker's result is collected on the GUI thread by polling its future: nothing
        # from the worker ever touches a Qt object, so closing the dialog mid-read is safe.
        self._import_timer = QTimer(self)
        self._import_timer.setInterval(self.IMPORT_POLL_MS)
        self._import_timer.timeout.connect(self._on_import_timer_timeout)

        intro = _plain_label(
            f"Make many runs of {workflow_name} at once, starting from the values in the form. "
            "Nothing is sent until you queue them.",
            self,
        )
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("How to make the runs")
        self.tabs.addTab(self._build_repeat_tab(), "&Repeat")
        self.tabs.addTab(self._build_sweep_tab(), "S&weep")
        self.tabs.addTab(self._build_import_tab(), "&Import file")
        self.tabs.currentChanged.connect(self._refresh)

        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName("Batch name")
        self.name_edit.setClearButtonEnabled(True)
        self.name_edit.textEdited.connect(self._on_name_edited)
        name_row = QFormLayout()
        name_label = QLabel("Batch &name:", self)
        name_label.setBuddy(self.name_edit)
        name_row.addRow(name_label, self.name_edit)

        self.summary_label = _plain_label("", self)
        self.summary_label.setObjectName("BatchSummary")
        self.summary_label.setAccessibleName("Batch summary")
        summary_font = QFont(self.summary_label.font())
        summary_font.setBold(True)
        self.summary_label.setFont(summary_font)
        self.problem_label = _plain_label("", self)
        self.problem_label.setObjectName("BatchProblem")
        self.problem_label.setAccessibleName("Why the batch cannot be queued")
        _set_text_color(self.problem_label, _error_color(self.palette()))

        self.buttons = QDialogButtonBox(self)
        self.ok_button = QPushButton("Queue runs", self)
        self.ok_button.setDefault(True)
        self.ok_button.setAccessibleName("Queue the runs")
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(name_row)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

        for index in range(3):
            shortcut = QShortcut(QKeySequence(f"Alt+{index + 1}"), self)
            shortcut.activated.connect(lambda i=index: self.tabs.setCurrentIndex(i))
        self._ready = True
        self._refresh()

    # --- public API ---------------------------------------------------------------------------

    def mode(self) -> Mode:
        """Which way the runs are made: ``repeat``, ``sweep`` or ``import``."""
        return MODES[self.tabs.currentIndex()]

    def set_mode(self, mode: Mode) -> None:
        self.tabs.setCurrentIndex(MODES.index(mode))

    def plan(self) -> BatchPlan:
        """The batch to queue: the one confirmed, or else the one the dialog shows now."""
        if self._accepted_plan is not None:
            return self._accepted_plan
        self.refresh_now()
        if self._plan is None:
            raise RuntimeError(self._problem or "The batch has no runs.")
        return self._plan

    def current_estimate(self) -> BatchEstimate | None:
        """Runs, credits and time of the batch as it stands (None when nothing is valid)."""
        return self._estimate

    def problem(self) -> str | None:
        """Why nothing can be queued now, in plain words (None when the batch is ready)."""
        return self._problem

    def refresh_now(self) -> None:
        """Apply pending typing at once (the sweep boxes wait a moment while the user types)."""
        self._sweep_timer.stop()
        self._refresh()

    def load_import_file(self, path: Path) -> None:
        """Read a CSV or JSONL file of input rows into the preview (also what a drop does).

        The file is read and checked in a worker thread; ``import_loaded`` follows. A file
        chosen while another is still being read replaces it.
        """
        self.set_mode("import")
        if self._import_pool is None:
            self._import_pool = ThreadPoolExecutor(1, thread_name_prefix="batch-import")
        self._import = None
        self._import_path = path
        self._import_job = self._import_pool.submit(
            import_rows,
            path,
            None,
            self.schema,
            dict(self._base),
            fresh_seeds=tuple(self._random_seeds),
            rng=self._rng("import"),
        )
        self.import_table.clear()
        self.import_table.setRowCount(0)
        self.import_table.setColumnCount(0)
        self.import_summary.setText("")
        self.import_file_label.setText(f"Reading {path.name}…")
        self._import_timer.start()
        self._refresh()

    def is_reading_file(self) -> bool:
        """Whether a file of rows is still being read."""
        return self._import_job is not None

    def done(self, result: int) -> None:
        self._import_timer.stop()
        self._import_job = None
        if self._import_pool is not None:
            self._import_pool.shutdown(wait=False, cancel_futures=True)
            self._import_pool = None
        super().done(result)

    def accept(self) -> None:
        self.refresh_now()
        plan, summary = self._plan, self._estimate
        if plan is None or summary is None:
            return
        if needs_confirmation(summary, self._confirm_runs, self._confirm_credits):
            runs = summary.runs
            credits = (
                "Credits: unknown until the first run of this workflow finishes."
                if summary.credits is None
                else f"It will use about {format_credits(summary.credits)} credits."
            )
            answer = QMessageBox.question(
                self,
                f"Queue {runs:,} runs?",
                f"This batch makes {runs:,} runs of {self.workflow_name}.\n\n{credits}\n"
                f"The rate limit makes it take {format_duration(summary.duration_seconds)}.\n\n"
                "Queue them?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._accepted_plan = plan
        super().accept()

    # --- tabs ---------------------------------------------------------------------------------

    def _build_repeat_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.repeat_count = QSpinBox(page)
        self.repeat_count.setRange(1, MAX_BATCH_RUNS)
        self.repeat_count.setValue(4)
        self.repeat_count.setAccessibleName("Number of runs")
        self.repeat_count.setMinimumWidth(120)
        self.seed_field_combo = QComboBox(page)
        self.seed_field_combo.setAccessibleName("Input that takes the seed")
        for spec in seed_candidates(self.schema):
            self.seed_field_combo.addItem(_field_label(spec), spec.name)
        self.seed_field_combo.addItem("No seed: repeat the same inputs", None)
        self.random_seeds_radio = QRadioButton("Different ran&dom seeds", page)
        self.increment_seeds_radio = QRadioButton("&Count up from:", page)
        self.random_seeds_radio.setChecked(True)
        self._seed_mode_group = QButtonGroup(page)
        self._seed_mode_group.addButton(self.random_seeds_radio)
        self._seed_mode_group.addButton(self.increment_seeds_radio)
        self.first_seed_edit = QLineEdit(page)
        self.first_seed_edit.setAccessibleName("First seed")
        self.first_seed_edit.setMaximumWidth(160)
        seeds_box = QVBoxLayout()
        seeds_box.addWidget(self.random_seeds_radio)
        count_up = QHBoxLayout()
        count_up.addWidget(self.increment_seeds_radio)
        count_up.addWidget(self.first_seed_edit)
        count_up.addStretch(1)
        seeds_box.addLayout(count_up)
        self.repeat_note = _plain_label("", page)
        self.repeat_note.setMinimumWidth(420)
        count_label = QLabel("Number of r&uns:", page)
        count_label.setBuddy(self.repeat_count)
        seed_label = QLabel("&Seed input:", page)
        seed_label.setBuddy(self.seed_field_combo)
        form.addRow(count_label, self.repeat_count)
        form.addRow(seed_label, self.seed_field_combo)
        form.addRow("Seeds:", seeds_box)
        form.addRow("", self.repeat_note)
        self.repeat_preview = QListWidget(page)
        self.repeat_preview.setAccessibleName("The runs, in the order they are sent")
        self.repeat_preview.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.repeat_preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.repeat_preview.setMinimumWidth(420)
        runs_label = QLabel("Runs:", page)
        runs_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        form.addRow(runs_label, self.repeat_preview)
        self.repeat_count.valueChanged.connect(self._refresh)
        self.seed_field_combo.currentIndexChanged.connect(self._on_seed_field_changed)
        self.random_seeds_radio.toggled.connect(self._refresh)
        self.first_seed_edit.textChanged.connect(self._refresh)
        self._on_seed_field_changed()
        return page

    def _build_sweep_tab(self) -> QWidget:
        page = QWidget(self)
        fields = sweepable_fields(self.schema)
        # Distinct mnemonics: both editors are on screen together.
        self.axis_a = _AxisEditor(
            "Columns", fields, optional=False, parent=page, mnemonics=("In&put:", "&Values:")
        )
        self.axis_b = _AxisEditor(
            "Rows (optional)", fields, optional=True, parent=page, mnemonics=("Inpu&t:", "V&alues:")
        )
        self.axis_a.select(self._preferred_axis(fields))
        axes = QHBoxLayout()
        axes.addWidget(self.axis_a, 1)
        axes.addWidget(self.axis_b, 1)
        self.sweep_count_label = _plain_label("", page)
        self.sweep_count_label.setObjectName("SweepCount")
        self.sweep_count_label.setAccessibleName("Runs in the sweep")
        self.sweep_count_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        count_font = QFont(self.sweep_count_label.font())
        count_font.setPointSizeF(count_font.pointSizeF() * 1.4)
        count_font.setBold(True)
        self.sweep_count_label.setFont(count_font)
        self.sweep_note = _plain_label("", page)
        self.sweep_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sweep_preview = QTableWidget(0, 0, page)
        self.sweep_preview.setObjectName("SweepPreview")
        self.sweep_preview.setAccessibleName("The grid the sweep makes, in the order runs are sent")
        self.sweep_preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sweep_preview.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.sweep_preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sweep_preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for preview_header in (
            self.sweep_preview.horizontalHeader(),
            self.sweep_preview.verticalHeader(),
        ):
            preview_header.setTextElideMode(Qt.TextElideMode.ElideRight)
        help_text = (
            "Try every combination of the values of one or two inputs; the results are shown "
            "as a grid. Type values separated by commas (1, 2, 5), a range with a step "
            "(1..10 step 2) or a range with a count (0.5..1.5 x5); text values go one per line."
            if fields
            else "This workflow has no input that can be swept."
        )
        sweep_help = _plain_label(help_text, page)
        layout = QVBoxLayout(page)
        layout.addWidget(sweep_help)
        layout.addLayout(axes)
        layout.addSpacing(8)
        layout.addWidget(self.sweep_count_label)
        layout.addWidget(self.sweep_note)
        layout.addWidget(self.sweep_preview, 1)
        for editor in (self.axis_a, self.axis_b):
            editor.combo.currentIndexChanged.connect(self._refresh)
            editor.values.textChanged.connect(self._sweep_timer.start)
        return page

    def _build_import_tab(self) -> QWidget:
        page = QWidget(self)
        self.drop_zone = _DropZone(page)
        drop_row = QHBoxLayout(self.drop_zone)
        self.import_file_label = _plain_label(
            "Drop a CSV or JSONL file of input rows here, or choose one.", self.drop_zone
        )
        self.choose_file_button = QPushButton("&Choose file…", self.drop_zone)
        self.choose_file_button.setAccessibleName("Choose a CSV or JSONL file of input rows")
        self.choose_file_button.clicked.connect(self._on_choose_file_clicked)
        drop_row.addWidget(self.import_file_label, 1)
        drop_row.addWidget(self.choose_file_button)
        names = ", ".join(spec.name for spec in self.schema.fields[:5])
        hint = _plain_label(
            f"The first row names the inputs ({names}…); each further row is one run. "
            "Empty cells keep the form's values. JSONL: one object of inputs per line.",
            page,
        )
        _set_text_color(hint, _muted_color(self.palette()))
        self.import_table = QTableWidget(0, 0, page)
        self.import_table.setAccessibleName("Rows found in the file")
        self.import_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.import_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.import_table.verticalHeader().hide()
        self.import_table.setWordWrap(False)
        self.import_summary = _plain_label("", page)
        self.import_summary.setAccessibleName("What the file gives")
        layout = QVBoxLayout(page)
        layout.addWidget(self.drop_zone)
        layout.addWidget(hint)
        layout.addWidget(self.import_table, 1)
        layout.addWidget(self.import_summary)
        return page

    @staticmethod
    def _preferred_axis(fields: Sequence[FieldSpec]) -> str | None:
        # Numbers are what people sweep most; prompts and seeds least.
        for kinds in (("number", "integer"), ("enum",), ("boolean", "string", "text")):
            for spec in fields:
                if spec.kind in kinds and not spec.is_seed:
                    return spec.name
        return fields[0].name if fields else None

    # --- reacting -----------------------------------------------------------------------------

    def _on_name_edited(self, _text: str) -> None:
        # Once the user has touched the name it is theirs; left empty, the default (shown as
        # the placeholder) is used.
        self._name_edited = True
        self._refresh()

    def _on_seed_field_changed(self) -> None:
        spec = self._seed_spec()
        has_seed = self.seed_field_combo.currentData() is not None
        for widget in (self.random_seeds_radio, self.increment_seeds_radio, self.first_seed_edit):
            widget.setEnabled(has_seed)
        if has_seed:
            low, high = seed_bounds(spec)
            current = self._base.get(str(self.seed_field_combo.currentData()))
            start = current if isinstance(current, int) and low <= current <= high else low
            self.first_seed_edit.setPlaceholderText(str(start))
        self._refresh()

    def _on_choose_file_clicked(self) -> None:
        start = str(self._import_path.parent) if self._import_path else str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(self, "Import input rows", start, IMPORT_FILTER)
        if chosen:
            self.load_import_file(Path(chosen))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_file(event.mimeData().urls()) is not None:
            event.acceptProposedAction()
            self.drop_zone.set_highlighted(True)
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self.drop_zone.set_highlighted(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.drop_zone.set_highlighted(False)
        path = self._dropped_file(event.mimeData().urls())
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.load_import_file(path)

    @staticmethod
    def _dropped_file(urls: Sequence[Any]) -> Path | None:
        for url in urls:
            if url.isLocalFile():
                return Path(url.toLocalFile())
        return None

    # --- building the plan --------------------------------------------------------------------

    def _seed_spec(self) -> FieldSpec | None:
        name = self.seed_field_combo.currentData()
        return self.schema.field(name) if isinstance(name, str) else None

    def _rng(self, stream: str = "plan") -> random.Random:
        # Separate streams, so the seeds of a second seed input do not mirror the first's.
        return random.Random(f"{self._salt}:{stream}")

    def _with_seeds(
        self, items: list[PlannedRun], skip: Iterable[str], *, shared: bool
    ) -> list[PlannedRun]:
        skipped = set(skip)
        specs = [spec for spec in self._random_seeds if spec.name not in skipped]
        if not specs:
            return items
        inputs = [item.inputs for item in items]
        filled = draw_seeds(inputs, specs, self._rng("fill"), shared=shared)
        return [
            PlannedRun(inputs=inputs, grid_position=item.grid_position, label=item.label)
            for item, inputs in zip(items, filled, strict=True)
        ]

    def _repeat_items(self) -> tuple[list[PlannedRun], str]:
        count = self.repeat_count.value()
        spec = self._seed_spec()
        if spec is None:
            self.repeat_note.setText(
                "Every run sends the same inputs; use this for workflows whose results vary "
                "by themselves."
            )
            items = self._with_seeds(
                repeat_with_seeds(self._base, count, seed_field=None), (), shared=False
            )
            self._show_repeat_preview(items)
            return items, f"Repeat × {count}"
        low, high = seed_bounds(spec)
        start: int | None = None
        mode: Literal["random", "increment"] = "random"
        if self.increment_seeds_radio.isChecked():
            mode = "increment"
            text = self.first_seed_edit.text().strip()
            if text:
                try:
                    start = int(text)
                except ValueError:
                    raise BatchPlanError(
                        f"The first seed must be a whole number between {low} and {high}."
                    ) from None
        items = repeat_with_seeds(
            self._base, count, spec.name, mode, start, self._rng(), bounds=(low, high)
        )
        seeds = [item.inputs[spec.name] for item in items]
        if mode == "random":
            self.repeat_note.setText(
                f"Each run gets its own random {spec.name} between {low} and {high}; "
                "the other inputs come from the form."
            )
        else:
            last = f" … {seeds[-1]}" if len(seeds) > 1 else ""
            self.repeat_note.setText(f"{spec.name}: {seeds[0]}{last}, in order.")
        items = self._with_seeds(items, (spec.name,), shared=False)
        self._show_repeat_preview(items)
        return items, f"Repeat × {count}"

    def _show_repeat_preview(self, items: Sequence[PlannedRun]) -> None:
        shown = [f"{index + 1}.  {item.label}" for index, item in enumerate(items[:200])]
        if len(items) > 200:
            shown.append(f"… and {len(items) - 200:,} more")
        self.repeat_preview.clear()
        self.repeat_preview.addItems(shown)

    def _sweep_items(self) -> tuple[list[PlannedRun], str, tuple[SweepAxis, ...]]:
        axis_a, problem_a = self.axis_a.parse()
        axis_b, problem_b = self.axis_b.parse()
        both_set = self.axis_a.field() is not None and self.axis_b.field() is not None
        if both_set and axis_a is not None and axis_b is not None and axis_a.field == axis_b.field:
            raise BatchPlanError(
                f"Columns and rows both sweep {axis_a.field}; choose a different input for rows."
            )
        if axis_a is None:
            self._show_sweep_preview(())
            self.sweep_count_label.setText("")
            raise BatchPlanError(problem_a or "Choose an input to sweep.")
        if problem_b is not None or (self.axis_b.field() is not None and axis_b is None):
            self._show_sweep_preview(())
            self.sweep_count_label.setText("")
            raise BatchPlanError(problem_b or "Enter the values for rows.")
        columns = len(axis_a.values)
        if axis_b is None:
            self.sweep_count_label.setText(f"{columns} run{'' if columns == 1 else 's'}")
        else:
            rows = len(axis_b.values)
            self.sweep_count_label.setText(f"{columns} × {rows} = {columns * rows:,} runs")
        items = sweep(self._base, axis_a, axis_b)
        axes = (axis_a,) if axis_b is None else (axis_a, axis_b)
        self._show_sweep_preview(axes)
        swept = [axis.field for axis in axes]
        items = self._with_seeds(items, swept, shared=True)
        seeds = [s for s in self.schema.seed_fields() if s.name not in swept]
        fixed = [
            f"{s.name} = {format_value(items[0].inputs[s.name])}"
            for s in seeds
            if items and items[0].inputs.get(s.name) is not None
        ]
        self.sweep_note.setText(
            f"Every cell uses {', '.join(fixed)}, so cells differ only by the swept values."
            if fixed
            else ""
        )
        what = "Sweep " + " × ".join(swept)
        return items, what, axes

    def _show_sweep_preview(self, axes: tuple[SweepAxis, ...]) -> None:
        table = self.sweep_preview
        table.clear()
        if not axes:
            table.setRowCount(0)
            table.setColumnCount(0)
            return
        columns = len(axes[0].values)
        rows = len(axes[1].values) if len(axes) > 1 else 1
        table.setColumnCount(columns)
        table.setRowCount(rows)
        table.setHorizontalHeaderLabels([_one_line(axes[0].header(i), 48) for i in range(columns)])
        if len(axes) > 1:
            table.setVerticalHeaderLabels([_one_line(axes[1].header(i), 48) for i in range(rows)])
        else:
            table.setVerticalHeaderLabels([""])
        for row in range(rows):
            for column in range(columns):
                item = QTableWidgetItem(f"Run {row * columns + column + 1}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                described = axes[0].header(column)
                if len(axes) > 1:
                    described += f" · {axes[1].header(row)}"
                item.setToolTip(described)
                table.setItem(row, column, item)

    def _on_import_timer_timeout(self) -> None:
        job = self._import_job
        if job is None:
            self._import_timer.stop()
            return
        if not job.done():
            return
        self._import_timer.stop()
        self._import_job = None
        name = self._import_path.name if self._import_path else "The file"
        try:
            result = job.result()
        except Exception as exc:
            # import_rows never raises on what a file holds; this is a fault of the app.
            log.exception("Reading %s for a batch failed", name)
            result = ImportResult(kind=None, file_problem=f"{name} could not be read: {exc}")
        self._import = result
        self._show_import(result)
        self._refresh()
        self.import_loaded.emit(result)

    def _import_items(self) -> tuple[list[PlannedRun], str]:
        result = self._import
        if self._import_job is not None and self._import_path is not None:
            raise BatchPlanError(f"Reading {self._import_path.name}…")
        if result is None:
            raise BatchPlanError("Choose or drop a CSV or JSONL file of input rows.")
        name = self._import_path.name if self._import_path else "rows"
        if result.file_problem is not None:
            raise BatchPlanError(result.file_problem)
        items = result.planned_runs()
        if not items:
            raise BatchPlanError(
                f"No row of {name} can be sent: each one has a problem (shown in the table)."
            )
        return items, f"Import {name}"

    def _first_problem(self, items: Sequence[PlannedRun], varied: Iterable[str]) -> str | None:
        varied_fields = set(varied)
        for item in items:
            errors = self.schema.validate(item.inputs)
            if not errors:
                continue
            error = errors[0]
            if error.field in varied_fields:
                return f"{item.label}: {error.message}"
            return f"The form's values have a problem: {error.message} Fix it in the form first."
        return None

    def _refresh(self) -> None:
        if not self._ready:
            return
        mode = self.mode()
        axes: tuple[SweepAxis, ...] = ()
        items: list[PlannedRun] = []
        problem: str | None = None
        what = {"repeat": "Repeat", "sweep": "Sweep", "import": "Import"}[mode]
        try:
            if mode == "repeat":
                items, what = self._repeat_items()
                seed = self.seed_field_combo.currentData()
                problem = self._first_problem(items[:1], [seed] if seed else [])
            elif mode == "sweep":
                items, what, axes = self._sweep_items()
                problem = self._first_problem(items, [axis.field for axis in axes])
            else:
                items, what = self._import_items()
        except BatchPlanError as exc:
            problem = str(exc)
        default_name = default_batch_name(what, self._opened_at)
        self.name_edit.setPlaceholderText(default_name)
        if not self._name_edited:
            with QSignalBlocker(self.name_edit):
                self.name_edit.setText(default_name)
        if problem is not None or not items:
            self._plan = None
            self._estimate = None
            self._problem = problem or "Nothing to queue yet."
        else:
            name = self.name_edit.text().strip() or default_name
            self._plan = BatchPlan(name, self._owner, self._slug, tuple(items), axes)
            self._estimate = estimate(
                self._plan,
                self._credits_per_run,
                self._rate_limit,
                self._rate_window_s,
                already_queued_requests=self._already_queued,
            )
            self._problem = None
        self._show_state()

    def _show_state(self) -> None:
        if self._estimate is not None:
            runs = self._estimate.runs
            self.summary_label.setText(self._estimate.describe())
            self.ok_button.setText(f"Queue {runs:,} run{'' if runs == 1 else 's'}")
            self.ok_button.setEnabled(True)
            self.ok_button.setToolTip("")
            self.problem_label.setText("")
            self.problem_label.hide()
        else:
            self.summary_label.setText("No runs yet")
            self.ok_button.setText("Queue runs")
            self.ok_button.setEnabled(False)
            self.ok_button.setToolTip(self._problem or "")
            self.problem_label.setText(self._problem or "")
            self.problem_label.show()

    def _show_import(self, result: ImportResult) -> None:
        name = self._import_path.name if self._import_path else "The file"
        table = self.import_table
        table.clear()
        if result.file_problem is not None:
            self.import_file_label.setText(f"{name}: this file cannot be used.")
            table.setRowCount(0)
            table.setColumnCount(0)
            self.import_summary.setText(result.file_problem)
            _set_text_color(self.import_summary, _error_color(self.palette()))
            return
        count = len(result.rows)
        self.import_file_label.setText(f"{name} — {count:,} row{'' if count == 1 else 's'} read.")
        headers = [result.row_word, *result.columns, "Status"]
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(result.rows))
        base = self.palette().color(QPalette.ColorRole.Base)
        bad = _blend(base, _ERROR_LIGHT, 0.35 if _is_dark(self.palette()) else 0.16)
        muted = _muted_color(self.palette())
        italic = QFont(table.font())
        italic.setItalic(True)
        for row_index, row in enumerate(result.rows):
            problem = " ".join(row.problems)
            status = f"✗ Skipped: {problem}" if problem else "✓ Will run"
            items = [QTableWidgetItem(str(row.row_number))]
            for name in result.columns:
                written = row.cells.get(name, "")
                item = QTableWidgetItem(_one_line(written))
                item.setToolTip(written)
                if not written.strip() and row.inputs.get(name) is not None:
                    # An empty cell keeps the form's value: show which, set apart.
                    value = format_value(row.inputs[name])
                    item.setText(_one_line(value))
                    item.setForeground(muted)
                    item.setFont(italic)
                    item.setToolTip(f"From the form: {value}")
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
        valid = len(result.valid_rows)
        skipped = len(result.rows) - valid
        parts = [f"{valid:,} row{'' if valid == 1 else 's'} will run"]
        if skipped:
            parts.append(
                f"{skipped:,} row{'' if skipped == 1 else 's'} with problems will be skipped "
                "(highlighted)"
            )
        parts.extend(result.describe(w) for w in result.warnings)
        self.import_summary.setText(" · ".join(parts))
        _set_text_color(self.import_summary, None)
