"""Keeping outputs in the whole app: save from the run's strip, step through the gallery in
the viewer, and move what is saved when the outputs folder changes."""

from __future__ import annotations

from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.runs import RunState
from fizzly_desktop.ui.controller import AppController
from fizzly_desktop.ui.outputs.actions import save_filters
from tests.fixtures.app import in_app, pick, until


async def two_done_runs(app: AppController) -> list[str]:
    await pick(app, "demo/text-to-image")
    app.window.form_panel.form.set_values({"prompt": "a red kite", "width": 64, "height": 64})
    for _ in range(2):
        app.window.run_action.trigger()
    await until(lambda: len(app.run_model.runs()) == 2)
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


def test_save_from_the_strip_and_step_through_the_gallery(
    qtbot: QtBot, qloop: qasync.QEventLoop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario(app: AppController) -> None:
        window = app.window
        ids = await two_done_runs(app)
        window.queue_view.select_run(ids[0])
        await until(lambda: bool(app.outputs_strip.image_items()))
        strip = app.outputs_strip
        (item,) = strip.image_items()
        assert item.path is not None
        _plain, with_sidecar = save_filters(item.path)
        named: list[str] = []  # the name the dialog proposes
        monkeypatch.setattr(
            QFileDialog,
            "getSaveFileName",
            lambda *a: named.append(a[2]) or (str(tmp_path / "kept" / "kite"), with_sidecar),
        )
        strip.images_view.setCurrentIndex(strip.images_model.index(0, 0))
        strip.save_as_action.trigger()
        kept = tmp_path / "kept" / f"kite{item.path.suffix}"  # the format is kept
        await until(lambda: kept.exists() and kept.with_suffix(".json").exists())
        assert kept.read_bytes() == item.path.read_bytes()
        assert named[0].endswith(f"a red kite · seed {item.inputs['seed']}{item.path.suffix}")
        # The files are on disk a moment before the worker's news reaches the status bar.
        await until(lambda: f"Saved {kept.name}" in window.statusBar().currentMessage())

        QGuiApplication.clipboard().clear()
        strip.copy_image_action.trigger()
        await until(lambda: not QGuiApplication.clipboard().image().isNull())
        assert QGuiApplication.clipboard().image().width() == 64

        # The gallery's thumbnails open a lightbox that steps through what the gallery shows.
        window.tabs.setCurrentWidget(app.gallery)
        # (Text outputs may show too: the lightbox steps through the images only.)
        await until(lambda: len([i for i in app.gallery.shown_items() if i.is_image]) == 2)
        shown = [i for i in app.gallery.shown_items() if i.is_image]
        assert app.gallery.select_item(shown[0].run_id, shown[0].name)
        app.gallery.open_action.trigger()
        viewer = app.outputs.viewer
        assert viewer is not None
        await until(lambda: viewer.isVisible() and not viewer.viewer.image.isNull())
        assert viewer.paths() == [i.path for i in shown]
        assert viewer.position_label.text() == "1 of 2"
        viewer.activateWindow()
        viewer.viewer.canvas.setFocus()
        await until(viewer.viewer.canvas.hasFocus)
        qtbot.keyClick(viewer.viewer.canvas, Qt.Key.Key_Right)
        assert viewer.viewer.path == shown[1].path
        qtbot.keyClick(viewer, Qt.Key.Key_Escape)
        assert not viewer.isVisible()

        # Export from a queue selection: both runs' images and sidecars, in one notice.
        window.tabs.setCurrentIndex(0)
        picks = tmp_path / "picks"
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(picks))
        window.queue_view.table.selectAll()
        window.queue_view.export_action.trigger()
        await until(lambda: "exported" in window.statusBar().currentMessage())
        assert window.statusBar().currentMessage() == (
            f"2 images exported to {picks}; their inputs are listed in results.csv "
            "(import it to run them again)"
        )
        # Each image with its sidecar, and the list of results (CSV and JSON).
        assert len(list(picks.glob("*.json"))) == 3
        assert sorted(p.name for p in picks.iterdir() if p.suffix not in (".json", ".csv")) == (
            sorted(i.path.name for i in shown if i.path is not None)
        )

    in_app(qloop, scenario)


def test_changing_the_outputs_folder_moves_what_is_saved(
    qtbot: QtBot, qloop: qasync.QEventLoop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def scenario(app: AppController) -> None:
        engine = app.engine
        assert engine is not None
        ids = await two_done_runs(app)
        old_paths = [engine.outputs_of(i)[0].path for i in ids]
        old = app.outputs.current_folder()
        starts: list[str] = []
        new = tmp_path / "new outputs"
        new.mkdir()

        def choose(_parent: object, _title: str, start: str) -> str:
            starts.append(start)
            return str(new)

        monkeypatch.setattr(QFileDialog, "getExistingDirectory", choose)
        app.window.outputs_folder_action.trigger()
        assert starts == [str(old)]  # the current folder, not the working directory
        assert engine.settings.outputs_folder == new
        assert str(new) in app.window.statusBar().currentMessage()
        await until(lambda: app.outputs.folder_question is not None)
        question = app.outputs.folder_question
        assert question is not None
        assert not question.isModal()
        assert "2 images (" in question.text()
        move = next(b for b in question.buttons() if b.text() == "Move")
        assert question.buttonRole(move) is QMessageBox.ButtonRole.AcceptRole
        move.click()

        await until(lambda: all(engine.outputs_of(i)[0].path.is_relative_to(new) for i in ids))
        for run_id, before in zip(ids, old_paths, strict=True):
            record = engine.outputs_of(run_id)[0]
            assert record.path.is_file()
            assert record.path.relative_to(new) == before.relative_to(old)
            assert record.sidecar_path is not None
            assert record.sidecar_path.is_file()
            assert not before.exists()
        await until(lambda: "2 images moved to" in app.window.statusBar().currentMessage())
        # Thumbnails and the strip follow the records.
        app.window.queue_view.select_run(ids[0])
        await until(
            lambda: (
                [i.path for i in app.outputs_strip.image_items()]
                == [engine.outputs_of(ids[0])[0].path]
            )
        )

    in_app(qloop, scenario)
