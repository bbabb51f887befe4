"""Placing a context menu so that all of it is on the screen it was asked for on."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu


def fit_on_screen(menu: QMenu, position: QPoint) -> QPoint:
    """Where to open ``menu`` at ``position`` so that none of it falls off the screen's edge.

    Past the right or bottom edge the menu opens to the left of or above the pointer, as menus
    near an edge do elsewhere; it never leaves the screen's available area.
    """
    screen = QGuiApplication.screenAt(position) or QGuiApplication.primaryScreen()
    if screen is None:
        return position
    area = screen.availableGeometry()
    size = menu.sizeHint()
    x, y = position.x(), position.y()
    if x + size.width() > area.right() + 1:
        x -= size.width()
    if y + size.height() > area.bottom() + 1:
        y -= size.height()
    x = max(area.left(), min(x, area.right() + 1 - size.width()))
    y = max(area.top(), min(y, area.bottom() + 1 - size.height()))
    return QPoint(x, y)
