"""A batch plan: the runs a batch will make, their sweep axes, and the words that name them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from fizzly_desktop.core.schema import format_number

#: The most runs one batch can hold; a typo such as ``1..100000`` must not make a fortune of runs.
MAX_BATCH_RUNS = 1000

#: The most values one sweep axis can have (a grid wider than this cannot be looked at).
MAX_AXIS_VALUES = 100

#: Import files larger than this are refused before being read.
MAX_IMPORT_BYTES = 10_000_000

#: Field kinds whose values can be swept.
SWEEPABLE_KINDS = frozenset({"integer", "number", "enum", "string", "text", "boolean"})

SeedMode = Literal["random", "increment"]
ImportKind = Literal["csv", "jsonl"]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class BatchPlanError(ValueError):
    """What a person asked for cannot make a batch; ``str(error)`` is a sentence to show them."""


# --- the plan -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SweepAxis:
    """One swept input and the values it takes, in the order the grid shows them."""

    field: str
    values: tuple[Any, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", tuple(self.values))

    def header(self, index: int) -> str:
        """The grid header of value ``index``: ``width = 512``."""
        return f"{self.field} = {format_value(self.values[index])}"


@dataclass(frozen=True)
class PlannedRun:
    """One run of a batch: the inputs it will send, its cell in a sweep grid, and a short label.

    ``grid_position`` is ``(row, column)``: the column is the index of axis A's value, the row the
    index of axis B's (0 when only one field is swept); ``None`` outside sweeps.
    """

    inputs: dict[str, Any]
    grid_position: tuple[int, int] | None
    label: str


@dataclass(frozen=True)
class BatchPlan:
    """A named, ordered list of runs of one workflow, ready for the batch queue.

    ``items`` are in the order they will be sent; ``axes`` holds the swept fields of a sweep
    (empty otherwise). ``input_sets()`` is what the batch queue takes.
    """

    name: str
    owner: str
    slug: str
    items: tuple[PlannedRun, ...]
    axes: tuple[SweepAxis, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", tuple(self.items))
        object.__setattr__(self, "axes", tuple(self.axes))

    @property
    def workflow(self) -> str:
        """``owner/slug``."""
        return f"{self.owner}/{self.slug}"

    @property
    def grid_shape(self) -> tuple[int, int]:
        """``(rows, columns)`` of the sweep grid; ``(0, 0)`` when the plan is not a sweep."""
        if not self.axes:
            return (0, 0)
        columns = len(self.axes[0].values)
        rows = len(self.axes[1].values) if len(self.axes) > 1 else 1
        return (rows, columns)

    def input_sets(self) -> list[dict[str, Any]]:
        """The inputs of every run, in order (copies: the plan stays as it was)."""
        return [dict(item.inputs) for item in self.items]


# --- values in words ------------------------------------------------------------------------------


def format_value(value: Any) -> str:
    """A value as a person reads it in a label or header: ``7.5``, ``true``, ``a red fox``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return format_number(value)
    if value is None:
        return "none"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def shorten(text: str, limit: int = 40) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def quoted(text: str) -> str:
    """What a person wrote, quoted in a message (shortened when long)."""
    return f"'{shorten(text, 60)}'"


def default_batch_name(what: str, now: datetime | None = None) -> str:
    """A batch name that says what and when: ``Sweep guidance_scale × width — 28 Nov 21:40``."""
    moment = now or datetime.now()
    when = f"{moment.day} {_MONTHS[moment.month - 1]} {moment:%H:%M}"
    return f"{what} — {when}"


def check_run_count(count: int) -> None:
    """Refuse a batch of no runs or of more than :data:`MAX_BATCH_RUNS`."""
    if count < 1:
        raise BatchPlanError("A batch needs at least one run.")
    if count > MAX_BATCH_RUNS:
        raise BatchPlanError(
            f"That is {count:,} runs; one batch can hold at most {MAX_BATCH_RUNS:,}."
        )
