"""Batch plans: the runs a batch will make (seed repeats, sweeps, imported rows) and their cost.

Everything here works on plain values and never raises on what a person typed or imported: bad
input becomes a :class:`BatchPlanError` with a sentence to show (sweeps, repeats) or a list of
:class:`RowProblem` s (imports). The dialog that builds a plan lives in ``ui/batch_builder.py``.

The package is split by job: :mod:`.plan` (the plan and its limits), :mod:`.values` (typed
text to field values), :mod:`.seeds`, :mod:`.sweeps`, :mod:`.imports` (CSV/JSONL) and
:mod:`.estimate` (cost and time).
"""

from __future__ import annotations

from fizzly_desktop.core.batch_plan.estimate import (
    BatchEstimate,
    estimate,
    format_credits,
    format_duration,
    needs_confirmation,
)
from fizzly_desktop.core.batch_plan.imports import (
    ImportedRow,
    ImportResult,
    RowProblem,
    import_rows,
)
from fizzly_desktop.core.batch_plan.plan import (
    MAX_AXIS_VALUES,
    MAX_BATCH_RUNS,
    MAX_IMPORT_BYTES,
    SWEEPABLE_KINDS,
    BatchPlan,
    BatchPlanError,
    ImportKind,
    PlannedRun,
    SeedMode,
    SweepAxis,
    default_batch_name,
    format_value,
)
from fizzly_desktop.core.batch_plan.seeds import (
    draw_seeds,
    repeat_with_seeds,
    seed_bounds,
    seed_candidates,
)
from fizzly_desktop.core.batch_plan.sweeps import (
    parse_sweep_values,
    plan_from_input_sets,
    sweep,
    sweep_example,
    sweepable_fields,
)

__all__ = [
    "MAX_AXIS_VALUES",
    "MAX_BATCH_RUNS",
    "MAX_IMPORT_BYTES",
    "SWEEPABLE_KINDS",
    "BatchEstimate",
    "BatchPlan",
    "BatchPlanError",
    "ImportKind",
    "ImportResult",
    "ImportedRow",
    "PlannedRun",
    "RowProblem",
    "SeedMode",
    "SweepAxis",
    "default_batch_name",
    "draw_seeds",
    "estimate",
    "format_credits",
    "format_duration",
    "format_value",
    "import_rows",
    "needs_confirmation",
    "parse_sweep_values",
    "plan_from_input_sets",
    "repeat_with_seeds",
    "seed_bounds",
    "seed_candidates",
    "sweep",
    "sweep_example",
    "sweepable_fields",
]
