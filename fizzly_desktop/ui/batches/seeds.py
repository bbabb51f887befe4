"""The Repeat tab of the batch dialog, and the seeds every mode draws for inputs left random."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.batch_plan import (
    MAX_BATCH_RUNS,
    BatchPlanError,
    PlannedRun,
    draw_seeds,
    repeat_with_seeds,
    seed_bounds,
    seed_candidates,
)
from fizzly_desktop.core.schema import FieldSpec, InputSchema
from fizzly_desktop.ui.batches.look import field_label
from fizzly_desktop.ui.batches.preview import fill_repeat_preview
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.labels import plain_label


class SeedDraws:
    """The random seeds of one dialog, drawn from one salt.

    Every refresh draws the same seeds, so what was checked is exactly what gets queued.

    Args:
        salt: drawn once per dialog.
        specs: the seed inputs the form leaves random per run; each run gets a concrete one.
    """

    def __init__(self, salt: int, specs: Sequence[FieldSpec]) -> None:
        self.salt = salt
        self.specs = tuple(specs)

    def rng(self, stream: str = "plan") -> random.Random:
        # Separate streams, so the seeds of a second seed input do not mirror the first's.
        return random.Random(f"{self.salt}:{stream}")

    def fill(
        self, items: list[PlannedRun], skip: Iterable[str], *, shared: bool
    ) -> list[PlannedRun]:
        """Give each run a concrete value for every random seed input not in ``skip``."""
        skipped = set(skip)
        specs = [spec for spec in self.specs if spec.name not in skipped]
        if not specs:
            return items
        inputs = [item.inputs for item in items]
        filled = draw_seeds(inputs, specs, self.rng("fill"), shared=shared)
        return [
            PlannedRun(inputs=inputs, grid_position=item.grid_position, label=item.label)
            for item, inputs in zip(items, filled, strict=True)
        ]


class RepeatTab(QWidget):
    """How many runs, which input takes the seed and how seeds go; the runs listed in order.

    Signals:
        changed(): a choice changed; the dialog makes the runs again.
    """

    changed = Signal()

    def __init__(
        self,
        schema: InputSchema,
        base: Mapping[str, Any],
        seeds: SeedDraws,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._schema = schema
        self._base = base
        self._seeds = seeds
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.repeat_count = QSpinBox(self)
        self.repeat_count.setRange(1, MAX_BATCH_RUNS)
        self.repeat_count.setValue(4)
        self.repeat_count.setAccessibleName(translate("RepeatTab", "Number of runs"))
        self.repeat_count.setMinimumWidth(120)
        self.seed_field_combo = QComboBox(self)
        self.seed_field_combo.setAccessibleName(translate("RepeatTab", "Input that takes the seed"))
        for spec in seed_candidates(schema):
            self.seed_field_combo.addItem(field_label(spec), spec.name)
        self.seed_field_combo.addItem(
            translate("RepeatTab", "No seed: repeat the same inputs"), None
        )
        self.random_seeds_radio = QRadioButton(
            translate("RepeatTab", "Different ran&dom seeds"), self
        )
        self.increment_seeds_radio = QRadioButton(translate("RepeatTab", "&Count up from:"), self)
        self.random_seeds_radio.setChecked(True)
        self._seed_mode_group = QButtonGroup(self)
        self._seed_mode_group.addButton(self.random_seeds_radio)
        self._seed_mode_group.addButton(self.increment_seeds_radio)
        self.first_seed_edit = QLineEdit(self)
        self.first_seed_edit.setAccessibleName(translate("RepeatTab", "First seed"))
        self.first_seed_edit.setMaximumWidth(160)
        seeds_box = QVBoxLayout()
        seeds_box.addWidget(self.random_seeds_radio)
        count_up = QHBoxLayout()
        count_up.addWidget(self.increment_seeds_radio)
        count_up.addWidget(self.first_seed_edit)
        count_up.addStretch(1)
        seeds_box.addLayout(count_up)
        self.repeat_note = plain_label("", self, wrap=True)
        self.repeat_note.setMinimumWidth(420)
        count_label = QLabel(translate("RepeatTab", "Number of r&uns:"), self)
        count_label.setBuddy(self.repeat_count)
        seed_label = QLabel(translate("RepeatTab", "&Seed input:"), self)
        seed_label.setBuddy(self.seed_field_combo)
        form.addRow(count_label, self.repeat_count)
        form.addRow(seed_label, self.seed_field_combo)
        form.addRow(translate("RepeatTab", "Seeds:"), seeds_box)
        form.addRow("", self.repeat_note)
        self.repeat_preview = QListWidget(self)
        self.repeat_preview.setAccessibleName(
            translate("RepeatTab", "The runs, in the order they are sent")
        )
        self.repeat_preview.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.repeat_preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.repeat_preview.setMinimumWidth(420)
        runs_label = QLabel(translate("RepeatTab", "Runs:"), self)
        runs_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        form.addRow(runs_label, self.repeat_preview)
        self.repeat_count.valueChanged.connect(self._on_choice_changed)
        self.seed_field_combo.currentIndexChanged.connect(self._on_seed_field_changed)
        self.random_seeds_radio.toggled.connect(self._on_choice_changed)
        self.first_seed_edit.textChanged.connect(self._on_choice_changed)
        self._on_seed_field_changed()

    def seed_field(self) -> str | None:
        """The input that takes the seed, or None to repeat the same inputs."""
        name = self.seed_field_combo.currentData()
        return name if isinstance(name, str) else None

    def _seed_spec(self) -> FieldSpec | None:
        name = self.seed_field()
        return self._schema.field(name) if name is not None else None

    def _on_choice_changed(self, *_args: object) -> None:
        self.changed.emit()

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
        self.changed.emit()

    def items(self) -> tuple[list[PlannedRun], str]:
        """The runs the choices make and what to call them; raises BatchPlanError."""
        count = self.repeat_count.value()
        spec = self._seed_spec()
        if spec is None:
            self.repeat_note.setText(
                translate(
                    "RepeatTab",
                    "Every run sends the same inputs; use this for workflows whose results "
                    "vary by themselves.",
                )
            )
            items = self._seeds.fill(
                repeat_with_seeds(self._base, count, seed_field=None), (), shared=False
            )
            fill_repeat_preview(self.repeat_preview, items)
            return items, translate("RepeatTab", "Repeat × {count}").format(count=count)
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
                        translate(
                            "RepeatTab",
                            "The first seed must be a whole number between {low} and {high}.",
                        ).format(low=low, high=high)
                    ) from None
        items = repeat_with_seeds(
            self._base, count, spec.name, mode, start, self._seeds.rng(), bounds=(low, high)
        )
        seeds = [item.inputs[spec.name] for item in items]
        if mode == "random":
            self.repeat_note.setText(
                translate(
                    "RepeatTab",
                    "Each run gets its own random {name} between {low} and {high}; the "
                    "other inputs come from the form.",
                ).format(name=spec.name, low=low, high=high)
            )
        else:
            last = f" … {seeds[-1]}" if len(seeds) > 1 else ""
            self.repeat_note.setText(
                translate("RepeatTab", "{name}: {seeds}{last}, in order.").format(
                    name=spec.name, seeds=seeds[0], last=last
                )
            )
        items = self._seeds.fill(items, (spec.name,), shared=False)
        fill_repeat_preview(self.repeat_preview, items)
        return items, translate("RepeatTab", "Repeat × {count}").format(count=count)
