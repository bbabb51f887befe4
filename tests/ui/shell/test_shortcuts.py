"""Every keyboard shortcut the menus and the README advertise works on the real main window.

The keys are pressed (QTest, through Qt's shortcut map, as a person's keyboard is), not
triggered in code: a key two actions claim in one place fires neither, and Qt only says so in a
log line ("Ambiguous shortcut overload").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import qasync
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMenuBar, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from fizzly_desktop.ui.controller import AppController
from fizzly_desktop.ui.shell.main_window import MainWindow
from tests.fixtures.app import in_app, pick

README = Path(__file__).resolve().parents[3] / "README.md"


def menu_actions(window: MainWindow) -> list[QAction]:
    """Every action of the menu bar that has a shortcut, submenus included."""

    def walk(menu: QMenu) -> Iterator[QAction]:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                yield from walk(sub)
            elif not action.isSeparator() and action.shortcuts():
                yield action

    found: list[QAction] = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            found.extend(walk(menu))
    return found


def readme_keys() -> list[QKeySequence]:
    """The keys the README's "Keyboard:" paragraph names, as key sequences."""
    text = README.read_text(encoding="utf-8")
    start = text.index("Keyboard:")
    paragraph = text[start : text.index("\n\n", start)]
    names = re.findall(
        r"\b(?:(?:Ctrl|Shift|Alt)\+)*(?:Enter|Return|Delete|Del|Up|Down|[A-Z0-9])\b"
        r"(?=[\s,./]|$)",
        paragraph.replace("Keyboard:", ""),
    )
    keys = [QKeySequence(name) for name in names if "+" in name or name in ("Delete", "Del")]
    assert len(keys) >= 10, f"the README's keyboard list was not understood: {names}"
    return keys


def _scope(obj: QObject) -> list[QWidget | None]:
    """Where a shortcut can fire: None for the whole application, else the widgets it covers."""
    if isinstance(obj, QShortcut):
        parent = obj.parent()
        context, widgets = obj.context(), [parent if isinstance(parent, QWidget) else None]
    else:
        assert isinstance(obj, QAction)
        context = obj.shortcutContext()
        widgets = [
            w
            for w in obj.associatedObjects()
            if isinstance(w, QWidget) and not isinstance(w, QMenu | QMenuBar)
        ]
        if not widgets:
            # Only in menus: the menu bar's window is where it fires.
            holder = next(
                (w for w in obj.associatedObjects() if isinstance(w, QMenu | QMenuBar)), None
            )
            # A menu is a window of its own; the window whose menu bar holds it is the scope.
            while isinstance(holder, QMenu | QMenuBar):
                holder = holder.parentWidget()
            widgets = [holder] if isinstance(holder, QWidget) else []
    if context is Qt.ShortcutContext.ApplicationShortcut:
        return [None]
    if context is Qt.ShortcutContext.WindowShortcut:
        return [w.window() for w in widgets if w is not None]
    return [w for w in widgets if w is not None]


def _overlap(a: QWidget | None, b: QWidget | None) -> bool:
    if a is None or b is None:
        return True
    if a.window() is not b.window():
        return False
    return a is b or a.isAncestorOf(b) or b.isAncestorOf(a)


def clashes(window: MainWindow) -> list[str]:
    """Pairs of shortcuts that share a key where both could fire (Qt then fires neither)."""
    owners: list[tuple[str, str, list[QWidget | None]]] = []
    for obj in [*window.findChildren(QAction), *window.findChildren(QShortcut)]:
        keys = obj.shortcuts() if isinstance(obj, QAction) else [obj.key()]
        name = obj.text() if isinstance(obj, QAction) else obj.objectName() or repr(obj)
        for key in keys:
            if not key.isEmpty():
                owners.append((key.toString(), name, _scope(obj)))
    found = []
    for i, (key, name, scopes) in enumerate(owners):
        for other_key, other_name, other_scopes in owners[i + 1 :]:
            if key == other_key and any(_overlap(a, b) for a in scopes for b in other_scopes):
                found.append(f"{key}: {name!r} and {other_name!r}")
    return found


class Dismisser(QObject):
    """Answers whatever modal box a shortcut opens with its escape (No, Cancel, Keep open)."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []
        self.timer = QTimer(self)
        self.timer.setInterval(30)
        self.timer.timeout.connect(self._dismiss)
        self.timer.start()

    def _dismiss(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or not modal.isVisible():
            return
        self.seen.append(modal.windowTitle())
        escape = modal.escapeButton() if isinstance(modal, QMessageBox) else None
        if escape is not None:
            escape.click()
        elif isinstance(modal, QDialog):
            modal.reject()
        else:
            modal.close()


def test_no_two_shortcuts_share_a_key_where_both_could_fire(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        await pick(app, "demo/text-to-image")
        assert clashes(app.window) == []
        # The check itself can fail: a second window-wide owner of Ctrl+Return is a clash.
        extra = QShortcut(QKeySequence("Ctrl+Return"), app.window)
        extra.setObjectName("extra")
        try:
            assert clashes(app.window) == [
                f"Ctrl+Return: {app.window.run_action.text()!r} and 'extra'"
            ]
        finally:
            extra.setEnabled(False)
            extra.deleteLater()

    in_app(qloop, scenario)
