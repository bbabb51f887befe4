"""Journey "save an image": where outputs are, on a desktop without a file manager, when the
outputs folder changes, and with what permissions they are written.

"Open containing folder" did nothing without a file manager; "Choose Outputs Folder…" opened
in the working directory and offered nothing; saved images were written 0600 beside 0644
sidecars. Here the whole app runs against the sandbox and these are checked on disk.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.runs import RunState
from fizzly_desktop.ui.controller import AppController
from fizzly_desktop.ui.outputs.folder import FolderPathDialog
from tests.fixtures.app import in_app, pick, until


async def done_runs(app: AppController, count: int) -> list[str]:
    await pick(app, "demo/text-to-image")
    app.window.form_panel.form.set_values({"prompt": "a paper boat", "width": 64, "height": 64})
    app.window.form_panel.count.setValue(count)
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


def path_dialogs() -> list[FolderPathDialog]:
    shown = QApplication.topLevelWidgets()
    return [w for w in shown if isinstance(w, FolderPathDialog) and w.isVisible()]


@pytest.fixture
def no_file_manager(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A desktop where nothing answers "open this folder"; the folders asked for."""
    asked: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: asked.append(QUrl(url).toLocalFile()) or False
    )
    return asked


@pytest.fixture
def umask_027() -> Iterator[None]:
    previous = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(previous)


def test_open_output_folder_without_a_file_manager_shows_the_path_to_copy(
    qtbot: QtBot, qloop: qasync.QEventLoop, no_file_manager: list[str]
) -> None:
    async def scenario(app: AppController) -> None:
        engine = app.engine
        assert engine is not None
        (run_id,) = await done_runs(app, 1)
        folder = engine.outputs_of(run_id)[0].path.parent
        app.window.queue_view.select_run(run_id)
        await until(app.window.queue_view.open_folder_action.isEnabled)
        app.window.queue_view.open_folder_action.trigger()  # Run ▸ Open Output Folder

        assert no_file_manager == [str(folder)]
        await until(lambda: len(path_dialogs()) == 1, timeout=5)
        (dialog,) = path_dialogs()
        assert not dialog.isModal()
        path_field = dialog.findChild(QLineEdit)
        assert path_field is not None
        assert path_field.text() == str(folder)
        QGuiApplication.clipboard().clear()
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
        assert QGuiApplication.clipboard().text() == str(folder)
        dialog.close()
        await until(lambda: path_dialogs() == [], timeout=5)

    in_app(qloop, scenario)


def test_a_new_outputs_folder_can_take_a_copy_of_what_is_saved(
    qtbot: QtBot, qloop: qasync.QEventLoop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario(app: AppController) -> None:
        engine = app.engine
        assert engine is not None
        ids = await done_runs(app, 2)
        old_paths = [engine.outputs_of(i)[0].path for i in ids]
        old = app.outputs.current_folder()
        new = tmp_path / "copies"
        new.mkdir()
        starts: list[str] = []

        def choose(_parent: object, _title: str, start: str) -> str:
            starts.append(start)
            return str(new)

        monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
        app.window.outputs_folder_action.trigger()  # File ▸ Choose Outputs Folder…
        assert starts == [str(old)]
        await until(lambda: app.outputs.folder_question is not None)
        question = app.outputs.folder_question
        assert question is not None
        assert sorted(b.text() for b in question.buttons()) == ["Copy", "Leave them", "Move"]
        copy = next(b for b in question.buttons() if b.text() == "Copy")
        qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
        await until(lambda: "2 images copied to" in app.window.statusBar().currentMessage())
        for run_id, before in zip(ids, old_paths, strict=True):
            record = engine.outputs_of(run_id)[0]
            assert record.path.relative_to(new) == before.relative_to(old)
            assert record.path.read_bytes() == before.read_bytes()
            assert before.is_file()  # a copy leaves the originals
        assert app.outputs.folder_question is None

        # Runs made now are saved in the new folder.
        await pick(app, "demo/text-to-image")
        app.window.form_panel.count.setValue(1)
        app.window.run_action.trigger()
        await until(lambda: len(app.run_model.runs()) == 3)
        (third,) = [r.id for r in app.run_model.runs() if r.id not in ids]
        await until(lambda: bool(engine.outputs_of(third)), timeout=60)
        assert engine.outputs_of(third)[0].path.is_relative_to(new)

    in_app(qloop, scenario)


def test_saved_images_and_their_sidecars_follow_the_umask(
    qtbot: QtBot, qloop: qasync.QEventLoop, umask_027: None
) -> None:
    async def scenario(app: AppController) -> None:
        engine = app.engine
        assert engine is not None
        (run_id,) = await done_runs(app, 1)
        record = engine.outputs_of(run_id)[0]
        assert record.sidecar_path is not None
        image_mode = stat.S_IMODE(record.path.stat().st_mode)
        sidecar_mode = stat.S_IMODE(record.sidecar_path.stat().st_mode)
        assert (oct(image_mode), oct(sidecar_mode)) == (oct(0o640), oct(0o640))

    in_app(qloop, scenario)
