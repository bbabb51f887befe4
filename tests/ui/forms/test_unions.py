"""Preset-or-custom inputs and lists of small forms, driven through their real widgets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.schema import InputSchema
from fizzly_desktop.ui.forms import NumberField, ObjectListField, SchemaForm, UnionField

CORPUS = Path(__file__).parents[2] / "fixtures" / "schemas"


def make_form(qtbot: QtBot, schema: InputSchema) -> SchemaForm:
    form = SchemaForm(schema)
    qtbot.addWidget(form)
    return form


def pick(widget: UnionField, text: str) -> None:
    index = widget.combo.findText(text)
    assert index >= 0, widget.choice_texts()
    widget.combo.setCurrentIndex(index)
    widget.combo.activated.emit(index)


def type_number(qtbot: QtBot, field: NumberField, text: str) -> None:
    editor = field.spin.lineEdit() if isinstance(field.spin, QSpinBox) else field.line
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)


def test_image_size_offers_presets_and_a_custom_width_and_height(qtbot: QtBot) -> None:
    form = make_form(qtbot, InputSchema.from_file(CORPUS / "fal" / "fal_ai_flux_dev.json"))
    form.set_values({"prompt": "A red fox"})
    size = form.field_widget("image_size")
    assert isinstance(size, UnionField)
    assert size.choice_texts() == [
        "Square HD",
        "Square",
        "Portrait 4:3",
        "Portrait 16:9",
        "Landscape 4:3",
        "Landscape 16:9",
        "Custom…",
    ]
    assert form.values()["image_size"] == "landscape_4_3"
    assert not size.stack.isVisibleTo(size)

    pick(size, "Square HD")
    assert form.values()["image_size"] == "square_hd"

    pick(size, "Custom…")
    assert size.stack.isVisibleTo(size)
    width, height = size.child_widget("width"), size.child_widget("height")
    assert isinstance(width, NumberField)
    assert isinstance(height, NumberField)
    type_number(qtbot, width, "1024")
    type_number(qtbot, height, "768")
    form.validate_now()
    assert form.values()["image_size"] == {"width": 1024, "height": 768}
    assert form.is_valid(), form.blocking_reason()

    # The JSON view and presets put the custom size back on screen, not in a JSON box.
    form.set_json_text('{"prompt": "A red fox", "image_size": {"width": 640, "height": 480}}')
    assert size.combo.currentText() == "Custom…"
    assert form.unknown_values() == {}
    assert form.values()["image_size"] == {"width": 640, "height": 480}
    form.set_values({"prompt": "A red fox", "image_size": "portrait_16_9"})
    assert size.combo.currentText() == "Portrait 16:9"
    assert not size.stack.isVisibleTo(size)


def obj(**properties: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties}


LORAS = InputSchema.from_document(
    obj(
        prompt={"type": "string"},
        loras={
            "type": "array",
            "default": [],
            "maxItems": 3,
            "items": {
                "type": "object",
                "required": ["path"],
                "properties": {
                    "path": {"type": "string", "title": "Path"},
                    "scale": {"type": "number", "minimum": 0, "maximum": 4, "default": 1},
                },
            },
        },
    )
)


def test_lora_rows_are_added_filled_reordered_and_removed(qtbot: QtBot) -> None:
    form = make_form(qtbot, LORAS)
    loras = form.field_widget("loras")
    assert isinstance(loras, ObjectListField)
    assert form.values()["loras"] == []
    assert loras.add_button.text() == "Add LoRA"

    qtbot.mouseClick(loras.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(loras.add_button, Qt.MouseButton.LeftButton)
    assert [row.group.title() for row in loras.rows] == ["LoRA 1", "LoRA 2"]
    form.show_all_errors()
    assert form.blocking_reason() == "LoRAs item 1 › Path is required."

    for row, path in zip(loras.rows, ("style.safetensors", "detail.safetensors"), strict=True):
        editor = row.child_widget("path")
        assert editor is not None
        qtbot.keyClicks(editor.focus_widget(), path)
    form.validate_now()
    assert form.values()["loras"] == [
        {"path": "style.safetensors", "scale": 1},
        {"path": "detail.safetensors", "scale": 1},
    ]
    assert form.is_valid()

    loras.move_row(1, -1)
    assert [item["path"] for item in form.values()["loras"]] == [
        "detail.safetensors",
        "style.safetensors",
    ]
    loras.remove_row(0)
    assert form.values()["loras"] == [{"path": "style.safetensors", "scale": 1}]

    qtbot.mouseClick(loras.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(loras.add_button, Qt.MouseButton.LeftButton)
    assert len(loras.rows) == 3
    assert not loras.add_button.isEnabled()


def test_lora_rows_come_back_from_json(qtbot: QtBot) -> None:
    form = make_form(qtbot, LORAS)
    given = [{"path": "a.safetensors", "scale": 0.5}, {"path": "b.safetensors", "scale": 2}]
    assert form.set_values({"loras": given}) == []
    assert form.unknown_values() == {}
    assert form.values()["loras"] == given
    loras = form.field_widget("loras")
    assert isinstance(loras, ObjectListField)
    assert len(loras.rows) == 2


LANGUAGES = [f"lang-{index:03d}" for index in range(200)] + ["Japanese"]


# The search's suggestion popup asks for raise() and a keyboard grab, which the offscreen
# platform cannot do; it says so as a warning.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_a_long_enum_can_be_searched_by_typing(qtbot: QtBot) -> None:
    from fizzly_desktop.ui.forms import EnumField

    schema = InputSchema.from_document(obj(language={"enum": LANGUAGES, "default": "lang-000"}))
    form = make_form(qtbot, schema)
    field = form.field_widget("language")
    assert isinstance(field, EnumField)
    assert field.combo.isEditable()
    line = field.combo.lineEdit()
    line.selectAll()
    qtbot.keyClicks(line, "Japanese")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert form.values()["language"] == "Japanese"
    line.selectAll()
    qtbot.keyClicks(line, "Klingon")
    line.editingFinished.emit()
    assert field.combo.currentText() == "Japanese"
    assert form.values()["language"] == "Japanese"


def test_long_markdown_help_is_plain_and_folded_behind_more(qtbot: QtBot) -> None:
    description = "Uses `CFG`: **stay close** to the prompt. " + "Further detail. " * 20
    schema = InputSchema.from_document(
        obj(cfg={"type": "number", "minimum": 1, "maximum": 20, "description": description})
    )
    form = make_form(qtbot, schema)
    row = form.field_row("cfg")
    assert row is not None
    assert "`" not in row.help.text()
    assert "**" not in row.help.text()
    assert row.help.text().startswith("Uses CFG: stay close to the prompt.")
    assert "Range 1 – 20" not in row.help.text()
    assert row.more_button.isVisibleTo(form)
    qtbot.mouseClick(row.more_button, Qt.MouseButton.LeftButton)
    assert row.help.text().endswith("Range 1 – 20")
    assert row.more_button.text() == "Less"


def chat_form(qtbot: QtBot) -> SchemaForm:
    schema = InputSchema.from_file(CORPUS / "huggingface" / "chat-completion.json")
    return make_form(qtbot, schema)


def type_text(qtbot: QtBot, widget: object, text: str) -> None:
    from fizzly_desktop.ui.forms import FieldWidget

    assert isinstance(widget, FieldWidget)
    qtbot.keyClicks(widget.focus_widget(), text)


def test_a_choice_between_objects_shows_the_chosen_ones_inputs(qtbot: QtBot) -> None:
    form = chat_form(qtbot)
    form.show_advanced(True)
    response = form.field_widget("response_format")
    assert isinstance(response, UnionField)
    assert response.choice_texts() == [
        "(not set)",
        "(none)",
        "Text",
        "JSON schema",
        "JSON object",
    ]
    assert "response_format" not in form.values()

    pick(response, "JSON schema")
    editor = response.current_editor()
    assert editor is not None
    assert response.stack.isVisibleTo(response)
    # The fixed "type" is sent with the choice, not offered as a one-item list.
    from fizzly_desktop.ui.forms import ObjectField

    assert isinstance(editor, ObjectField)
    assert not editor.section.rows["type"].container.isVisibleTo(editor)
    type_text(qtbot, response.child_widget("json_schema").child_widget("name"), "reply")
    assert form.values()["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": "reply"},
    }

    pick(response, "JSON object")
    assert form.values()["response_format"] == {"type": "json_object"}
    # Switching back finds what was typed in that shape.
    pick(response, "JSON schema")
    assert form.values()["response_format"]["json_schema"] == {"name": "reply"}

    form.set_values({"messages": [], "response_format": {"type": "text"}})
    assert response.combo.currentText() == "Text"
    assert form.unknown_values() == {}
    form.set_values({"messages": [], "response_format": {"type": "yaml"}})
    assert form.unknown_values() == {"response_format": {"type": "yaml"}}


def test_chat_messages_are_rows_of_a_choice_and_shared_inputs_follow(qtbot: QtBot) -> None:
    form = chat_form(qtbot)
    messages = form.field_widget("messages")
    assert isinstance(messages, ObjectListField)
    assert messages.add_button.text() == "Add message"
    # A list that must be given starts with one row to fill in.
    assert len(messages.rows) == 1
    qtbot.mouseClick(messages.add_button, Qt.MouseButton.LeftButton)
    assert [messages.row_title(i) for i in range(2)] == ["Message 1", "Message 2"]
    first, second = messages.rows
    assert isinstance(first, UnionField)
    assert first.choice_texts() == ["Content", "Tool calls"]

    type_text(qtbot, first.child_widget("role"), "system")
    type_text(qtbot, first.child_widget("content").current_editor(), "Answer briefly.")
    assert isinstance(second, UnionField)
    type_text(qtbot, second.child_widget("role"), "user")
    content = second.child_widget("content")
    assert isinstance(content, UnionField)
    assert content.choice_texts() == ["Text", "Several parts"]
    pick(content, "Several parts")
    parts = content.current_editor()
    assert isinstance(parts, ObjectListField)
    assert len(parts.rows) == 1
    part = parts.rows[0]
    assert isinstance(part, UnionField)
    assert part.choice_texts() == ["Text", "Image URL"]
    pick(part, "Image URL")
    url = part.child_widget("image_url").child_widget("url")
    assert url is not None
    assert url.set_value("https://example.com/cat.png")
    form.validate_now()
    assert form.values()["messages"] == [
        {"role": "system", "content": "Answer briefly."},
        {
            "role": "user",
            "content": [{"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}}],
        },
    ]
    assert form.is_valid(), form.blocking_reason()

    # A message that calls tools keeps the role typed for it as text.
    pick(first, "Tool calls")
    switched = form.values()["messages"][0]
    assert switched["role"] == "system"
    assert len(switched["tool_calls"]) == 1  # a row to fill in, as for any list to be given
    assert "content" not in switched
    pick(first, "Content")
    assert form.values()["messages"][0] == {"role": "system", "content": "Answer briefly."}

    messages.move_row(1, -1)
    assert [m["role"] for m in form.values()["messages"]] == ["user", "system"]
    assert [messages.row_title(i) for i in range(2)] == ["Message 1", "Message 2"]


def test_chat_messages_come_back_from_json_into_their_shapes(qtbot: QtBot) -> None:
    form = chat_form(qtbot)
    given = [
        {"role": "user", "content": [{"type": "text", "text": "Describe this"}]},
        {
            "role": "assistant",
            "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "look"}}],
        },
    ]
    form.set_json_text(json.dumps({"messages": given}))
    assert form.unknown_values() == {}
    assert form.values()["messages"] == given
    messages = form.field_widget("messages")
    assert isinstance(messages, ObjectListField)
    assert [row.combo.currentText() for row in messages.rows if isinstance(row, UnionField)] == [
        "Content",
        "Tool calls",
    ]


def test_plain_enum_values_show_as_words_and_are_sent_raw(qtbot: QtBot) -> None:
    from fizzly_desktop.ui.forms import EnumField

    schema = InputSchema.from_document(
        obj(
            sampler={"enum": ["dpmpp_2m_sde_gpu", "euler_a"], "default": "euler_a"},
            mode={"enum": ["fast", "best"], "enumNames": ["Quick draft", "Best quality"]},
        )
    )
    form = make_form(qtbot, schema)
    sampler, mode = form.field_widget("sampler"), form.field_widget("mode")
    assert isinstance(sampler, EnumField)
    assert isinstance(mode, EnumField)
    assert sampler.choice_texts() == ["DPM++ 2M SDE GPU", "Euler a"]
    assert mode.choice_texts() == ["(not set)", "Quick draft", "Best quality"]
    sampler.combo.setCurrentIndex(0)
    sampler.combo.activated.emit(0)
    mode.combo.setCurrentIndex(2)
    mode.combo.activated.emit(2)
    assert form.values() == {"sampler": "dpmpp_2m_sde_gpu", "mode": "best"}


def test_a_choice_shows_its_help_under_the_list_above_the_custom_inputs(qtbot: QtBot) -> None:
    form = make_form(qtbot, InputSchema.from_file(CORPUS / "fal" / "fal_ai_flux_dev.json"))
    size = form.field_widget("image_size")
    row = form.field_row("image_size")
    assert isinstance(size, UnionField)
    assert row is not None
    layout = size.layout()
    assert layout is not None
    order = [layout.itemAt(i).widget() for i in range(layout.count())]
    assert order.index(row.help) < order.index(size.stack)
    assert row.help.text() == "The size of the generated image."
