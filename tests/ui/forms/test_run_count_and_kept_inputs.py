"""Journey "run ten seeds": the "× N" beside Run, Build Batch…, and the form kept per workflow.

"× 10" said "Run 10" while Build Batch… opened with 4 runs, and the 10 carried over to another
workflow (a user nearly queued 10 failing runs). A typed prompt was wiped by clicking the
workflow already shown. These tests type and click as a user does and read what the window says.
"""

from __future__ import annotations

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QListWidgetItem
from pytestqt.qtbot import QtBot

from fizzly_desktop.ui.batches import BatchBuilderDialog
from fizzly_desktop.ui.controller import AppController
from fizzly_desktop.ui.library.entry_delegate import ROLE_REF
from tests.fixtures.app import in_app, pick, until

TEXT_TO_IMAGE = "demo/text-to-image"
OTHER = "demo/broken-pipeline"


def item_of(app: AppController, ref: str) -> QListWidgetItem:
    workflows = app.library_panel.list
    for row in range(workflows.count()):
        item = workflows.item(row)
        if item.data(ROLE_REF) == ref:
            return item
    raise AssertionError(f"{ref} is not in the workflow list")


async def click_workflow(app: AppController, qtbot: QtBot, ref: str) -> None:
    workflows = app.library_panel.list
    rect = workflows.visualItemRect(item_of(app, ref))
    qtbot.mouseClick(workflows.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    await until(lambda: app.form.workflow is not None and app.form.workflow.ref == ref)


def type_count(app: AppController, qtbot: QtBot, count: int) -> None:
    spin = app.window.form_panel.count
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, str(count))
    qtbot.keyClick(spin, Qt.Key.Key_Tab)
    assert spin.value() == count


def type_prompt(app: AppController, text: str) -> None:
    field = app.window.form_panel.form.field_widget("prompt")
    assert field is not None
    editor = field.focus_widget()
    editor.setFocus()
    QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # replace it
    QTest.keyClicks(editor, text)
    assert app.window.form_panel.form.values()["prompt"] == text


def test_build_batch_starts_from_the_count_beside_run(
    qtbot: QtBot, qloop: qasync.QEventLoop, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[tuple[int, str]] = []

    def look_and_close(dialog: BatchBuilderDialog) -> int:
        dialog.refresh_now()
        opened.append((dialog.repeat_count.value(), dialog.ok_button.text()))
        return int(BatchBuilderDialog.DialogCode.Rejected)

    monkeypatch.setattr(BatchBuilderDialog, "exec", look_and_close)

    async def scenario(app: AppController) -> None:
        window = app.window
        await pick(app, TEXT_TO_IMAGE)
        type_count(app, qtbot, 10)
        assert window.form_panel.run_button.text().startswith("Run 10")
        qtbot.mouseClick(window.form_panel.batch_button, Qt.MouseButton.LeftButton)
        assert opened[0][0] == 10
        assert "10" in opened[0][1]
        # Nothing queued by looking.
        assert len(app.run_model.runs()) == 0

    in_app(qloop, scenario)


def test_the_count_and_the_typed_inputs_stay_with_their_workflow(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        window = app.window
        panel = window.form_panel
        await pick(app, TEXT_TO_IMAGE)
        type_prompt(app, "a fox in the snow")
        type_count(app, qtbot, 10)

        # Another workflow starts from one run, and the status bar says where the 10 went.
        await click_workflow(app, qtbot, OTHER)
        assert panel.count.value() == 1
        assert panel.run_button.text().split(" · ")[0] == "Run"
        other = app.form.workflow
        assert other is not None
        assert window.statusBar().currentMessage() == (
            f"× 10 stays with Text to image: {other.display_name} starts from 1 run."
        )
        assert panel.form.values().get("prompt") != "a fox in the snow"
        type_prompt(app, "this one fails")

        # Back: the prompt typed there and its ten runs are as they were left.
        await click_workflow(app, qtbot, TEXT_TO_IMAGE)
        assert panel.form.values()["prompt"] == "a fox in the snow"
        assert panel.count.value() == 10
        # And the other one kept its own.
        await click_workflow(app, qtbot, OTHER)
        assert panel.form.values()["prompt"] == "this one fails"
        assert panel.count.value() == 1

    in_app(qloop, scenario)


def test_clicking_the_workflow_already_shown_keeps_what_was_typed(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        panel = app.window.form_panel
        await pick(app, TEXT_TO_IMAGE)
        type_prompt(app, "a lighthouse")
        type_count(app, qtbot, 3)
        form = panel.form
        await click_workflow(app, qtbot, TEXT_TO_IMAGE)
        assert panel.form.values()["prompt"] == "a lighthouse"
        assert panel.count.value() == 3
        # Selecting it again from code (a menu, Use these inputs) rebuilds the form: still kept.
        assert app.library_panel.select("demo", "text-to-image")
        assert panel.form is not form
        assert panel.form.values()["prompt"] == "a lighthouse"
        assert panel.count.value() == 3

    in_app(qloop, scenario)
