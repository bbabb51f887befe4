"""The image viewer: loading states, fit / 100 % / zoom math, keys, and the file actions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, QUrl
from PySide6.QtGui import QColor, QDesktopServices, QGuiApplication, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from fizzly_desktop.ui.outputs.image_viewer import (
    FIT_MARGIN,
    MAX_ZOOM,
    MIN_ZOOM,
    ImageViewer,
    ImageViewerWindow,
    fit_zoom,
    next_zoom_step,
    save_target,
)


def write_image(path: Path, width: int, height: int, color: str = "#d53a7b") -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path)), f"could not write {path}"
    return path


@pytest.fixture
def viewer(qtbot) -> Iterator[ImageViewer]:
    widget = ImageViewer()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    assert widget._loader.shutdown()


def open_and_wait(qtbot, viewer: ImageViewer, path: Path) -> None:
    with qtbot.waitSignal(viewer.image_loaded, timeout=10_000):
        viewer.open(path)


def shown_width(viewer: ImageViewer, image_pixels: float) -> float:
    """How many screen pixels ``image_pixels`` of the picture cover at the current zoom."""
    return viewer.canvas.mapFromScene(QRectF(0, 0, image_pixels, 10)).boundingRect().width()


def test_fit_zoom_math() -> None:
    assert fit_zoom(QSize(2000, 1000), QSize(800, 600)) == pytest.approx(0.4)
    assert fit_zoom(QSize(1000, 2000), QSize(800, 600)) == pytest.approx(0.3)
    assert fit_zoom(QSize(200, 100), QSize(800, 600)) == 1.0  # small pictures are not blown up
    assert fit_zoom(QSize(), QSize(800, 600)) == 1.0
    assert fit_zoom(QSize(100_000, 10), QSize(800, 600)) == MIN_ZOOM
    assert fit_zoom(QSize(2000, 1000), QSize(820, 620), margin=10) == pytest.approx(0.4)


def test_zoom_steps_go_through_round_values() -> None:
    assert next_zoom_step(1.0, +1) == 1.25
    assert next_zoom_step(1.0, -1) == 0.75
    assert next_zoom_step(0.4, +1) == 0.5
    assert next_zoom_step(0.4, -1) == 0.33
    assert next_zoom_step(MAX_ZOOM, +1) == MAX_ZOOM
    assert next_zoom_step(MIN_ZOOM, -1) == MIN_ZOOM


def test_save_target_keeps_the_original_format(tmp_path: Path) -> None:
    source = tmp_path / "out.webp"
    assert save_target(tmp_path / "cat", source) == tmp_path / "cat.webp"
    assert save_target(tmp_path / "cat.webp", source) == tmp_path / "cat.webp"
    assert save_target(tmp_path / "cat.PNG", source) == tmp_path / "cat.webp"
    assert save_target(tmp_path / "v1.2", source) == tmp_path / "v1.2.webp"
    assert save_target(tmp_path / "photo.jpeg", tmp_path / "o.jpg") == tmp_path / "photo.jpeg"


def test_shows_loading_then_the_image_fitted_with_its_size(
    qtbot, viewer: ImageViewer, tmp_path: Path
) -> None:
    path = write_image(tmp_path / "wide.webp", 2400, 1200)
    with qtbot.waitSignal(viewer.image_loaded, timeout=10_000) as blocker:
        viewer.open(path)
        assert viewer.message_text() == "Loading…"
        assert not viewer.copy_action.isEnabled()
    assert blocker.args == [str(path)]
    assert viewer.message_text() == ""
    assert viewer.size_label.text() == "2400 × 1200 px"
    assert viewer.is_fit_mode
    viewport = viewer.canvas.viewport().size()
    room_w, room_h = viewport.width() - 2 * FIT_MARGIN, viewport.height() - 2 * FIT_MARGIN
    expected = min(room_w / 2400, room_h / 1200)
    assert viewer.zoom == pytest.approx(expected)
    assert viewer.zoom_label.text() == f"{round(expected * 100)} %"
    assert shown_width(viewer, 2400) == pytest.approx(room_w, abs=2)
    assert not viewer.canvas.horizontalScrollBar().isVisible()


def test_actual_size_and_zoom_steps(qtbot, viewer: ImageViewer, tmp_path: Path) -> None:
    open_and_wait(qtbot, viewer, write_image(tmp_path / "big.png", 2400, 1600))
    viewer.actual_size()
    assert viewer.zoom == 1.0
    assert not viewer.is_fit_mode
    assert viewer.zoom_label.text() == "100 %"
    assert shown_width(viewer, 100) == pytest.approx(100, abs=1)
    assert viewer.canvas.horizontalScrollBar().maximum() > 0  # pannable at 100 %

    with qtbot.waitSignal(viewer.zoom_changed) as blocker:
        viewer.zoom_in()
    assert blocker.args == [1.25]
    assert shown_width(viewer, 100) == pytest.approx(125, abs=1)
    viewer.zoom_out()
    viewer.zoom_out()
    assert viewer.zoom == 0.75
    assert viewer.zoom_label.text() == "75 %"


def test_zoom_is_clamped(qtbot, viewer: ImageViewer, tmp_path: Path) -> None:
    open_and_wait(qtbot, viewer, write_image(tmp_path / "a.png", 64, 64))
    viewer.set_zoom(1000)
    assert viewer.zoom == MAX_ZOOM
    assert not viewer.zoom_in_action.isEnabled()
    viewer.set_zoom(0.0001)
    assert viewer.zoom == MIN_ZOOM
    assert not viewer.zoom_out_action.isEnabled()


def test_fit_follows_the_window_until_the_user_zooms(
    qtbot, viewer: ImageViewer, tmp_path: Path
) -> None:
    open_and_wait(qtbot, viewer, write_image(tmp_path / "big.png", 2000, 2000))
    before = viewer.zoom
    viewer.resize(600, 500)
    qtbot.waitUntil(lambda: viewer.zoom < before)
    assert viewer.zoom == pytest.approx(viewer.fit_zoom())

    viewer.actual_size()
    viewer.resize(1000, 800)
    qtbot.waitUntil(lambda: viewer.canvas.viewport().width() > 900)
    assert viewer.zoom == 1.0
    viewer.fit_to_window()
    assert viewer.zoom == pytest.approx(viewer.fit_zoom())
    assert viewer.fit_action.isChecked()


def test_small_image_fits_at_100_percent(qtbot, viewer: ImageViewer, tmp_path: Path) -> None:
    open_and_wait(qtbot, viewer, write_image(tmp_path / "small.jpg", 120, 80))
    assert viewer.zoom == 1.0
    assert viewer.zoom_label.text() == "100 %"


def test_keys_fit_actual_size_and_zoom(qtbot, viewer: ImageViewer, tmp_path: Path) -> None:
    open_and_wait(qtbot, viewer, write_image(tmp_path / "big.png", 2000, 2000))
    viewer.activateWindow()
    viewer.canvas.setFocus()
    qtbot.waitUntil(lambda: viewer.canvas.hasFocus())
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_1)
    assert viewer.zoom == 1.0
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom == 1.25
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom == 1.0
    qtbot.keyClick(viewer.canvas, Qt.Key.Key_F)
    assert viewer.is_fit_mode
    assert viewer.zoom == pytest.approx(viewer.fit_zoom())


def wheel(viewer: ImageViewer, steps: int, modifiers: Qt.KeyboardModifier) -> None:
    viewport = viewer.canvas.viewport()
    position = QPointF(viewport.width() / 2, viewport.height() / 2)
    event = QWheelEvent(
        position,
        QPointF(viewport.mapToGlobal(position.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)


def test_ctrl_wheel_zooms_and_plain_wheel_scrolls(
    qtbot, viewer: ImageViewer, tmp_path: Path
) -> None:
    open_and_wait(qtbot, viewer, write_image(tmp_path / "big.png", 2000, 2000))
    viewer.actual_size()
    wheel(viewer, +1, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom == 1.25
    wheel(viewer, -1, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom == 1.0

    bar = viewer.canvas.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    before = bar.value()
    wheel(viewer, -1, Qt.KeyboardModifier.NoModifier)
    assert viewer.zoom == 1.0
    assert bar.value() > before


def test_zooming_under_the_pointer_keeps_that_point_still(
    qtbot, viewer: ImageViewer, tmp_path: Path
) -> None:
    open_and_wait(qtbot, viewer, write_image(tmp_path / "big.png", 2000, 2000))
    viewer.actual_size()
    anchor = QPointF(200, 150)
    before = viewer.canvas.mapToScene(anchor.toPoint())
    viewer.set_zoom(2.0, anchor)
    after = viewer.canvas.mapToScene(anchor.toPoint())
    assert after.x() == pytest.approx(before.x(), abs=1.5)
    assert after.y() == pytest.approx(before.y(), abs=1.5)


def test_drag_pans_the_picture(qtbot, viewer: ImageViewer, tmp_path: Path) -> None:
    open_and_wait(qtbot, viewer, write_image(tmp_path / "big.png", 2000, 2000))
    viewer.actual_size()
    bar = viewer.canvas.horizontalScrollBar()
    start = bar.value()
    viewport = viewer.canvas.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=QPoint(400, 300))
    qtbot.mouseMove(viewport, QPoint(300, 300))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    assert bar.value() == start + 100


def test_broken_file_shows_a_plain_message(qtbot, viewer: ImageViewer, tmp_path: Path) -> None:
    path = tmp_path / "broken.png"
    path.write_bytes(b"<b>not</b> an image")
    with qtbot.waitSignal(viewer.load_failed, timeout=10_000) as blocker:
        viewer.open(path)
    assert blocker.args[0] == str(path)
    assert viewer.message_text().startswith("This image can't be shown.")
    assert "not a picture" in viewer.message_text()
    assert viewer.message.textFormat() == Qt.TextFormat.PlainText
    assert not viewer.copy_action.isEnabled()
    assert not viewer.zoom_in_action.isEnabled()
    assert viewer.save_action.isEnabled()  # the file itself can still be kept


def test_save_as_copies_the_original_bytes(
    qtbot, viewer: ImageViewer, tmp_path: Path, monkeypatch
) -> None:
    source = write_image(tmp_path / "out.webp", 300, 200)
    open_and_wait(qtbot, viewer, source)
    chosen = tmp_path / "kept" / "my picture"
    asked: list[tuple[str, str]] = []

    def fake_dialog(_parent, _title, start, filters, *args, **kwargs):
        asked.append((start, filters))
        return str(chosen), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    with qtbot.waitSignal(viewer.image_saved) as blocker:
        saved = viewer.save_as()
    assert saved == chosen.with_name("my picture.webp")
    assert saved.read_bytes() == source.read_bytes()
    assert blocker.args == [str(saved)]
    assert asked[0][0].endswith("out.webp")
    assert asked[0][1] == "WebP image (*.webp)"


def test_save_as_cancelled_writes_nothing(
    qtbot, viewer: ImageViewer, tmp_path: Path, monkeypatch
) -> None:
    open_and_wait(qtbot, viewer, write_image(tmp_path / "out.png", 30, 20))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    with qtbot.assertNotEmitted(viewer.image_saved):
        assert viewer.save_as() is None
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["out.png"]


def test_save_as_failure_is_reported_and_nothing_lost(
    qtbot, viewer: ImageViewer, tmp_path: Path, monkeypatch
) -> None:
    source = write_image(tmp_path / "out.png", 30, 20)
    open_and_wait(qtbot, viewer, source)
    blocker_file = tmp_path / "a-file"
    blocker_file.write_text("x")
    target = blocker_file / "inside.png"  # a folder that is a file: cannot be created
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert viewer.save_as() is None
    assert viewer.name_label.text().startswith("Could not save the image")
    assert source.exists()


def test_copy_image_puts_the_picture_on_the_clipboard(
    qtbot, viewer: ImageViewer, tmp_path: Path
) -> None:
    open_and_wait(qtbot, viewer, write_image(tmp_path / "c.png", 64, 32, "#00ff00"))
    QGuiApplication.clipboard().clear()
    assert viewer.copy_image()
    copied = QGuiApplication.clipboard().image()
    assert copied.size().toTuple() == (64, 32)
    assert copied.pixelColor(10, 10) == QColor("#00ff00")


def test_open_folder_asks_the_desktop_for_the_images_folder(
    qtbot, viewer: ImageViewer, tmp_path: Path, monkeypatch
) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    path = write_image(tmp_path / "x.png", 10, 10)
    open_and_wait(qtbot, viewer, path)
    assert viewer.open_folder_action.isEnabled()
    viewer.open_folder_action.trigger()
    assert [url.toLocalFile() for url in opened] == [str(tmp_path)]


def test_controls_have_accessible_names(viewer: ImageViewer) -> None:
    names = {
        viewer.toolbar.widgetForAction(action).accessibleName()
        for action in viewer.toolbar.actions()
        if not action.isSeparator()
    }
    assert names == {
        "Zoom out",
        "Zoom in",
        "Fit",
        "100 %",
        "Save as",
        "Copy image",
        "Open folder",
    }
    assert viewer.zoom_label.accessibleName() == "Zoom"
    assert viewer.size_label.accessibleName() == "Image size"


def test_window_form_closes_on_escape(qtbot, tmp_path: Path) -> None:
    window = ImageViewerWindow()
    qtbot.addWidget(window)
    path = write_image(tmp_path / "w.jpg", 800, 600)
    with qtbot.waitSignal(window.viewer.image_loaded, timeout=10_000):
        window.show_image(path)
    qtbot.waitExposed(window)
    assert window.isVisible()
    assert window.windowTitle() == "w.jpg — Image"
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()
    assert window.viewer._loader.shutdown()
