"""Every control of the main window and of its dialogs has a name a screen reader can say.

Read through Qt's accessibility interface, as assistive tools read it: a control without a name,
or named only by its class ("QToolButton"), fails. The run table's rows say the run, its state
and its progress; the details tell progress in steps and state changes as announcements.
"""

from __future__ import annotations

from collections.abc import Iterator

import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.runs import RunState
from fizzly_desktop.ui.batches import BatchBuilderDialog
from fizzly_desktop.ui.controller import AppController
from fizzly_desktop.ui.library.add_dialog import AddWorkflowDialog
from fizzly_desktop.ui.outputs.compare_view import CompareView
from fizzly_desktop.ui.outputs.folder import FolderPathDialog
from fizzly_desktop.ui.outputs.image_viewer import ImageViewerWindow
from fizzly_desktop.ui.profiles.dialog import ProfilesDialog
from fizzly_desktop.ui.queue.attach_dialog import AttachDialog
from tests.fixtures.accessibility import accessible_name, unnamed_controls
from tests.fixtures.app import in_app, pick, until


def shown_window(kind: type[QWidget]) -> QWidget | None:
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()),
        None,
    )


def cells(interface: QAccessibleInterface) -> Iterator[QAccessibleInterface]:
    for i in range(interface.childCount()):
        child = interface.child(i)
        if child is not None:
            yield child


async def done_runs(app: AppController, count: int) -> list[str]:
    await pick(app, "demo/text-to-image")
    app.window.form_panel.form.set_values({"prompt": "a red kite", "width": 64, "height": 64})
    for _ in range(count):
        app.window.run_action.trigger()
    await until(lambda: len(app.run_model.runs()) == count)
    ids = [run.id for run in app.run_model.runs()]
    engine = app.engine
    assert engine is not None
    await until(
        lambda: all(
            app.run_model.run(i).state is RunState.COMPLETED and engine.outputs_of(i) for i in ids
        ),
        timeout=60,
    )
    return ids


def test_every_control_of_the_window_and_its_dialogs_has_a_name(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        window = app.window
        ids = await done_runs(app, 2)
        window.queue_view.select_run(ids[0])
        await until(lambda: bool(app.outputs_strip.image_items()))
        assert unnamed_controls(window) == []
        # The run table's rows say the run, its state and its progress.
        table = QAccessible.queryAccessibleInterface(window.queue_view.table)
        assert table is not None
        assert table.role() == QAccessible.Role.Table
        names = [cell.text(QAccessible.Text.Name) for cell in cells(table)]
        assert names.count("Text to image, Done") == 2, names
        assert "Progress: Done" in names
        # A starred run says so in words, not as a sign.
        window.queue_view.star_action.trigger()
        await until(
            lambda: (
                "Starred, Text to image, Done"
                in [cell.text(QAccessible.Text.Name) for cell in cells(table)]
            )
        )

        window.show_gallery_action.trigger()
        await until(lambda: len(app.gallery.shown_items()) >= 2)
        assert unnamed_controls(window) == []
        window.show_queue_action.trigger()

        checked: list[str] = []

        async def walk(kind: type[QWidget]) -> QWidget:
            await until(lambda: shown_window(kind) is not None)
            dialog = shown_window(kind)
            assert dialog is not None
            assert unnamed_controls(dialog) == [], kind.__name__
            assert accessible_name(dialog), f"{kind.__name__} has no title or name"
            checked.append(kind.__name__)
            return dialog

        async def walk_and_escape(kind: type[QWidget]) -> None:
            dialog = await walk(kind)
            QTest.keyClick(dialog, Qt.Key.Key_Escape)  # every dialog closes on Escape
            await until(lambda: not dialog.isVisible())

        window.profiles_action.trigger()
        await walk_and_escape(ProfilesDialog)
        window.add_workflow_action.trigger()
        await walk_and_escape(AddWorkflowDialog)
        window.queue_view.attach_action.trigger()
        await walk_and_escape(AttachDialog)
        window.queue_view.table.selectAll()
        window.queue_view.compare_action.trigger()
        await walk_and_escape(CompareView)
        window.queue_view.select_run(ids[0])
        await until(lambda: bool(app.outputs_strip.image_items()))
        strip = app.outputs_strip
        strip.images_view.setCurrentIndex(strip.images_model.index(0, 0))
        strip.open_action.trigger()
        await walk_and_escape(ImageViewerWindow)

        # The batch builder is modal (opened with exec): made here as the form opens it.
        form = window.form_panel.form
        assert form is not None
        builder = BatchBuilderDialog(
            form.schema,
            form.values(),
            "Text to image",
            owner="demo",
            slug="text-to-image",
            credits_per_run=1.0,
        )
        builder.show()
        pages = builder.tabs.count()
        assert pages == 3  # repeat, sweep, import
        for page in range(pages):
            builder.tabs.setCurrentIndex(page)
            await walk(BatchBuilderDialog)
        builder.close()
        builder.deleteLater()
        folder = FolderPathDialog(app.session.paths.data_dir, window)
        folder.show()
        await walk_and_escape(FolderPathDialog)

        # The question before quitting with runs not finished.
        window.pause_all_action.trigger()
        window.run_action.trigger()
        await until(lambda: len(app.run_model.runs()) == 3)
        window.close()
        box = await walk(QMessageBox)
        assert app.quitting.box is box
        QTest.keyClick(box, Qt.Key.Key_Escape)  # Escape keeps the app open
        await until(lambda: app.quitting.box is None)
        assert window.isVisible()
        window.pause_all_action.trigger()
        assert len(checked) == 7 + pages

    in_app(qloop, scenario)


def test_the_check_finds_a_control_without_a_name(qtbot: QtBot) -> None:
    """The walk above can fail: a bare line edit and an icon-only button have no name."""
    from PySide6.QtWidgets import QLineEdit, QToolButton, QVBoxLayout

    box = QWidget()
    qtbot.addWidget(box)
    layout = QVBoxLayout(box)
    bare, icon_only, named = QLineEdit(), QToolButton(), QLineEdit()
    named.setAccessibleName("Prompt")
    for widget in (bare, icon_only, named):
        layout.addWidget(widget)
    box.setAccessibleName("Box")
    box.show()
    found = unnamed_controls(box)
    assert len(found) == 2
    assert found[0].startswith("QLineEdit")
    assert found[1].startswith("QToolButton")
    icon_only.setText("…")
    icon_only.setAccessibleName("QToolButton")  # a class name is no name
    assert len(unnamed_controls(box)) == 2
    icon_only.setAccessibleName("More")
    assert len(unnamed_controls(box)) == 1
