"""plain_label: the one way to make a label for text that is data (never rendered as rich text)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(
    text: str = "",
    parent: QWidget | None = None,
    *,
    wrap: bool = False,
    muted: bool = False,
    selectable: bool = False,
) -> QLabel:
    """A label that shows text as typed: no HTML, so nothing a server or user wrote is rendered.

    ``wrap`` breaks long text over lines, ``muted`` draws it in the placeholder colour (for
    secondary facts), ``selectable`` lets the mouse select it (request ids, errors to copy).
    """
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    if wrap:
        label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if muted:
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label
