"""Keyboard-only journeys through the real app: keys pressed with QTest, no click, no call.

F6 moves between panes, arrows and Tab within them, the menus' keys act: from a workflow picked
in the sidebar to a finished run, its picture saved from the details' strip, a waiting run
cancelled, a failed one retried, a batch built and two pictures compared, the batch's grid
shown and its pictures opened.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QWidget
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.runs import RunState
from fizzly_desktop.ui.controller import AppController
from fizzly_desktop.ui.outputs.actions import save_filters
from fizzly_desktop.ui.outputs.compare_view import CompareView
from fizzly_desktop.ui.outputs.image_viewer import ImageViewerWindow
from fizzly_desktop.ui.shell.main_window import MainWindow
from tests.fixtures.app import in_app, until

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def focused() -> QWidget:
    """Where a key goes: the focus, or the active window when nothing in it has the focus."""
    widget = QApplication.focusWidget() or QApplication.activeWindow()
    assert widget is not None, "no window is active"
    return widget


def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key where the focus is, as a keyboard does."""
    QTest.keyClick(focused(), key, modifiers)


def tab_until(found: Callable[[QWidget], bool], limit: int = 60) -> QWidget:
    """Press Tab until the focus is on a widget ``found`` accepts."""
    for _ in range(limit):
        if found(focused()):
            return focused()
        press(Key.Key_Tab)
    raise AssertionError(f"Tab never reached it; the focus is on {focused()!r}")


async def active_window() -> None:
    """Keep the main window active. (The offscreen platform sometimes deactivates it while
    runs start, with no other window shown; on a desktop it stays active.)"""
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    if QApplication.activeModalWidget() is None and not window.isActiveWindow():
        window.activateWindow()
        await until(window.isActiveWindow)


async def pane(
    key: Qt.Key,
    found: Callable[[QWidget], bool],
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> QWidget:
    """Press F6 (or Shift+F6) until the focus is in the pane ``found`` accepts."""
    await active_window()
    for _ in range(6):
        press(key, modifiers)
        if found(focused()):
            return focused()
    raise AssertionError(f"F6 never reached it; the focus is on {focused()!r}")


def within(area: QWidget) -> Callable[[QWidget], bool]:
    return lambda widget: widget is area or area.isAncestorOf(widget)


# The offscreen platform cannot raise a popup menu or grab the keyboard for it; it says so.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_keyboard_only_from_the_form_to_a_batch(
    qtbot: QtBot, qloop: qasync.QEventLoop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = tmp_path / "kept" / "kite"
    asked: list[str] = []  # the name the Save dialog proposes

    def save_as(_parent: object, _title: str, proposed: str, *_rest: object) -> tuple[str, str]:
        asked.append(proposed)
        return str(saved), save_filters(Path(proposed))[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)

    async def scenario(app: AppController) -> None:
        window, queue = app.window, app.window.queue_view
        engine = app.engine
        assert engine is not None
        window.activateWindow()
        await until(window.isActiveWindow)
        workflows = app.library_panel.list
        await until(lambda: workflows.count() > 3)

        async def choose(ref: str) -> None:
            # F6 to the sidebar's workflows, then arrows to the one wanted.
            await pane(Key.Key_F6, lambda w: w is workflows)
            await active_window()
            press(Key.Key_Home)
            for _ in range(workflows.count()):
                if app.form.workflow is not None and app.form.workflow.ref == ref:
                    break
                press(Key.Key_Down)
            await until(
                lambda: (
                    app.form.workflow is not None
                    and app.form.workflow.ref == ref
                    and app.form.workflow.schema_source == "server"
                )
            )

        # Pick a workflow, fill its prompt, run it.
        await choose("demo/text-to-image")
        prompt = await pane(Key.Key_F6, within(window.form_panel))
        assert prompt.accessibleName() == "Prompt"
        await active_window()
        press(Key.Key_A, CTRL)  # the prompt comes with an example: type over it
        QTest.keyClicks(prompt, "a red kite")
        await active_window()
        press(Key.Key_Return, CTRL)
        await until(lambda: len(app.run_model.runs()) == 1)
        (first,) = app.run_model.runs()
        assert first.inputs["prompt"] == "a red kite"
        await until(
            lambda: (
                app.run_model.run(first.id).state is RunState.COMPLETED
                and bool(engine.outputs_of(first.id))
            ),
            timeout=60,
        )

        # Follow it: F6 to the queue, arrows select it, the details show it.
        table = await pane(Key.Key_F6, lambda w: w is queue.table)
        await active_window()
        press(Key.Key_Home)
        await until(lambda: window.run_details.run_id == first.id)
        await until(lambda: bool(app.outputs_strip.image_items()))

        # Save its picture: F6 to the details, Tab to the pictures, Ctrl+S (Save as).
        strip = app.outputs_strip.images_view
        await pane(Key.Key_F6, within(window.run_details))
        await active_window()
        tab_until(lambda w: w is strip)
        await active_window()
        press(Key.Key_Home)
        assert strip.currentIndex().isValid()
        await active_window()
        press(Key.Key_S, CTRL)
        await until(lambda: bool(asked))
        assert "a red kite" in asked[0]
        kept = saved.with_suffix(Path(asked[0]).suffix)
        await until(kept.exists)
        (item,) = app.outputs_strip.image_items()
        assert item.path is not None
        assert kept.read_bytes() == item.path.read_bytes()

        # Cancel a waiting run: pause sending, run again, Delete in the queue.
        await active_window()
        press(Key.Key_P, CTRL)
        assert window.pause_all_action.isChecked()
        await pane(Key.Key_F6, within(window.form_panel))
        await active_window()
        press(Key.Key_Return, CTRL)
        await until(lambda: len(app.run_model.runs()) == 2)
        waiting = next(r for r in app.run_model.runs() if r.id != first.id)
        assert waiting.state is RunState.WAITING
        await pane(Key.Key_F6, lambda w: w is table)
        await active_window()
        press(Key.Key_Home)  # newest first
        await until(lambda: window.run_details.run_id == waiting.id)
        await active_window()
        press(Key.Key_Delete)
        await until(lambda: app.run_model.run(waiting.id).state is RunState.CANCELLED)
        await active_window()
        press(Key.Key_P, CTRL)
        assert not window.pause_all_action.isChecked()

        # Retry a failed run: the broken pipeline fails at a node; Ctrl+R sends it again.
        await choose("demo/broken-pipeline")
        await pane(Key.Key_F6, within(window.form_panel))
        await active_window()
        press(Key.Key_Return, CTRL)
        await until(lambda: len(app.run_model.runs()) == 3)
        (broken,) = [r for r in app.run_model.runs() if r.workflow == "demo/broken-pipeline"]
        await until(lambda: app.run_model.run(broken.id).state is RunState.FAILED, timeout=60)
        await pane(Key.Key_F6, lambda w: w is table)
        await active_window()
        press(Key.Key_Home)
        await until(lambda: window.run_details.run_id == broken.id)
        await active_window()
        press(Key.Key_R, CTRL)
        await until(lambda: len(app.run_model.runs()) == 4)
        retried = [r for r in app.run_model.runs() if r.workflow == "demo/broken-pipeline"]
        assert len(retried) == 2

        # Build a batch: Ctrl+B, three runs typed in, Return queues them. The builder is
        # modal: its keys are pressed from inside its own loop, as a person's would be.
        await choose("demo/text-to-image")
        await pane(Key.Key_F6, within(window.form_panel))
        built: list[str] = []

        def fill_builder(tries: int = 200) -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None or not dialog.isActiveWindow():
                if tries:  # not on screen yet: look again in a moment
                    QTimer.singleShot(20, lambda: fill_builder(tries - 1))
                return
            try:
                count = tab_until(lambda w: w.accessibleName() == "Number of runs")
                QTest.keyClick(count, Key.Key_A, CTRL)
                QTest.keyClicks(count, "3")
                press(Key.Key_Return)
                built.append(dialog.windowTitle())
            finally:
                if dialog.isVisible():
                    dialog.reject()  # (a failure above must not leave the test waiting)

        def open_builder(tries: int = 200) -> None:
            if not window.isActiveWindow():  # (see active_window)
                window.activateWindow()
                if tries:
                    QTimer.singleShot(20, lambda: open_builder(tries - 1))
                return
            QTimer.singleShot(0, fill_builder)
            press(Key.Key_B, CTRL)

        await active_window()
        # Pressed from the event loop, not from inside this task: the builder runs a loop
        # of its own until it closes.
        QTimer.singleShot(0, open_builder)
        await until(lambda: len(app.run_model.runs()) == 7)
        assert built
        assert len({r.batch_id for r in app.run_model.runs() if r.batch_id}) == 1

        # Compare two pictures: Ctrl+2 shows the gallery, F6 goes into its grid, Shift+Right
        # selects a second picture, C compares them, Escape closes the comparison.
        await until(lambda: len(app.gallery.shown_items()) >= 2, timeout=60)
        await active_window()
        press(Key.Key_2, CTRL)
        tiles = await pane(Key.Key_F6, lambda w: w is app.gallery.list_view)
        press(Key.Key_Home)
        press(Key.Key_Right, SHIFT)
        assert len(tiles.selectionModel().selectedIndexes()) == 2
        press(Key.Key_C)
        await until(lambda: isinstance(QApplication.activeWindow(), CompareView))
        compare = QApplication.activeWindow()
        assert isinstance(compare, CompareView)
        press(Key.Key_Escape)
        await until(lambda: not compare.isVisible())

        # The batch's grid: Ctrl+1 back to the queue, Shift+Tab up to the batch chooser, arrows
        # choose the batch, Tab to Grid and Space shows it; arrows move between its tiles,
        # Enter opens a picture, the Menu key the tile's menu.
        (batch_id,) = {r.batch_id for r in app.run_model.runs() if r.batch_id}
        batch_runs = [r.id for r in app.run_model.runs() if r.batch_id == batch_id]
        await until(
            lambda: all(
                app.run_model.run(i).state is RunState.COMPLETED and engine.outputs_of(i)
                for i in batch_runs
            ),
            timeout=60,
        )
        await active_window()
        press(Key.Key_1, CTRL)
        await pane(Key.Key_F6, lambda w: w is queue.table)
        bar = window.batch_bar
        for _ in range(10):
            if focused() is bar.combo:
                break
            press(Key.Key_Tab, SHIFT)
        assert focused() is bar.combo
        for _ in range(bar.combo.count()):
            if bar.combo.currentData() == batch_id:
                break
            press(Key.Key_Down)
        assert bar.combo.currentData() == batch_id
        grid_button = tab_until(lambda w: w is bar.grid_button)
        press(Key.Key_Space)
        grid = app.batches.grid
        assert window.queue_stack.currentWidget() is grid
        assert tab_until(lambda w: w is grid.view) is grid.view
        await until(lambda: all(grid.cell(i).image_path is not None for i in range(3)))
        press(Key.Key_Home)
        press(Key.Key_Right)
        assert grid.view.currentIndex().isValid()
        press(Key.Key_Return)
        await until(lambda: isinstance(QApplication.activeWindow(), ImageViewerWindow))
        viewer = QApplication.activeWindow()
        assert isinstance(viewer, ImageViewerWindow)
        press(Key.Key_Escape)
        await until(lambda: not viewer.isVisible())
        await active_window()
        assert focused() is grid.view
        press(Key.Key_Menu)
        await until(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
        popup = QApplication.activePopupWidget()
        assert popup is not None
        QTest.keyClick(popup, Key.Key_Escape)
        await until(lambda: QApplication.activePopupWidget() is None)
        assert grid_button.isChecked()

    in_app(qloop, scenario)
