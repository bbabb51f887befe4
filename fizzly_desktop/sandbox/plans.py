"""What every demo workflow is made of: its plan of nodes, and the context it is planned in.

A run's whole course is decided when it is submitted (outputs are deterministic), so a
:class:`RunPlan` lists every node with its duration, credit cost, output and files to publish;
the queue then only plays it out in time.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from fizzly_desktop.sandbox.images import ImageSpec
from fizzly_desktop.sandbox.outputs import OutputSpec

OWNER = "demo"


@dataclass(frozen=True)
class NodeStep:
    """One node of a run: how long it takes (at time scale 1), what it costs, what it yields."""

    node: str
    seconds: float
    credits: int
    output: dict[str, Any] = field(default_factory=dict)
    publish: tuple[OutputSpec, ...] = ()
    # A node with an error fails the run when it finishes instead of completing.
    error: str | None = None


@dataclass(frozen=True)
class RunPlan:
    steps: tuple[NodeStep, ...]
    outputs: dict[str, Any]

    @property
    def credits(self) -> int:
        return sum(step.credits for step in self.steps)


class InputError(ValueError):
    """Inputs that passed the schema but still cannot be used; ``field`` names the input."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name
        self.message = message


@dataclass(frozen=True)
class Workflow:
    owner: str
    slug: str
    title: str
    description: str
    schema: dict[str, Any]
    planner: Callable[[Workflow, dict[str, Any], PlanContext], RunPlan]

    @property
    def workflow_id(self) -> str:
        return f"{self.owner}/{self.slug}"

    def plan(self, inputs: dict[str, Any], context: PlanContext) -> RunPlan:
        return self.planner(self, inputs, context)

    def with_defaults(self, inputs: dict[str, Any]) -> dict[str, Any]:
        filled = dict(inputs)
        for name, prop in self.schema.get("properties", {}).items():
            if name not in filled and "default" in prop:
                filled[name] = prop["default"]
        return filled


@dataclass(frozen=True)
class PlanContext:
    """What planning needs from the server: the output origin, and a lookup of its own files."""

    output_origin: str
    lookup_output: Callable[[str], ImageSpec | None]
    random_seed: Callable[[], int] = field(default=lambda: random.randrange(2**31))

    def url(self, spec: OutputSpec) -> str:
        return f"{self.output_origin}/outputs/{spec.file_name}"


def object_schema(title: str, properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def seed_of(inputs: dict[str, Any], context: PlanContext) -> int:
    seed = inputs.get("seed")
    return int(seed) if seed is not None else context.random_seed()
