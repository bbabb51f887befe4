"""The sidebar's workflow library: listing, adding from every source, renaming, removing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.library import WorkflowEntry, WorkflowLibrary, WorkflowRefError
from fizzly_desktop.core.paths import app_paths
from fizzly_desktop.core.schema import SchemaError
from fizzly_desktop.ui.forms import FieldEditorDialog
from fizzly_desktop.ui.library import AddWorkflowDialog, WorkflowLibraryPanel

SCHEMA = {
    "type": "object",
    "required": ["text"],
    "properties": {"text": {"type": "string"}, "loud": {"type": "boolean", "default": False}},
}


class FakeServer:
    def __init__(self, schema: dict[str, Any] | None = None, error: Exception | None = None):
        self.schema = schema
        self.error = error
        self.asked: list[str] = []

    async def workflow_schema(self, owner: str, slug: str) -> dict[str, Any] | None:
        self.asked.append(f"{owner}/{slug}")
        if self.error is not None:
            raise self.error
        return self.schema


class Unreachable(Exception):
    user_message = "The server at http://127.0.0.1:9 cannot be reached. Check your connection."


def make_panel(qtbot: QtBot, library: WorkflowLibrary, fetcher: Any = None) -> WorkflowLibraryPanel:
    panel = WorkflowLibraryPanel(library, fetcher)
    qtbot.addWidget(panel)
    return panel


def test_lists_workflows_and_selecting_one_emits_it(qtbot: QtBot) -> None:
    library = WorkflowLibrary("Local sandbox")
    library.ensure(["demo/text-to-image", "demo/prompt-enhancer"])
    panel = make_panel(qtbot, library)
    assert panel.list.count() == 2
    first = panel.list.item(0)
    assert first.text() == "Text to image"
    assert first.data(Qt.ItemDataRole.UserRole) == "demo/text-to-image"
    assert panel.list.visualItemRect(first).height() > panel.fontMetrics().height() * 2
    with qtbot.waitSignal(panel.workflow_selected) as signal:
        assert panel.select("demo", "prompt-enhancer")
    entry = signal.args[0]
    assert isinstance(entry, WorkflowEntry)
    assert entry.ref == "demo/prompt-enhancer"
    assert panel.selected() == entry
    assert not panel.select("demo", "missing")


def test_an_empty_library_says_how_to_add_the_first_workflow(qtbot: QtBot) -> None:
    panel = make_panel(qtbot, WorkflowLibrary("Work"))
    panel.show()
    assert panel.list.isHidden()
    assert not panel.empty.isHidden()
    assert "No workflows yet" in panel.empty.label.text()
    assert panel.empty.button.text() == "Add Workflow…"
    panel.empty.button.click()
    dialog = panel.findChild(AddWorkflowDialog)
    assert dialog is not None
    assert dialog.isVisible()
    dialog.reject()
    # A problem (a rejected key) takes the place of the hint; a workflow takes both away.
    panel.show_problem("Key rejected", "Open Profiles…")
    assert panel.empty.isHidden()
    assert panel.problem_shown() == "Key rejected"
    panel.show_problem(None)
    assert not panel.empty.isHidden()
    assert panel.library is not None
    panel.library.ensure(["alice/shout"])
    panel.refresh()
    assert panel.empty.isHidden()
    assert not panel.list.isHidden()


async def test_add_asks_the_server_first(qtbot: QtBot) -> None:
    server = FakeServer(SCHEMA)
    panel = make_panel(qtbot, WorkflowLibrary("Work"), server)
    with qtbot.waitSignal(panel.workflow_selected) as selected:
        entry = await panel.add_workflow("https://fizzly.ai/alice/shout?tab=api", "Shouter")
    assert server.asked == ["alice/shout"]
    assert (entry.ref, entry.display_name, entry.schema_source) == (
        "alice/shout",
        "Shouter",
        "server",
    )
    assert selected.args[0].ref == "alice/shout"
    assert [f.name for f in entry.input_schema().fields] == ["text", "loud"]
    assert panel.message.text() == "Shouter: inputs from the server."
    assert WorkflowLibrary("Work").get("alice", "shout") == entry


async def test_add_without_a_server_schema_starts_from_prompt_and_seed(qtbot: QtBot) -> None:
    panel = make_panel(qtbot, WorkflowLibrary("Work"), FakeServer(None))
    entry = await panel.add_workflow("alice/mystery")
    assert entry.schema_source == "reference"
    assert [f.name for f in entry.input_schema().fields] == ["prompt", "seed"]
    assert "does not describe the inputs of alice/mystery" in panel.message.text()
    assert "a prompt and a seed" in panel.message.text()


async def test_unreachable_server_leaves_a_plain_message(qtbot: QtBot) -> None:
    panel = make_panel(qtbot, WorkflowLibrary("Work"), FakeServer(error=Unreachable()))
    entry = await panel.add_workflow("alice/offline")
    assert entry.schema_source == "reference"
    assert panel.message.text() == (
        "Could not ask the server about alice/offline: " + Unreachable.user_message
    )
    assert panel.library is not None
    assert panel.library.get("alice", "offline") is not None


async def test_callable_fetcher_from_the_app_is_accepted(qtbot: QtBot) -> None:
    async def fetch(owner: str, slug: str) -> dict[str, Any] | None:
        return SCHEMA if slug == "known" else None

    panel = make_panel(qtbot, WorkflowLibrary("Work"))
    panel.set_library(WorkflowLibrary("Work"), fetch)
    entry = await panel.add_workflow("alice/known")
    assert entry.schema_source == "server"
    refreshed = await panel.refresh_schema("alice", "known")
    assert refreshed.schema == SCHEMA


async def test_add_from_file_and_example(qtbot: QtBot, tmp_path: Path) -> None:
    panel = make_panel(qtbot, WorkflowLibrary("Work"))
    schema_file = tmp_path / "inputs.json"
    schema_file.write_text(
        json.dumps({"openapi": "3.1.0", "components": {"schemas": {"Input": SCHEMA}}})
    )
    entry = await panel.add_workflow("alice/a", source="file", payload=str(schema_file))
    assert entry.schema_source == "file"
    assert entry.schema is not None
    assert entry.schema["properties"] == SCHEMA["properties"]
    entry = await panel.add_workflow("alice/b", source="example", payload='{"prompt": "x", "n": 2}')
    assert entry.schema_source == "example"
    assert [(f.name, f.kind) for f in entry.input_schema().fields] == [
        ("prompt", "text"),
        ("n", "integer"),
    ]
    with pytest.raises(SchemaError, match="not valid JSON"):
        await panel.add_workflow("alice/c", source="example", payload="{nope")
    with pytest.raises(WorkflowRefError):
        await panel.add_workflow("not a workflow")
    assert [e.ref for e in panel.entries()] == ["alice/a", "alice/b"]


def test_rename_remove_and_inputs_from_example(qtbot: QtBot) -> None:
    library = WorkflowLibrary("Work")
    library.add("alice", "a")
    library.add("alice", "b")
    panel = make_panel(qtbot, library)
    panel.select("alice", "a")
    with qtbot.waitSignal(panel.library_changed):
        panel.rename("alice", "a", "First")
    assert panel.list.item(0).text() == "First"
    with qtbot.waitSignal(panel.workflow_selected) as selected:
        panel.use_example("alice", "a", '{"caption": "hi"}')
    assert selected.args[0].schema_source == "example"
    panel.remove("alice", "a")
    assert [e.ref for e in panel.entries()] == ["alice/b"]
    assert panel.selected() is None


def test_damaged_library_file_is_reported(qtbot: QtBot) -> None:
    path = app_paths().config_dir / "library.json"
    path.parent.mkdir(parents=True)
    path.write_text("not json", encoding="utf-8")
    panel = make_panel(qtbot, WorkflowLibrary("Work"))
    assert "damaged" in panel.message.text()
    assert not panel.message.isHidden()


def test_add_dialog_reads_names_and_urls(qtbot: QtBot) -> None:
    dialog = AddWorkflowDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.ref_edit, "https://queue.fizzly.ai/workflows/demo/text-to-image")
    assert ok.isEnabled()
    assert dialog.ref_feedback.text() == "Workflow demo/text-to-image"
    assert dialog.name_edit.placeholderText() == "Text to image"
    dialog.ref_edit.setText("demo")
    assert not ok.isEnabled()
    assert "owner/slug" in dialog.ref_feedback.text()
    dialog.ref_edit.setText("demo/x")
    dialog.set_source("example")
    assert dialog.details.currentWidget() is dialog.example_edit
    dialog.example_edit.setPlainText("[1]")
    assert dialog.check() is not None
    assert "should be a JSON object" in (dialog.check() or "")
    dialog.example_edit.setPlainText('{"prompt": "fox"}')
    assert dialog.check() is None
    assert dialog.payload() == '{"prompt": "fox"}'
    dialog.set_source("file")
    assert dialog.check() == "Choose the schema file to import."


def test_edit_inputs_opens_the_field_editor_and_saves_its_fields(qtbot: QtBot) -> None:
    library = WorkflowLibrary("Work")
    library.add("alice", "a")
    panel = make_panel(qtbot, library)
    panel.select("alice", "a")
    dialog = panel.open_field_editor("alice", "a")
    assert isinstance(dialog, FieldEditorDialog)
    assert [d.name for d in dialog.drafts] == ["prompt", "seed"]
    dialog.add_field("steps", "integer")
    with qtbot.waitSignal(panel.workflow_selected) as selected:
        dialog.accept()
    entry = selected.args[0]
    assert entry.schema_source == "editor"
    assert [f.name for f in entry.input_schema().fields] == ["prompt", "seed", "steps"]


def test_the_list_fits_its_width_and_never_asks_for_more(qtbot: QtBot) -> None:
    library = WorkflowLibrary("Local sandbox")
    library.ensure(["demo/text-to-image", "someone/a-workflow-with-a-name-far-too-long-to-fit"])
    panel = make_panel(qtbot, library)
    panel.resize(220, 400)
    panel.show()
    qtbot.waitExposed(panel)
    wanted = panel.sizeHint().width()
    for width in (260, 300, 220):
        panel.resize(width, 400)
        qtbot.waitUntil(lambda w=width: panel.width() == w)
        # Rows span the list and elide their text: no sideways scroll bar ...
        assert not panel.list.horizontalScrollBar().isVisible()
        assert panel.list.horizontalScrollBar().maximum() == 0
        row = panel.list.visualItemRect(panel.list.item(1))
        assert row.width() <= panel.list.viewport().width()
    # ... and the list does not ask the sidebar to grow after being laid out wider.
    assert panel.sizeHint().width() == wanted
