"""Property: for any schema of the supported subset, building the form never raises, and whatever
values the form gives (defaults, or after random edits) validate, or the form says they do not."""

from __future__ import annotations

import json
import string
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from PySide6.QtWidgets import QApplication

from fizzly_desktop.core.schema import InputSchema
from fizzly_desktop.ui.forms import (
    BooleanField,
    EnumField,
    FieldWidget,
    FileField,
    JsonField,
    LineField,
    ListField,
    NumberField,
    ObjectField,
    SchemaForm,
    SeedField,
    TextField,
)

names = st.sampled_from(
    [
        "prompt",
        "seed",
        "width",
        "mode",
        "tags",
        "image_url",
        "strength",
        "notes",
        "size",
        "flag",
        "image_urls",
        "extra",
        "api_key",
        "steps",
    ]
)
small_text = st.text(alphabet=string.ascii_letters + " ", max_size=12)


def bounds(integer: bool) -> st.SearchStrategy[dict[str, Any]]:
    number = (
        st.integers(-(2**33), 2**33)
        if integer
        else st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
    )
    return st.fixed_dictionaries(
        {},
        optional={
            "minimum": number,
            "maximum": number,
            "exclusiveMinimum": number,
            "multipleOf": st.sampled_from([1, 2, 5]) if integer else st.sampled_from([0.5, 0.25]),
        },
    )


def scalar_schema() -> st.SearchStrategy[dict[str, Any]]:
    string_schema = st.fixed_dictionaries(
        {"type": st.just("string")},
        optional={
            "minLength": st.integers(0, 5),
            "maxLength": st.integers(0, 400),
            "pattern": st.sampled_from(["^[a-z]*$", "^\\d+$", "x"]),
            "format": st.sampled_from(["password", "uri", "date"]),
            "default": small_text,
        },
    )
    integer_schema = bounds(True).map(lambda b: {"type": "integer", **b})
    number_schema = bounds(False).map(lambda b: {"type": "number", **b})
    enum_schema = st.lists(
        st.one_of(small_text, st.integers(-3, 3), st.booleans()),
        min_size=1,
        max_size=4,
        unique_by=lambda v: json.dumps(v),
    ).map(lambda choices: {"enum": choices})
    array_schema = st.sampled_from(["string", "integer", "number"]).flatmap(
        lambda item: st.fixed_dictionaries(
            {"type": st.just("array"), "items": st.just({"type": item})},
            optional={"minItems": st.integers(0, 2), "maxItems": st.integers(0, 3)},
        )
    )
    odd = st.sampled_from(
        [
            {"oneOf": [{"type": "string"}, {"type": "integer"}]},
            {"type": "object"},
            {"type": ["string", "number"]},
            {"not": {"type": "null"}},
            {},
        ]
    )
    return st.one_of(
        string_schema,
        integer_schema,
        number_schema,
        enum_schema,
        array_schema,
        st.just({"type": "boolean"}),
        odd,
    )


def property_schema() -> st.SearchStrategy[dict[str, Any]]:
    base = scalar_schema()
    nullable = base.map(lambda s: {"anyOf": [s, {"type": "null"}]})
    with_default = st.tuples(base, st.one_of(small_text, st.integers(-5, 5), st.booleans())).map(
        lambda pair: {**pair[0], "default": pair[1]}
    )
    nested = st.dictionaries(names, base, min_size=1, max_size=3).flatmap(
        lambda props: st.lists(st.sampled_from(sorted(props)), unique=True).map(
            lambda required: {"type": "object", "properties": props, "required": required}
        )
    )
    return st.one_of(base, nullable, with_default, nested)


schemas = st.dictionaries(names, property_schema(), min_size=1, max_size=6).flatmap(
    lambda props: st.lists(st.sampled_from(sorted(props)), unique=True).map(
        lambda required: {"type": "object", "properties": props, "required": required}
    )
)


def poke(widget: FieldWidget, data: st.DataObject) -> None:
    """Change a widget the way a user could."""
    if isinstance(widget, ObjectField):
        for row in widget.section.rows.values():
            poke(row.widget, data)
        return
    action = data.draw(st.integers(0, 3))
    if action == 0:
        return
    if isinstance(widget, SeedField):
        if action == 1:
            widget.set_random(True)
        elif widget.line is not None:
            widget.set_random(False)
            widget.line.setText(str(data.draw(st.integers(-10, 2**33))))
    elif isinstance(widget, NumberField):
        if widget.spin is not None:
            low, high = widget.spin.minimum(), widget.spin.maximum()
            widget._set_spin(data.draw(st.floats(low, high, allow_nan=False)))
        elif widget.line is not None:
            widget.line.setText(data.draw(st.sampled_from(["", "-", "12", "1e", "3.5", "-7"])))
    elif isinstance(widget, LineField):
        widget.editor.setText(data.draw(small_text))
    elif isinstance(widget, TextField):
        widget.editor.setPlainText(data.draw(small_text))
    elif isinstance(widget, EnumField):
        widget.combo.setCurrentIndex(data.draw(st.integers(0, widget.combo.count() - 1)))
    elif isinstance(widget, BooleanField):
        widget.check.setChecked(not widget.check.isChecked())
    elif isinstance(widget, ListField):
        for text in data.draw(st.lists(st.sampled_from(["a", "1", "2.5", "", "x y"]), max_size=3)):
            widget.add_item(text)
    elif isinstance(widget, JsonField):
        widget.editor.setPlainText(data.draw(st.sampled_from(["", "1", '"s"', "[1]", "{", "null"])))
    elif isinstance(widget, FileField):
        widget.set_value(data.draw(st.sampled_from(["https://example.com/a.png", "not a url"])))
    widget.changed.emit()


def check(form: SchemaForm, validator: Draft202012Validator) -> None:
    form.validate_now()
    values = form.values(fill_random=True)
    json.dumps(values)  # the values are plain JSON
    if form.is_valid():
        problems = [e.message for e in validator.iter_errors(values)]
        assert problems == [], (values, problems)
    else:
        assert form.blocking_reason()


@settings(
    max_examples=100,
    database=None,  # no .hypothesis folder in the working tree
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(document=schemas, data=st.data())
def test_generated_forms_never_raise_and_never_hide_invalid_values(
    qapp: QApplication, document: dict[str, Any], data: st.DataObject
) -> None:
    schema = InputSchema.from_document(document)
    validator = Draft202012Validator(document)
    form = SchemaForm(schema)
    try:
        check(form, validator)
        for name in form.field_names():
            widget = form.field_widget(name)
            assert widget is not None
            poke(widget, data)
        check(form, validator)
    finally:
        form.deleteLater()
        qapp.processEvents()
