"""The run actions and menus the queue list and the sweep grid share."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from fizzly_desktop.ui.run_menu import run_action, run_menu


def test_an_action_belongs_to_its_view_and_its_keys_work_only_there(qtbot: QtBot) -> None:
    view = QListWidget()
    qtbot.addWidget(view)
    calls: list[str] = []
    action = run_action(view, "&Retry", "Ctrl+R", lambda: calls.append("retry"))
    plain = run_action(view, "&Export…", None, lambda: calls.append("export"))
    assert view.actions() == [action, plain]
    assert action.shortcut() == QKeySequence("Ctrl+R")
    assert action.shortcutContext() is Qt.ShortcutContext.WidgetWithChildrenShortcut
    assert plain.shortcut().isEmpty()
    action.trigger()
    plain.trigger()
    assert calls == ["retry", "export"]


def test_a_menu_separates_its_groups(qtbot: QtBot) -> None:
    view = QListWidget()
    qtbot.addWidget(view)
    a, b, c = (run_action(view, text, None, lambda: None) for text in ("A", "B", "C"))
    menu = run_menu(view, ((a, b), (), (c,)))
    shown = ["-" if action.isSeparator() else action.text() for action in menu.actions()]
    assert shown == ["A", "B", "-", "C"]
