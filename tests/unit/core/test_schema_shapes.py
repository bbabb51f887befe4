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
    assert [e.message for e in too_strong] == ["LoRAs item 1 › Scale must be at most 4."]
    errors = schema.validate({"loras": [{"scale": 1}]})
    assert [e.message for e in errors] == ["LoRAs item 1 › Path is required."]


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


def test_a_choice_between_objects_names_each_by_its_fixed_type() -> None:
    schema = InputSchema.from_file(CORPUS / "huggingface" / "chat-completion.json")
    response = schema.field("response_format")
    assert response is not None
    assert response.kind == "union"
    assert [v.title for v in response.variants] == ["Text", "JSON schema", "JSON object"]
    json_schema = response.variants[1]
    assert [c.name for c in json_schema.fields] == ["type", "json_schema"]
    assert json_schema.fields[0].choices == ("json_schema",)
    assert schema.validate({"messages": [], "response_format": {"type": "json_object"}}) == []
    wrong = schema.validate({"messages": [], "response_format": {"type": "json_schema"}})
    assert wrong != []


def test_a_list_of_choices_keeps_the_shared_inputs_in_each_shape() -> None:
    schema = InputSchema.from_file(CORPUS / "huggingface" / "chat-completion.json")
    messages = schema.field("messages")
    assert messages is not None
    assert messages.kind == "object_list"
    assert messages.fields == ()
    text, tool_calls = messages.variants
    # Named by the input only each has; the message's role and name are in both, first.
    assert (text.title, tool_calls.title) == ("Content", "Tool calls")
    assert [c.name for c in text.fields] == ["name", "role", "content"]
    assert [c.name for c in tool_calls.fields] == ["name", "role", "tool_calls"]
    assert [c.name for c in text.fields if c.required] == ["role", "content"]
    content = text.fields[2]
    assert content.kind == "union"
    assert [v.kind for v in content.variants] == ["text", "object_list"]
    parts = content.variants[1]
    assert [v.title for v in parts.variants] == ["Text", "Image URL"]


def test_choices_without_a_fixed_type_are_named_by_title_or_type_name() -> None:
    circle = obj(radius={"type": "number"})
    square = obj(side={"type": "number"})
    titled = InputSchema.from_document(
        obj(shape={"oneOf": [{**circle, "title": "Round"}, {**square, "title": "Square"}]})
    )
    named = {
        "$defs": {
            "ShapeCircleInput": {**circle, "title": "ShapeCircleInput"},
            "ShapeSquareInput": {**square, "title": "ShapeSquareInput"},
        },
        **obj(
            shape={
                "anyOf": [
                    {"$ref": "#/$defs/ShapeCircleInput"},
                    {"$ref": "#/$defs/ShapeSquareInput"},
                ]
            }
        ),
    }
    same = InputSchema.from_document(obj(shape={"oneOf": [circle, obj(radius={"type": "number"})]}))
    shapes = [s.field("shape") for s in (titled, InputSchema.from_document(named), same)]
    assert [[v.title for v in spec.variants] for spec in shapes if spec] == [
        ["Round", "Square"],
        ["Circle", "Square"],
        ["Option 1", "Option 2"],
    ]


def test_labels_a_schema_gives_its_fixed_values_are_kept() -> None:
    schema = InputSchema.from_document(
        obj(
            a={"enum": ["x1", "x2"], "x-enum-labels": ["First", "Second"]},
            b={"enum": ["x1", "x2"], "enumNames": ["Uno", ""]},
            c={"enum": ["x1", "x2"], "x-enum-labels": {"x2": "Two"}},
            d={"oneOf": [{"const": "fast", "title": "Quick draft"}, {"const": "best"}]},
        )
    )
    labels = [spec.choice_labels for spec in schema.fields]
    assert labels == [("First", "Second"), ("Uno", ""), ("", "Two"), ("Quick draft", "")]
    assert schema.fields[3].choices == ("fast", "best")
    # Saved by the field editor and read back, the labels stay.
    assert InputSchema.from_fields(schema.fields).fields == schema.fields


def test_problems_inside_a_choice_are_said_for_the_shape_meant() -> None:
    schema = InputSchema.from_file(CORPUS / "huggingface" / "chat-completion.json")

    def said(messages: Any, **more: Any) -> list[str]:
        return [e.message for e in schema.validate({"messages": messages, **more})]

    image = {"type": "image_url", "image_url": {}}
    assert said([{"role": "user", "content": [image]}]) == [
        "Messages item 1 › Content item 1 › Image URL › URL is required."
    ]
    assert said([{"role": "user", "content": 5}]) == [
        "Messages item 1 › Content must be text or a list."
    ]
    assert said([], response_format={"type": "yaml"}) == [
        "Response format › Type must be one of: text, json_schema, json_object."
    ]
    assert said([{"content": "hi"}]) == ["Messages item 1 › Role is required."]


def test_inputs_a_schema_calls_unused_are_folded_away() -> None:
    schema = InputSchema.from_file(CORPUS / "huggingface" / "chat-completion.json")
    folded = {spec.name for spec in schema.fields if spec.is_advanced}
    assert {"logit_bias", "n", "model"} <= folded
    assert "messages" not in folded


def test_the_text_null_as_the_default_of_a_nullable_input_means_empty() -> None:
    schema = InputSchema.from_file(CORPUS / "huggingface" / "text-generation.json")
    parameters = schema.field("parameters")
    assert parameters is not None
    adapter = next(c for c in parameters.fields if c.name == "adapter_id")
    assert adapter.nullable
    assert not adapter.has_default
    inputs = schema.field("inputs")
    assert inputs is not None
    assert inputs.kind == "text"


def test_an_openapi_nullable_input_may_be_left_empty_when_checked() -> None:
    schema = InputSchema.from_file(CORPUS / "huggingface" / "chat-completion.json")
    empty = {"messages": [], "frequency_penalty": None, "response_format": None}
    assert schema.validate(empty) == []
    wrong = schema.validate({"messages": [], "frequency_penalty": "x"})
    assert [e.message for e in wrong] == ["Frequency penalty must be a number, or left empty."]


def test_a_file_of_unknown_kind_is_not_taken_for_a_picture() -> None:
    schema = InputSchema.from_file(CORPUS / "replicate" / "zsxkib_realistic-voice-cloning.json")
    song = schema.field("song_input")
    model = schema.field("custom_rvc_model_download_url")
    assert song is not None
    assert model is not None
    assert (song.kind, song.accept, song.is_image) == ("file", "audio/*", False)
    assert (model.kind, model.is_image) == ("file", False)
    sdxl = InputSchema.from_file(CORPUS / "replicate" / "stability-ai_sdxl.json")
    image = sdxl.field("image")
    assert image is not None
    assert image.is_image


def test_inputs_listed_alphabetically_put_the_required_ones_first() -> None:
    chat = InputSchema.from_file(CORPUS / "huggingface" / "chat-completion.json")
    assert chat.fields[0].name == "messages"
    assert [s.name for s in chat.fields[1:4]] == ["frequency_penalty", "logit_bias", "logprobs"]
    # An order the schema gives is kept as it is.
    flux = InputSchema.from_file(CORPUS / "fal" / "fal_ai_flux_dev.json")
    assert [s.name for s in flux.fields][:2] == ["prompt", "image_size"]
