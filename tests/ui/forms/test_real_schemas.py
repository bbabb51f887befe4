"""Real published input schemas (fal, Replicate, Hugging Face) become forms that round-trip.

Each document in ``tests/fixtures/schemas`` is added as a user adds a workflow (imported from a
file into the library, read back from it), its form is built offscreen, and:

* the defaults, with the required inputs filled, validate against the *original* document;
* each input set through its editor to a valid value other than its default comes back
  unchanged from the form and still validates against the original document;
* a raw-JSON editor appears only for an object that declares no properties at all (at any
  depth: inside groups, list rows and the shapes of a choice).

The totals are printed (``pytest -s``) and checked, so a regression shows as a number.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.library import WorkflowLibrary
from fizzly_desktop.core.schema import FieldSpec, InputSchema, color_channels
from fizzly_desktop.ui.forms import OMITTED, SchemaForm

CORPUS = Path(__file__).parents[2] / "fixtures" / "schemas"
DOCUMENTS = sorted(CORPUS.rglob("*.json"))


def declares_properties(schema: Any) -> bool:
    """Whether a schema gives any shape to fill in: properties of its own, or of a branch of a
    choice, or of its items."""
    if not isinstance(schema, Mapping):
        return False
    if isinstance(schema.get("properties"), Mapping) and schema["properties"]:
        return True
    branches = [b for key in ("anyOf", "oneOf", "allOf") for b in schema.get(key) or []]
    return any(declares_properties(b) for b in [*branches, schema.get("items")])


def nested(
    spec: FieldSpec, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], FieldSpec]]:
    """``spec`` and every input inside it: a group's, a list row's, each shape of a choice's."""
    here = (*path, spec.name)
    yield here, spec
    for child in spec.fields:
        yield from nested(child, here)
    for variant in spec.variants:
        for inner_path, inner in nested(variant, path):
            if inner is not variant:
                yield inner_path, inner


# --- the original document, as a validator ---


def _published(document: Mapping[str, Any]) -> Mapping[str, Any]:
    """The schema document inside a host's model record (fal's, Replicate's), as published."""
    if isinstance(document.get("openapi"), Mapping):
        return document["openapi"]
    if isinstance(document.get("latest_version"), Mapping):
        return document["latest_version"]["openapi_schema"]
    return document


def _openapi_nullable(node: Any) -> Any:
    """OpenAPI 3.0's ``nullable: true`` said in JSON Schema (``type: [t, "null"]``)."""
    if isinstance(node, list):
        return [_openapi_nullable(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _openapi_nullable(value) for key, value in node.items()}
    if out.pop("nullable", None) is True:
        if isinstance(out.get("type"), str):
            out["type"] = [out["type"], "null"]
        if isinstance(out.get("enum"), list) and None not in out["enum"]:
            out["enum"] = [*out["enum"], None]
        if "allOf" in out or "$ref" in out or "anyOf" in out or "oneOf" in out:
            out = {"anyOf": [out, {"type": "null"}]}
    return out


def original_validator(path: Path) -> Draft202012Validator:
    document = _openapi_nullable(copy.deepcopy(_published(json.loads(path.read_text()))))
    if "Input" in document.get("components", {}).get("schemas", {}):
        target = {"$ref": "#/components/schemas/Input"}
    elif "paths" in document:
        posts = [item["post"] for item in document["paths"].values() if "post" in item]
        assert len(posts) == 1, path.name
        target = posts[0]["requestBody"]["content"]["application/json"]["schema"]
    else:
        target = {"$ref": "#"}
    root = {**document, "$ref": target["$ref"]} if "$ref" in target else target
    if target.get("$ref") == "#":
        root = document
    return Draft202012Validator(root)


def problems(validator: Draft202012Validator, values: Mapping[str, Any]) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(dict(values))]


# --- values to try ---


def _text_for(spec: FieldSpec) -> str:
    if spec.kind == "file":
        return "https://example.com/inputs/picture.png"
    lowered = spec.name.lower()
    if "language" in lowered:
        return "en"
    return "A lighthouse on a cliff at dawn"


def candidates(spec: FieldSpec) -> Iterator[Any]:
    """Values to try for ``spec``, most telling first; the test keeps the first valid one."""
    kind = spec.kind
    if kind == "enum":
        yield from (c for c in spec.choices if c != spec.default)
        yield from spec.choices
    elif kind in ("integer", "number"):
        low, high = spec.lower_bound, spec.upper_bound
        options: list[float] = []
        for value in (high, low):
            if value is not None:
                options.append(value)
        if spec.default is not None and isinstance(spec.default, (int, float)):
            options += [spec.default + (spec.step or 1), spec.default - (spec.step or 1)]
        options += [1, 2, 0.5, 0]
        for value in options:
            yield int(value) if kind == "integer" and float(value).is_integer() else value
    elif kind == "boolean":
        yield not spec.default if isinstance(spec.default, bool) else True
    elif kind in ("string", "text", "password"):
        yield _text_for(spec)
        yield "en"
    elif kind == "file":
        url = _text_for(spec)
        yield [url] if spec.multiple else url
    elif kind == "string_list":
        yield ["first", "second"]
    elif kind == "number_list":
        yield [1, 2]
    elif kind == "object":
        yield object_value(spec)
    elif kind == "color" or (kind == "object_list" and color_channels(spec)):
        r, g, b = color_channels(spec) or ("r", "g", "b")
        orange = {r: 255, g: 136, b: 0}
        yield orange if kind == "color" else [orange]
    elif kind == "object_list" and spec.variants:
        # A list of choices (a chat's messages): one row of each shape that can be filled.
        item = FieldSpec(name=spec.name, kind="union", title=spec.title, variants=spec.variants)
        yield [value for value in candidates(item)][:1]
        yield [value for value in candidates(item)][-1:]
    elif kind == "object_list":
        item = FieldSpec(name=spec.name, kind="object", title=spec.title, fields=spec.fields)
        yield [object_value(item)]
    elif kind == "json":
        # The document's own example, when it gives one (Hugging Face writes it as JSON text).
        example = spec.schema.get("example")
        if isinstance(example, str):
            try:
                yield json.loads(example)
            except ValueError:
                pass
    elif kind == "union":
        for variant in spec.variants:
            for value in candidates(variant):
                if value != spec.default:
                    yield value


def object_value(spec: FieldSpec) -> dict[str, Any]:
    value: dict[str, Any] = {}
    for child in spec.fields:
        if child.kind == "json":
            continue
        if child.required or not value:
            value[child.name] = next(candidates(child))
    return value


def filled_defaults(schema: InputSchema) -> dict[str, Any]:
    values = schema.defaults()
    for spec in schema.fields:
        if spec.required and spec.name not in values:
            values[spec.name] = next(candidates(spec))
    return values


# --- the test ---


TOTALS: dict[str, int] = {}


def _add(key: str, count: int = 1) -> None:
    TOTALS[key] = TOTALS.get(key, 0) + count


def added_like_a_user(path: Path, tmp_path: Path) -> InputSchema:
    """Import the file into a workflow of the library and read its inputs back, as the app."""
    library = WorkflowLibrary("default", tmp_path / "library.json")
    library.add("corpus", path.stem.replace(".", "-"), path.stem)
    schema = InputSchema.from_file(path)
    entry = library.set_schema(
        "corpus", path.stem.replace(".", "-"), schema.to_json_schema(), "file"
    )
    return entry.input_schema()


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_real_schema_round_trips_through_its_form(qtbot: QtBot, tmp_path: Path, path: Path) -> None:
    schema = added_like_a_user(path, tmp_path)
    _add("documents")
    validator = original_validator(path)
    form = SchemaForm(schema)
    qtbot.addWidget(form)

    base = filled_defaults(schema)
    assert form.set_values(base) == []
    shown = form.values()
    assert problems(validator, shown) == [], "defaults do not validate"
    assert form.is_valid(), form.blocking_reason()

    for spec in schema.fields:
        for inner_path, inner in nested(spec):
            _add("inputs at any depth")
            if inner.kind == "json":
                _add("raw JSON at any depth")
                where = " › ".join(inner_path)
                assert not declares_properties(inner.schema), f"{where} fell back to JSON"
    for spec in schema.fields:
        _add("fields")
        if spec.kind == "json":
            _add("raw JSON")
            continue
        widget = form.field_widget(spec.name)
        assert widget is not None
        chosen = None
        for candidate in candidates(spec):
            trial = {**base, spec.name: candidate}
            if candidate != spec.default and not problems(validator, trial):
                chosen = candidate
                break
        if chosen is None:
            _add("no other valid value")
            continue
        assert widget.set_value(chosen), f"{spec.name} cannot show {chosen!r}"
        form.validate_now()
        values = form.values()
        assert values.get(spec.name, OMITTED) == chosen, spec.name
        assert problems(validator, values) == [], spec.name
        assert form.is_valid(), form.blocking_reason()
        _add("round-tripped")
        _add(f"kind {spec.kind}")
        round_trip_each_shape(form, validator, base, spec)
        assert widget.set_value(base[spec.name]) if spec.name in base else True


def round_trip_each_shape(
    form: SchemaForm, validator: Draft202012Validator, base: dict[str, Any], spec: FieldSpec
) -> None:
    """Every shape a choice offers (each object of a choice between objects, each row shape of
    a list of choices) is shown by its editor and comes back unchanged."""
    widget = form.field_widget(spec.name)
    assert widget is not None
    for variant in spec.variants:
        for candidate in candidates(variant):
            value = [candidate] if spec.kind == "object_list" else candidate
            if value == spec.default or problems(validator, {**base, spec.name: value}):
                continue
            assert widget.set_value(value), f"{spec.name} cannot show {value!r}"
            form.validate_now()
            if isinstance(candidate, dict):
                # Inputs left out of an object show their defaults, and are sent with them.
                defaults = {c.name: c.default for c in variant.fields if c.has_default}
                candidate = {**defaults, **candidate}
                value = [candidate] if spec.kind == "object_list" else candidate
            assert form.values().get(spec.name, OMITTED) == value, spec.name
            assert not problems(validator, form.values()), spec.name
            assert form.is_valid(), form.blocking_reason()
            _add("shapes of a choice round-tripped")
            break


def test_corpus_totals() -> None:
    """Printed for the record; the counts are those of the documents in the corpus."""
    assert len(DOCUMENTS) >= 25
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    for path in DOCUMENTS:
        assert path.name in sources, f"{path.name} has no source"
    print("corpus totals:", json.dumps(TOTALS, sort_keys=True))
    if TOTALS.get("documents") == len(DOCUMENTS):
        # The whole corpus ran in this process: every input round-trips, none is raw JSON.
        assert TOTALS["round-tripped"] + TOTALS.get("no other valid value", 0) == TOTALS["fields"]
        assert TOTALS.get("raw JSON", 0) == 0


#: The form's column in the main window on a 1280 px screen (the narrowest the app supports).
NARROW_PANEL = 480


@pytest.mark.parametrize("path", DOCUMENTS, ids=[p.name for p in DOCUMENTS])
def test_real_form_fits_a_narrow_panel(qtbot: QtBot, tmp_path: Path, path: Path) -> None:
    """Nothing is cut off on the right: long labels wrap, nested rows share the width."""
    form = SchemaForm(added_like_a_user(path, tmp_path))
    qtbot.addWidget(form)
    form.show_advanced(True)
    assert settled_width(form) <= NARROW_PANEL


def settled_width(form: SchemaForm) -> int:
    """The narrowest the form's inputs can be, once shown and laid out."""
    form.resize(NARROW_PANEL, 700)
    form.show()
    content = form.form_page.widget()
    assert content is not None
    # Each pass of the event loop lays out about one more level of nested groups; a form is
    # never nested twenty deep.
    for _ in range(20):
        QApplication.processEvents()
    return content.minimumSizeHint().width()


def test_a_chat_with_nested_parts_fits_a_narrow_panel(qtbot: QtBot, tmp_path: Path) -> None:
    """The deepest real shape: messages, each a choice, whose content is parts, each a choice."""
    form = SchemaForm(added_like_a_user(CORPUS / "huggingface" / "chat-completion.json", tmp_path))
    qtbot.addWidget(form)
    image = {"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}}
    parts = [{"type": "text", "text": "What is this?"}, image]
    tool = {"id": "c1", "type": "function", "function": {"name": "look"}}
    messages = [
        {"role": "user", "content": parts},
        {"role": "assistant", "tool_calls": [tool]},
    ]
    assert form.set_values({"messages": messages}) == []
    form.show_advanced(True)
    assert settled_width(form) <= NARROW_PANEL
