"""Number inputs: a spin box with a slider when bounded, a checked line when not; seeds roll."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QRegularExpression, QSignalBlocker, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QSlider,
    QSpinBox,
    QToolButton,
    QWidget,
)

from fizzly_desktop.core.schema import FieldSpec, format_number, random_seed_value
from fizzly_desktop.ui.forms.base import OMITTED, FieldWidget, is_number
from fizzly_desktop.ui.i18n import translate

_INT32_MIN, _INT32_MAX = -(2**31), 2**31 - 1
_INTEGER_TEXT = QRegularExpression(r"^-?\d{0,20}$")
_NUMBER_TEXT = QRegularExpression(r"^-?(\d{0,20}(\.\d{0,15})?)([eE][-+]?\d{0,3})?$")
_SLIDER_MAX_STEPS = 1000


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
        always_set = spec.required or (spec.has_default and is_number(spec.default))
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
                _decimals(step), _decimals(spec.default if is_number(spec.default) else None), 2
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
            slider.setAccessibleName(
                translate("NumberField", "{title} slider").format(title=spec.title)
            )
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
            return translate("NumberField", "{number} or more").format(number=format_number(low))
        if high is not None:
            return translate("NumberField", "up to {number}").format(number=format_number(high))
        return translate("NumberField", "whole number") if self.integer else "number"

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
            kind = (
                translate("NumberField", "a whole number")
                if self.integer
                else translate("NumberField", "a number")
            )
            return translate("NumberField", "{title} must be {kind}.").format(
                title=self.spec.title, kind=kind
            )
        return None

    def set_value(self, value: Any) -> bool:
        if value is None:
            if self.line is None:
                return False
            self.line.clear()
            self.changed.emit()
            return True
        if not is_number(value) or (self.integer and not float(value).is_integer()):
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
        self.random_box = QCheckBox(translate("SeedField", "Random each run"))
        if self.line is not None:
            # Ten digits fit; the box, its button and the tick fit a narrow panel.
            self.line.setMinimumWidth(96)
        self.roll_button = QToolButton()
        self.roll_button.setText(translate("SeedField", "New"))
        self.roll_button.setToolTip(translate("SeedField", "Pick a new seed now"))
        self.roll_button.setAccessibleName(translate("SeedField", "Pick a new seed now"))
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
        if self.spec.has_default and is_number(self.spec.default):
            self.set_value(self.spec.default)
        else:
            super().set_value(None)
            self.random_box.setChecked(True)
