"""Colours given to one widget that follow the scheme: toned text, and style sheets' palette().

A label given a fixed colour keeps it when the palette turns dark: dark red on dark grey. A
tone is worked out again from the label's own background whenever its palette changes. A style
sheet reads ``palette(base)`` once, when it is applied: it is applied again on a change.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget

from fizzly_desktop.ui.colors import Tone, tone_color

_TONE_PROPERTY = "fizzlyTone"
_SHEET_PROPERTY = "fizzlySheet"
_SHEET_PALETTE_PROPERTY = "fizzlySheetPalette"
_PALETTE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


class _ToneKeeper(QObject):
    """One event filter for every toned widget: re-colours it when its palette changes."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _PALETTE_EVENTS and isinstance(watched, QWidget):
            _paint_tone(watched)
            _apply_sheet(watched)
        return False


_keeper: _ToneKeeper | None = None


def _the_keeper() -> _ToneKeeper:
    global _keeper
    if _keeper is None:
        _keeper = _ToneKeeper(QApplication.instance())  # lives as long as the application
    return _keeper


def set_palette_style_sheet(widget: QWidget, sheet: str) -> None:
    """Give ``widget`` a style sheet whose ``palette(role)`` colours follow scheme changes."""
    widget.setProperty(_SHEET_PROPERTY, sheet)
    widget.setProperty(_SHEET_PALETTE_PROPERTY, None)
    widget.installEventFilter(_the_keeper())
    _apply_sheet(widget)


def _apply_sheet(widget: QWidget) -> None:
    sheet = widget.property(_SHEET_PROPERTY)
    if not isinstance(sheet, str):
        return
    # Applying a sheet can change the widget's palette again: apply it once per app palette.
    key = str(QApplication.palette().cacheKey())
    if widget.property(_SHEET_PALETTE_PROPERTY) == key:
        return
    widget.setProperty(_SHEET_PALETTE_PROPERTY, key)
    widget.setStyleSheet(sheet)


def set_tone(widget: QWidget, tone: Tone | None) -> None:
    """Colour ``widget``'s text as ``tone`` in any scheme; None: the palette's text again."""
    keeper = _the_keeper()
    widget.setProperty(_TONE_PROPERTY, tone.value if tone is not None else None)
    if tone is None:
        widget.removeEventFilter(keeper)
        # An empty palette resolves nothing: the widget follows its parent (and the system).
        widget.setPalette(QPalette())
        return
    widget.installEventFilter(keeper)
    _paint_tone(widget)


def tone_of(widget: QWidget) -> Tone | None:
    value = widget.property(_TONE_PROPERTY)
    return Tone(value) if isinstance(value, str) else None


def _paint_tone(widget: QWidget) -> None:
    tone = tone_of(widget)
    if tone is None:
        return
    palette = widget.palette()
    wanted = tone_color(tone, palette, palette.color(widget.backgroundRole()))
    role = widget.foregroundRole()
    if palette.color(role) != wanted:
        palette.setColor(role, wanted)
        widget.setPalette(palette)  # a PaletteChange again, which finds the colour in place
