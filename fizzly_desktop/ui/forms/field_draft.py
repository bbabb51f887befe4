"""A field as the field editor holds it: the user's text per property, checked into a FieldSpec."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, replace
from typing import Any

from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP
from fizzly_desktop.core.schema import (
    FieldKind,
    FieldSpec,
    SchemaError,
    format_number,
    humanize,
)
from fizzly_desktop.ui.i18n import translate

#: The types offered, in the user's words.
KIND_NAMES: dict[FieldKind, str] = {
    "string": QT_TRANSLATE_NOOP("FieldDraft", "Text (one line)"),
    "text": QT_TRANSLATE_NOOP("FieldDraft", "Text (several lines)"),
    "password": QT_TRANSLATE_NOOP("FieldDraft", "Secret text"),
    "enum": QT_TRANSLATE_NOOP("FieldDraft", "Choice from a list"),
    "integer": QT_TRANSLATE_NOOP("FieldDraft", "Whole number"),
    "number": QT_TRANSLATE_NOOP("FieldDraft", "Number"),
    "boolean": QT_TRANSLATE_NOOP("FieldDraft", "Yes / no"),
    "string_list": QT_TRANSLATE_NOOP("FieldDraft", "List of texts"),
    "number_list": QT_TRANSLATE_NOOP("FieldDraft", "List of numbers"),
    "file": QT_TRANSLATE_NOOP("FieldDraft", "Image or file"),
    "json": QT_TRANSLATE_NOOP("FieldDraft", "JSON value"),
}
MULTI_FILE = "files"
_KEPT_SHAPES = frozenset({"object", "object_list", "union", "color"})
_KEPT_NAMES = {
    "object_list": QT_TRANSLATE_NOOP("FieldDraft", "Rows of inputs"),
    "union": QT_TRANSLATE_NOOP("FieldDraft", "Choice of shapes"),
    "color": QT_TRANSLATE_NOOP("FieldDraft", "Colour"),
}
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")
_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


@dataclass
class FieldDraft:
    """One input as typed in the editor: texts until they are checked by :meth:`to_spec`."""

    name: str
    kind: FieldKind = "string"
    title: str = ""
    description: str = ""
    required: bool = False
    advanced: bool = False
    multiple: bool = False
    default_text: str = ""
    minimum_text: str = ""
    maximum_text: str = ""
    choices_text: str = ""
    original: FieldSpec | None = None
    #: An empty text default ("" as in Cog's negative_prompt) is a default too.
    empty_default: bool = False

    @classmethod
    def from_spec(cls, spec: FieldSpec) -> FieldDraft:
        default = ""
        if spec.has_default:
            default = _default_text(spec.kind, spec.default)
        return cls(
            name=spec.name,
            kind=spec.kind,
            title=spec.title if spec.title != humanize(spec.name) else "",
            description=spec.description,
            required=spec.required,
            advanced=spec.is_advanced,
            multiple=spec.multiple,
            default_text=default,
            minimum_text=format_number(spec.minimum) if spec.minimum is not None else "",
            maximum_text=format_number(spec.maximum) if spec.maximum is not None else "",
            choices_text="\n".join(_choice_text(c) for c in spec.choices),
            original=spec,
            empty_default=spec.has_default and spec.default == "",
        )

    def label(self) -> str:
        kind = (
            translate("FieldDraft", "Images or files")
            if self.kind == "file" and self.multiple
            else translate(
                "FieldDraft",
                KIND_NAMES.get(self.kind) or _KEPT_NAMES.get(self.kind, "Group of inputs"),
            )
        )
        shown = (
            self.title or humanize(self.name) if self.name else translate("FieldDraft", "(no name)")
        )
        return f"{shown}  ·  {kind}{'  · required' if self.required else ''}"

    def to_spec(self) -> FieldSpec:
        """The field this draft describes; SchemaError says plainly what is wrong."""
        name = self.name.strip()
        if not name:
            raise SchemaError(translate("FieldDraft", "Every input needs a name."))
        if not _NAME.match(name):
            raise SchemaError(
                translate(
                    "FieldDraft",
                    "The name {name} can only have letters, digits, '_' and '-', and must "
                    "not start with a digit (it is what the workflow receives).",
                ).format(name=repr(name))
            )
        title = self.title.strip() or humanize(name)
        spec = FieldSpec(
            name=name,
            kind=self.kind,
            title=title,
            description=self.description.strip(),
            required=self.required,
            is_advanced=self.advanced and not self.required,
        )
        # Shapes the editor does not build (groups, rows of small forms, choices, colours)
        # keep what they were read as; only their words and place change.
        if self.kind in _KEPT_SHAPES and self.original is not None:
            return replace(
                self.original,
                name=name,
                title=title,
                description=spec.description,
                required=self.required,
                is_advanced=spec.is_advanced,
            )
        if self.kind == "json" and self.original is not None and self.original.kind == "json":
            spec = replace(spec, schema=self.original.schema)
        if self.kind == "enum":
            choices = self._choices()
            if not choices:
                raise SchemaError(
                    translate("FieldDraft", "{title}: list the choices, one per line.").format(
                        title=title
                    )
                )
            spec = replace(spec, choices=tuple(choices), choice_labels=self._labels(choices))
        if self.kind in ("integer", "number"):
            low = self._number(self.minimum_text, translate("FieldDraft", "smallest value"))
            high = self._number(self.maximum_text, translate("FieldDraft", "largest value"))
            if low is not None and high is not None and low > high:
                raise SchemaError(
                    translate(
                        "FieldDraft", "{title}: the smallest value is above the largest."
                    ).format(title=title)
                )
            spec = replace(spec, minimum=low, maximum=high)
        if self.kind == "file":
            accept = self.original.accept if self.original else None
            spec = replace(spec, multiple=self.multiple, accept=accept or "image/*")
        if self.kind == "number_list" and self.original is not None:
            spec = replace(spec, integer_items=self.original.integer_items)
        if self.default_text.strip():
            spec = replace(spec, has_default=True, default=self._default(spec))
        elif self.empty_default and self.kind in ("string", "text", "password"):
            spec = replace(spec, has_default=True, default="")
        if spec.kind in ("integer", "number") and spec.has_default:
            value = spec.default
            if (spec.minimum is not None and value < spec.minimum) or (
                spec.maximum is not None and value > spec.maximum
            ):
                raise SchemaError(
                    translate(
                        "FieldDraft", "{title}: the default is outside the smallest/largest values."
                    ).format(title=title)
                )
        if spec.kind == "integer" and name.lower() in ("seed", "random_seed"):
            spec = replace(spec, is_seed=True)
        return spec

    def _choices(self) -> list[Any]:
        lines = [line.strip() for line in self.choices_text.splitlines() if line.strip()]
        originals = self.original.choices if self.original and self.original.kind == "enum" else ()
        by_text = {_choice_text(choice): choice for choice in originals}
        return [by_text.get(line, line) for line in dict.fromkeys(lines)]

    def _labels(self, choices: list[Any]) -> tuple[str, ...]:
        """The schema's own labels of the choices kept from the original field."""
        original = self.original
        if original is None or original.kind != "enum" or not any(original.choice_labels):
            return ()
        given = dict(zip(original.choices, original.choice_labels, strict=False))
        return tuple(given.get(choice, "") for choice in choices)

    def _number(self, text: str, what: str) -> float | None:
        text = text.strip()
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            raise SchemaError(
                translate("FieldDraft", "{name}: the {what} must be a number.").format(
                    name=self.name, what=what
                )
            ) from None
        if not math.isfinite(number):
            raise SchemaError(
                translate("FieldDraft", "{name}: the {what} must be a number.").format(
                    name=self.name, what=what
                )
            )
        if self.kind == "integer":
            if not number.is_integer():
                raise SchemaError(
                    translate("FieldDraft", "{name}: the {what} must be a whole number.").format(
                        name=self.name, what=what
                    )
                )
            return int(number)
        return int(number) if number.is_integer() and "." not in text else number

    def _default(self, spec: FieldSpec) -> Any:
        text = self.default_text.strip()
        title = spec.title
        kind = spec.kind
        if kind in ("string", "password"):
            return self.default_text
        if kind == "text":
            return self.default_text
        if kind == "integer":
            try:
                return int(text)
            except ValueError:
                raise SchemaError(
                    translate("FieldDraft", "{title}: the default must be a whole number.").format(
                        title=title
                    )
                ) from None
        if kind == "number":
            try:
                number = float(text)
            except ValueError:
                raise SchemaError(
                    translate("FieldDraft", "{title}: the default must be a number.").format(
                        title=title
                    )
                ) from None
            return int(number) if number.is_integer() and "." not in text else number
        if kind == "boolean":
            if text.lower() in _TRUE:
                return True
            if text.lower() in _FALSE:
                return False
            raise SchemaError(
                translate("FieldDraft", "{title}: the default must be yes or no.").format(
                    title=title
                )
            )
        if kind == "enum":
            for choice in spec.choices:
                if _choice_text(choice) == text:
                    return choice
            raise SchemaError(
                translate("FieldDraft", "{title}: the default must be one of the choices.").format(
                    title=title
                )
            )
        if kind == "string_list":
            return [part.strip() for part in text.split(",") if part.strip()]
        if kind == "number_list":
            try:
                numbers = [float(part) for part in text.split(",") if part.strip()]
            except ValueError:
                raise SchemaError(
                    translate(
                        "FieldDraft", "{title}: the default must be numbers separated by commas."
                    ).format(title=title)
                ) from None
            return [int(n) if n.is_integer() else n for n in numbers]
        if kind == "file":
            return [text] if spec.multiple else text
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise SchemaError(
                translate("FieldDraft", "{title}: the default is not valid JSON ({msg}).").format(
                    title=title, msg=exc.msg
                )
            ) from None


def _choice_text(choice: Any) -> str:
    if isinstance(choice, bool):
        return "true" if choice else "false"
    if isinstance(choice, (int, float)):
        return format_number(choice)
    return str(choice)


def _default_text(kind: FieldKind, value: Any) -> str:
    if kind in ("string", "text", "password") and isinstance(value, str):
        return value
    if kind == "boolean" and isinstance(value, bool):
        return "yes" if value else "no"
    if kind in ("integer", "number") and isinstance(value, (int, float)):
        return format_number(value)
    if kind == "enum":
        return _choice_text(value)
    if kind in ("string_list", "number_list") and isinstance(value, list):
        return ", ".join(_choice_text(v) for v in value)
    if kind == "file" and isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
