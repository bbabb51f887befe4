"""Shapes of real model inputs: host records, presets-or-custom unions, lists of objects."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fizzly_desktop.core.schema import InputSchema

CORPUS = Path(__file__).parents[2] / "fixtures" / "schemas"


def test_a_fal_model_record_is_read_through_its_openapi_document() -> None:
    schema = InputSchema.from_file(CORPUS / "fal" / "fal_ai_flux_dev.json")
    assert [spec.name for spec in schema.fields][:3] == [
        "prompt",
        "image_size",
        "num_inference_steps",
    ]
    size = schema.field("image_size")
    assert size is not None
    assert size.kind == "union"
    assert [variant.kind for variant in size.variants] == ["enum", "object"]
    presets, custom = size.variants
    assert "landscape_4_3" in presets.choices
    assert "square_hd" in presets.choices
    assert [child.name for child in custom.fields] == ["width", "height"]
    assert size.default == "landscape_4_3"
    assert schema.validate({"prompt": "a fox", "image_size": {"width": 1024, "height": 768}}) == []
    assert schema.validate({"prompt": "a fox", "image_size": "square_hd"}) == []
    assert schema.validate({"prompt": "a fox", "image_size": "1024x768"}) != []


def test_a_replicate_model_record_is_read_through_its_latest_version() -> None:
    record = json.loads((CORPUS / "replicate" / "stability-ai_sdxl.json").read_text())
    schema = InputSchema.from_document(record)
    inner = InputSchema.from_document(record["latest_version"]["openapi_schema"])
    assert schema == inner
    scheduler = schema.field("scheduler")
    assert scheduler is not None
    assert scheduler.kind == "enum"
    assert scheduler.title == "Scheduler"


def obj(**properties: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties}


def test_a_list_of_objects_is_a_list_of_small_forms() -> None:
    lora = obj(path={"type": "string"}, scale={"type": "number", "minimum": 0, "maximum": 4})
    lora["required"] = ["path"]
    schema = InputSchema.from_document(
        obj(loras={"type": "array", "items": lora, "maxItems": 3, "default": []})
    )
    loras = schema.field("loras")
    assert loras is not None
    assert loras.kind == "object_list"
    assert [(c.name, c.required) for c in loras.fields] == [("path", True), ("scale", False)]
    assert loras.max_items == 3
    too_strong = schema.validate({"loras": [{"path": "a.safetensors", "scale": 9}]})
    assert [e.message for e in too_strong] == ["Loras item 1 › Scale must be at most 4."]
    errors = schema.validate({"loras": [{"scale": 1}]})
    assert [e.message for e in errors] == ["Loras item 1 › Path is required."]


def test_a_text_or_a_list_of_texts_is_a_union_and_enums_merge() -> None:
    schema = InputSchema.from_document(
        obj(
            urls={"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
            mode={"anyOf": [{"enum": ["a", "b"]}, {"enum": ["c"]}, {"type": "null"}]},
        )
    )
    urls, mode = schema.fields
    assert urls.kind == "union"
    assert [(v.kind, v.multiple) for v in urls.variants] == [("file", False), ("file", True)]
    assert mode.kind == "enum"
    assert mode.choices == ("a", "b", "c")
    assert mode.nullable


def test_a_default_of_the_wrong_type_is_not_offered() -> None:
    schema = InputSchema.from_document(
        obj(max_tokens={"type": "integer", "default": "1024"}, n={"type": "integer", "default": 2})
    )
    assert schema.defaults() == {"n": 2}
    tokens = schema.field("max_tokens")
    assert tokens is not None
    assert not tokens.has_default


def test_openapi_nullable_is_honoured() -> None:
    schema = InputSchema.from_document(obj(name={"type": "string", "nullable": True}))
    spec = schema.field("name")
    assert spec is not None
    assert spec.nullable
