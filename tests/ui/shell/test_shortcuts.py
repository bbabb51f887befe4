"""Every keyboard shortcut the menus and the README advertise works on the real main window.

The keys are pressed (QTest, through Qt's shortcut map, as a person's keyboard is), not
triggered in code: a key two actions claim in one place fires neither, and Qt only says so in a
log line ("Ambiguous shortcut overload").
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from pathlib import Path

import qasync
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QShortcutEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu, QMenuBar, QStackedWidget, QWidget
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.runs import RunState
from fizzly_desktop.ui.controller import AppController
from fizzly_desktop.ui.shell.main_window import MainWindow
from tests.fixtures.app import in_app, pick, until

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


class ShortcutSpy(QObject):
    """Takes the shortcut events Qt routes to actions, so that pressing a key has no effect
    (no dialog, no cancel, no quit) and only who received it is recorded."""

    def __init__(self) -> None:
        super().__init__()
        self.received: list[QAction] = []
        self.ambiguous: list[QAction] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Shortcut and isinstance(watched, QAction):
            assert isinstance(event, QShortcutEvent)
            (self.ambiguous if event.isAmbiguous() else self.received).append(watched)
            return True
        return False


def _press(widget: QWidget, key: QKeySequence) -> None:
    combo = key[0]
    QTest.keyClick(widget, combo.key(), combo.keyboardModifiers())


def _show(widget: QWidget) -> None:
    """Bring every page holding ``widget`` to the front (tabs, stacks) and give it the focus."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QStackedWidget):
            parent.setCurrentWidget(child)
        child, parent = parent, parent.parentWidget()
    widget.setFocus(Qt.FocusReason.ShortcutFocusReason)


def test_every_advertised_shortcut_reaches_its_action(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        window = app.window
        # A finished run with a picture, selected: the run details' strip of outputs (and its
        # keys) is on screen only then.
        await pick(app, "demo/text-to-image")
        app.window.form_panel.form.set_values({"prompt": "a red kite", "width": 64, "height": 64})
        window.run_action.trigger()
        await until(lambda: len(app.run_model.runs()) == 1)
        (run,) = app.run_model.runs()
        await until(lambda: app.run_model.run(run.id).state is RunState.COMPLETED, timeout=60)
        window.queue_view.select_run(run.id)
        await until(lambda: bool(app.outputs_strip.image_items()))
        window.activateWindow()
        await until(window.isActiveWindow)
        spy = ShortcutSpy()
        actions = [a for a in window.findChildren(QAction) if a.shortcuts() and a.isVisible()]
        was_enabled = {a: a.isEnabled() for a in actions}
        for action in actions:
            # A disabled action's keys are off in Qt's shortcut map; the spy keeps them harmless.
            action.setEnabled(True)
            action.installEventFilter(spy)
        missed: list[str] = []
        try:
            for action in actions:
                scopes = [w for w in _scope(action) if w is not None] or [window]
                for key in action.shortcuts():
                    _show(scopes[0])
                    spy.received.clear()
                    spy.ambiguous.clear()
                    _press(scopes[0], key)
                    await asyncio.sleep(0)
                    if spy.received != [action]:
                        got = [a.text() for a in spy.received + spy.ambiguous]
                        missed.append(f"{key.toString()} for {action.text()!r}: reached {got}")
            # The check can fail: a second owner of Ctrl+B window-wide leaves the key to no one.
            extra = QShortcut(QKeySequence("Ctrl+B"), window)
            spy.received.clear()
            _show(window.queue_view)
            _press(window.queue_view, QKeySequence("Ctrl+B"))
            await asyncio.sleep(0)
            assert window.build_batch_action not in spy.received
            extra.setEnabled(False)
            extra.deleteLater()
            # Every key the README names is one of those keys, and it reached its action above.
            menu_keys = {key.toString() for a in menu_actions(window) for key in a.shortcuts()}
            for key in readme_keys():
                assert key.toString() in menu_keys, f"the README names {key.toString()}"
        finally:
            for action, enabled in was_enabled.items():
                action.removeEventFilter(spy)
                action.setEnabled(enabled)
            _show(window.queue_view)
        assert len(actions) >= 20
        assert missed == [], "\n".join(missed)

    in_app(qloop, scenario)
