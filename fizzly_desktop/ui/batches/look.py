"""How the batch dialog's parts read: field labels and short previews (colours: ``ui.colors``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fizzly_desktop.core.batch_plan import format_value
from fizzly_desktop.core.schema import FieldSpec


def field_label(spec: FieldSpec) -> str:
    if spec.title and spec.title.casefold().replace(" ", "_") != spec.name.casefold():
        return f"{spec.name} ({spec.title})"
    return spec.name


def values_preview(values: Sequence[Any], limit: int = 8) -> str:
    # Text values are quoted, so a value with a comma in it still reads as one value.
    shown = [
        f"“{one_line(v, 32)}”" if isinstance(v, str) else format_value(v) for v in values[:limit]
    ]
    if len(values) > limit:
        shown.append("…")
    return ", ".join(shown)


def one_line(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
