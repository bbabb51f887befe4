"""The sandbox's demo schemas, fetched over loopback HTTP, become forms whose defaults validate."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from fizzly_desktop.api import FizzlyClient
from fizzly_desktop.core.library import WorkflowLibrary
from fizzly_desktop.core.sandbox_process import SandboxInfo
from fizzly_desktop.core.schema import InputSchema
from fizzly_desktop.ui.forms import SchemaForm, SeedField
from fizzly_desktop.ui.library import WorkflowLibraryPanel

# What a person would type in the required inputs of each demo workflow.
REQUIRED_TEXT = {"prompt": "A lighthouse at dusk", "image": "https://example.com/start.png"}


async def fetch_all(info: SandboxInfo) -> dict[str, dict[str, Any] | None]:
    schemas: dict[str, dict[str, Any] | None] = {}
    async with FizzlyClient(info.base_url, info.demo_key) as client:
        for ref in info.workflows:
            owner, slug = ref.split("/")
            schemas[ref] = await client.workflow_schema(owner, slug)
        schemas["demo/no-such-workflow"] = await client.workflow_schema("demo", "no-such-workflow")
    return schemas


async def test_demo_schemas_build_forms_whose_defaults_validate(
    qtbot: QtBot, sandbox: SandboxInfo
) -> None:
    schemas = await fetch_all(sandbox)
    assert schemas.pop("demo/no-such-workflow") is None
    assert set(schemas) == set(sandbox.workflows)
    for ref, document in schemas.items():
        assert document is not None, ref
        schema = InputSchema.from_document(document)
        assert schema.fields, ref
        assert all(spec.kind != "json" for spec in schema.fields), ref
        form = SchemaForm(schema)
        qtbot.addWidget(form)
        # Empty texts are not sent: the workflow applies the same default itself.
        sent = {k: v for k, v in schema.defaults().items() if v != ""}
        assert form.values() == sent, ref
        required = [spec.name for spec in schema.fields if spec.required and not spec.has_default]
        assert form.blocking_reason() == f"{schema.field(required[0]).title} is required.", ref
        form.set_values({**schema.defaults(), **{n: REQUIRED_TEXT[n] for n in required}})
        assert form.is_valid(), (ref, form.blocking_reason())
        values = form.values(fill_random=True)
        assert schema.validate(values) == [], ref
        for name in form.random_seed_fields():
            widget = form.field_widget(name)
            assert isinstance(widget, SeedField)
            spec = schema.field(name)
            assert spec is not None
            assert spec.minimum is not None
            assert spec.maximum is not None
            assert spec.minimum <= values[name] <= spec.maximum


async def test_text_to_image_form_shape(qtbot: QtBot, sandbox: SandboxInfo) -> None:
    schemas = await fetch_all(sandbox)
    document = schemas["demo/text-to-image"]
    assert document is not None
    schema = InputSchema.from_document(document)
    assert [(f.name, f.kind) for f in schema.fields] == [
        ("prompt", "text"),
        ("negative_prompt", "text"),
        ("seed", "integer"),
        ("width", "integer"),
        ("height", "integer"),
        ("steps", "integer"),
        ("output_format", "enum"),
    ]
    form = SchemaForm(schema)
    qtbot.addWidget(form)
    unknown = form.set_values({"prompt": "owl", "lora": "ink"})
    assert unknown == ["lora"]
    # The sandbox takes no inputs beyond its schema: the kept extra input is reported.
    assert form.blocking_reason() == "The inputs: this workflow does not take lora."
    form.discard_unknown()
    assert form.is_valid()


async def test_library_panel_fetches_a_demo_schema_with_the_real_client(
    qtbot: QtBot, sandbox: SandboxInfo
) -> None:
    async with FizzlyClient(sandbox.base_url, sandbox.demo_key) as client:
        panel = WorkflowLibraryPanel(WorkflowLibrary("Local sandbox"), client)
        qtbot.addWidget(panel)
        entry = await panel.add_workflow(f"{sandbox.base_url}/workflows/demo/image-to-image")
        assert entry.schema_source == "server"
        image = entry.input_schema().field("image")
        assert image is not None
        assert image.kind == "file"
        missing = await panel.add_workflow("demo/not-a-workflow")
        assert missing.schema_source == "reference"


@pytest.mark.parametrize("ref", ["demo/prompt-enhancer"])
async def test_fetched_schema_round_trips_through_storage(sandbox: SandboxInfo, ref: str) -> None:
    owner, slug = ref.split("/")
    library = WorkflowLibrary("Local sandbox")
    library.ensure([ref])
    async with FizzlyClient(sandbox.base_url, sandbox.demo_key) as client:
        entry = await library.fetch_schema(owner, slug, client)
    stored = WorkflowLibrary("Local sandbox").get(owner, slug)
    assert stored is not None
    assert stored.schema_source == "server"
    assert stored.input_schema() == entry.input_schema()
