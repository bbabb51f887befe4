"""One editor widget per kind of input: text, choices, numbers, seeds, switches, lists, JSON.

Every editor is a :class:`FieldWidget`: it shows one :class:`FieldSpec`, says when it changed,
and gives back exactly the JSON value the workflow expects (``OMITTED`` for an empty optional
input, so the server applies its own default).
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from PySide6.QtCore import QRegularExpression, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.schema import FieldSpec, format_number, random_seed_value


class _Omitted:
    """The value of an optional input left empty: it is not sent at all."""

    _instance: _Omitted | None = None

    def __new__(cls) -> _Omitted:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "OMITTED"

    def __bool__(self) -> bool:
        return False


OMITTED: Any = _Omitted()

_INT32_MIN, _INT32_MAX = -(2**31), 2**31 - 1
_INTEGER_TEXT = QRegularExpression(r"^-?\d{0,20}$")
_NUMBER_TEXT = QRegularExpression(r"^-?(\d{0,20}(\.\d{0,15})?)([eE][-+]?\d{0,3})?$")
_SLIDER_MAX_STEPS = 1000


def _same_choice(a: Any, b: Any) -> bool:
    """Enum choices compare by JSON value: 1 is not True, "1" is not 1."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    return type(a) is type(b) and a == b


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _decimals(value: float | None) -> int:
    if value is None or float(value).is_integer():
        return 0
    text = format_number(value)
    return len(text.split(".", 1)[1]) if "." in text else 0


def _nice_step(span: float) -> float:
    """A round step giving about a hundred steps over ``span`` (0.01, 0.05, 0.1, 0.5, 1...)."""
    if span <= 0 or not math.isfinite(span):
        return 1.0
    raw = span / 100
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return float(factor * power)
    return float(10 * power)


class FieldWidget(QWidget):
    """The editor of one input.

    Signals:
        changed: the value changed by the user or by :meth:`set_value`.
    """

    changed = Signal()

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec

    def focus_widget(self) -> QWidget:
        """The widget a label points at and that takes focus for this field."""
        return self

    def value(self) -> Any:
        """The JSON value to send, or OMITTED."""
        raise NotImplementedError

    def set_value(self, value: Any) -> bool:
        """Show ``value``; False when this editor cannot show it (e.g. text in a number)."""
        raise NotImplementedError

    def reset(self) -> None:
        """Back to the schema's default, or empty."""
        if self.spec.has_default and self.set_value(self.spec.default):
            return
        if not (self.spec.nullable and self.set_value(None)):
            self._clear_to_empty()

    def _clear_to_empty(self) -> None:
        raise NotImplementedError

    def local_error(self) -> str | None:
        """A problem only the editor can see (text that is not a number, JSON with a typo)."""
        return None

    def child_widget(self, name: str) -> FieldWidget | None:
        """A nested input's editor (objects only)."""
        return None


class LineField(FieldWidget):
    """A single line of text; a masked one for passwords."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.editor = QLineEdit()
        if spec.max_length is not None:
            self.editor.setMaxLength(min(spec.max_length, 32767))
        if spec.kind == "password":
            self.editor.setEchoMode(QLineEdit.EchoMode.Password)
        if spec.pattern:
            self.editor.setToolTip(f"Must match {spec.pattern}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        if spec.kind == "password":
            reveal = QToolButton()
            reveal.setText("Show")
            reveal.setCheckable(True)
            reveal.toggled.connect(self._on_reveal_toggled)
            layout.addWidget(reveal)
            self.reveal_button = reveal
        self.editor.textEdited.connect(lambda _text: self.changed.emit())
        self.reset()

    def _on_reveal_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.editor.setEchoMode(mode)
        self.reveal_button.setText("Hide" if shown else "Show")

    def focus_widget(self) -> QWidget:
        return self.editor

    def value(self) -> Any:
        text = self.editor.text()
        return text if text else OMITTED

    def set_value(self, value: Any) -> bool:
        if value is None:
            self.editor.clear()
        elif isinstance(value, str):
            if self.spec.max_length is not None and len(value) > self.editor.maxLength():
                return False
            self.editor.setText(value)
        else:
            return False
        self.changed.emit()
        return True

    def _clear_to_empty(self) -> None:
        self.set_value(None)


class TextField(FieldWidget):
    """Several lines of text (prompts, descriptions); counts characters when there is a limit."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        line = self.editor.fontMetrics().lineSpacing()
        # The main prompt gets room; secondary texts (negative prompt...) start smaller.
        lines = 5 if spec.required or spec.name.lower() == "prompt" else 3
        self.editor.setFixedHeight(line * lines + 14)
        self.editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.counter = QLabel()
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.counter.setObjectName("fieldHelp")
        self.counter.setVisible(spec.max_length is not None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.editor)
        layout.addWidget(self.counter)
        self._programmatic = False
        self.editor.textChanged.connect(self._on_text_changed)
        self.reset()

    def focus_widget(self) -> QWidget:
        return self.editor

    def _on_text_changed(self) -> None:
        if self.spec.max_length is not None:
            count = len(self.editor.toPlainText())
            self.counter.setText(f"{count:,} / {self.spec.max_length:,}")
        if not self._programmatic:
            self.changed.emit()

    def value(self) -> Any:
        text = self.editor.toPlainText()
        return text if text else OMITTED

    def set_value(self, value: Any) -> bool:
        if value is not None and not isinstance(value, str):
            return False
        self._programmatic = True
        try:
            self.editor.setPlainText(value or "")
        finally:
            self._programmatic = False
        self.changed.emit()
        return True

    def _clear_to_empty(self) -> None:
        self.set_value(None)


class EnumField(FieldWidget):
    """A choice among fixed values; "(none)" when null is allowed, "(not set)" when optional."""

    NONE_TEXT = "(none)"
    NOT_SET_TEXT = "(not set)"

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMinimumWidth(160)
        self._values: list[Any] = []
        if not spec.required and not spec.has_default and not spec.nullable:
            self._add(self.NOT_SET_TEXT, OMITTED)
        if spec.nullable:
            self._add(self.NONE_TEXT, None)
        for choice in spec.choices:
            self._add(self._label(choice), choice)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addStretch(1)
        self.combo.activated.connect(lambda _index: self.changed.emit())
        self.reset()

    @staticmethod
    def _label(choice: Any) -> str:
        if isinstance(choice, bool):
            return "Yes" if choice else "No"
        return format_number(choice) if _is_number(choice) else str(choice)

    def _add(self, text: str, value: Any) -> None:
        self._values.append(value)
        self.combo.addItem(text)

    def focus_widget(self) -> QWidget:
        return self.combo

    def choice_texts(self) -> list[str]:
        return [self.combo.itemText(i) for i in range(self.combo.count())]

    def value(self) -> Any:
        index = self.combo.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else OMITTED

    def set_value(self, value: Any) -> bool:
        for index, candidate in enumerate(self._values):
            if candidate is OMITTED:
                continue
            if (value is None and candidate is None) or (
                value is not None and candidate is not None and _same_choice(candidate, value)
            ):
                self.combo.setCurrentIndex(index)
                self.changed.emit()
                return True
        return False

    def reset(self) -> None:
        if self.spec.has_default and self.set_value(self.spec.default):
            return
        self.combo.setCurrentIndex(0)
        self.changed.emit()


class NumberField(FieldWidget):
    """A whole number or a number.

    A spin box (and a slider when the range is small) when both bounds are known and a value is
    always expected; otherwise a checked text box, which can be left empty and holds numbers of
    any size (a QSpinBox stops at 2³¹−1, seeds go to 2³²−1).
    """

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.integer = spec.kind == "integer"
        low, high = spec.lower_bound, spec.upper_bound
        if not self.integer and spec.exclusive_minimum is not None and spec.minimum is None:
            low = None
        if not self.integer and spec.exclusive_maximum is not None and spec.maximum is None:
            high = None
        self._low, self._high = low, high
        bounded = low is not None and high is not None and low <= high
        fits = not self.integer or (
            bounded and (low or 0) >= _INT32_MIN and (high or 0) <= _INT32_MAX
        )
        # A spin box always holds a number, so it is only for inputs that always get one; a
        # default of null ("not set") needs the text box, which can stay empty.
        always_set = spec.required or (spec.has_default and _is_number(spec.default))
        self.uses_spin_box = bounded and fits and always_set and not spec.is_seed
        self.spin: QSpinBox | QDoubleSpinBox | None = None
        self.slider: QSlider | None = None
        self.line: QLineEdit | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if self.uses_spin_box:
            assert low is not None
            assert high is not None
            self._build_spin(layout, low, high)
        else:
            self._build_line(layout)
        self._build_extras(layout)
        self.reset()

    def _build_extras(self, layout: QHBoxLayout) -> None:
        """More controls after the number (the seed's "Random")."""

    # --- construction ---

    def _build_spin(self, layout: QHBoxLayout, low: float, high: float) -> None:
        spec = self.spec
        spin: QSpinBox | QDoubleSpinBox
        if self.integer:
            spin = QSpinBox()
            spin.setRange(math.ceil(low), math.floor(high))
            spin.setSingleStep(int(spec.step) if spec.step and spec.step >= 1 else 1)
            self._slider_step = float(spin.singleStep())
        else:
            spin = QDoubleSpinBox()
            step = spec.step or _nice_step(high - low)
            decimals = max(
                _decimals(step), _decimals(spec.default if _is_number(spec.default) else None), 2
            )
            spin.setDecimals(min(decimals, 10))
            spin.setRange(low, high)
            spin.setSingleStep(step)
            self._slider_step = step
        spin.setAccelerated(True)
        spin.setKeyboardTracking(True)
        spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        spin.setMinimumWidth(110)
        spin.setMaximumWidth(160)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.spin = spin
        steps = (high - low) / self._slider_step if self._slider_step else math.inf
        if 1 <= steps <= _SLIDER_MAX_STEPS:
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(0, round(steps))
            slider.valueChanged.connect(self._on_slider_moved)
            self.slider = slider
            layout.addWidget(slider, 1)
            layout.addWidget(spin)
        else:
            layout.addWidget(spin)
            layout.addStretch(1)
        spin.valueChanged.connect(self._on_spin_changed)

    def _build_line(self, layout: QHBoxLayout) -> None:
        spec = self.spec
        line = QLineEdit()
        pattern = _INTEGER_TEXT if self.integer else _NUMBER_TEXT
        line.setValidator(QRegularExpressionValidator(pattern, line))
        line.setAlignment(Qt.AlignmentFlag.AlignRight)
        line.setMinimumWidth(110)
        line.setMaximumWidth(200)
        line.setPlaceholderText(self._range_hint())
        self.line = line
        layout.addWidget(line)
        if not spec.is_seed:
            layout.addStretch(1)
        line.textEdited.connect(lambda _text: self.changed.emit())

    def _range_hint(self) -> str:
        low, high = self._low, self._high
        if low is not None and high is not None:
            return f"{format_number(low)} – {format_number(high)}"
        if low is not None:
            return f"{format_number(low)} or more"
        if high is not None:
            return f"up to {format_number(high)}"
        return "whole number" if self.integer else "number"

    # --- syncing ---

    def _on_spin_changed(self, value: float) -> None:
        if self.slider is not None and self._low is not None:
            with QSignalBlocker(self.slider):
                self.slider.setValue(round((value - self._low) / self._slider_step))
        self.changed.emit()

    def _on_slider_moved(self, position: int) -> None:
        if self.spin is None or self._low is None:
            return
        value = self._low + position * self._slider_step
        self._set_spin(value)

    def _set_spin(self, value: float) -> None:
        if isinstance(self.spin, QSpinBox):
            self.spin.setValue(round(value))
        elif isinstance(self.spin, QDoubleSpinBox):
            self.spin.setValue(value)

    # --- FieldWidget ---

    def focus_widget(self) -> QWidget:
        return self.spin or self.line or self

    def _parse(self) -> Any:
        assert self.line is not None
        text = self.line.text().strip()
        if not text:
            return OMITTED
        try:
            if self.integer:
                return int(text)
            number = float(text)
        except ValueError:
            return None
        if not math.isfinite(number):
            return None
        return int(number) if number.is_integer() and "e" not in text.lower() else number

    def value(self) -> Any:
        if self.spin is not None:
            raw = self.spin.value()
            if self.integer:
                return int(raw)
            number = round(float(raw), self.spin.decimals())  # type: ignore[union-attr]
            return int(number) if number.is_integer() else number
        parsed = self._parse()
        return OMITTED if parsed is None else parsed

    def local_error(self) -> str | None:
        if self.line is not None and self.line.text().strip() and self._parse() is None:
            kind = "a whole number" if self.integer else "a number"
            return f"{self.spec.title} must be {kind}."
        return None

    def set_value(self, value: Any) -> bool:
        if value is None:
            if self.line is None:
                return False
            self.line.clear()
            self.changed.emit()
            return True
        if not _is_number(value) or (self.integer and not float(value).is_integer()):
            return False
        if self.spin is not None:
            low, high = self.spin.minimum(), self.spin.maximum()
            if not low <= value <= high:
                return False
            if self.integer:
                assert isinstance(self.spin, QSpinBox)
                self.spin.setValue(int(value))
            else:
                assert isinstance(self.spin, QDoubleSpinBox)
                if round(float(value), self.spin.decimals()) != value:
                    return False
                self.spin.setValue(float(value))
            self._on_spin_changed(float(self.spin.value()))
            return True
        assert self.line is not None
        self.line.setText(str(int(value)) if self.integer else format_number(value))
        self.changed.emit()
        return True

    def _clear_to_empty(self) -> None:
        if self.line is not None:
            self.line.clear()
        elif self.spin is not None:
            self._set_spin(self.spin.minimum())
        self.changed.emit()


class SeedField(NumberField):
    """A seed: a number, or "Random" to draw a new one for every run."""

    def _build_extras(self, layout: QHBoxLayout) -> None:
        self.random_box = QCheckBox("Random each run")
        self.roll_button = QToolButton()
        self.roll_button.setText("New")
        self.roll_button.setToolTip("Pick a new seed now")
        self.roll_button.setAccessibleName("Pick a new seed now")
        layout.addWidget(self.roll_button)
        layout.addWidget(self.random_box)
        layout.addStretch(1)
        self.random_box.toggled.connect(self._on_random_toggled)
        self.roll_button.clicked.connect(self.roll)

    def is_random(self) -> bool:
        return self.random_box.isChecked()

    def set_random(self, random: bool) -> None:
        self.random_box.setChecked(random)

    def roll(self) -> None:
        """Put a fresh random seed in the box (and stop drawing one per run)."""
        self.random_box.setChecked(False)
        super().set_value(random_seed_value(self.spec))

    def _on_random_toggled(self, random: bool) -> None:
        if self.line is not None:
            self.line.setEnabled(not random)
            self.line.setPlaceholderText("random" if random else self._range_hint())
        self.changed.emit()

    def value(self) -> Any:
        return OMITTED if self.is_random() else super().value()

    def local_error(self) -> str | None:
        return None if self.is_random() else super().local_error()

    def set_value(self, value: Any) -> bool:
        if value is None:
            self.random_box.setChecked(True)
            return super().set_value(None)
        accepted = super().set_value(value)
        if accepted:
            self.random_box.setChecked(False)
        return accepted

    def reset(self) -> None:
        if self.spec.has_default and _is_number(self.spec.default):
            self.set_value(self.spec.default)
        else:
            super().set_value(None)
            self.random_box.setChecked(True)


class BooleanField(FieldWidget):
    """A switch; an optional one without a default is not sent while unticked."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.check = QCheckBox()
        self.check.setAccessibleName(spec.title)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addStretch(1)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.reset()

    def focus_widget(self) -> QWidget:
        return self.check

    def value(self) -> Any:
        if self.check.isChecked():
            return True
        if self.spec.required or self.spec.has_default:
            return False
        return OMITTED

    def set_value(self, value: Any) -> bool:
        if not isinstance(value, bool):
            if value is None:
                self.check.setChecked(False)
                return True
            return False
        with QSignalBlocker(self.check):
            self.check.setChecked(value)
        self.changed.emit()
        return True

    def _clear_to_empty(self) -> None:
        self.set_value(False)


class ListField(FieldWidget):
    """An editable, ordered list of texts or numbers."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.numbers = spec.kind == "number_list"
        self.items = QListWidget()
        self.items.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.items.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        line = self.items.fontMetrics().lineSpacing()
        self.items.setMinimumHeight(line * 3 + 10)
        self.items.setMaximumHeight(line * 6 + 10)
        self.add_button = QToolButton()
        self.add_button.setText("Add")
        self.remove_button = QToolButton()
        self.remove_button.setText("Remove")
        self.up_button = QToolButton()
        self.up_button.setText("↑")
        self.up_button.setToolTip("Move up")
        self.down_button = QToolButton()
        self.down_button.setText("↓")
        self.down_button.setToolTip("Move down")
        buttons = QVBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(2)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.items, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.items.itemChanged.connect(lambda _item: self.changed.emit())
        self.items.model().rowsMoved.connect(lambda *_args: self.changed.emit())
        self.reset()

    def focus_widget(self) -> QWidget:
        return self.items

    def _new_item(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def texts(self) -> list[str]:
        return [self.items.item(i).text() for i in range(self.items.count())]

    def add_item(self, text: str = "") -> QListWidgetItem:
        item = self._new_item(text)
        with QSignalBlocker(self.items):
            self.items.addItem(item)
        self.items.setCurrentItem(item)
        self.changed.emit()
        return item

    def _on_add_clicked(self) -> None:
        self.items.editItem(self.add_item())

    def remove_selected(self) -> None:
        row = self.items.currentRow()
        if row >= 0:
            self.items.takeItem(row)
            self.changed.emit()

    def move_selected(self, delta: int) -> None:
        row = self.items.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.items.count():
            return
        with QSignalBlocker(self.items):
            item = self.items.takeItem(row)
            self.items.insertItem(target, item)
        self.items.setCurrentRow(target)
        self.changed.emit()

    def _parsed(self) -> tuple[list[Any], int | None]:
        values: list[Any] = []
        for index, text in enumerate(self.texts()):
            stripped = text.strip()
            if not self.numbers:
                values.append(text)
                continue
            if not stripped:
                continue
            try:
                number = float(stripped)
            except ValueError:
                return values, index
            if self.spec.integer_items:
                if not number.is_integer() or not re.fullmatch(r"-?\d+(\.0*)?", stripped):
                    return values, index
                values.append(int(number))
            elif not math.isfinite(number):
                return values, index
            else:
                values.append(int(number) if re.fullmatch(r"-?\d+", stripped) else number)
        return values, None

    def value(self) -> Any:
        values, bad = self._parsed()
        # An empty list is "nothing given": a required input then reads as missing.
        if bad is not None or not values:
            return OMITTED
        return values

    def local_error(self) -> str | None:
        _, bad = self._parsed()
        if bad is None:
            return None
        kind = "a whole number" if self.spec.integer_items else "a number"
        return f"{self.spec.title} item {bad + 1} must be {kind}."

    def set_value(self, value: Any) -> bool:
        if value is None:
            values: list[Any] = []
        elif isinstance(value, list):
            values = value
        else:
            return False
        if self.numbers:
            if not all(_is_number(v) for v in values):
                return False
            if self.spec.integer_items and not all(float(v).is_integer() for v in values):
                return False
            texts = [str(int(v)) if isinstance(v, int) else repr(float(v)) for v in values]
        else:
            if not all(isinstance(v, str) for v in values):
                return False
            texts = list(values)
        with QSignalBlocker(self.items):
            self.items.clear()
            for text in texts:
                self.items.addItem(self._new_item(text))
        self.changed.emit()
        return True

    def _clear_to_empty(self) -> None:
        self.set_value([])


class JsonField(FieldWidget):
    """Any JSON value, typed as text: the fallback for what the form cannot show otherwise."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.editor.setFont(font)
        self.editor.setPlaceholderText('JSON, e.g. {"key": "value"} or [1, 2]')
        line = self.editor.fontMetrics().lineSpacing()
        self.editor.setMinimumHeight(line * 3 + 12)
        self.editor.setMaximumHeight(line * 8 + 12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        self._programmatic = False
        self.editor.textChanged.connect(self._on_text_changed)
        self.reset()

    def _on_text_changed(self) -> None:
        if not self._programmatic:
            self.changed.emit()

    def focus_widget(self) -> QWidget:
        return self.editor

    def _parse(self) -> tuple[Any, str | None]:
        text = self.editor.toPlainText()
        if not text.strip():
            return OMITTED, None
        try:
            return json.loads(text), None
        except json.JSONDecodeError as exc:
            return OMITTED, (
                f"{self.spec.title} is not valid JSON: {exc.msg} "
                f"(line {exc.lineno}, column {exc.colno})."
            )
        except RecursionError:
            return OMITTED, f"{self.spec.title} is nested too deeply."

    def value(self) -> Any:
        return self._parse()[0]

    def local_error(self) -> str | None:
        return self._parse()[1]

    def set_value(self, value: Any) -> bool:
        self._programmatic = True
        try:
            if value is None and not self.spec.nullable:
                self.editor.clear()
            else:
                self.editor.setPlainText(json.dumps(value, indent=2, ensure_ascii=False))
        finally:
            self._programmatic = False
        self.changed.emit()
        return True

    def reset(self) -> None:
        if self.spec.has_default:
            self.set_value(self.spec.default)
        else:
            self._programmatic = True
            self.editor.clear()
            self._programmatic = False
            self.changed.emit()


def create_field_widget(spec: FieldSpec, parent: QWidget | None = None) -> FieldWidget:
    """The editor that fits a field's kind."""
    from fizzly_desktop.ui.forms.files import FileField, FileListField
    from fizzly_desktop.ui.forms.group import ObjectField

    kind = spec.kind
    if kind in ("string", "password"):
        return LineField(spec, parent)
    if kind == "text":
        return TextField(spec, parent)
    if kind == "enum":
        return EnumField(spec, parent)
    if kind in ("integer", "number"):
        return SeedField(spec, parent) if spec.is_seed else NumberField(spec, parent)
    if kind == "boolean":
        return BooleanField(spec, parent)
    if kind in ("string_list", "number_list"):
        return ListField(spec, parent)
    if kind == "file":
        return FileListField(spec, parent) if spec.multiple else FileField(spec, parent)
    if kind == "object":
        return ObjectField(spec, parent)
    return JsonField(spec, parent)
