"""SchemaForm: each schema construct gets its editor and gives back the exact JSON expected."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QDoubleSpinBox, QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.library import WorkflowLibrary
from fizzly_desktop.core.schema import SEED_MAX, InputSchema
from fizzly_desktop.ui.forms import (
    OMITTED,
    BooleanField,
    EnumField,
    FileField,
    FileListField,
    JsonField,
    LineField,
    ListField,
    NumberField,
    ObjectField,
    SchemaForm,
    SeedField,
    TextField,
)
from tests.fixtures.samples import SAMPLE_SCHEMAS

SHARED = SAMPLE_SCHEMAS


def sample(name: str) -> InputSchema:
    return InputSchema.from_file(SHARED / name)


def make_form(qtbot: QtBot, schema: InputSchema | dict[str, Any], **kwargs: Any) -> SchemaForm:
    if isinstance(schema, dict):
        schema = InputSchema.from_document(schema)
    form = SchemaForm(schema, **kwargs)
    qtbot.addWidget(form)
    return form


def obj(**properties: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties}


def png_file(path: Path, width: int = 8, height: int = 6) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3366cc"))
    assert image.save(str(path))
    return path


# --- the shared samples ---


def test_cog_sample_widgets_defaults_and_values(qtbot: QtBot) -> None:
    form = make_form(qtbot, sample("cog-style-text-to-image.json"))
    widgets = {name: form.field_widget(name) for name in form.field_names()}
    assert [type(w).__name__ for w in widgets.values()] == [
        "TextField",
        "TextField",
        "FileField",
        "NumberField",
        "NumberField",
        "EnumField",
        "SeedField",
    ]
    width = widgets["width"]
    assert isinstance(width, NumberField)
    assert isinstance(width.spin, QSpinBox)
    assert (width.spin.minimum(), width.spin.maximum(), width.spin.value()) == (256, 2048, 1024)
    guidance = widgets["guidance_scale"]
    assert isinstance(guidance, NumberField)
    assert isinstance(guidance.spin, QDoubleSpinBox)
    assert guidance.slider is not None
    scheduler = widgets["scheduler"]
    assert isinstance(scheduler, EnumField)
    assert scheduler.choice_texts() == ["DDIM", "K Euler", "DPM Solver Multistep"]
    assert list(form.advanced.rows) == ["scheduler"]
    assert form.random_seed_fields() == ["seed"]

    assert form.values() == {"width": 1024, "guidance_scale": 7.5, "scheduler": "K_EULER"}
    assert not form.is_valid()
    assert form.blocking_reason() == "Prompt is required."

    prompt = widgets["prompt"]
    assert isinstance(prompt, TextField)
    with qtbot.waitSignal(form.validity_changed, timeout=2000) as signal:
        qtbot.keyClicks(prompt.editor, "A lighthouse at dusk")
    assert signal.args == [True, ""]
    assert form.is_valid()
    assert form.blocking_reason() is None

    width.spin.setValue(1536)
    guidance.spin.setValue(12.25)
    scheduler.combo.setCurrentIndex(0)
    scheduler.combo.activated.emit(0)
    values = form.values()
    assert values == {
        "prompt": "A lighthouse at dusk",
        "width": 1536,
        "guidance_scale": 12.25,
        "scheduler": "DDIM",
    }
    assert isinstance(values["width"], int)
    filled = form.values(fill_random=True)
    assert 0 <= filled["seed"] <= SEED_MAX
    assert isinstance(filled["seed"], int)


def test_fal_sample_widgets_and_values(qtbot: QtBot) -> None:
    form = make_form(qtbot, sample("fal-style-image-edit.json"))
    assert isinstance(form.field_widget("image_urls"), FileListField)
    assert isinstance(form.field_widget("enable_safety_checker"), BooleanField)
    aspect = form.field_widget("aspect_ratio")
    assert isinstance(aspect, EnumField)
    assert aspect.choice_texts() == ["(none)", "Auto", "1:1", "16:9", "9:16"]
    assert aspect.value() == "auto"
    num_images = form.field_widget("num_images")
    assert isinstance(num_images, NumberField)
    assert num_images.slider is not None
    assert form.values() == {
        "num_images": 1,
        "output_format": "png",
        "aspect_ratio": "auto",
        "enable_safety_checker": True,
    }
    assert form.blocking_reason() == "Prompt is required."

    form.set_values(
        {
            "prompt": "make it snow",
            "image_urls": ["https://example.com/a.png"],
            "aspect_ratio": None,
        }
    )
    assert form.is_valid()
    assert form.values() == {
        "prompt": "make it snow",
        "image_urls": ["https://example.com/a.png"],
        "num_images": 1,
        "output_format": "png",
        "aspect_ratio": None,
        "enable_safety_checker": True,
    }
    safety = form.field_widget("enable_safety_checker")
    assert isinstance(safety, BooleanField)
    safety.check.setChecked(False)
    assert form.values()["enable_safety_checker"] is False


def test_reference_seed_takes_unsigned_32_bit_values(qtbot: QtBot) -> None:
    form = make_form(qtbot, InputSchema.reference_example())
    seed = form.field_widget("seed")
    assert isinstance(seed, SeedField)
    assert seed.is_random()
    assert form.values() == {"prompt": "A beautiful sunset over the ocean"}
    assert form.is_valid()
    assert seed.set_value(SEED_MAX)
    assert not seed.is_random()
    assert form.values()["seed"] == SEED_MAX
    assert form.random_seed_fields() == []
    assert seed.line is not None
    seed.line.setText("")
    qtbot.keyClicks(seed.line, "4294967296")
    form.validate_now()
    assert form.blocking_reason() == "Seed must be at most 4294967295."
    seed.roll()
    assert 0 <= form.values()["seed"] <= SEED_MAX
    seed.set_random(True)
    assert "seed" not in form.values()
    assert form.random_seed_fields() == ["seed"]


# --- validation next to the field ---


def test_errors_appear_next_to_the_field_as_the_user_types(qtbot: QtBot) -> None:
    form = make_form(qtbot, sample("fal-style-image-edit.json"))
    assert form.error_text("prompt") is None  # untouched fields stay quiet
    prompt = form.field_widget("prompt")
    assert isinstance(prompt, TextField)
    qtbot.keyClicks(prompt.editor, "ab")
    qtbot.waitUntil(lambda: form.error_text("prompt") is not None, timeout=2000)
    assert form.error_text("prompt") == "Prompt must be at least 3 characters."
    row = form.field_row("prompt")
    assert row is not None
    assert row.error.textFormat() == Qt.TextFormat.PlainText
    qtbot.keyClicks(prompt.editor, "c")
    qtbot.waitUntil(lambda: form.error_text("prompt") is None, timeout=2000)
    assert form.blocking_reason() == "Image URLs is required."
    form.show_all_errors()
    assert form.error_text("image_urls") == "Image URLs is required."


def test_number_text_box_reports_what_is_wrong(qtbot: QtBot) -> None:
    form = make_form(
        qtbot,
        obj(
            steps={"type": "integer", "minimum": 1, "maximum": 100},
            strength={"type": "number", "exclusiveMinimum": 0},
        ),
    )
    steps = form.field_widget("steps")
    strength = form.field_widget("strength")
    assert isinstance(steps, NumberField)
    assert isinstance(strength, NumberField)
    # Optional without a default: a text box that can stay empty.
    assert steps.line is not None
    assert steps.line.placeholderText() == "1 – 100"
    assert form.values() == {}
    qtbot.keyClicks(steps.line, "250")
    form.validate_now()
    assert form.error_text("steps") == "Steps must be at most 100."
    assert strength.line is not None
    qtbot.keyClicks(strength.line, "0")
    form.validate_now()
    assert form.error_text("strength") == "Strength must be more than 0."
    strength.line.setText("1e")
    strength.changed.emit()
    form.validate_now()
    assert form.error_text("strength") == "Strength must be a number."
    strength.line.setText("0.25")
    steps.line.setText("40")
    steps.changed.emit()
    form.validate_now()
    assert form.values() == {"steps": 40, "strength": 0.25}
    assert form.is_valid()


# --- constructs ---


def test_each_construct_maps_to_its_editor(qtbot: QtBot) -> None:
    form = make_form(
        qtbot,
        {
            "type": "object",
            "required": ["name"],
            "properties": {
                "name": {"type": "string", "maxLength": 20, "pattern": "^[a-z]+$"},
                "api_token": {"type": "string", "format": "password"},
                "story": {"type": "string", "maxLength": 5000},
                "mode": {"enum": ["fast", "slow"]},
                "tags": {"type": "array", "items": {"type": "string"}},
                "weights": {"type": "array", "items": {"type": "integer"}},
                "mask_url": {"type": "string"},
                "size": {
                    "type": "object",
                    "required": ["w"],
                    "properties": {"w": {"type": "integer"}, "h": {"type": "integer"}},
                },
                "extra": {"type": ["string", "integer"]},
                "hdr": {"type": "boolean"},
            },
        },
    )
    expected = {
        "name": LineField,
        "api_token": LineField,
        "story": TextField,
        "mode": EnumField,
        "tags": ListField,
        "weights": ListField,
        "mask_url": FileField,
        "size": ObjectField,
        "extra": JsonField,
        "hdr": BooleanField,
    }
    for name, kind in expected.items():
        assert type(form.field_widget(name)) is kind, name
    name = form.field_widget("name")
    assert isinstance(name, LineField)
    assert name.editor.maxLength() == 20
    token = form.field_widget("api_token")
    assert isinstance(token, LineField)
    assert token.editor.echoMode() == QLineEdit.EchoMode.Password
    mode = form.field_widget("mode")
    assert isinstance(mode, EnumField)
    assert mode.choice_texts() == ["(not set)", "Fast", "Slow"]
    assert mode.value() is OMITTED
    hdr = form.field_widget("hdr")
    assert isinstance(hdr, BooleanField)
    assert hdr.value() is OMITTED  # optional without default: not sent while unticked

    qtbot.keyClicks(name.editor, "Bad Name")
    form.validate_now()
    assert form.error_text("name") == "Name is not in the expected form (it must match ^[a-z]+$)."
    name.editor.setText("fox")
    name.changed.emit()

    tags = form.field_widget("tags")
    assert isinstance(tags, ListField)
    tags.add_item("b")
    tags.add_item("a")
    tags.items.setCurrentRow(1)
    tags.move_selected(-1)
    weights = form.field_widget("weights")
    assert isinstance(weights, ListField)
    weights.set_value([3, 1])
    size = form.field_widget("size")
    assert isinstance(size, ObjectField)
    w = form.field_widget("size", "w")
    assert isinstance(w, NumberField)
    assert w.line is not None
    h = form.field_widget("size", "h")
    assert isinstance(h, NumberField)
    assert h.line is not None
    form.show_all_errors()
    assert form.error_text("size", "w") is None  # an optional group left empty is not sent
    assert not size.is_included()
    size.set_included(True)
    qtbot.keyClicks(h.line, "48")
    form.validate_now()
    assert form.error_text("size", "w") == "Size › W is required."
    qtbot.keyClicks(w.line, "64")
    extra = form.field_widget("extra")
    assert isinstance(extra, JsonField)
    extra.editor.setPlainText("7")
    hdr.check.setChecked(True)
    form.validate_now()
    assert form.values() == {
        "name": "fox",
        "tags": ["a", "b"],
        "weights": [3, 1],
        "size": {"w": 64, "h": 48},
        "extra": 7,
        "hdr": True,
    }
    assert form.is_valid()

    weights.add_item("x")
    form.validate_now()
    assert form.blocking_reason() == "Weights item 3 must be a whole number."
    extra.editor.setPlainText("{oops")
    form.validate_now()
    assert form.error_text("extra") is not None
    assert "Extra is not valid JSON" in (form.error_text("extra") or "")


def test_unsupported_schema_falls_back_to_json_field_and_keeps_its_rules(qtbot: QtBot) -> None:
    form = make_form(
        qtbot, obj(shape={"oneOf": [{"type": "string"}, {"type": "array", "minItems": 2}]})
    )
    shape = form.field_widget("shape")
    assert isinstance(shape, JsonField)
    shape.editor.setPlainText("[1]")
    form.validate_now()
    assert not form.is_valid()
    shape.editor.setPlainText('"circle"')
    form.validate_now()
    assert form.values() == {"shape": "circle"}
    assert form.is_valid()


def test_labels_help_and_required_marks_are_plain_text(qtbot: QtBot) -> None:
    form = make_form(
        qtbot,
        {
            "type": "object",
            "required": ["prompt"],
            "properties": {
                "prompt": {"type": "string", "title": "<b>Prompt</b>", "description": "<i>x</i>"}
            },
        },
    )
    row = form.field_row("prompt")
    assert row is not None
    assert row.label.textFormat() == Qt.TextFormat.PlainText
    assert row.label.text() == "<b>Prompt</b> *"
    assert row.label.font().bold()
    assert row.help.textFormat() == Qt.TextFormat.PlainText
    assert row.help.text() == "<i>x</i>"
    focus = row.widget.focus_widget()
    assert focus.accessibleDescription().startswith("Required.")


def test_enum_choices_keep_their_json_types(qtbot: QtBot) -> None:
    form = make_form(qtbot, obj(level={"enum": [1, 2, True], "default": 2}))
    level = form.field_widget("level")
    assert isinstance(level, EnumField)
    assert level.choice_texts() == ["1", "2", "Yes"]
    assert form.values() == {"level": 2}
    assert level.set_value(True)
    assert form.values() == {"level": True}
    assert not level.set_value("2")


# --- values in and out ---


def test_set_values_keeps_and_reports_unknown_inputs(qtbot: QtBot) -> None:
    form = make_form(qtbot, sample("cog-style-text-to-image.json"))
    unknown = form.set_values(
        {"prompt": "owl", "seed": 99, "lora": "watercolor", "width": "wide", "steps": 30}
    )
    assert unknown == ["lora", "steps"]
    values = form.values()
    assert values["lora"] == "watercolor"
    assert values["steps"] == 30
    assert values["width"] == "wide"
    assert values["seed"] == 99
    assert form.random_seed_fields() == []
    assert not form.unknown_frame.isHidden()
    assert "lora, steps" in form.unknown_label.text()
    assert "Width" in form.unknown_label.text()
    assert form.blocking_reason() == "Width must be a whole number."
    width = form.field_widget("width")
    assert isinstance(width, NumberField)
    assert width.spin is not None
    width.spin.setValue(512)
    form.validate_now()
    assert form.values()["width"] == 512
    assert form.is_valid()
    form.discard_unknown()
    assert "lora" not in form.values()
    assert form.unknown_frame.isHidden()


def test_set_values_resets_missing_inputs_and_a_missing_seed_is_random(qtbot: QtBot) -> None:
    form = make_form(qtbot, sample("cog-style-text-to-image.json"))
    form.set_values({"prompt": "a", "seed": 5, "width": 512})
    form.set_values({"prompt": "b"})
    assert form.values() == {
        "prompt": "b",
        "width": 1024,
        "guidance_scale": 7.5,
        "scheduler": "K_EULER",
    }
    assert form.random_seed_fields() == ["seed"]


# --- the JSON view ---


def test_json_view_edits_the_same_values_both_ways(qtbot: QtBot) -> None:
    form = make_form(qtbot, sample("cog-style-text-to-image.json"))
    prompt = form.field_widget("prompt")
    assert isinstance(prompt, TextField)
    qtbot.keyClicks(prompt.editor, "cat")
    assert json.loads(form.json_text()) == {
        "prompt": "cat",
        "width": 1024,
        "guidance_scale": 7.5,
        "scheduler": "K_EULER",
    }
    form.tabs.setCurrentWidget(form.json_page)
    form.json_editor.setPlainText('{"prompt": "dog", "width": 640, "seed": 7}')
    qtbot.waitUntil(lambda: form.values().get("prompt") == "dog", timeout=2000)
    assert prompt.editor.toPlainText() == "dog"
    assert form.values() == {
        "prompt": "dog",
        "width": 640,
        "guidance_scale": 7.5,
        "scheduler": "K_EULER",
        "seed": 7,
    }
    assert form.json_error() is None


def test_invalid_json_says_where_and_loses_nothing(qtbot: QtBot) -> None:
    form = make_form(qtbot, sample("cog-style-text-to-image.json"))
    form.set_values({"prompt": "cat"})
    before = form.values()
    broken = '{"prompt": "dog",\n "width": }'
    form.set_json_text(broken)
    error = form.json_error()
    assert error is not None
    assert error.startswith("The JSON has a mistake at line 2, column 11")
    assert form.json_text() == broken
    assert form.values() == before
    assert not form.is_valid()
    assert form.blocking_reason() == error
    assert not form.json_message.isHidden()
    form.set_json_text("[1, 2]")
    assert "must be a JSON object" in (form.json_error() or "")
    form.revert_json_view()
    assert form.json_error() is None
    assert json.loads(form.json_text()) == before
    assert form.is_valid()


# --- files ---


def test_local_image_is_sent_as_a_data_uri_with_a_thumbnail(qtbot: QtBot, tmp_path: Path) -> None:
    form = make_form(qtbot, sample("cog-style-text-to-image.json"))
    picker = form.field_widget("init_image")
    assert isinstance(picker, FileField)
    form.set_values({"prompt": "x"})
    path = png_file(tmp_path / "start.png")
    picker.load_file(path)
    assert picker.is_loading()
    form.validate_now()
    assert form.blocking_reason() == "Init Image: still reading start.png…"
    qtbot.waitUntil(lambda: not picker.is_loading(), timeout=5000)
    value = form.values()["init_image"]
    assert value.startswith("data:image/png;base64,")
    assert base64.b64decode(value.split(",", 1)[1]) == path.read_bytes()
    pixmap = picker.thumbnail.pixmap()
    assert not pixmap.isNull()
    assert "start.png" in picker.address.text()
    form.set_values({"prompt": "x"})
    qtbot.waitUntil(lambda: not picker.is_loading(), timeout=5000)
    assert "init_image" not in form.values()


def test_file_over_the_limit_gets_a_clear_message(qtbot: QtBot, tmp_path: Path) -> None:
    form = make_form(qtbot, sample("cog-style-text-to-image.json"), max_file_bytes=100)
    picker = form.field_widget("init_image")
    assert isinstance(picker, FileField)
    path = png_file(tmp_path / "big.png", 300, 300)
    picker.load_file(path)
    qtbot.waitUntil(lambda: not picker.is_loading(), timeout=5000)
    assert "init_image" not in form.values()
    assert not picker.notice.isHidden()
    assert picker.notice.text().startswith("big.png is ")
    assert "files up to 100 bytes can be sent with a run" in picker.notice.text()
    assert "paste its address instead" in picker.notice.text()


def test_file_that_is_not_an_image_is_refused(qtbot: QtBot, tmp_path: Path) -> None:
    form = make_form(qtbot, sample("cog-style-text-to-image.json"))
    picker = form.field_widget("init_image")
    assert isinstance(picker, FileField)
    notes = tmp_path / "notes.txt"
    notes.write_text("hello", encoding="utf-8")
    picker.load_file(notes)
    qtbot.waitUntil(lambda: not picker.is_loading(), timeout=5000)
    assert picker.notice.text() == "notes.txt is not an image."
    assert picker.value() is OMITTED


def test_urls_drops_and_pastes(qtbot: QtBot, tmp_path: Path) -> None:
    form = make_form(qtbot, sample("cog-style-text-to-image.json"))
    picker = form.field_widget("init_image")
    assert isinstance(picker, FileField)
    qtbot.keyClicks(picker.address, "https://example.com/cat.webp")
    assert form.values()["init_image"] == "https://example.com/cat.webp"

    clipboard = QGuiApplication.clipboard()
    image = QImage(4, 4, QImage.Format.Format_ARGB32)
    image.fill(QColor("red"))
    mime = QMimeData()
    mime.setImageData(image)
    clipboard.setMimeData(mime)
    picker.paste_from_clipboard()
    qtbot.waitUntil(lambda: not picker.is_loading(), timeout=5000)
    assert form.values()["init_image"].startswith("data:image/png;base64,")

    dropped = QMimeData()
    dropped.setUrls([QUrl.fromLocalFile(str(png_file(tmp_path / "drop.png")))])
    from fizzly_desktop.ui.forms.file_loading import drop_sources as _drop_sources

    sources = _drop_sources(dropped)
    assert sources == [str(tmp_path / "drop.png")]
    picker.take(sources[0])
    qtbot.waitUntil(lambda: not picker.is_loading(), timeout=5000)
    assert "drop.png" in picker.address.text()
    picker.clear()
    assert "init_image" not in form.values()


def test_file_list_adds_files_and_addresses_in_order(qtbot: QtBot, tmp_path: Path) -> None:
    form = make_form(qtbot, sample("fal-style-image-edit.json"))
    files = form.field_widget("image_urls")
    assert isinstance(files, FileListField)
    files.add("https://example.com/1.png")
    files.add(str(png_file(tmp_path / "two.png")))
    qtbot.waitUntil(lambda: not files.is_loading(), timeout=5000)
    values = form.values()["image_urls"]
    assert values[0] == "https://example.com/1.png"
    assert values[1].startswith("data:image/png;base64,")
    files.items.setCurrentRow(1)
    files.move_selected(-1)
    assert form.values()["image_urls"][1] == "https://example.com/1.png"
    files.remove_selected()
    assert form.values()["image_urls"] == ["https://example.com/1.png"]


# --- presets ---


def test_presets_save_apply_delete(qtbot: QtBot) -> None:
    library = WorkflowLibrary("Work")
    entry = library.add(
        "alice", "paint", schema=sample("cog-style-text-to-image.json").to_json_schema()
    )
    form = make_form(qtbot, entry.input_schema(), library=library, workflow=entry)
    bar = form.preset_bar
    assert bar is not None
    form.set_values({"prompt": "sea", "width": 512, "seed": 3})
    bar.save_preset("Small sea")
    form.set_values({"prompt": "hill"})
    assert bar.names() == ["Small sea"]
    bar.apply_preset("Small sea")
    assert form.values()["prompt"] == "sea"
    assert form.values()["width"] == 512
    assert form.values()["seed"] == 3
    assert WorkflowLibrary("Work").presets("alice", "paint") == ["Small sea"]
    bar.delete_preset("Small sea")
    assert bar.names() == []
    assert bar.combo.count() == 1


# --- every sample ---

SAMPLE_TEXT = {"string": "abc", "text": "A quiet harbour", "file": "https://example.com/a.png"}


@pytest.mark.parametrize(
    "path",
    sorted(SAMPLE_SCHEMAS.glob("*.json")),
    ids=lambda p: p.name,
)
def test_every_sample_builds_a_form_that_can_be_made_valid(qtbot: QtBot, path: Path) -> None:
    schema = InputSchema.from_file(path)
    form = make_form(qtbot, schema)
    assert form.field_names() == [spec.name for spec in schema.fields]
    filled: dict[str, Any] = dict(schema.defaults())
    for spec in schema.fields:
        if spec.required and spec.name not in filled:
            value = SAMPLE_TEXT[spec.kind]
            filled[spec.name] = [value] if spec.multiple else value
    form.set_values(filled)
    assert form.is_valid(), form.blocking_reason()
    assert schema.validate(form.values(fill_random=True)) == []
    assert json.loads(form.json_text()) == form.values()


def test_null_default_number_is_not_sent_until_typed(qtbot: QtBot) -> None:
    schema = InputSchema.from_document(
        obj(
            denoise={
                "anyOf": [{"type": "number", "minimum": 0, "maximum": 1}, {"type": "null"}],
                "default": None,
            }
        )
    )
    form = make_form(qtbot, schema)
    denoise = form.field_widget("denoise")
    assert isinstance(denoise, NumberField)
    assert denoise.spin is None
    assert form.values() == {}
    assert denoise.line is not None
    qtbot.keyClicks(denoise.line, "0.5")
    assert form.values() == {"denoise": 0.5}
