"""The workflow library: references, persistence per profile, corrupt files, schemas, presets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from fizzly_desktop.core.library import (
    LibraryError,
    WorkflowLibrary,
    WorkflowRefError,
    parse_workflow_ref,
)
from fizzly_desktop.core.paths import app_paths
from fizzly_desktop.core.schema import SchemaError

SCHEMA = {
    "type": "object",
    "required": ["text"],
    "properties": {"text": {"type": "string"}, "count": {"type": "integer", "default": 2}},
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("demo/text-to-image", ("demo", "text-to-image")),
        ("  alice/my_flow.v2 ", ("alice", "my_flow.v2")),
        ("https://queue.fizzly.ai/workflows/alice/upscale", ("alice", "upscale")),
        (
            "https://queue.fizzly.ai/workflows/alice/upscale/requests/run_1/status",
            ("alice", "upscale"),
        ),
        ("https://fizzly.ai/alice/upscale", ("alice", "upscale")),
        ("https://fizzly.ai/alice/upscale/?tab=api#run", ("alice", "upscale")),
        ("fizzly.ai/alice/upscale", ("alice", "upscale")),
        ("http://127.0.0.1:41234/workflows/demo/slow-render", ("demo", "slow-render")),
    ],
)
def test_parse_workflow_ref_accepts_names_and_urls(text: str, expected: tuple[str, str]) -> None:
    assert parse_workflow_ref(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Enter a workflow"),
        ("just-a-slug", "write it as owner/slug"),
        ("a/b/c", "write it as owner/slug"),
        ("https://fizzly.ai/alice", "should end in /owner/slug"),
        ("https://queue.fizzly.ai/alice/upscale", "queue.fizzly.ai/workflows/owner/slug"),
        ("ftp://fizzly.ai/a/b", "starts with https://"),
        ("alice/up scale", "characters a workflow name cannot have"),
    ],
)
def test_parse_workflow_ref_errors_are_plain(text: str, message: str) -> None:
    with pytest.raises(WorkflowRefError, match=message):
        parse_workflow_ref(text)


def test_add_rename_remove_persist_per_profile() -> None:
    library = WorkflowLibrary("Work")
    entry = library.add("alice", "upscale")
    assert entry.display_name == "Upscale"
    assert entry.schema_source == "reference"
    library.add("bob", "edit", "Bob's editor", SCHEMA, "file")
    library.rename("alice", "upscale", "  Big pictures ")
    assert library.path == app_paths().config_dir / "library.json"

    again = WorkflowLibrary("Work")
    assert [(e.ref, e.display_name, e.schema_source) for e in again.list()] == [
        ("alice/upscale", "Big pictures", "reference"),
        ("bob/edit", "Bob's editor", "file"),
    ]
    stored = again.get("bob", "edit")
    assert stored is not None
    assert stored.schema == SCHEMA
    assert [f.name for f in stored.input_schema().fields] == ["text", "count"]
    other = WorkflowLibrary("Local sandbox")
    assert other.list() == []

    again.remove("alice", "upscale")
    assert [e.ref for e in WorkflowLibrary("Work").list()] == ["bob/edit"]


def test_library_rejects_duplicates_bad_schemas_and_unknown_entries() -> None:
    library = WorkflowLibrary("Work")
    library.add("alice", "upscale")
    with pytest.raises(LibraryError, match="already in your library"):
        library.add("alice", "upscale")
    with pytest.raises(SchemaError):
        library.add("alice", "other", schema={"prompt": "not a schema"})
    with pytest.raises(LibraryError, match="not in your library"):
        library.rename("nobody", "nothing", "X")
    with pytest.raises(LibraryError, match="cannot be empty"):
        library.rename("alice", "upscale", "   ")


def test_corrupt_file_is_kept_aside_with_a_plain_message() -> None:
    path = app_paths().config_dir / "library.json"
    path.parent.mkdir(parents=True)
    path.write_text('{"version": 1, "profiles": {', encoding="utf-8")
    library = WorkflowLibrary("Work")
    assert library.problem is not None
    assert "damaged" in library.problem
    kept = list(path.parent.glob("library.corrupt-*.json"))
    assert len(kept) == 1
    assert kept[0].read_text(encoding="utf-8") == '{"version": 1, "profiles": {'
    assert kept[0].name in library.problem
    assert library.list() == []
    library.add("alice", "upscale")
    assert (
        json.loads(path.read_text(encoding="utf-8"))["profiles"]["Work"]["workflows"][0]["slug"]
        == "upscale"
    )


def test_write_is_atomic_and_leaves_no_temp_files() -> None:
    library = WorkflowLibrary("Work")
    for index in range(5):
        library.add("alice", f"flow-{index}")
    folder = app_paths().config_dir
    assert sorted(p.name for p in folder.iterdir()) == ["library.json"]


def test_presets_save_list_apply_delete() -> None:
    library = WorkflowLibrary("Work")
    library.add("alice", "upscale")
    library.save_preset("alice", "upscale", "Portrait", {"prompt": "a face", "seed": 7})
    library.save_preset("alice", "upscale", "landscape", {"prompt": "hills"})
    assert library.presets("alice", "upscale") == ["landscape", "Portrait"]
    applied = library.apply_preset("alice", "upscale", "Portrait")
    assert applied == {"prompt": "a face", "seed": 7}
    applied["seed"] = 8
    assert WorkflowLibrary("Work").preset("alice", "upscale", "Portrait")["seed"] == 7
    library.delete_preset("alice", "upscale", "Portrait")
    assert WorkflowLibrary("Work").presets("alice", "upscale") == ["landscape"]
    with pytest.raises(LibraryError, match="no preset called"):
        library.preset("alice", "upscale", "Portrait")
    with pytest.raises(LibraryError, match="needs a name"):
        library.save_preset("alice", "upscale", " ", {})
    library.remove("alice", "upscale")
    library.add("alice", "upscale")
    assert library.presets("alice", "upscale") == []


def test_ensure_adds_demo_workflows_once() -> None:
    library = WorkflowLibrary("Local sandbox")
    demos = ["demo/text-to-image", "demo/prompt-enhancer"]
    assert [e.display_name for e in library.ensure(demos)] == ["Text to image", "Prompt enhancer"]
    assert library.ensure(demos) == []
    assert len(library.list()) == 2


class FakeServer:
    def __init__(self, schema: dict[str, Any] | None) -> None:
        self.schema = schema
        self.asked: list[tuple[str, str]] = []

    async def workflow_schema(self, owner: str, slug: str) -> dict[str, Any] | None:
        self.asked.append((owner, slug))
        return self.schema


async def test_server_schema_wins_and_404_keeps_what_was_there() -> None:
    library = WorkflowLibrary("Work")
    library.add(
        "alice", "edit", schema={"type": "object", "properties": {"a": {}}}, schema_source="example"
    )
    server = FakeServer(SCHEMA)
    entry = await library.fetch_schema("alice", "edit", server)
    assert server.asked == [("alice", "edit")]
    assert (entry.schema_source, entry.schema) == ("server", SCHEMA)

    library.set_schema("alice", "edit", {"type": "object", "properties": {"b": {}}}, "file")
    entry = await library.fetch_schema("alice", "edit", FakeServer(None))
    assert entry.schema_source == "file"
    assert [f.name for f in entry.input_schema().fields] == ["b"]

    library.add("alice", "unknown")
    entry = await library.fetch_schema("alice", "unknown", FakeServer(None))
    assert entry.schema_source == "reference"
    assert [f.name for f in entry.input_schema().fields] == ["prompt", "seed"]

    with pytest.raises(SchemaError):
        await library.fetch_schema("alice", "unknown", FakeServer({"oops": 1}))
    unchanged = library.get("alice", "unknown")
    assert unchanged is not None
    assert unchanged.schema is None


def test_library_file_survives_unknown_profile_shapes(tmp_path: Path) -> None:
    path = tmp_path / "lib.json"
    path.write_text(
        json.dumps(
            {
                "version": 1,
                "profiles": {
                    "Work": {
                        "workflows": [
                            {"owner": "a", "slug": "b", "schema_source": "martian"},
                            "garbage",
                            {"slug": "no-owner"},
                        ]
                    }
                },
            }
        ),
        encoding="utf-8",
    )
    library = WorkflowLibrary("Work", path)
    assert library.problem is None
    assert [(e.ref, e.schema_source, e.display_name) for e in library.list()] == [
        ("a/b", "reference", "B")
    ]
