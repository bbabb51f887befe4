"""Batch plans: seed repeats, sweep parsing and grids, CSV/JSONL imports, estimates."""

from __future__ import annotations

import json
import random
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fizzly_desktop.core.batch_plan import (
    MAX_AXIS_VALUES,
    MAX_BATCH_RUNS,
    BatchEstimate,
    BatchPlan,
    BatchPlanError,
    PlannedRun,
    RowProblem,
    SweepAxis,
    default_batch_name,
    draw_seeds,
    estimate,
    format_duration,
    format_value,
    import_rows,
    needs_confirmation,
    parse_sweep_values,
    plan_from_input_sets,
    repeat_with_seeds,
    seed_bounds,
    seed_candidates,
    sweep,
    sweep_example,
    sweepable_fields,
)
from fizzly_desktop.core.schema import SEED_MAX, FieldSpec, InputSchema

SCHEMA_DOC: dict[str, Any] = {
    "type": "object",
    "required": ["prompt"],
    "properties": {
        "prompt": {"type": "string", "x-order": 0},
        "width": {
            "type": "integer",
            "minimum": 256,
            "maximum": 2048,
            "default": 1024,
            "x-order": 1,
        },
        "guidance_scale": {
            "type": "number",
            "title": "Guidance Scale",
            "minimum": 1,
            "maximum": 20,
            "default": 7.5,
            "x-order": 2,
        },
        "scheduler": {"enum": ["DDIM", "K_EULER", "DPMSolverMultistep"], "x-order": 3},
        "upscale": {"type": "boolean", "default": False, "x-order": 4},
        "tags": {"type": "array", "items": {"type": "string"}, "x-order": 5},
        "weights": {"type": "array", "items": {"type": "number"}, "x-order": 6},
        "seed": {"type": "integer", "minimum": 0, "maximum": SEED_MAX, "x-order": 7},
        "strength": {"type": "number", "exclusiveMinimum": 0, "exclusiveMaximum": 1, "x-order": 8},
    },
}


@pytest.fixture
def schema() -> InputSchema:
    return InputSchema.from_document(SCHEMA_DOC)


def spec(schema: InputSchema, name: str) -> FieldSpec:
    found = schema.field(name)
    assert found is not None
    return found


def plan_of(items: list[PlannedRun], axes: tuple[SweepAxis, ...] = ()) -> BatchPlan:
    return BatchPlan("b", "demo", "text-to-image", tuple(items), axes)


# --- repeat with seeds ----------------------------------------------------------------------------


def test_random_seeds_are_distinct_within_default_bounds_and_keep_the_base() -> None:
    runs = repeat_with_seeds({"prompt": "fox", "seed": 5}, 50, rng=random.Random(1))
    seeds = [run.inputs["seed"] for run in runs]
    assert len(set(seeds)) == 50
    assert all(0 <= s <= SEED_MAX for s in seeds)
    assert all(run.inputs["prompt"] == "fox" for run in runs)
    assert runs[0].label == f"seed = {seeds[0]}"
    assert all(run.grid_position is None for run in runs)


def test_random_seeds_stay_inside_the_fields_bounds() -> None:
    runs = repeat_with_seeds({}, 5, "noise_seed", rng=random.Random(3), bounds=(10, 14))
    assert sorted(run.inputs["noise_seed"] for run in runs) == [10, 11, 12, 13, 14]


def test_random_seeds_are_reproducible_with_a_seeded_generator() -> None:
    first = repeat_with_seeds({}, 4, rng=random.Random(7))
    second = repeat_with_seeds({}, 4, rng=random.Random(7))
    assert [r.inputs for r in first] == [r.inputs for r in second]


def test_more_runs_than_distinct_seeds_is_refused() -> None:
    with pytest.raises(BatchPlanError, match=r"seed takes only 3 different seeds \(0 to 2\)"):
        repeat_with_seeds({}, 4, bounds=(0, 2))


def test_incrementing_seeds_start_where_asked() -> None:
    runs = repeat_with_seeds({"seed": 1}, 3, mode="increment", start=100)
    assert [r.inputs["seed"] for r in runs] == [100, 101, 102]


def test_incrementing_seeds_default_to_the_forms_seed_then_the_lowest_bound() -> None:
    from_form = repeat_with_seeds({"seed": 41}, 2, mode="increment")
    assert [r.inputs["seed"] for r in from_form] == [41, 42]
    no_seed = repeat_with_seeds({}, 2, mode="increment", bounds=(5, 100))
    assert [r.inputs["seed"] for r in no_seed] == [5, 6]
    out_of_bounds = repeat_with_seeds({"seed": 1}, 2, mode="increment", bounds=(5, 100))
    assert [r.inputs["seed"] for r in out_of_bounds] == [5, 6]


def test_incrementing_seeds_wrap_round_after_the_highest_bound() -> None:
    runs = repeat_with_seeds({}, 4, mode="increment", start=SEED_MAX - 1)
    assert [r.inputs["seed"] for r in runs] == [SEED_MAX - 1, SEED_MAX, 0, 1]


def test_a_first_seed_outside_the_bounds_is_refused() -> None:
    with pytest.raises(BatchPlanError, match="The first seed must be between 0 and 10; 11 is"):
        repeat_with_seeds({}, 2, mode="increment", start=11, bounds=(0, 10))


@pytest.mark.parametrize(
    ("n", "message"),
    [(0, "at least one run"), (MAX_BATCH_RUNS + 1, "1,001 runs; one batch can hold at most")],
)
def test_run_counts_outside_the_limits_are_refused(n: int, message: str) -> None:
    with pytest.raises(BatchPlanError, match=message):
        repeat_with_seeds({}, n)


def test_repeat_without_a_seed_field_copies_the_inputs() -> None:
    runs = repeat_with_seeds({"prompt": "fox"}, 3, seed_field=None)
    assert [r.inputs for r in runs] == [{"prompt": "fox"}] * 3
    assert [r.label for r in runs] == ["Run 1", "Run 2", "Run 3"]


def test_seed_bounds_and_candidates(schema: InputSchema) -> None:
    assert seed_bounds(None) == (0, SEED_MAX)
    assert seed_bounds(spec(schema, "width")) == (256, 2048)
    assert [f.name for f in seed_candidates(schema)] == ["seed", "width"]
    exclusive = FieldSpec("s", "integer", "S", exclusive_minimum=0, exclusive_maximum=10)
    assert seed_bounds(exclusive) == (1, 9)


def test_draw_seeds_shared_or_per_run(schema: InputSchema) -> None:
    seed = spec(schema, "seed")
    inputs = [{"prompt": "a"}, {"prompt": "b"}, {"prompt": "c", "seed": 3}]
    shared = draw_seeds(inputs, [seed], random.Random(2), shared=True)
    assert shared[0]["seed"] == shared[1]["seed"]
    assert shared[2]["seed"] == 3
    own = draw_seeds(inputs, [seed], random.Random(2), shared=False)
    assert own[0]["seed"] != own[1]["seed"]
    assert inputs[0] == {"prompt": "a"}


# --- sweep values ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "text", "expected"),
    [
        ("width", "512, 768, 1024", [512, 768, 1024]),
        ("width", "256..1024 step 256", [256, 512, 768, 1024]),
        ("width", "300..310", list(range(300, 311))),
        ("width", "256..1024 x4", [256, 512, 768, 1024]),
        ("width", "260..266 x3", [260, 263, 266]),
        ("width", "261..266 x3", [261, 264, 266]),
        ("width", "1024..512 step 256", [1024, 768, 512]),
        ("width", "512, 1000..1010 step 5", [512, 1000, 1005, 1010]),
        ("width", "512.0", [512]),
        ("width", "1e3", [1000]),
        ("width", "512\n768,\n1024\n", [512, 768, 1024]),
        ("scheduler", "DDIM\nK_EULER", ["DDIM", "K_EULER"]),
        ("guidance_scale", "1..2 x5", [1.0, 1.25, 1.5, 1.75, 2.0]),
        (
            "guidance_scale",
            "1..2 step 0.1",
            [1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0],
        ),
        ("guidance_scale", "1..2 step 0.3", [1.0, 1.3, 1.6, 1.9]),
        ("guidance_scale", "2, 7.5, 12", [2, 7.5, 12]),
        ("guidance_scale", "  3 ,, 4 , ", [3, 4]),
        ("scheduler", "K_EULER, DDIM", ["K_EULER", "DDIM"]),
        ("scheduler", "k_euler", ["K_EULER"]),
        ("scheduler", "*", ["DDIM", "K_EULER", "DPMSolverMultistep"]),
        ("upscale", "true, no", [True, False]),
        ("prompt", "a red fox, a blue cat", ["a red fox", "a blue cat"]),
        ("prompt", '"a fox, red", cat', ["a fox, red", "cat"]),
        ("prompt", "a fox, red\n\n  a cat, blue  \n", ["a fox, red", "a cat, blue"]),
        ("prompt", "1..5", ["1..5"]),
    ],
)
def test_sweep_values_are_typed_per_field(
    schema: InputSchema, field: str, text: str, expected: list[Any]
) -> None:
    values = parse_sweep_values(text, spec(schema, field))
    assert values == expected
    if field == "width":
        assert all(type(v) is int for v in values)


def test_float_ranges_have_no_binary_noise(schema: InputSchema) -> None:
    values = parse_sweep_values("1..1.3 step 0.1", spec(schema, "guidance_scale"))
    assert values == [1.0, 1.1, 1.2, 1.3]
    assert [repr(v) for v in values] == ["1.0", "1.1", "1.2", "1.3"]


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("width", "", "Enter the values of width to try, e.g. 256, 257, 260"),
        ("width", " , ,", "Enter the values of width to try"),
        ("width", "abc", "width: 'abc' is not a whole number."),
        ("width", "512.5", "width: '512.5' is not a whole number."),
        ("guidance_scale", "lots", "guidance_scale: 'lots' is not a number."),
        ("guidance_scale", "nan", "guidance_scale: 'nan' is not a number."),
        ("guidance_scale", "1e400", "guidance_scale: '1e400' is not a number."),
        ("width", "4096", "width: 4096 is above the maximum, 2048."),
        ("width", "128", "width: 128 is below the minimum, 256."),
        ("guidance_scale", "0.5..1.5 x5", r"guidance_scale: 0\.5 is below the minimum, 1\."),
        ("strength", "0", "strength: 0 must be more than 0."),
        ("strength", "1", "strength: 1 must be less than 1."),
        ("width", "256..2048 step 256, 512", "width: '512' is listed twice."),
        ("guidance_scale", "2, 2.0", "guidance_scale: '2' is listed twice."),
        ("guidance_scale", "1..2", r"guidance_scale: say how many values \(1..2 x5\) or the step"),
        ("width", "300..400 step 0", "width: the step must be more than 0."),
        ("width", "300..400 step -10", r"to count down, write 400..300 step 10"),
        ("width", "300..400 step 2.5", "width takes whole numbers, so the step must be whole, not"),
        ("width", "300..400 step big", "width: in '300..400 step big', the step 'big' is not a"),
        ("width", "300..400 xfive", "in '300..400 xfive', 'xfive' should be x and a count"),
        ("width", "300..400 x1", r"width: a range needs at least 2 values \(x2 or more\), not x1"),
        ("width", "300..300 x3", "width: '300..300 x3' starts and ends at the same value."),
        ("width", "300..302 x5", "would repeat whole numbers; between 300 and 302 there are only"),
        ("width", "a..400", "width: in 'a..400', 'a' is not a number."),
        ("width", "300.5..400", "width: '300.5' is not a whole number."),
        (
            "width",
            "300..400 by 5",
            "width: '300..400 by 5' is not a range; write it as 256..265 step 2.",
        ),
        ("width", "256..2048", "width: '256..2048' gives 1,793 values; a sweep can try at most"),
        ("scheduler", "EULER", r"scheduler: 'EULER' is not one of the choices \(DDIM, K_EULER"),
        ("upscale", "maybe", "upscale: 'maybe' is not true or false."),
        ("tags", "a, b", "tags cannot be swept; choose a number, a choice, text or a yes/no"),
    ],
)
def test_sweep_value_errors_say_what_is_wrong(
    schema: InputSchema, field: str, text: str, message: str
) -> None:
    with pytest.raises(BatchPlanError, match=message):
        parse_sweep_values(text, spec(schema, field))


def test_too_many_listed_values_are_refused(schema: InputSchema) -> None:
    text = ", ".join(str(i) for i in range(MAX_AXIS_VALUES + 1))
    with pytest.raises(BatchPlanError, match="101 values; a sweep can try at most 100"):
        parse_sweep_values(text, spec(schema, "prompt"))


def test_sweepable_fields_and_examples(schema: InputSchema) -> None:
    names = [f.name for f in sweepable_fields(schema)]
    assert names == [
        "prompt",
        "width",
        "guidance_scale",
        "scheduler",
        "upscale",
        "seed",
        "strength",
    ]
    assert sweep_example(spec(schema, "scheduler")).startswith("DDIM, K_EULER, DPMSolverMultistep")
    assert "x5" in sweep_example(spec(schema, "guidance_scale"))


# --- sweep grid -----------------------------------------------------------------------------------


def test_one_axis_sweep_is_a_single_row() -> None:
    axis = SweepAxis("width", (512, 768, 1024))
    runs = sweep({"prompt": "fox", "width": 1}, axis)
    assert [r.inputs for r in runs] == [
        {"prompt": "fox", "width": 512},
        {"prompt": "fox", "width": 768},
        {"prompt": "fox", "width": 1024},
    ]
    assert [r.grid_position for r in runs] == [(0, 0), (0, 1), (0, 2)]
    assert [r.label for r in runs] == ["width = 512", "width = 768", "width = 1024"]
    assert plan_of(runs, (axis,)).grid_shape == (1, 3)


def test_two_axis_sweep_goes_row_by_row_with_a_as_columns() -> None:
    a = SweepAxis("guidance_scale", (3, 7.5))
    b = SweepAxis("width", (512, 768, 1024))
    runs = sweep({"prompt": "fox"}, a, b)
    assert len(runs) == 6
    assert [r.grid_position for r in runs] == [(0, 0), (0, 1), (1, 0), (1, 1), (2, 0), (2, 1)]
    assert runs[3].inputs == {"prompt": "fox", "guidance_scale": 7.5, "width": 768}
    assert runs[3].label == "guidance_scale = 7.5 · width = 768"
    plan = plan_of(runs, (a, b))
    assert plan.grid_shape == (3, 2)
    assert plan.workflow == "demo/text-to-image"
    sets = plan.input_sets()
    sets[0]["prompt"] = "changed"
    assert plan.items[0].inputs["prompt"] == "fox"


def test_sweep_refuses_the_same_field_twice_and_too_many_runs() -> None:
    with pytest.raises(BatchPlanError, match="Both swept fields are width"):
        sweep({}, SweepAxis("width", (1,)), SweepAxis("width", (2,)))
    with pytest.raises(BatchPlanError, match="at least one value"):
        sweep({}, SweepAxis("width", ()))
    big = SweepAxis("a", tuple(range(40)))
    with pytest.raises(BatchPlanError, match="1,600 runs; one batch can hold at most 1,000"):
        sweep({}, big, SweepAxis("b", tuple(range(40))))


def test_a_sweep_is_recovered_from_its_input_sets() -> None:
    a = SweepAxis("guidance_scale", (3, 7.5))
    b = SweepAxis("width", (512, 768, 1024))
    original = plan_of(sweep({"prompt": "fox", "seed": 4}, a, b), (a, b))
    recovered = plan_from_input_sets("b", "demo", "text-to-image", original.input_sets())
    assert recovered == original
    one = SweepAxis("scheduler", ("DDIM", "K_EULER", "DPMSolverMultistep"))
    single = plan_of(sweep({"prompt": "fox"}, one), (one,))
    assert plan_from_input_sets("b", "demo", "text-to-image", single.input_sets()) == single


@pytest.mark.parametrize(
    "input_sets",
    [
        [{"seed": 1}, {"seed": 2}, {"seed": 3}],
        [{"a": 1, "b": 1}, {"a": 2, "b": 2}],
        [{"a": 1, "b": 1}, {"a": 2, "b": 1}, {"a": 1, "b": 2}],
        [{"a": 1, "b": 1}, {"a": 2, "b": 1}, {"a": 2, "b": 2}, {"a": 1, "b": 2}],
        [{"a": 1, "b": 1, "c": 1}, {"a": 2, "b": 2, "c": 2}],
        [{"a": 1}, {"a": 1}],
        [{"a": 1}],
    ],
)
def test_batches_that_are_not_sweeps_get_no_axes(input_sets: list[dict[str, Any]]) -> None:
    plan = plan_from_input_sets("b", "o", "s", input_sets)
    assert plan.axes == ()
    assert [item.inputs for item in plan.items] == input_sets
    assert plan.items[0].label == "Run 1"
    assert all(item.grid_position is None for item in plan.items)


def test_a_seed_sweep_with_another_field_is_still_a_grid() -> None:
    sets = [{"seed": s, "w": w} for w in (1, 2) for s in (10, 20)]
    plan = plan_from_input_sets("b", "o", "s", sets)
    assert plan.axes == (SweepAxis("seed", (10, 20)), SweepAxis("w", (1, 2)))


def test_headers_and_values_in_words() -> None:
    assert SweepAxis("upscale", (True, False)).header(1) == "upscale = false"
    assert format_value(7.5) == "7.5"
    assert format_value(1024.0) == "1024"
    assert format_value(None) == "none"
    assert format_value(["a", 1]) == '["a", 1]'


def test_default_batch_name_says_what_and_when() -> None:
    when = datetime(2026, 11, 28, 21, 40)
    assert default_batch_name("Sweep guidance_scale × width", when) == (
        "Sweep guidance_scale × width — 28 Nov 21:40"
    )
    assert (
        default_batch_name("Repeat × 3", datetime(2026, 1, 5, 9, 7)) == "Repeat × 3 — 5 Jan 09:07"
    )


# --- imports --------------------------------------------------------------------------------------


def test_csv_with_bom_crlf_quotes_and_empty_lines(schema: InputSchema) -> None:
    text = (
        "\ufeffprompt,width,guidance_scale,upscale,tags\r\n"
        '"a fox, red",512,7,yes,"[""x"", ""y""]"\r\n'
        "\r\n"
        '"two\r\nlines",768,2.5,false,solo\r\n'
    )
    result = import_rows(text, "csv", schema, {"prompt": "base", "width": 1024})
    assert result.file_problem is None
    assert result.kind == "csv"
    assert result.columns == ("prompt", "width", "guidance_scale", "upscale", "tags")
    assert [row.row_number for row in result.rows] == [2, 4]
    assert result.rows[0].inputs == {
        "prompt": "a fox, red",
        "width": 512,
        "guidance_scale": 7,
        "upscale": True,
        "tags": ["x", "y"],
    }
    assert result.rows[1].inputs["prompt"] == "two\r\nlines"
    assert result.rows[1].inputs["guidance_scale"] == 2.5
    assert result.rows[1].inputs["tags"] == ["solo"]
    assert result.problems == []
    assert [run.label for run in result.planned_runs()] == ["Row 2", "Row 4"]


def test_csv_file_on_disk_in_the_windows_code_page(tmp_path: Path, schema: InputSchema) -> None:
    path = tmp_path / "rows.csv"
    path.write_bytes("prompt;width\r\ncafé crème;512\r\n".encode("cp1252"))
    result = import_rows(path, None, schema)
    assert result.kind == "csv"
    assert result.rows[0].inputs == {"prompt": "café crème", "width": 512}


def test_csv_empty_cells_keep_the_form_values_and_columns_match_titles(
    schema: InputSchema,
) -> None:
    text = "Prompt,Guidance Scale,WIDTH\nfox,,\ncat,3,300\n"
    result = import_rows(text, "csv", schema, {"prompt": "base", "guidance_scale": 9, "width": 512})
    assert result.columns == ("prompt", "guidance_scale", "width")
    assert result.rows[0].inputs == {"prompt": "fox", "guidance_scale": 9, "width": 512}
    assert result.rows[1].inputs == {"prompt": "cat", "guidance_scale": 3, "width": 300}


def test_csv_bad_rows_are_explained_and_kept_out(schema: InputSchema) -> None:
    text = (
        "prompt,seed,width,scheduler,upscale,weights,colour\n"
        "ok,1,512,DDIM,true,[0.5],red\n"
        "bad seed,abc,512,,,,\n"
        "too wide,2,4096,,,,\n"
        "bad choice,3,512,EULER,,,\n"
        "bad flag,4,512,,perhaps,,\n"
        "bad json,5,512,,,[1,,\n"
        ",6,512,,,,\n"
        "extra,7,512,,,,,surplus\n"
    )
    result = import_rows(text, "csv", schema)
    assert len(result.valid_rows) == 1
    assert result.valid_rows[0].inputs["weights"] == [0.5]
    assert result.warnings == (
        RowProblem(1, "Column 'colour' is not an input of this workflow and is ignored.", True),
    )
    messages = {p.row_number: p.message for p in result.problems}
    assert messages == {
        3: "seed: 'abc' is not a whole number.",
        4: "Width must be at most 2048.",
        5: "scheduler: 'EULER' is not one of the choices (DDIM, K_EULER, DPMSolverMultistep).",
        6: "upscale: 'perhaps' is not true or false.",
        7: "weights: '[1' is not valid JSON (write it like [1, 2]).",
        8: "Prompt is required.",
        9: "This row has 8 values but the first row names 7 columns.",
    }
    assert result.describe(result.problems[0]) == "Row 3: seed: 'abc' is not a whole number."


def test_csv_rows_merge_over_the_base_so_required_can_come_from_the_form(
    schema: InputSchema,
) -> None:
    result = import_rows("seed\n1\n2\n", "csv", schema, {"prompt": "from the form"})
    assert [row.inputs for row in result.valid_rows] == [
        {"prompt": "from the form", "seed": 1},
        {"prompt": "from the form", "seed": 2},
    ]


def test_csv_cells_are_kept_as_written_by_input_name(schema: InputSchema) -> None:
    result = import_rows("Prompt,colour,Seed\nfox, red ,abc\n", "csv", schema)
    assert result.rows[0].cells == {"prompt": "fox", "seed": "abc"}


def test_rows_that_leave_a_random_seed_empty_get_their_own(schema: InputSchema) -> None:
    text = "prompt,seed\na,\nb,\nc,7\n"
    result = import_rows(text, "csv", schema, {"seed": None}, fresh_seeds=[spec(schema, "seed")])
    seeds = [row.inputs["seed"] for row in result.rows]
    assert seeds[2] == 7
    assert seeds[0] != seeds[1]
    assert all(isinstance(s, int) and 0 <= s <= SEED_MAX for s in seeds)
    assert result.problems == []


def test_a_required_seed_left_random_is_not_a_problem() -> None:
    schema = InputSchema.from_document(
        {"type": "object", "required": ["seed"], "properties": {"seed": {"type": "integer"}}}
    )
    seed = spec(schema, "seed")
    text = '{"seed": 4}\n{}\n'
    result = import_rows(text, "jsonl", schema, fresh_seeds=[seed], rng=random.Random(1))
    assert len(result.valid_rows) == 2
    assert result.rows[0].inputs == {"seed": 4}
    without = import_rows(text, "jsonl", schema)
    assert without.problems == [RowProblem(2, "Seed is required.")]


def test_csv_repeated_column_uses_the_first(schema: InputSchema) -> None:
    result = import_rows("prompt,seed,Seed\nfox,1,2\n", "csv", schema)
    assert result.rows[0].inputs == {"prompt": "fox", "seed": 1}
    assert result.warnings[0].message == "Column 'Seed' repeats seed; only the first is used."


def test_tab_separated_file_is_read(schema: InputSchema) -> None:
    result = import_rows("prompt\tseed\nfox, red\t4\n", "csv", schema)
    assert result.rows[0].inputs == {"prompt": "fox, red", "seed": 4}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The file is empty"),
        ("\n\r\n  \n", "The file is empty"),
        ("prompt,seed\n", "The file has a header row but no rows of inputs under it."),
        ("name,age\nAnn,3\n", "None of the columns (name, age) is an input of this workflow"),
        ("Dear team,\nplease find attached", "None of the columns (Dear team"),
    ],
)
def test_csv_files_that_cannot_be_used_get_one_message(
    schema: InputSchema, text: str, message: str
) -> None:
    result = import_rows(text, "csv", schema)
    assert result.rows == ()
    assert result.file_problem is not None
    assert message in result.file_problem


def test_too_many_rows_is_one_message(schema: InputSchema) -> None:
    text = "seed\n" + "\n".join(str(i) for i in range(MAX_BATCH_RUNS + 1))
    result = import_rows(text, "csv", schema, {"prompt": "p"})
    assert result.file_problem is not None
    assert "more than 1,000 rows" in result.file_problem
    ok = import_rows(text.rsplit("\n", 1)[0], "csv", schema, {"prompt": "p"})
    assert len(ok.valid_rows) == MAX_BATCH_RUNS


def test_jsonl_rows_with_bad_lines_explained(schema: InputSchema) -> None:
    text = (
        '{"prompt": "fox", "seed": 1, "mood": "calm"}\r\n'
        "\r\n"
        '{"prompt": "cat", "seed": "2", "width": 512.0, "scheduler": "ddim"}\n'
        '{"prompt": "bad", "seed": \n'
        "[1, 2]\n"
        '{"seed": 3}\n'
        '{"prompt": "x", "seed": "three", "mood": "sad"}\n'
        '{"prompt": "n", "seed": null}\n'
    )
    result = import_rows(text, "jsonl", schema, {"width": 1024})
    assert result.kind == "jsonl"
    assert result.row_word == "Line"
    valid = {row.row_number: row.inputs for row in result.valid_rows}
    assert valid == {
        1: {"width": 1024, "prompt": "fox", "seed": 1},
        3: {"width": 512, "prompt": "cat", "seed": 2, "scheduler": "DDIM"},
        8: {"width": 1024, "prompt": "n"},
    }
    assert type(valid[3]["width"]) is int
    messages = {p.row_number: p.message for p in result.problems}
    assert messages == {
        4: "Not valid JSON: expecting value at column 27.",
        5: 'This is a list, not an object of inputs such as {"prompt": "a red fox"}.',
        6: "Prompt is required.",
        7: "seed: 'three' is not a whole number.",
    }
    assert result.warnings == (
        RowProblem(1, "'mood' is not an input of this workflow and is ignored.", True),
    )
    assert result.describe(result.problems[0]).startswith("Line 4: Not valid JSON")
    assert result.rows[0].cells == {"prompt": "fox", "seed": "1"}


def test_a_json_array_of_objects_is_accepted(tmp_path: Path, schema: InputSchema) -> None:
    path = tmp_path / "rows.json"
    path.write_text(json.dumps([{"prompt": "a"}, {"prompt": "b", "width": 9}]), encoding="utf-8")
    result = import_rows(path, None, schema)
    assert result.kind == "jsonl"
    assert result.row_word == "Item"
    assert len(result.valid_rows) == 1
    assert result.problems == [RowProblem(2, "Width must be at least 256.")]


@pytest.mark.parametrize(
    "text",
    ["just some words\nand more", "[1, 2,\n", '"a string"\n42\n'],
)
def test_a_file_that_is_not_jsonl_is_one_message(schema: InputSchema, text: str) -> None:
    result = import_rows(text, "jsonl", schema)
    assert result.rows == ()
    assert result.file_problem is not None
    assert result.file_problem.startswith("This is not a JSONL file of inputs")


def test_kind_is_guessed_from_the_name_or_the_text(tmp_path: Path, schema: InputSchema) -> None:
    assert import_rows('{"prompt": "a"}\n', None, schema).kind == "jsonl"
    assert import_rows("prompt\na\n", None, schema).kind == "csv"
    path = tmp_path / "rows.ndjson"
    path.write_text('{"prompt": "a"}\n', encoding="utf-8")
    assert import_rows(path, None, schema).kind == "jsonl"


def test_binary_missing_and_folder_files_are_one_message(
    tmp_path: Path, schema: InputSchema
) -> None:
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = import_rows(picture, None, schema)
    assert result.file_problem == (
        "photo.png is not a text file, so it is neither CSV nor JSONL. Save the rows as CSV "
        "(a spreadsheet can) or as JSONL."
    )
    missing = import_rows(tmp_path / "gone.csv", None, schema)
    assert missing.file_problem is not None
    assert missing.file_problem.startswith("gone.csv could not be read")
    folder = import_rows(tmp_path, None, schema)
    assert folder.file_problem is not None
    assert "is a folder" in folder.file_problem


def test_nullable_and_free_json_fields_in_csv() -> None:
    schema = InputSchema.from_document(
        {
            "type": "object",
            "properties": {
                "aspect": {"anyOf": [{"enum": ["1:1", "16:9"]}, {"type": "null"}]},
                "extra": {},
                "size": {
                    "type": "object",
                    "properties": {"w": {"type": "integer"}},
                },
            },
        }
    )
    result = import_rows(
        'aspect,extra,size\nnull,plain words,"{""w"": 3}"\n16:9,[1],{}\n', "csv", schema
    )
    assert [row.inputs for row in result.rows] == [
        {"aspect": None, "extra": "plain words", "size": {"w": 3}},
        {"aspect": "16:9", "extra": [1], "size": {}},
    ]
    assert result.problems == []


# --- estimate -------------------------------------------------------------------------------------


def test_estimate_counts_credits_and_time_at_the_rate_limit() -> None:
    plan = plan_of(repeat_with_seeds({}, 12, rng=random.Random(0)))
    result = estimate(plan, 5.0, rate_limit=60, rate_window_s=60.0)
    assert result == BatchEstimate(runs=12, credits=60.0, duration_seconds=24.0)
    assert result.describe() == "12 runs · about 60 credits · about 24 s at the rate limit"


def test_estimate_with_unknown_credits_and_a_queue_ahead() -> None:
    plan = plan_of(repeat_with_seeds({}, 1, rng=random.Random(0)))
    result = estimate(plan, None, 10, 60.0, requests_per_run=3.0, already_queued_requests=7)
    assert result.credits is None
    assert result.duration_seconds == pytest.approx(60.0)
    assert result.describe() == (
        "1 run · credits unknown until the first run finishes · about 60 s at the rate limit"
    )


def test_estimate_refuses_a_rate_limit_of_nothing() -> None:
    plan = plan_of(repeat_with_seeds({}, 1))
    with pytest.raises(ValueError, match="at least one request"):
        estimate(plan, 1.0, 0, 60.0)


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (0.2, "under 1 s"),
        (24.4, "about 24 s"),
        (89, "about 89 s"),
        (240, "about 4 min"),
        (7800, "about 2 h 10 min"),
        (7200, "about 2 h"),
    ],
)
def test_durations_in_words(seconds: float, words: str) -> None:
    assert format_duration(seconds) == words


def test_large_credit_amounts_are_rounded_and_grouped() -> None:
    assert BatchEstimate(300, 1234.4, 10).describe().startswith("300 runs · about 1,234 credits")
    assert "about 7.5 credits" in BatchEstimate(1, 7.5, 10).describe()


@pytest.mark.parametrize(
    ("runs", "credits", "expected"),
    [
        (25, 100.0, False),
        (26, None, True),
        (26, 10.0, True),
        (3, 100.5, True),
        (25, None, False),
    ],
)
def test_confirmation_above_the_thresholds(
    runs: int, credits: float | None, expected: bool
) -> None:
    assert needs_confirmation(BatchEstimate(runs, credits, 1.0)) is expected


def test_confirmation_thresholds_can_be_set() -> None:
    assert needs_confirmation(BatchEstimate(3, None, 1.0), threshold_runs=2)
    assert not needs_confirmation(BatchEstimate(3, 50.0, 1.0), threshold_credits=60)


# --- never raises on what people type or import ---------------------------------------------------

_TYPED = st.text(
    alphabet=st.sampled_from(list("0123456789.,-+ex×*step \n\"'abcK_EULR")), max_size=30
)


@settings(max_examples=300, deadline=None)
@given(text=_TYPED, field=st.sampled_from(["width", "guidance_scale", "scheduler", "prompt"]))
def test_sweep_text_gives_values_in_bounds_or_a_plain_error(text: str, field: str) -> None:
    field_spec = InputSchema.from_document(SCHEMA_DOC).field(field)
    assert field_spec is not None
    try:
        values = parse_sweep_values(text, field_spec)
    except BatchPlanError as exc:
        message = str(exc)
    else:
        message = ""
    if message:
        assert message.endswith(".")
        return
    assert 1 <= len(values) <= MAX_AXIS_VALUES
    if field_spec.kind in ("integer", "number"):
        low, high = field_spec.minimum, field_spec.maximum
        assert low is not None
        assert high is not None
        assert all(low <= v <= high for v in values)
    if field_spec.kind == "integer":
        assert all(type(v) is int for v in values)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=200), kind=st.sampled_from(["csv", "jsonl", None]))
def test_any_text_imports_without_raising(text: str, kind: Any) -> None:
    schema = InputSchema.from_document(SCHEMA_DOC)
    result = import_rows(text, kind, schema, {"prompt": "p"})
    assert (result.file_problem is None) or (result.rows == ())
    for row in result.valid_rows:
        assert schema.validate(row.inputs) == []
