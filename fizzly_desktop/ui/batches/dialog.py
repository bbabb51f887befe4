"""The "Build batch…" dialog: many runs of one workflow from seeds, a sweep, or a file of rows.

All the rules (parsing, validation, estimates) live in :mod:`fizzly_desktop.core.batch_plan`;
this dialog only collects choices, shows what they make, and asks before a big batch is queued.
Each way of making runs is a tab of its own module (``seeds``, ``sweep_tab``, ``import_tab``).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import QSignalBlocker, QTimer, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDropEvent,
    QFont,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.batch_plan import (
    BatchEstimate,
    BatchPlan,
    BatchPlanError,
    ImportResult,
    PlannedRun,
    SweepAxis,
    default_batch_name,
    estimate,
    needs_confirmation,
)
from fizzly_desktop.core.schema import InputSchema
from fizzly_desktop.ui.batches.import_tab import IMPORT_FILTER, ImportTab
from fizzly_desktop.ui.batches.preview import confirm_big_batch
from fizzly_desktop.ui.batches.seeds import RepeatTab, SeedDraws
from fizzly_desktop.ui.batches.sweep_tab import SweepTab
from fizzly_desktop.ui.colors import Tone
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.labels import plain_label
from fizzly_desktop.ui.tones import set_tone

Mode = Literal["repeat", "sweep", "import"]
MODES: tuple[Mode, ...] = ("repeat", "sweep", "import")

__all__ = ["IMPORT_FILTER", "MODES", "BatchBuilderDialog", "Mode"]


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
        self._base = {k: v for k, v in base_values.items() if k not in random_names}
        # One salt per dialog: every refresh draws the same seeds, so what was checked is
        # exactly what gets queued.
        self._seeds = SeedDraws(
            (rng or random.SystemRandom()).getrandbits(64),
            [spec for spec in schema.fields if spec.name in random_names],
        )
        self._name_edited = False
        self._plan: BatchPlan | None = None
        self._estimate: BatchEstimate | None = None
        self._problem: str | None = translate("BatchBuilderDialog", "Nothing to queue yet.")
        self._accepted_plan: BatchPlan | None = None
        # Widgets signal while they are being built; the first refresh waits for all of them.
        self._ready = False

        self.setWindowTitle(
            translate("BatchBuilderDialog", "Build batch — {workflow_name}").format(
                workflow_name=workflow_name
            )
        )
        self.setObjectName("BatchBuilderDialog")
        self.setAcceptDrops(True)
        self.resize(780, 640)

        self._sweep_timer = QTimer(self)
        self._sweep_timer.setSingleShot(True)
        self._sweep_timer.setInterval(self.SWEEP_DELAY_MS)
        self._sweep_timer.timeout.connect(self._refresh)

        intro = plain_label(
            translate(
                "BatchBuilderDialog",
                "Make many runs of {workflow_name} at once, starting from the values "
                "in the form. Nothing is sent until you queue them.",
            ).format(workflow_name=workflow_name),
            self,
            wrap=True,
        )
        self.repeat_tab = RepeatTab(schema, self._base, self._seeds, self)
        self.repeat_tab.changed.connect(self._refresh)
        self.sweep_tab = SweepTab(schema, self._base, self._seeds, self)
        self.sweep_tab.axis_changed.connect(self._refresh)
        self.sweep_tab.values_edited.connect(self._sweep_timer.start)
        self.import_tab = ImportTab(schema, self)
        self.import_tab.file_chosen.connect(self.load_import_file)
        self.import_tab.loaded.connect(self._on_import_loaded)
        self._expose_tab_widgets()
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(translate("BatchBuilderDialog", "How to make the runs"))
        self.tabs.addTab(self.repeat_tab, translate("BatchBuilderDialog", "&Repeat"))
        self.tabs.addTab(self.sweep_tab, translate("BatchBuilderDialog", "S&weep"))
        self.tabs.addTab(self.import_tab, translate("BatchBuilderDialog", "&Import file"))
        self.tabs.currentChanged.connect(self._refresh)

        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(translate("BatchBuilderDialog", "Batch name"))
        self.name_edit.setClearButtonEnabled(True)
        self.name_edit.textEdited.connect(self._on_name_edited)
        name_row = QFormLayout()
        name_label = QLabel(translate("BatchBuilderDialog", "Batch &name:"), self)
        name_label.setBuddy(self.name_edit)
        name_row.addRow(name_label, self.name_edit)

        self.summary_label = plain_label("", self, wrap=True)
        self.summary_label.setObjectName("BatchSummary")
        self.summary_label.setAccessibleName(translate("BatchBuilderDialog", "Batch summary"))
        summary_font = QFont(self.summary_label.font())
        summary_font.setBold(True)
        self.summary_label.setFont(summary_font)
        self.problem_label = plain_label("", self, wrap=True)
        self.problem_label.setObjectName("BatchProblem")
        self.problem_label.setAccessibleName(
            translate("BatchBuilderDialog", "Why the batch cannot be queued")
        )
        set_tone(self.problem_label, Tone.ERROR)

        self.buttons = QDialogButtonBox(self)
        self.ok_button = QPushButton(translate("BatchBuilderDialog", "Queue runs"), self)
        self.ok_button.setDefault(True)
        self.ok_button.setAccessibleName(translate("BatchBuilderDialog", "Queue the runs"))
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

    def _expose_tab_widgets(self) -> None:
        # The tabs' controls stay reachable from the dialog, where callers and tests look.
        repeat, sweep, rows = self.repeat_tab, self.sweep_tab, self.import_tab
        self.repeat_count = repeat.repeat_count
        self.seed_field_combo = repeat.seed_field_combo
        self.random_seeds_radio = repeat.random_seeds_radio
        self.increment_seeds_radio = repeat.increment_seeds_radio
        self.first_seed_edit = repeat.first_seed_edit
        self.repeat_note = repeat.repeat_note
        self.repeat_preview = repeat.repeat_preview
        self.axis_a = sweep.axis_a
        self.axis_b = sweep.axis_b
        self.sweep_count_label = sweep.sweep_count_label
        self.sweep_note = sweep.sweep_note
        self.sweep_preview = sweep.sweep_preview
        self.drop_zone = rows.drop_zone
        self.import_file_label = rows.import_file_label
        self.choose_file_button = rows.choose_file_button
        self.import_table = rows.import_table
        self.import_summary = rows.import_summary

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
        self.import_tab.read(
            path, self.schema, self._base, self._seeds.specs, self._seeds.rng("import")
        )
        self._refresh()

    def is_reading_file(self) -> bool:
        """Whether a file of rows is still being read."""
        return self.import_tab.is_reading()

    def done(self, result: int) -> None:
        self.import_tab.stop()
        super().done(result)

    def accept(self) -> None:
        self.refresh_now()
        plan, summary = self._plan, self._estimate
        if plan is None or summary is None:
            return
        if needs_confirmation(
            summary, self._confirm_runs, self._confirm_credits
        ) and not confirm_big_batch(self, summary, self.workflow_name):
            return
        self._accepted_plan = plan
        super().accept()

    # --- reacting -----------------------------------------------------------------------------

    def _on_name_edited(self, _text: str) -> None:
        # Once the user has touched the name it is theirs; left empty, the default (shown as
        # the placeholder) is used.
        self._name_edited = True
        self._refresh()

    def _on_import_loaded(self, result: ImportResult) -> None:
        self._refresh()
        self.import_loaded.emit(result)

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

    def _first_problem(self, items: Sequence[PlannedRun], varied: Iterable[str]) -> str | None:
        varied_fields = set(varied)
        for item in items:
            errors = self.schema.validate(item.inputs)
            if not errors:
                continue
            error = errors[0]
            if error.field in varied_fields:
                return f"{item.label}: {error.message}"
            return translate(
                "BatchBuilderDialog",
                "The form's values have a problem: {message} Fix it in the form first.",
            ).format(message=error.message)
        return None

    def _refresh(self) -> None:
        if not self._ready:
            return
        mode = self.mode()
        axes: tuple[SweepAxis, ...] = ()
        items: list[PlannedRun] = []
        problem: str | None = None
        what = {
            "repeat": translate("BatchBuilderDialog", "Repeat"),
            "sweep": translate("BatchBuilderDialog", "Sweep"),
            "import": translate("BatchBuilderDialog", "Import"),
        }[mode]
        try:
            if mode == "repeat":
                items, what = self.repeat_tab.items()
                seed = self.repeat_tab.seed_field()
                problem = self._first_problem(items[:1], [seed] if seed else [])
            elif mode == "sweep":
                items, what, axes = self.sweep_tab.items()
                problem = self._first_problem(items, [axis.field for axis in axes])
            else:
                items, what = self.import_tab.items()
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
            self._problem = problem or translate("BatchBuilderDialog", "Nothing to queue yet.")
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
            self.ok_button.setText(translate("BatchBuilderDialog", "Queue %n run(s)", None, runs))
            self.ok_button.setEnabled(True)
            self.ok_button.setToolTip("")
            self.problem_label.setText("")
            self.problem_label.hide()
        else:
            self.summary_label.setText(translate("BatchBuilderDialog", "No runs yet"))
            self.ok_button.setText(translate("BatchBuilderDialog", "Queue runs"))
            self.ok_button.setEnabled(False)
            self.ok_button.setToolTip(self._problem or "")
            self.problem_label.setText(self._problem or "")
            self.problem_label.show()
