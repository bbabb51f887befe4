"""How the batch dialog's parts look: error and success colours, field labels, short previews."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

from fizzly_desktop.core.batch_plan import format_value
from fizzly_desktop.core.schema import FieldSpec

ERROR_LIGHT = QColor("#c62828")
_ERROR_DARK = QColor("#ef9a9a")
_GOOD_LIGHT = QColor("#2e7d32")
_GOOD_DARK = QColor("#a5d6a7")


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def error_color(palette: QPalette) -> QColor:
    return _ERROR_DARK if is_dark(palette) else ERROR_LIGHT


def good_color(palette: QPalette) -> QColor:
    return _GOOD_DARK if is_dark(palette) else _GOOD_LIGHT


def muted_color(palette: QPalette) -> QColor:
    return blend(
        palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window), 0.35
    )


def blend(base: QColor, tint: QColor, amount: float) -> QColor:
    return QColor(
        round(base.red() + (tint.red() - base.red()) * amount),
        round(base.green() + (tint.green() - base.green()) * amount),
        round(base.blue() + (tint.blue() - base.blue()) * amount),
    )


def set_text_color(label: QLabel, color: QColor | None) -> None:
    if color is None:
        # An empty palette resolves nothing: the label follows its parent (and the system) again.
        label.setPalette(QPalette())
        return
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, color)
    label.setPalette(palette)


def field_label(spec: FieldSpec) -> str:
    if spec.title and spec.title.casefold().replace(" ", "_") != spec.name.casefold():
        return f"{spec.name} ({spec.title})"
    return spec.name


def values_preview(values: Sequence[Any], limit: int = 8) -> str:
    # Text values are quoted, so a value with a comma in it still reads as one value.
    shown = [
        f"“{one_line(v, 32)}”" if isinstance(v, str) else format_value(v) for v in values[:limit]
    ]
    if len(values) > limit:
        shown.append("…")
    return ", ".join(shown)


def one_line(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
