"""Focus follows reading order and is always visible: Tab goes sidebar, form, queue, details
(Shift+Tab back), F6 and Shift+F6 visit the panes in that order, the Menu key opens the
queue's menu at its current row, and the current tile is outlined. Keys only, on the real
window with a run shown."""

from __future__ import annotations

import asyncio

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.runs import RunState
from fizzly_desktop.ui.controller import AppController
from fizzly_desktop.ui.shell.main_window import MainWindow
from tests.fixtures.app import in_app, pick, until

Key = Qt.Key
SHIFT = Qt.KeyboardModifier.ShiftModifier


def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> QWidget:
    """Press a key where the focus is; the widget that has the focus afterwards."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    QTest.keyClick(widget, key, modifiers)
    after = QApplication.focusWidget()
    assert after is not None, f"{key} left nothing with the focus"
    return after


def pane_of(window: MainWindow, widget: QWidget) -> str:
    for name, area in (
        ("sidebar", window.sidebar),
        ("form", window.form_panel),
        ("queue", window.queue_view),
        ("details", window.run_details),
    ):
        if widget is area or area.isAncestorOf(widget):
            return name
    return "other"


async def shown_run(app: AppController) -> None:
    await pick(app, "demo/text-to-image")
    app.window.form_panel.form.set_values({"prompt": "a red kite", "width": 64, "height": 64})
    app.window.run_action.trigger()
    await until(lambda: len(app.run_model.runs()) == 1)
    (run,) = app.run_model.runs()
    await until(lambda: app.run_model.run(run.id).state is RunState.COMPLETED, timeout=60)
    app.window.queue_view.select_run(run.id)
    await until(lambda: bool(app.outputs_strip.image_items()))
    app.window.activateWindow()
    await until(app.window.isActiveWindow)


# The offscreen platform cannot raise a popup menu or grab the keyboard for it; it says so.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_tab_and_f6_follow_reading_order(qtbot: QtBot, qloop: qasync.QEventLoop) -> None:
    async def scenario(app: AppController) -> None:
        window = app.window
        await shown_run(app)
        window.profile_combo.setFocus(Qt.FocusReason.OtherFocusReason)  # the top left
        await until(lambda: QApplication.focusWidget() is window.profile_combo)

        # Tab once around the window: the panes come in reading order, each one stretch.
        visited: list[QWidget] = [window.profile_combo]
        for _ in range(200):
            widget = press(Key.Key_Tab)
            if widget is visited[0]:
                break
            visited.append(widget)
        else:
            last = [(type(w).__name__, w.accessibleName()) for w in visited[-12:]]
            raise AssertionError(f"Tab never came back (a trap?): {last}")
        panes = [pane_of(window, w) for w in visited]
        runs = [p for i, p in enumerate(panes) if i == 0 or p != panes[i - 1]]
        assert [p for p in runs if p != "other"] == ["sidebar", "form", "queue", "details"], runs
        # The form's inputs come before its Run button, the queue's table before the details.
        names = [w.accessibleName() or getattr(w, "text", lambda: "")() for w in visited]
        assert names.index("Prompt") < visited.index(window.form_panel.run_button)
        assert visited.index(window.queue_view.table) < visited.index(app.outputs_strip.images_view)
        # Shift+Tab walks the same stops backwards.
        back = [press(Key.Key_Tab, SHIFT) for _ in range(len(visited))]
        assert back == list(reversed(visited))

        # F6 visits the panes in reading order, Shift+F6 the other way.
        window.library_panel.list.setFocus(Qt.FocusReason.OtherFocusReason)
        forward = [pane_of(window, press(Key.Key_F6)) for _ in range(4)]
        assert forward == ["form", "queue", "details", "sidebar"]
        backward = [pane_of(window, press(Key.Key_F6, SHIFT)) for _ in range(4)]
        assert backward == ["details", "queue", "form", "sidebar"]
        press(Key.Key_F6)
        assert press(Key.Key_F6) is window.queue_view.table  # into the queue: its table

        # The Menu key opens the queue's menu for the current row, Escape closes it.
        assert window.queue_view.table.currentIndex().isValid()
        QTest.keyClick(window.queue_view.table, Key.Key_Menu)
        await until(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        assert window.queue_view.cancel_action in menu.actions()
        QTest.keyClick(menu, Key.Key_Escape)
        await until(lambda: QApplication.activePopupWidget() is None)
        QTest.keyClick(window.queue_view.table, Key.Key_F10, SHIFT)
        await until(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
        popup = QApplication.activePopupWidget()
        assert popup is not None
        QTest.keyClick(popup, Key.Key_Escape)
        await until(lambda: QApplication.activePopupWidget() is None)

    in_app(qloop, scenario)


def test_the_current_tile_shows_focus_even_when_selected(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    """The gallery's current tile is outlined while the grid has the focus, selected or not:
    the keys act on it. The pixels of that tile differ with and without the focus."""

    async def scenario(app: AppController) -> None:
        window = app.window
        await shown_run(app)
        press_keys = QTest.keyClick
        window.show_gallery_action.trigger()
        tiles = app.gallery.list_view
        await until(lambda: tiles.model().rowCount() >= 1)
        await until(lambda: bool(app.gallery.shown_items()))
        tiles.setFocus(Qt.FocusReason.TabFocusReason)
        await until(tiles.hasFocus)
        press_keys(tiles, Key.Key_Home)
        press_keys(tiles, Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select it too
        current = tiles.currentIndex()
        assert current.isValid()
        assert tiles.selectionModel().isSelected(current)
        rect = tiles.visualRect(current)
        await asyncio.sleep(0.1)  # thumbnails settle
        focused_tile = tiles.viewport().grab(rect).toImage()
        press_keys(tiles, Key.Key_F6, SHIFT)  # focus to the form: the grid keeps its selection
        await until(lambda: not tiles.hasFocus())
        assert tiles.selectionModel().isSelected(current)
        unfocused_tile = tiles.viewport().grab(rect).toImage()
        assert focused_tile.size() == unfocused_tile.size()
        assert focused_tile != unfocused_tile

    in_app(qloop, scenario)
