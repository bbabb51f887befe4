"""Run actions shared by the queue list and the sweep grid: one way to make them and their menu."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


def run_action(view: QWidget, text: str, shortcut: Shortcut, slot: Callable[[], None]) -> QAction:
    """An action on the selected runs of ``view``; its keys work only while ``view`` has focus,
    so the queue list and the sweep grid can share keys without stealing each other's."""
    action = QAction(text, view)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(slot)
    view.addAction(action)
    return action


def run_menu(parent: QWidget, groups: Sequence[Sequence[QAction]]) -> QMenu:
    """A context menu of ``groups`` of actions, a separator between groups (empty ones skipped)."""
    menu = QMenu(parent)
    for group in groups:
        if not group:
            continue
        if not menu.isEmpty():
            menu.addSeparator()
        for action in group:
            menu.addAction(action)
    return menu
