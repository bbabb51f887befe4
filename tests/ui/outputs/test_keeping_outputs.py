"""Keeping outputs: Save As, Copy image, Export, the folder fallback, and the lightbox's keys."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from fizzly_desktop.ui.outputs.actions import OutputActions, save_filters
from fizzly_desktop.ui.outputs.folder import FolderPathDialog, open_folder
from fizzly_desktop.ui.outputs.image_viewer import ImageViewerWindow


def write_image(path: Path, color: str = "#3a7bd5", width: int = 40, height: int = 30) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path)), f"could not write {path}"
    return path


class Harness:
    """An OutputActions whose tasks are kept here and awaited by the test, and its notices."""

    def __init__(self, qtbot: QtBot, tmp_path: Path) -> None:
        from PySide6.QtWidgets import QWidget

        self.window = QWidget()
        qtbot.addWidget(self.window)
        self.notices: list[str] = []
        self.tasks: list[Coroutine[Any, Any, Any]] = []
        self.actions = OutputActions(
            self.window, lambda _name, coro: self.tasks.append(coro), self.notices.append
        )

    def run_tasks(self, loop: qasync.QEventLoop) -> list[Any]:
        tasks, self.tasks = self.tasks, []

        async def all_of() -> list[Any]:
            return list(await asyncio.gather(*tasks))

        return loop.run_until_complete(all_of())


@pytest.fixture
def harness(qtbot: QtBot, tmp_path: Path) -> Harness:
    return Harness(qtbot, tmp_path)


def test_save_as_writes_the_file_and_its_sidecar_when_asked(
    harness: Harness, qloop: qasync.QEventLoop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_image(tmp_path / "outputs" / "run_1_generated_image.png")
    (tmp_path / "outputs" / "run_1_generated_image.json").write_text('{"workflow": "demo/t"}')
    plain, with_sidecar = save_filters(source)
    asked: list[tuple[str, str]] = []

    def fake_dialog(_parent: object, _title: str, start: str, filters: str, chosen: str):
        asked.append((start, chosen))
        assert filters == f"{plain};;{with_sidecar}"
        return str(tmp_path / "mine" / "fox"), with_sidecar  # no extension typed

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    (tmp_path / "mine").mkdir()
    harness.actions.save_as(source)
    assert harness.run_tasks(qloop) == [tmp_path / "mine" / "fox.png"]

    assert (tmp_path / "mine" / "fox.png").read_bytes() == source.read_bytes()
    assert (tmp_path / "mine" / "fox.json").read_text() == '{"workflow": "demo/t"}'
    assert harness.notices == [f"Saved fox.png in {tmp_path / 'mine'}"]
    # The next Save starts in the folder used last, with the same choice of sidecar.
    harness.actions.save_as(source)
    assert asked[1] == (str(tmp_path / "mine" / source.name), with_sidecar)
    harness.run_tasks(qloop)


def test_save_as_without_the_sidecar_and_cancel(
    harness: Harness, qloop: qasync.QEventLoop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_image(tmp_path / "outputs" / "a.png")
    (tmp_path / "outputs" / "a.json").write_text("{}")
    plain, _ = save_filters(source)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    harness.actions.save_as(source)
    assert harness.tasks == []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "b.png"), plain))
    harness.actions.save_as(source)
    harness.run_tasks(qloop)
    assert (tmp_path / "b.png").exists()
    assert not (tmp_path / "b.json").exists()


def test_a_failed_save_says_what_to_do(
    harness: Harness, qloop: qasync.QEventLoop, tmp_path: Path
) -> None:
    source = write_image(tmp_path / "a.png")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = qloop.run_until_complete(
        harness.actions.save_copy(source, blocker / "a.png", with_sidecar=False)
    )
    assert result is None
    assert harness.notices[0].startswith("Could not save a.png: ")
    assert harness.notices[0].endswith("Choose another folder.")


def test_copy_image_puts_the_decoded_picture_on_the_clipboard(
    harness: Harness, qloop: qasync.QEventLoop, tmp_path: Path
) -> None:
    QGuiApplication.clipboard().clear()
    harness.actions.copy_image(write_image(tmp_path / "c.png", "#00ff00", 64, 32))
    assert harness.run_tasks(qloop) == [True]
    copied = QGuiApplication.clipboard().image()
    assert copied.size().toTuple() == (64, 32)
    assert copied.pixelColor(5, 5) == QColor("#00ff00")
    assert harness.notices == ["Copied the image c.png"]
    (tmp_path / "broken.png").write_bytes(b"not a picture")
    harness.actions.copy_image(tmp_path / "broken.png")
    assert harness.run_tasks(qloop) == [False]
    assert harness.notices[-1] == "broken.png could not be read, so nothing was copied."


def test_export_copies_to_the_chosen_folder_and_resolves_clashes(
    harness: Harness, qloop: qasync.QEventLoop, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = write_image(tmp_path / "run1" / "out.png", "#ff0000")
    (tmp_path / "run1" / "out.json").write_text('{"run": 1}')
    two = write_image(tmp_path / "run2" / "out.png", "#0000ff")
    target = tmp_path / "picks"
    write_image(target / "out.png", "#000000")  # already there: kept
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a: str(target))

    harness.actions.export([one, two])
    (result,) = harness.run_tasks(qloop)

    assert sorted(p.name for p in target.iterdir()) == [
        "out (2).json",
        "out (2).png",
        "out (3).png",
        "out.png",
    ]
    assert QImage(str(target / "out.png")).pixelColor(1, 1) == QColor("#000000")
    assert QImage(str(target / "out (3).png")).pixelColor(1, 1) == QColor("#0000ff")
    assert (target / "out (2).json").read_text() == '{"run": 1}'
    assert result.exported == [target / "out (2).png", target / "out (3).png"]
    assert harness.notices == [f"2 images exported to {target}"]


def test_open_folder_falls_back_to_showing_the_path(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: asked.append(url) or False)
    assert not open_folder(tmp_path)
    assert [url.toLocalFile() for url in asked] == [str(tmp_path)]
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, FolderPathDialog)]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.addWidget(dialog)
    assert dialog.isVisible()
    assert not dialog.isModal()
    assert dialog.findChild(QLineEdit).text() == str(tmp_path)
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == str(tmp_path)
    assert dialog.copy_button.text() == "Copied"


def test_open_folder_with_a_file_manager_shows_no_dialog(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    before = {id(w) for w in QApplication.topLevelWidgets() if isinstance(w, FolderPathDialog)}
    assert open_folder(tmp_path)
    after = {id(w) for w in QApplication.topLevelWidgets() if isinstance(w, FolderPathDialog)}
    assert after == before


@pytest.fixture
def lightbox(qtbot: QtBot) -> Iterator[ImageViewerWindow]:
    window = ImageViewerWindow()
    qtbot.addWidget(window)
    yield window
    assert window.viewer._loader.shutdown()


def test_the_lightbox_steps_with_the_arrow_keys_and_escape_closes(
    qtbot: QtBot, lightbox: ImageViewerWindow, tmp_path: Path
) -> None:
    paths = [
        write_image(tmp_path / f"{n}.png", color)
        for n, color in enumerate(["#f00", "#0f0", "#00f"])
    ]
    with qtbot.waitSignal(lightbox.viewer.image_loaded, timeout=10_000):
        lightbox.show_images(paths, 1, ["Zero", "One", "Two"])
    qtbot.waitExposed(lightbox)
    assert lightbox.windowTitle() == "One — Image"
    assert lightbox.position_label.text() == "2 of 3"
    lightbox.viewer.canvas.setFocus()

    with qtbot.waitSignal(lightbox.viewer.image_loaded, timeout=10_000) as shown:
        qtbot.keyClick(lightbox.viewer.canvas, Qt.Key.Key_Right)
    assert shown.args[0] == str(paths[2])
    assert lightbox.viewer.image.pixelColor(1, 1) == QColor("#0000ff")
    assert lightbox.windowTitle() == "Two — Image"
    assert not lightbox.next_action.isEnabled()
    qtbot.keyClick(lightbox.viewer.canvas, Qt.Key.Key_Right)  # the last one: stays
    assert lightbox.index == 2

    for expected in (1, 0):
        with qtbot.waitSignal(lightbox.viewer.image_loaded, timeout=10_000):
            qtbot.keyClick(lightbox.viewer.canvas, Qt.Key.Key_Left)
        assert lightbox.index == expected
    assert lightbox.viewer.path == paths[0]
    assert lightbox.position_label.text() == "1 of 3"
    assert not lightbox.previous_action.isEnabled()

    qtbot.keyClick(lightbox, Qt.Key.Key_Escape)
    assert not lightbox.isVisible()


def test_a_single_image_has_no_steps(
    qtbot: QtBot, lightbox: ImageViewerWindow, tmp_path: Path
) -> None:
    with qtbot.waitSignal(lightbox.viewer.image_loaded, timeout=10_000):
        lightbox.show_image(write_image(tmp_path / "only.png"))
    assert not lightbox.next_action.isVisible()
    assert lightbox.position_label.text() == ""
    assert not lightbox.step(1)
