"""InputSchema: reading JSON Schema / OpenAPI / Cog / fal inputs, validation messages, inference."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from fizzly_desktop.core.schema import (
    SEED_MAX,
    FieldSpec,
    InputSchema,
    SchemaError,
    field_to_json_schema,
    humanize,
    random_seed_value,
)
from tests.fixtures.samples import SAMPLE_SCHEMAS

RESOURCES = SAMPLE_SCHEMAS


def load(name: str) -> Any:
    return json.loads((RESOURCES / name).read_text(encoding="utf-8"))


def kinds(schema: InputSchema) -> dict[str, str]:
    return {spec.name: spec.kind for spec in schema.fields}


def messages(schema: InputSchema, values: dict[str, Any]) -> list[str]:
    return [error.message for error in schema.validate(values)]


# --- the shared samples ---


def test_cog_document_takes_components_input_in_x_order() -> None:
    schema = InputSchema.from_document(load("cog-style-text-to-image.json"))
    assert [f.name for f in schema.fields] == [
        "prompt",
        "negative_prompt",
        "init_image",
        "width",
        "guidance_scale",
        "scheduler",
        "seed",
    ]
    assert kinds(schema) == {
        "prompt": "text",
        "negative_prompt": "text",
        "init_image": "file",
        "width": "integer",
        "guidance_scale": "number",
        "scheduler": "enum",
        "seed": "integer",
    }
    scheduler = schema.field("scheduler")
    assert scheduler is not None
    assert scheduler.choices == ("DDIM", "K_EULER", "DPMSolverMultistep")
    # The enum type's own title/description ("scheduler", "An enumeration.") are not the field's.
    assert scheduler.title == "Scheduler"
    assert scheduler.description == "Choose a scheduler."
    width = schema.field("width")
    assert width is not None
    assert (width.minimum, width.maximum, width.default) == (256, 2048, 1024)
    seed = schema.field("seed")
    assert seed is not None
    assert seed.is_seed
    assert not seed.required
    prompt = schema.field("prompt")
    assert prompt is not None
    assert prompt.required
    assert prompt.description == "Input prompt"
    assert schema.defaults() == {
        "negative_prompt": "",
        "width": 1024,
        "guidance_scale": 7.5,
        "scheduler": "K_EULER",
    }


def test_cog_fields_beyond_the_essentials_are_advanced() -> None:
    schema = InputSchema.from_document(load("cog-style-text-to-image.json"))
    advanced = [f.name for f in schema.fields if f.is_advanced]
    assert advanced == ["scheduler"]


def test_fal_order_nullable_enum_and_file_list() -> None:
    schema = InputSchema.from_document(load("fal-style-image-edit.json"))
    assert [f.name for f in schema.fields] == [
        "prompt",
        "image_urls",
        "num_images",
        "output_format",
        "aspect_ratio",
        "enable_safety_checker",
    ]
    image_urls = schema.field("image_urls")
    assert image_urls is not None
    assert (image_urls.kind, image_urls.multiple, image_urls.accept) == ("file", True, "image/*")
    aspect = schema.field("aspect_ratio")
    assert aspect is not None
    assert (aspect.kind, aspect.nullable, aspect.default) == ("enum", True, "auto")
    assert aspect.choices == ("auto", "1:1", "16:9", "9:16")
    prompt = schema.field("prompt")
    assert prompt is not None
    assert (prompt.min_length, prompt.max_length) == (3, 50000)
    assert kinds(schema)["enable_safety_checker"] == "boolean"


def test_reference_example_file_matches_reference_example() -> None:
    schema = InputSchema.from_document(load("fizzly-reference-example.json"))
    reference = InputSchema.reference_example()
    assert [(f.name, f.kind) for f in reference.fields] == [("prompt", "text"), ("seed", "integer")]
    assert [(f.name, f.kind, f.required) for f in schema.fields] == [
        (f.name, f.kind, f.required) for f in reference.fields
    ]
    seed = reference.field("seed")
    assert seed is not None
    assert seed.is_seed
    assert seed.maximum == SEED_MAX


# --- validation messages ---


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({}, ["Prompt is required."]),
        ({"prompt": "a", "width": 4096}, ["Width must be at most 2048."]),
        ({"prompt": "a", "width": 100}, ["Width must be at least 256."]),
        ({"prompt": "a", "width": 300.5}, ["Width must be a whole number."]),
        ({"prompt": "a", "guidance_scale": "high"}, ["Guidance Scale must be a number."]),
        (
            {"prompt": "a", "scheduler": "Euler"},
            ["Scheduler must be one of: DDIM, K_EULER, DPMSolverMultistep."],
        ),
        (
            {"prompt": "a", "init_image": "my picture"},
            ["Init Image must be a web address (http:// or https://) or a chosen file."],
        ),
        ({"prompt": "a", "init_image": "data:image/png;base64,AAAA"}, []),
        ({"prompt": "a", "init_image": "https://example.com/a.png"}, []),
        ({"prompt": "a", "seed": 12345}, []),
    ],
)
def test_cog_validation_messages(values: dict[str, Any], expected: list[str]) -> None:
    schema = InputSchema.from_document(load("cog-style-text-to-image.json"))
    assert messages(schema, values) == expected


def test_fal_validation_messages() -> None:
    schema = InputSchema.from_document(load("fal-style-image-edit.json"))
    assert messages(schema, {"prompt": "ab", "image_urls": []}) == [
        "Prompt must be at least 3 characters."
    ]
    assert messages(schema, {"prompt": "abc", "image_urls": [], "aspect_ratio": None}) == []
    assert messages(schema, {"prompt": "abc", "image_urls": [], "aspect_ratio": "2:3"}) == [
        "Aspect Ratio must be one of: auto, 1:1, 16:9, 9:16."
    ]
    assert messages(schema, {"prompt": "abc", "image_urls": [], "num_images": 0}) == [
        "Number of Images must be at least 1."
    ]
    errors = schema.validate({"prompt": "abc"})
    assert [(e.path, e.message) for e in errors] == [(("image_urls",), "Image URLs is required.")]


def test_nested_paths_exclusive_bounds_and_pattern() -> None:
    schema = InputSchema.from_document(
        {
            "type": "object",
            "properties": {
                "size": {
                    "type": "object",
                    "required": ["width"],
                    "properties": {
                        "width": {"type": "integer", "exclusiveMinimum": 0},
                        "unit": {"type": "string", "pattern": "^(px|mm)$"},
                    },
                },
                "strength": {"type": "number", "exclusiveMaximum": 1},
                "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 2},
                "name": {"type": "string", "minLength": 1, "maxLength": 4},
            },
        }
    )
    errors = schema.validate(
        {"size": {"unit": "in"}, "strength": 1, "tags": ["a", "b", "c"], "name": "abcdef"}
    )
    assert [(e.path, e.message) for e in errors] == [
        (("size", "width"), "Size › Width is required."),
        (("size", "unit"), "Size › Unit is not in the expected form (it must match ^(px|mm)$)."),
        (("strength",), "Strength must be less than 1."),
        (("tags",), "Tags can have at most 2 items."),
        (("name",), "Name must be at most 4 characters."),
    ]
    assert messages(schema, {"size": {"width": 0}}) == ["Size › Width must be more than 0."]
    assert messages(schema, {"name": ""}) == ["Name must not be empty."]
    assert errors[0].field == "size"


# --- conventions ---


def test_openapi_single_post_body_and_fizzly_inputs_wrapper() -> None:
    document = {
        "openapi": "3.1.0",
        "paths": {
            "/workflows/me/thing": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Body"}}
                        }
                    }
                }
            }
        },
        "components": {
            "schemas": {
                "Body": {
                    "type": "object",
                    "properties": {"inputs": {"$ref": "#/components/schemas/Params"}},
                },
                "Params": {
                    "type": "object",
                    "required": ["text"],
                    "properties": {"text": {"type": "string"}, "count": {"type": "integer"}},
                },
            }
        },
    }
    schema = InputSchema.from_document(document)
    assert kinds(schema) == {"text": "text", "count": "integer"}
    assert schema.field("text") is not None
    assert schema.fields[0].required


def test_openapi_without_input_is_a_plain_error() -> None:
    with pytest.raises(SchemaError, match="no input description"):
        InputSchema.from_document({"openapi": "3.0.0", "paths": {}})


def test_refs_defs_content_media_type_and_cog_accept() -> None:
    schema = InputSchema.from_document(
        {
            "$defs": {"Color": {"type": "string", "enum": ["red", "blue"]}},
            "type": "object",
            "properties": {
                "color": {"$ref": "#/$defs/Color"},
                "photo": {"type": "string", "contentMediaType": "image/png"},
                "voice": {"type": "string", "format": "uri", "x-cog-accept": "audio/*"},
                "mask_url": {"type": "string"},
                "secret": {"type": "string", "format": "password"},
                "maybe_count": {"anyOf": [{"type": "integer", "maximum": 9}, {"type": "null"}]},
                "list_or_null": {"type": ["array", "null"], "items": {"type": "number"}},
            },
        }
    )
    assert kinds(schema) == {
        "color": "enum",
        "photo": "file",
        "voice": "file",
        "mask_url": "file",
        "secret": "password",
        "maybe_count": "integer",
        "list_or_null": "number_list",
    }
    by_name = {f.name: f for f in schema.fields}
    assert by_name["photo"].accept == "image/png"
    assert by_name["photo"].is_image
    assert by_name["voice"].accept == "audio/*"
    assert not by_name["voice"].is_image
    assert by_name["maybe_count"].nullable
    assert by_name["maybe_count"].maximum == 9
    assert messages(schema, {"maybe_count": 10}) == ["Maybe count must be at most 9."]
    assert messages(schema, {"maybe_count": None}) == []
    assert messages(schema, {"color": "green"}) == ["Color must be one of: red, blue."]


@pytest.mark.parametrize(
    "prop",
    [
        {"type": ["string", "integer"]},
        {"oneOf": [{"type": "object", "properties": {"a": {}}}, {"type": "object"}]},
        {"type": "object"},
        {"$ref": "https://example.com/remote.json"},
        {"$ref": "#/nowhere"},
        {"type": "string", "pattern": "(unclosed"},
        {"enum": [{"a": 1}, {"b": 2}]},
        {"not": {"type": "string"}},
        True,
    ],
)
def test_unsupported_constructs_become_json_fields(prop: Any) -> None:
    schema = InputSchema.from_document({"type": "object", "properties": {"odd": prop}})
    assert kinds(schema) == {"odd": "json"}
    assert isinstance(schema.validate({}), list)


def test_recursive_reference_does_not_loop() -> None:
    schema = InputSchema.from_document(
        {
            "definitions": {
                "Node": {
                    "type": "object",
                    "properties": {
                        "child": {"$ref": "#/definitions/Node"},
                        "v": {"type": "integer"},
                    },
                }
            },
            "type": "object",
            "properties": {"tree": {"$ref": "#/definitions/Node"}},
        }
    )
    tree = schema.field("tree")
    assert tree is not None
    assert tree.kind == "object"


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([1, 2], "it is a list"),
        ("text", "a piece of text"),
        ({"prompt": "hello"}, "example of inputs"),
        ({"type": "string"}, "single value"),
    ],
)
def test_not_a_schema_is_a_plain_error(document: Any, message: str) -> None:
    with pytest.raises(SchemaError, match=message):
        InputSchema.from_document(document)


def test_bad_json_text_says_where(tmp_path: Path) -> None:
    with pytest.raises(SchemaError, match=r"not valid JSON: .*line 2, column"):
        InputSchema.from_json_text('{"type": "object",\n "properties": {,}}')
    binary = tmp_path / "picture.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00")
    with pytest.raises(SchemaError, match=r"picture\.png is not a text file"):
        InputSchema.from_file(binary)
    with pytest.raises(SchemaError, match="could not be read"):
        InputSchema.from_file(tmp_path / "missing.json")


# --- inference from an example ---


def test_from_example_infers_types_and_defaults() -> None:
    example = {
        "prompt": "A red fox in the snow",
        "seed": 42,
        "guidance": 7.5,
        "hires": True,
        "styles": ["film", "grain"],
        "weights": [0.5, 1],
        "image_url": "https://example.com/fox.png",
        "size": {"width": 512, "height": 768},
        "note": "x" * 100,
        "label": "short",
        "anything": None,
    }
    schema = InputSchema.from_example(example)
    assert kinds(schema) == {
        "prompt": "text",
        "seed": "integer",
        "guidance": "number",
        "hires": "boolean",
        "styles": "string_list",
        "weights": "number_list",
        "image_url": "file",
        "size": "object",
        "note": "text",
        "label": "string",
        "anything": "json",
    }
    seed = schema.field("seed")
    assert seed is not None
    assert seed.is_seed
    size = schema.field("size")
    assert size is not None
    assert [(f.name, f.kind, f.default) for f in size.fields] == [
        ("width", "integer", 512),
        ("height", "integer", 768),
    ]
    defaults = schema.defaults()
    assert {k: v for k, v in defaults.items() if k != "anything"} == {
        k: v for k, v in example.items() if k != "anything"
    }
    assert schema.validate(defaults) == []
    assert messages(schema, {"seed": 1.5}) == ["Seed must be a whole number."]


def test_from_example_text_errors() -> None:
    with pytest.raises(SchemaError, match="should be a JSON object"):
        InputSchema.from_example_text("[1, 2]")
    with pytest.raises(SchemaError, match="not valid JSON"):
        InputSchema.from_example_text("{prompt: 1}")
    with pytest.raises(SchemaError, match="no inputs"):
        InputSchema.from_example_text("{}")


# --- writing back ---


@pytest.mark.parametrize(
    "name",
    ["cog-style-text-to-image.json", "fal-style-image-edit.json", "fizzly-reference-example.json"],
)
def test_to_json_schema_round_trips(name: str) -> None:
    schema = InputSchema.from_document(load(name))
    again = InputSchema.from_document(json.loads(json.dumps(schema.to_json_schema())))
    assert again.fields == schema.fields
    rebuilt = InputSchema.from_fields(schema.fields)
    assert [(f.name, f.kind, f.required, f.default, f.is_advanced) for f in rebuilt.fields] == [
        (f.name, f.kind, f.required, f.default, f.is_advanced) for f in schema.fields
    ]
    defaults = schema.defaults()
    assert rebuilt.validate(defaults) == schema.validate(defaults)


def test_from_fields_keeps_explicit_kinds_and_rejects_duplicates() -> None:
    fields = [
        FieldSpec(name="prompt", kind="string", title="Prompt", required=True),
        FieldSpec(name="notes", kind="text", title="Notes"),
        FieldSpec(
            name="steps",
            kind="integer",
            title="Steps",
            minimum=1,
            maximum=50,
            default=20,
            has_default=True,
            is_advanced=True,
        ),
    ]
    schema = InputSchema.from_fields(fields)
    assert [(f.name, f.kind, f.is_advanced) for f in schema.fields] == [
        ("prompt", "string", False),
        ("notes", "text", False),
        ("steps", "integer", True),
    ]
    assert field_to_json_schema(fields[2])["maximum"] == 50
    with pytest.raises(SchemaError, match="named 'prompt'"):
        InputSchema.from_fields([fields[0], fields[0]])


def test_helpers() -> None:
    assert humanize("negative_prompt") == "Negative prompt"
    assert humanize("imageUrl") == "Image URL"
    spec = FieldSpec(name="seed", kind="integer", title="Seed", minimum=10, maximum=12)
    rng = random.Random(3)
    assert {random_seed_value(spec, rng) for _ in range(50)} == {10, 11, 12}
    assert 0 <= random_seed_value() <= SEED_MAX
    even = FieldSpec(name="seed", kind="integer", title="Seed", minimum=1, maximum=9, step=2)
    assert {random_seed_value(even, rng) for _ in range(80)} == {2, 4, 6, 8}


# --- the samples kept with the app ---


def test_pydantic_style_sample() -> None:
    schema = InputSchema.from_document(load("pydantic-style-upscale.json"))
    assert kinds(schema) == {
        "image": "file",
        "scale": "enum",
        "face_enhance": "boolean",
        "denoise": "number",
        "crop": "object",
        "tags": "string_list",
        "api_token": "password",
        "seed": "integer",
    }
    scale = schema.field("scale")
    assert scale is not None
    assert (scale.choices, scale.default, scale.description) == (
        (2, 4, 8),
        4,
        "How many times larger.",
    )
    crop = schema.field("crop")
    assert crop is not None
    assert crop.nullable
    assert [(f.name, f.required) for f in crop.fields] == [
        ("width", True),
        ("height", True),
        ("anchor", False),
    ]
    seed = schema.field("seed")
    assert seed is not None
    assert seed.is_seed
    assert seed.nullable
    assert messages(schema, {"image": "https://x.test/a.png", "scale": 3}) == [
        "Scale must be one of: 2, 4, 8."
    ]
    assert messages(schema, {"image": "https://x.test/a.png", "crop": {"width": 10}}) == [
        "Crop › Height is required."
    ]
    assert messages(schema, {"image": "https://x.test/a.png", "denoise": 0.33}) == [
        "Denoise must be a multiple of 0.05."
    ]


def test_openapi_post_body_sample() -> None:
    schema = InputSchema.from_document(load("openapi-post-body.json"))
    assert kinds(schema) == {
        "subject": "text",
        "outline": "string",
        "count": "integer",
        "palette": "number_list",
        "reference_urls": "file",
        "transparent": "boolean",
        "extras": "json",
    }
    assert messages(schema, {"subject": "cat", "outline": "white"}) == [
        "Outline colour is not in the expected form (it must match ^#[0-9a-fA-F]{6}$)."
    ]


@pytest.mark.parametrize("path", sorted(RESOURCES.glob("*.json")), ids=lambda p: p.name)
def test_every_kept_sample_round_trips(path: Path) -> None:
    schema = InputSchema.from_file(path)
    again = InputSchema.from_document(schema.to_json_schema())
    assert again.fields == schema.fields
