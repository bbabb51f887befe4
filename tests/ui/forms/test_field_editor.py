"""The field editor: inputs set up without JSON, checked in plain words, saved as JSON Schema."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.schema import InputSchema
from fizzly_desktop.ui.forms import FieldEditorDialog
from tests.fixtures.samples import SAMPLE_SCHEMAS

SHARED = SAMPLE_SCHEMAS


def make_editor(qtbot: QtBot, schema: InputSchema | None = None) -> FieldEditorDialog:
    dialog = FieldEditorDialog(schema)
    qtbot.addWidget(dialog)
    return dialog


def choose_kind(dialog: FieldEditorDialog, key: str) -> None:
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(key))


def ok_enabled(dialog: FieldEditorDialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


@pytest.mark.parametrize(
    "name",
    ["cog-style-text-to-image.json", "fal-style-image-edit.json", "fizzly-reference-example.json"],
)
def test_opening_and_saving_keeps_the_inputs(qtbot: QtBot, name: str) -> None:
    path = SHARED / name
    schema = InputSchema.from_file(path)
    dialog = make_editor(qtbot, schema)
    assert dialog.problem_text() is None
    result = dialog.input_schema()
    assert [
        (
            f.name,
            f.kind,
            f.title,
            f.required,
            f.default,
            f.choices,
            f.minimum,
            f.maximum,
            f.multiple,
        )
        for f in result.fields
    ] == [
        (
            f.name,
            f.kind,
            f.title,
            f.required,
            f.default,
            f.choices,
            f.minimum,
            f.maximum,
            f.multiple,
        )
        for f in schema.fields
    ]
    assert result.validate(schema.defaults()) == schema.validate(schema.defaults())


def test_building_inputs_without_json(qtbot: QtBot) -> None:
    dialog = make_editor(qtbot)
    assert [d.name for d in dialog.drafts] == ["prompt", "seed"]

    dialog.add_field()
    dialog.name_edit.setText("steps")
    dialog.name_edit.textEdited.emit("steps")
    choose_kind(dialog, "integer")
    dialog.minimum_edit.setText("1")
    dialog.maximum_edit.setText("50")
    dialog.default_edit.setText("20")
    dialog.default_edit.textEdited.emit("20")
    dialog.advanced_box.setChecked(True)
    dialog.description_edit.setPlainText("More steps, more detail.")

    dialog.add_field("style", "string")
    choose_kind(dialog, "enum")
    dialog.choices_edit.setPlainText("photo\nsketch\n")
    dialog.default_edit.setText("sketch")
    dialog.default_edit.textEdited.emit("sketch")
    dialog.required_box.setChecked(True)

    dialog.add_field("reference", "string")
    choose_kind(dialog, "files")

    assert dialog.problem_text() is None
    assert ok_enabled(dialog)
    schema = dialog.json_schema()
    assert schema["required"] == ["prompt", "style"]
    assert schema["properties"]["steps"] == {
        "type": "integer",
        "minimum": 1,
        "maximum": 50,
        "title": "Steps",
        "description": "More steps, more detail.",
        "default": 20,
        "x-order": 2,
        "x-advanced": True,
    }
    assert schema["properties"]["style"]["enum"] == ["photo", "sketch"]
    assert schema["properties"]["style"]["default"] == "sketch"
    assert schema["properties"]["reference"]["type"] == "array"
    result = dialog.input_schema()
    assert [(f.name, f.kind) for f in result.fields] == [
        ("prompt", "text"),
        ("seed", "integer"),
        ("steps", "integer"),
        ("style", "enum"),
        ("reference", "file"),
    ]
    seed = result.field("seed")
    assert seed is not None
    assert seed.is_seed
    steps = result.field("steps")
    assert steps is not None
    assert steps.is_advanced


def test_mistakes_are_explained_and_block_ok(qtbot: QtBot) -> None:
    dialog = make_editor(qtbot)
    dialog.add_field("prompt", "string")
    assert dialog.problem_text() == "Two inputs are named 'prompt'; names must differ."
    assert not ok_enabled(dialog)
    assert dialog.problem.text() == "Two inputs are named 'prompt'; names must differ."

    dialog.name_edit.setText("3d")
    dialog.name_edit.textEdited.emit("3d")
    assert "can only have letters" in (dialog.problem_text() or "")

    dialog.name_edit.setText("count")
    dialog.name_edit.textEdited.emit("count")
    choose_kind(dialog, "integer")
    dialog.default_edit.setText("many")
    dialog.default_edit.textEdited.emit("many")
    assert dialog.problem_text() == "Count: the default must be a whole number."
    dialog.default_edit.setText("5")
    dialog.minimum_edit.setText("10")
    dialog.minimum_edit.textEdited.emit("10")
    assert dialog.problem_text() == "Count: the default is outside the smallest/largest values."
    dialog.maximum_edit.setText("2")
    dialog.maximum_edit.textEdited.emit("2")
    assert dialog.problem_text() == "Count: the smallest value is above the largest."
    dialog.minimum_edit.setText("")
    dialog.minimum_edit.textEdited.emit("")
    dialog.maximum_edit.setText("")
    dialog.maximum_edit.textEdited.emit("")
    assert dialog.problem_text() is None
    assert ok_enabled(dialog)

    choose_kind(dialog, "enum")
    assert dialog.problem_text() == "Count: list the choices, one per line."


def test_remove_and_reorder(qtbot: QtBot) -> None:
    dialog = make_editor(qtbot)
    dialog.add_field("width", "integer")
    dialog.move_field(2, -2)
    assert [d.name for d in dialog.drafts] == ["width", "prompt", "seed"]
    assert dialog.list.currentRow() == 0
    assert dialog.list.item(0).text().startswith("Width")
    dialog.remove_field(1)
    assert [d.name for d in dialog.drafts] == ["width", "seed"]
    assert [f.name for f in dialog.input_schema().fields] == ["width", "seed"]
    dialog.remove_field(0)
    dialog.remove_field(0)
    assert dialog.problem_text() == "Add at least one input."


@pytest.mark.parametrize(
    "path",
    [
        "huggingface/chat-completion.json",
        "fal/fal_ai_flux_dev.json",
    ],
)
def test_opening_and_saving_keeps_choices_and_rows_of_real_schemas(qtbot: QtBot, path: str) -> None:
    from pathlib import Path

    schema = InputSchema.from_file(Path(__file__).parents[2] / "fixtures" / "schemas" / path)
    dialog = make_editor(qtbot, schema)
    assert dialog.problem_text() is None
    result = dialog.input_schema()
    assert result is not None
    kept = {spec.name: spec for spec in result.fields}
    for spec in schema.fields:
        if spec.kind in ("union", "object_list", "color", "object"):
            again = kept[spec.name]
            assert (again.kind, again.variants, again.fields) == (
                spec.kind,
                spec.variants,
                spec.fields,
            ), spec.name


def test_renaming_a_choice_keeps_it_a_choice(qtbot: QtBot) -> None:
    from pathlib import Path

    path = (
        Path(__file__).parents[2] / "fixtures" / "schemas" / "huggingface" / "chat-completion.json"
    )
    schema = InputSchema.from_file(path)
    dialog = make_editor(qtbot, schema)
    names = [spec.name for spec in schema.fields]
    dialog.list.setCurrentRow(names.index("response_format"))
    assert dialog.kind_combo.currentData() == "union"
    assert not dialog.default_edit.isEnabled()  # kept with the shape
    dialog.title_edit.setText("Answer format")
    dialog.title_edit.textEdited.emit("Answer format")
    result = dialog.input_schema()
    assert result is not None
    spec = result.field("response_format")
    assert spec is not None
    assert (spec.kind, spec.title) == ("union", "Answer format")
    assert [v.title for v in spec.variants] == ["Text", "JSON schema", "JSON object"]
