"""An OpenAPI file with several operations: the add dialog lets the user pick the one to run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.library import WorkflowLibrary
from fizzly_desktop.core.schema import InputSchema, OperationChoiceNeeded
from fizzly_desktop.ui.library import AddWorkflowDialog, WorkflowLibraryPanel


def body(**properties: Any) -> dict[str, Any]:
    schema = {"type": "object", "required": list(properties), "properties": properties}
    return {"requestBody": {"content": {"application/json": {"schema": schema}}}}


TWO_OPERATIONS = {
    "openapi": "3.0.0",
    "paths": {
        "/images/generations": {
            "post": {"summary": "Create image", **body(prompt={"type": "string"})}
        },
        "/images/variations": {
            "post": {"summary": "Create variation", **body(image_url={"type": "string"})}
        },
        "/images/{id}": {"get": {"summary": "Read one"}},
    },
}


@pytest.fixture
def openapi_file(tmp_path: Path) -> Path:
    path = tmp_path / "images.json"
    path.write_text(json.dumps(TWO_OPERATIONS), encoding="utf-8")
    return path


def test_several_posts_ask_for_a_choice_instead_of_refusing(openapi_file: Path) -> None:
    with pytest.raises(OperationChoiceNeeded) as raised:
        InputSchema.from_file(openapi_file)
    assert raised.value.operations == (
        ("/images/generations", "Create image"),
        ("/images/variations", "Create variation"),
    )
    assert "choose the one this workflow runs" in str(raised.value)
    chosen = InputSchema.from_file(openapi_file, "/images/variations")
    assert [spec.name for spec in chosen.fields] == ["image_url"]


def test_the_add_dialog_offers_the_operations(qtbot: QtBot, openapi_file: Path) -> None:
    dialog = AddWorkflowDialog()
    qtbot.addWidget(dialog)
    dialog.ref_edit.setText("alice/images")
    dialog.set_source("file")
    assert dialog.operation_row.isHidden()
    qtbot.keyClicks(dialog.file_edit, str(openapi_file))
    assert not dialog.operation_row.isHidden()
    texts = [dialog.operation_combo.itemText(i) for i in range(dialog.operation_combo.count())]
    assert texts == [
        "Create image (/images/generations)",
        "Create variation (/images/variations)",
    ]
    assert dialog.check() is None
    assert dialog.operation() == "/images/generations"
    dialog.operation_combo.setCurrentIndex(1)
    assert dialog.operation() == "/images/variations"


async def test_the_chosen_operation_is_the_workflows_inputs(
    qtbot: QtBot, openapi_file: Path
) -> None:
    panel = WorkflowLibraryPanel(WorkflowLibrary("Work"), None)
    qtbot.addWidget(panel)
    entry = await panel.add_workflow(
        "alice/images", source="file", payload=str(openapi_file), operation="/images/variations"
    )
    assert [spec.name for spec in entry.input_schema().fields] == ["image_url"]
