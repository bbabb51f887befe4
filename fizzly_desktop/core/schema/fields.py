"""What an input field is: its kinds, spec and errors, and the words and numbers shown for it."""

from __future__ import annotations

import json
import math
import random
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

FieldKind = Literal[
    "string",
    "text",
    "password",
    "enum",
    "integer",
    "number",
    "boolean",
    "string_list",
    "number_list",
    "object",
    "object_list",
    "union",
    "color",
    "file",
    "json",
]

FIELD_KINDS: tuple[FieldKind, ...] = get_args(FieldKind)

#: Seeds are unsigned 32-bit in most image models; a random seed is drawn from this range.
SEED_MAX = 4_294_967_295

#: Strings longer than this (by ``maxLength``) get a multi-line editor.
MULTILINE_MAX_LENGTH = 200

#: A form shows this many fields before folding optional ones under "Advanced".
ESSENTIAL_FIELD_COUNT = 6

_PROMPT_WORDS = ("prompt", "text", "caption", "instruction", "instructions", "message", "story")
_PROMPT_NAMES = frozenset(
    {"description", "content", "lyrics", "script", "context", "query", "inputs"}
)


class SchemaError(ValueError):
    """A document that cannot describe a workflow's inputs; ``str(error)`` is a plain sentence."""


@dataclass(frozen=True)
class FieldError:
    """One problem with the values: where (``path`` from the top, e.g. ``("size", "width")``)
    and what, in a sentence a non-programmer can act on."""

    path: tuple[str | int, ...]
    message: str

    @property
    def field(self) -> str:
        """The top-level input the problem belongs to ("" for the inputs as a whole)."""
        return str(self.path[0]) if self.path else ""


@dataclass(frozen=True, eq=True)
class FieldSpec:
    """One input of a workflow, as a form needs it.

    ``schema`` is the field's own JSON Schema with references resolved; it is what gets written
    back by :meth:`InputSchema.to_json_schema` for kinds the generator cannot rebuild (``json``).
    ``multiple`` marks a list of files (``*_urls``). ``fields`` are an object's inputs, or the
    inputs of each item of an ``object_list``; ``variants`` are the shapes a ``union`` takes
    ("a preset or a custom size": an ``enum`` and an ``object``; or several objects, each
    titled with its name in the choice), and the item shapes of an ``object_list`` whose items
    are such a choice. ``choice_labels`` are the schema's own words for ``choices`` ("" where it
    gives none). ``accept`` is a media type
    pattern for files (``image/*``), ``integer_items`` tells a number list to hold whole numbers.
    """

    name: str
    kind: FieldKind
    title: str
    description: str = ""
    required: bool = False
    has_default: bool = False
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: float | None = None
    exclusive_maximum: float | None = None
    step: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    min_items: int | None = None
    max_items: int | None = None
    choices: tuple[Any, ...] = ()
    choice_labels: tuple[str, ...] = ()
    nullable: bool = False
    fields: tuple[FieldSpec, ...] = ()
    variants: tuple[FieldSpec, ...] = ()
    is_seed: bool = False
    is_advanced: bool = False
    multiple: bool = False
    accept: str | None = None
    integer_items: bool = False
    schema: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def is_image(self) -> bool:
        """A file input that takes pictures (the picker shows a thumbnail). One whose kind of
        file is not known (a song, a model's weights) is not taken for a picture."""
        return self.kind == "file" and (self.accept or "").startswith("image/")

    @property
    def lower_bound(self) -> float | None:
        """The smallest allowed number, counting an exclusive bound as one step inside."""
        if self.minimum is not None:
            return self.minimum
        if self.exclusive_minimum is not None:
            return self.exclusive_minimum + (1 if self.kind == "integer" else 0)
        return None

    @property
    def upper_bound(self) -> float | None:
        """The largest allowed number, counting an exclusive bound as one step inside."""
        if self.maximum is not None:
            return self.maximum
        if self.exclusive_maximum is not None:
            return self.exclusive_maximum - (1 if self.kind == "integer" else 0)
        return None


_COLOR_CHANNELS = (("r", "g", "b"), ("red", "green", "blue"))


def color_channels(spec: FieldSpec) -> tuple[str, str, str] | None:
    """The names of an RGB object's channels (``r, g, b``), when ``spec`` is a colour."""
    names = {child.name.lower(): child for child in spec.fields}
    for channels in _COLOR_CHANNELS:
        if set(names) == set(channels) and all(
            names[c].kind in ("integer", "number") for c in channels
        ):
            exact = {child.name.lower(): child.name for child in spec.fields}
            return exact[channels[0]], exact[channels[1]], exact[channels[2]]
    return None


def humanize(name: str) -> str:
    """``negative_prompt`` → ``Negative prompt``; ``imageURL`` → ``Image URL``."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name)
    words = [w for w in re.split(r"[_\-\s.]+", spaced) if w]
    if not words:
        return name or "Input"
    text = " ".join(words)
    text = re.sub(r"\b(url|urls|id|uri|json|api)\b", lambda m: m.group(1).upper(), text, flags=re.I)
    return text[0].upper() + text[1:]


def is_prompt_name(name: str) -> bool:
    """Names whose values are usually long free text (prompts, captions, instructions)."""
    lowered = name.lower()
    if lowered in _PROMPT_NAMES:
        return True
    parts = re.split(r"[_\-\s]+", lowered)
    return any(part in _PROMPT_WORDS for part in parts)


def is_file_name(name: str) -> bool:
    """fal's convention: ``image_url``, ``mask_urls``… are files given by address."""
    lowered = name.lower()
    return lowered.endswith(("_url", "_urls")) or lowered in {"url", "urls", "image", "images"}


def format_number(value: float) -> str:
    """2048 → "2048", 7.5 → "7.5", 1e-05 → "0.00001"."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return str(int(value))
    text = f"{value:.10f}".rstrip("0").rstrip(".")
    return text if text not in ("", "-0") else "0"


def random_seed_value(spec: FieldSpec | None = None, rng: random.Random | None = None) -> int:
    """A fresh seed inside the field's bounds (0..4294967295 when it states none)."""
    generator = rng or random.SystemRandom()
    low = 0
    high = SEED_MAX
    if spec is not None:
        if spec.lower_bound is not None:
            low = math.ceil(spec.lower_bound)
        if spec.upper_bound is not None:
            high = math.floor(spec.upper_bound)
    step = 1
    if spec is not None and spec.step is not None and float(spec.step).is_integer():
        step = max(int(spec.step), 1)
    # Seeds honour multipleOf too: draw a whole number of steps inside the bounds.
    first, last = -(-low // step), high // step
    if last < first:
        return first * step
    return generator.randint(first, last) * step


def parse_json_text(text: str, *, what: str) -> Any:
    """Parse JSON typed or pasted by a person, with an error that says where it went wrong."""
    if not text.strip():
        raise SchemaError(f"The {what} is empty.")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise SchemaError(
            f"The {what} is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})."
        ) from exc
    except RecursionError as exc:
        raise SchemaError(f"The {what} is nested too deeply to read.") from exc
