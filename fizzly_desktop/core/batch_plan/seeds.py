"""Seeds in a batch: which inputs carry one, their bounds, repeats with seeds, drawn seeds."""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from fizzly_desktop.core.batch_plan.plan import (
    BatchPlanError,
    PlannedRun,
    SeedMode,
    check_run_count,
)
from fizzly_desktop.core.schema import SEED_MAX, FieldSpec, InputSchema


def seed_candidates(schema: InputSchema) -> list[FieldSpec]:
    """Whole-number inputs that can carry a seed, the ones named as seeds first."""
    whole = [spec for spec in schema.fields if spec.kind == "integer"]
    return sorted(whole, key=lambda spec: not spec.is_seed)


def seed_bounds(spec: FieldSpec | None) -> tuple[int, int]:
    """The seeds a field accepts: its own bounds, else ``0..4294967295``."""
    low, high = 0, SEED_MAX
    if spec is not None:
        if spec.lower_bound is not None:
            low = math.ceil(spec.lower_bound)
        if spec.upper_bound is not None:
            high = math.floor(spec.upper_bound)
    return low, high


def repeat_with_seeds(
    base: Mapping[str, Any],
    n: int,
    seed_field: str | None = "seed",
    mode: SeedMode = "random",
    start: int | None = None,
    rng: random.Random | None = None,
    *,
    bounds: tuple[int, int] = (0, SEED_MAX),
) -> list[PlannedRun]:
    """``n`` runs of the same inputs, each with its own seed in ``seed_field``.

    ``mode="random"`` draws ``n`` different seeds within ``bounds`` (inclusive);
    ``mode="increment"`` counts up from ``start`` (default: the base's seed, else the lowest
    bound), wrapping round to the lowest bound after the highest. ``seed_field=None`` repeats the
    inputs unchanged (for workflows without a seed whose results vary anyway).
    """
    check_run_count(n)
    if seed_field is None:
        return [
            PlannedRun(inputs=dict(base), grid_position=None, label=f"Run {i + 1}")
            for i in range(n)
        ]
    low, high = bounds
    if high < low:
        raise BatchPlanError(f"{seed_field} accepts no whole number, so it cannot take seeds.")
    available = high - low + 1
    if n > available:
        raise BatchPlanError(
            f"{seed_field} takes only {available:,} different seeds ({low} to {high}), "
            f"fewer than {n:,} runs."
        )
    if mode == "random":
        generator = rng or random.Random()
        seeds = [low + offset for offset in generator.sample(range(available), n)]
    elif mode == "increment":
        first = _first_seed(base.get(seed_field), low, high) if start is None else start
        if not low <= first <= high:
            raise BatchPlanError(
                f"The first seed must be between {low} and {high}; {first} is outside."
            )
        seeds = [low + (first - low + i) % available for i in range(n)]
    else:
        raise BatchPlanError(f"Seeds are either random or counted up, not {mode!r}.")
    return [
        PlannedRun(
            inputs={**base, seed_field: seed},
            grid_position=None,
            label=f"{seed_field} = {seed}",
        )
        for seed in seeds
    ]


def _first_seed(current: Any, low: int, high: int) -> int:
    if isinstance(current, int) and not isinstance(current, bool) and low <= current <= high:
        return current
    return low


def draw_seeds(
    inputs: Sequence[Mapping[str, Any]],
    seed_fields: Iterable[FieldSpec],
    rng: random.Random | None = None,
    *,
    shared: bool,
) -> list[dict[str, Any]]:
    """Give every input set a concrete seed where it has none, so each run can be reproduced.

    ``shared=True`` uses one seed per field for all sets (the cells of a sweep then differ only
    by the swept values); otherwise each set gets its own.
    """
    generator = rng or random.Random()
    specs = list(seed_fields)
    shared_seeds = {spec.name: _draw(spec, generator) for spec in specs} if shared else {}
    out: list[dict[str, Any]] = []
    for values in inputs:
        filled = dict(values)
        for spec in specs:
            if filled.get(spec.name) is None:
                seed = shared_seeds[spec.name] if shared else _draw(spec, generator)
                filled[spec.name] = seed
        out.append(filled)
    return out


def _draw(spec: FieldSpec, generator: random.Random) -> int:
    low, high = seed_bounds(spec)
    return generator.randint(low, high) if high >= low else low
