"""The Sweep tab of the batch dialog: one or two inputs, the values to try, the grid they make."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.batch_plan import (
    BatchPlanError,
    PlannedRun,
    SweepAxis,
    format_value,
    parse_sweep_values,
    sweep,
    sweep_example,
    sweepable_fields,
)
from fizzly_desktop.core.schema import FieldSpec, InputSchema
from fizzly_desktop.ui.batches.look import field_label, values_preview
from fizzly_desktop.ui.batches.preview import fill_sweep_preview
from fizzly_desktop.ui.batches.seeds import SeedDraws
from fizzly_desktop.ui.colors import Tone
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.labels import plain_label
from fizzly_desktop.ui.tones import set_tone


class AxisEditor(QGroupBox):
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
            self.combo.addItem(translate("AxisEditor", "None (a single row)"), None)
        for spec in fields:
            self.combo.addItem(field_label(spec), spec.name)
        self.combo.setAccessibleName(
            translate("AxisEditor", "{title}: input to sweep").format(title=title)
        )
        self.values = QPlainTextEdit(self)
        self.values.setTabChangesFocus(True)
        self.values.setAccessibleName(
            translate("AxisEditor", "{title}: values to try").format(title=title)
        )
        self.values.setFixedHeight(self.values.fontMetrics().lineSpacing() * 4 + 12)
        self.feedback = plain_label("", self, wrap=True)
        self.feedback.setAccessibleName(
            translate("AxisEditor", "{title}: values found").format(title=title)
        )
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
            fill = "true, false"  # values the sweep parses: not words to translate
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
            set_tone(self.feedback, Tone.ERROR)
            return None, message
        count = len(values)
        self.feedback.setText(
            translate("AxisEditor", "✓ %n value(s): {values_preview}", None, count).format(
                values_preview=values_preview(values)
            )
        )
        set_tone(self.feedback, Tone.GOOD)
        return SweepAxis(spec.name, tuple(values)), None


class SweepTab(QWidget):
    """Columns and (optional) rows to sweep, the count of runs, and the grid they make.

    Signals:
        axis_changed(): an input to sweep was chosen; the dialog makes the runs again.
        values_edited(): values are being typed; the dialog waits a moment, then makes them.
    """

    axis_changed = Signal()
    values_edited = Signal()

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
        fields = sweepable_fields(schema)
        # Distinct mnemonics: both editors are on screen together.
        self.axis_a = AxisEditor(
            translate("SweepTab", "Columns"),
            fields,
            optional=False,
            parent=self,
            mnemonics=(translate("SweepTab", "In&put:"), translate("SweepTab", "&Values:")),
        )
        self.axis_b = AxisEditor(
            translate("SweepTab", "Rows (optional)"),
            fields,
            optional=True,
            parent=self,
            mnemonics=(translate("SweepTab", "Inpu&t:"), translate("SweepTab", "V&alues:")),
        )
        self.axis_a.select(self.preferred_axis(fields))
        axes = QHBoxLayout()
        axes.addWidget(self.axis_a, 1)
        axes.addWidget(self.axis_b, 1)
        self.sweep_count_label = plain_label("", self, wrap=True)
        self.sweep_count_label.setObjectName("SweepCount")
        self.sweep_count_label.setAccessibleName(translate("SweepTab", "Runs in the sweep"))
        self.sweep_count_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        count_font = QFont(self.sweep_count_label.font())
        count_font.setPointSizeF(count_font.pointSizeF() * 1.4)
        count_font.setBold(True)
        self.sweep_count_label.setFont(count_font)
        self.sweep_note = plain_label("", self, wrap=True)
        self.sweep_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sweep_preview = QTableWidget(0, 0, self)
        self.sweep_preview.setObjectName("SweepPreview")
        self.sweep_preview.setAccessibleName(
            translate("SweepTab", "The grid the sweep makes, in the order runs are sent")
        )
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
            translate(
                "SweepTab",
                "Try every combination of the values of one or two inputs; the results "
                "are shown as a grid. Type values separated by commas (1, 2, 5), a "
                "range with a step (1..10 step 2) or a range with a count (0.5..1.5 "
                "x5); text values go one per line.",
            )
            if fields
            else translate("SweepTab", "This workflow has no input that can be swept.")
        )
        sweep_help = plain_label(help_text, self, wrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(sweep_help)
        layout.addLayout(axes)
        layout.addSpacing(8)
        layout.addWidget(self.sweep_count_label)
        layout.addWidget(self.sweep_note)
        layout.addWidget(self.sweep_preview, 1)
        for editor in (self.axis_a, self.axis_b):
            editor.combo.currentIndexChanged.connect(self._on_axis_changed)
            editor.values.textChanged.connect(self.values_edited)

    @staticmethod
    def preferred_axis(fields: Sequence[FieldSpec]) -> str | None:
        """The input a sweep starts with: numbers are what people sweep most; prompts least."""
        for kinds in (("number", "integer"), ("enum",), ("boolean", "string", "text")):
            for spec in fields:
                if spec.kind in kinds and not spec.is_seed:
                    return spec.name
        return fields[0].name if fields else None

    def _on_axis_changed(self, _index: int) -> None:
        self.axis_changed.emit()

    def items(self) -> tuple[list[PlannedRun], str, tuple[SweepAxis, ...]]:
        """The runs of the sweep, what to call them and its axes; raises BatchPlanError."""
        axis_a, problem_a = self.axis_a.parse()
        axis_b, problem_b = self.axis_b.parse()
        both_set = self.axis_a.field() is not None and self.axis_b.field() is not None
        if both_set and axis_a is not None and axis_b is not None and axis_a.field == axis_b.field:
            raise BatchPlanError(
                translate(
                    "SweepTab",
                    "Columns and rows both sweep {field}; choose a different input for rows.",
                ).format(field=axis_a.field)
            )
        if axis_a is None:
            fill_sweep_preview(self.sweep_preview, ())
            self.sweep_count_label.setText("")
            raise BatchPlanError(problem_a or translate("SweepTab", "Choose an input to sweep."))
        if problem_b is not None or (self.axis_b.field() is not None and axis_b is None):
            fill_sweep_preview(self.sweep_preview, ())
            self.sweep_count_label.setText("")
            raise BatchPlanError(problem_b or translate("SweepTab", "Enter the values for rows."))
        columns = len(axis_a.values)
        if axis_b is None:
            self.sweep_count_label.setText(translate("SweepTab", "%n run(s)", None, columns))
        else:
            rows = len(axis_b.values)
            runs = columns * rows
            self.sweep_count_label.setText(
                translate("SweepTab", "{columns} × {rows} = %n run(s)", None, runs).format(
                    columns=columns, rows=rows
                )
            )
        items = sweep(self._base, axis_a, axis_b)
        axes = (axis_a,) if axis_b is None else (axis_a, axis_b)
        fill_sweep_preview(self.sweep_preview, axes)
        swept = [axis.field for axis in axes]
        items = self._seeds.fill(items, swept, shared=True)
        seeds = [s for s in self._schema.seed_fields() if s.name not in swept]
        fixed = [
            f"{s.name} = {format_value(items[0].inputs[s.name])}"
            for s in seeds
            if items and items[0].inputs.get(s.name) is not None
        ]
        self.sweep_note.setText(
            translate(
                "SweepTab", "Every cell uses {join}, so cells differ only by the swept values."
            ).format(join=", ".join(fixed))
            if fixed
            else ""
        )
        what = translate("SweepTab", "Sweep ") + " × ".join(swept)
        return items, what, axes
