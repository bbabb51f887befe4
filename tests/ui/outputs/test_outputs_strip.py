"""The run's outputs strip: image thumbnails in a row, text and JSON shown literally, copy, open."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase, QGuiApplication, QImage
from PySide6.QtWidgets import QPlainTextEdit

from fizzly_desktop.ui.outputs.output_items import OutputItem
from fizzly_desktop.ui.outputs.outputs_strip import NO_OUTPUTS_MESSAGE, OutputsStrip
from fizzly_desktop.ui.outputs.thumbnails import ThumbnailLoader

T0 = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def write_image(path: Path, width: int = 64, height: int = 64, color: str = "#3a7bd5") -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path)), f"could not write {path}"
    return path


def image_item(run_id: str, name: str, path: Path | None) -> OutputItem:
    return OutputItem(
        run_id=run_id,
        name=name,
        kind="image",
        path=path,
        workflow="demo/text-to-image",
        workflow_name="Text to image",
        created_at=T0,
        width=64,
        height=64,
        inputs={"prompt": "fox"},
    )


def text_item(run_id: str, name: str, text: str, kind: str = "text") -> OutputItem:
    return OutputItem(
        run_id=run_id,
        name=name,
        kind=kind,  # type: ignore[arg-type]
        text=text,
        workflow="demo/prompt-enhancer",
        workflow_name="Prompt enhancer",
        created_at=T0,
    )


@pytest.fixture
def strip(qtbot, loader: ThumbnailLoader) -> OutputsStrip:
    widget = OutputsStrip(loader)
    qtbot.addWidget(widget)
    widget.resize(640, 420)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_no_outputs_shows_a_message(strip: OutputsStrip) -> None:
    assert strip.message_text() == NO_OUTPUTS_MESSAGE
    assert not strip.images_view.isVisible()
    strip.set_placeholder("Outputs appear here when the run is done.")
    assert strip.message_text() == "Outputs appear here when the run is done."


def test_server_text_is_shown_literally_never_as_markup(strip: OutputsStrip) -> None:
    markup = '<b>x</b> <img src="http://127.0.0.1:9/track.png"> &amp; <a href="x">link</a>'
    strip.set_outputs([text_item("r1", "prompt_used", markup)])
    block = strip.text_block("prompt_used")
    assert block is not None
    assert isinstance(block.text_view, QPlainTextEdit)
    assert block.text() == markup
    assert block.text_view.document().toRawText() == markup
    assert block.name_label.textFormat() == Qt.TextFormat.PlainText
    assert strip.message_text() == ""


def test_output_name_that_looks_like_markup_is_plain(strip: OutputsStrip) -> None:
    strip.set_outputs([text_item("r1", "<i>name</i>", "hello")])
    block = strip.text_block("<i>name</i>")
    assert block is not None
    assert block.name_label.text() == "<i>name</i>"
    assert block.name_label.textFormat() == Qt.TextFormat.PlainText


def test_json_output_is_indented_and_monospaced(strip: OutputsStrip) -> None:
    strip.set_outputs([text_item("r1", "scores", '{"aesthetic": 6.5, "tags": ["<b>"]}', "json")])
    block = strip.text_block("scores")
    assert block is not None
    assert block.text() == '{\n  "aesthetic": 6.5,\n  "tags": [\n    "<b>"\n  ]\n}'
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    assert block.text_view.font().family() == fixed.family()
    assert block.kind_label.text() == "JSON"


def test_copy_button_copies_the_exact_text(qtbot, strip: OutputsStrip) -> None:
    strip.set_outputs([text_item("r1", "prompt_used", "<b>fox</b> at dusk")])
    block = strip.text_block("prompt_used")
    assert block is not None
    assert block.copy_button.accessibleName() == "Copy prompt_used"
    QGuiApplication.clipboard().clear()
    with qtbot.waitSignal(strip.text_copied) as blocker:
        qtbot.mouseClick(block.copy_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["prompt_used"]
    assert QGuiApplication.clipboard().text() == "<b>fox</b> at dusk"


def test_text_is_read_only(qtbot, strip: OutputsStrip) -> None:
    strip.set_outputs([text_item("r1", "prompt_used", "keep me")])
    block = strip.text_block("prompt_used")
    assert block is not None
    block.text_view.setFocus()
    qtbot.keyClicks(block.text_view, "changed")
    assert block.text() == "keep me"


def test_images_in_a_row_and_texts_below(qtbot, strip: OutputsStrip, tmp_path: Path) -> None:
    first = write_image(tmp_path / "a.webp", color="#ff0000")
    second = write_image(tmp_path / "b.png", color="#00ff00")
    strip.set_outputs(
        [
            image_item("r1", "generated_image", first),
            text_item("r1", "prompt_used", "fox"),
            image_item("r1", "mask", second),
        ]
    )
    assert [item.name for item in strip.image_items()] == ["generated_image", "mask"]
    assert [block.item.name for block in strip.text_blocks] == ["prompt_used"]
    assert strip.images_view.isVisible()
    assert strip.message_text() == ""
    view = strip.images_view
    first_rect = view.visualRect(strip.images_model.index(0, 0))
    second_rect = view.visualRect(strip.images_model.index(1, 0))
    assert second_rect.left() > first_rect.right()
    assert second_rect.top() == first_rect.top()
    assert strip.images_view.y() < strip.texts.y()


def test_thumbnails_appear_when_decoded(qtbot, strip: OutputsStrip, tmp_path: Path) -> None:
    path = write_image(tmp_path / "red.png", 300, 300, "#ff0000")
    strip.set_outputs([image_item("r1", "generated_image", path)])
    centre = strip.images_view.visualRect(strip.images_model.index(0, 0)).center()

    def red_at_the_centre() -> bool:
        strip.images_view.viewport().repaint()
        shot = strip.images_view.viewport().grab().toImage()
        return bool(shot.pixelColor(centre.x(), centre.y() - 10) == QColor("#ff0000"))

    qtbot.waitUntil(red_at_the_centre, timeout=10_000)
    # Painted from its tile: the thumbnail it was made from is not kept beside it.
    assert strip._loader.cached(path, 128) is None


def test_a_replaced_picture_is_shown_anew_once_its_thumbnail_is_forgotten(
    qtbot, strip: OutputsStrip, tmp_path: Path
) -> None:
    path = write_image(tmp_path / "picture.png", 300, 300, "#ff0000")
    strip.set_outputs([image_item("r1", "generated_image", path)])
    centre = strip.images_view.visualRect(strip.images_model.index(0, 0)).center()

    def shows(colour: str) -> bool:
        strip.images_view.viewport().repaint()
        shot = strip.images_view.viewport().grab().toImage()
        return bool(shot.pixelColor(centre.x(), centre.y() - 10) == QColor(colour))

    qtbot.waitUntil(lambda: shows("#ff0000"), timeout=10_000)
    write_image(path, 300, 300, "#0000ff")
    assert shows("#ff0000")  # painted from its tile, which is found by the file
    strip._loader.forget(path)
    qtbot.waitUntil(lambda: shows("#0000ff"), timeout=10_000)


def test_double_click_opens_the_image(qtbot, strip: OutputsStrip, tmp_path: Path) -> None:
    item = image_item("r1", "generated_image", write_image(tmp_path / "a.png"))
    strip.set_outputs([item])
    rect = strip.images_view.visualRect(strip.images_model.index(0, 0))
    with qtbot.waitSignal(strip.output_activated) as blocker:
        qtbot.mouseClick(strip.images_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(
            strip.images_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
        )
    assert blocker.args == [item]
    with qtbot.waitSignal(strip.output_activated) as blocker:
        strip.open_action.trigger()
    assert blocker.args == [item]


def test_more_outputs_of_the_same_run_keep_the_selection(
    qtbot, strip: OutputsStrip, tmp_path: Path
) -> None:
    first = image_item("r1", "a_image", write_image(tmp_path / "a.png"))
    strip.set_outputs([first])
    strip.images_view.setCurrentIndex(strip.images_model.index(0, 0))
    second = image_item("r1", "b_image", write_image(tmp_path / "b.png"))
    with qtbot.assertNotEmitted(strip.images_model.modelReset):
        strip.set_outputs([first, second])
    assert strip.images_model.rowCount() == 2
    assert strip.images_view.currentIndex().row() == 0


def test_another_run_replaces_everything(strip: OutputsStrip, tmp_path: Path) -> None:
    strip.set_outputs(
        [
            image_item("r1", "generated_image", write_image(tmp_path / "a.png")),
            text_item("r1", "prompt_used", "one"),
        ]
    )
    strip.set_outputs([text_item("r2", "enhanced_prompt", "two")])
    assert strip.image_items() == []
    assert not strip.images_view.isVisible()
    assert [block.text() for block in strip.text_blocks] == ["two"]
    strip.clear()
    assert strip.message_text() == NO_OUTPUTS_MESSAGE
    assert strip.outputs() == []


def test_unchanged_text_keeps_its_widget(strip: OutputsStrip) -> None:
    item = text_item("r1", "prompt_used", "same")
    strip.set_outputs([item])
    block = strip.text_block("prompt_used")
    strip.set_outputs([item])
    assert strip.text_block("prompt_used") is block


def test_another_run_reuses_the_text_blocks_with_its_own_texts(strip: OutputsStrip) -> None:
    strip.set_outputs(
        [text_item("r1", "scores", '{"a": 1}', "json"), text_item("r1", "caption", "a fox")]
    )
    first, second = strip.text_blocks

    strip.set_outputs([text_item("r2", "prompt_used", "a heron"), text_item("r2", "n", "2")])
    assert strip.text_blocks == [first, second]  # the same widgets, showing the new run
    assert [b.item.run_id for b in strip.text_blocks] == ["r2", "r2"]
    assert (first.name_label.text(), first.kind_label.text(), first.text()) == (
        "prompt_used",
        "Text",
        "a heron",
    )
    assert first.text_view.font() == first._plain_font  # no longer the JSON font
    assert first.text_view.accessibleName() == "prompt_used text"
    assert first.copy_button.accessibleName() == "Copy prompt_used"

    # Fewer texts: the extra block goes; more: one is added.
    strip.set_outputs([text_item("r3", "caption", "a wren")])
    assert strip.text_blocks == [first]
    assert first.text() == "a wren"
    strip.set_outputs([text_item("r4", "a", "1"), text_item("r4", "b", "2")])
    assert strip.text_blocks[0] is first
    assert [b.text() for b in strip.text_blocks] == ["1", "2"]


def test_accessible_names(strip: OutputsStrip) -> None:
    strip.set_outputs([text_item("r1", "prompt_used", "x")])
    block = strip.text_block("prompt_used")
    assert block is not None
    assert strip.accessibleName() == "Run outputs"
    assert strip.images_view.accessibleName() == "Output images"
    assert block.text_view.accessibleName() == "prompt_used text"


def test_images_keep_the_order_of_the_result(strip: OutputsStrip, tmp_path: Path) -> None:
    names = ["upscaled", "generated", "mask"]
    strip.set_outputs([image_item("r1", n, write_image(tmp_path / f"{n}.png")) for n in names])
    assert [item.name for item in strip.image_items()] == names


def test_an_image_can_be_saved_or_copied_from_its_menu_and_keys(
    qtbot, strip: OutputsStrip, tmp_path: Path
) -> None:
    saved = image_item("r1", "a", write_image(tmp_path / "a.png"))
    failed = image_item("r1", "b", None)
    strip.set_outputs([saved, failed])
    view = strip.images_view
    view.setCurrentIndex(strip.images_model.index(0, 0))
    menu = strip.context_menu()
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "Open",
        "Save as…",
        "Copy image",
        "Open containing folder",
    ]
    assert strip.save_as_action.isEnabled()
    menu.deleteLater()
    strip.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    with qtbot.waitSignal(strip.save_as_requested) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [saved]
    with qtbot.waitSignal(strip.copy_image_requested) as blocker:
        qtbot.keyClick(
            view,
            Qt.Key.Key_C,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert blocker.args == [saved]

    view.setCurrentIndex(strip.images_model.index(1, 0))
    strip.context_menu().deleteLater()
    assert not strip.save_as_action.isEnabled()  # nothing on disk to save
    assert not strip.copy_image_action.isEnabled()
