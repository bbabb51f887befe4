"""The sandbox's demo workflows: input validation messages and deterministic plans."""

from __future__ import annotations

import pytest

from fizzly_desktop.sandbox.images import ImageSpec, render
from fizzly_desktop.sandbox.workflows import (
    WORKFLOWS,
    InputError,
    PlanContext,
    enhance_prompt,
    validate_inputs,
)

T2I = WORKFLOWS["demo/text-to-image"]
I2I = WORKFLOWS["demo/image-to-image"]


def context() -> PlanContext:
    return PlanContext("http://127.0.0.1:1", lambda name: None, random_seed=lambda: 99)


def test_valid_inputs_have_no_problems() -> None:
    assert validate_inputs(T2I, {"prompt": "x", "width": 512, "output_format": "png"}) == {}


def test_problems_name_each_field_in_plain_words() -> None:
    problems = validate_inputs(T2I, {"width": 5000, "steps": 1.5, "output_format": "gif"})
    assert problems == {
        "prompt": "prompt is required",
        "width": "width must be at most 2048",
        "steps": "steps must be of type integer",
        "output_format": "output_format must be one of: webp, png",
    }


def test_uri_format_accepts_links_and_data_uris_only() -> None:
    base = {"prompt": "x"}
    assert validate_inputs(I2I, {**base, "image": "https://example.com/a.png"}) == {}
    assert validate_inputs(I2I, {**base, "image": "data:image/png;base64,AAAA"}) == {}
    assert "image" in validate_inputs(I2I, {**base, "image": "file:///etc/passwd"})


def test_plan_costs_and_nodes() -> None:
    plan = T2I.plan(T2I.with_defaults({"prompt": "a cat"}), context())
    assert [s.node for s in plan.steps] == ["prompt-encode", "image-generation", "upscale"]
    assert plan.credits == 5
    assert plan.outputs["seed"] == 99  # no seed given: the server picks one
    assert plan.outputs["generated_image"]["width"] == 1024
    broken = WORKFLOWS["demo/broken-pipeline"].plan({"prompt": "x"}, context())
    assert [s.node for s in broken.steps if s.error] == ["safety-check"]
    slow = WORKFLOWS["demo/slow-render"]
    slow_plan = slow.plan(slow.with_defaults({"prompt": "x"}), context())
    assert sum(s.seconds for s in slow_plan.steps) >= 20


def test_bad_data_uri_names_the_image_field() -> None:
    inputs = I2I.with_defaults({"prompt": "x", "image": "data:image/png;base64,AAAA"})
    with pytest.raises(InputError) as caught:
        I2I.plan(inputs, context())
    assert caught.value.field == "image"


def test_enhanced_prompt_is_deterministic_and_bounded() -> None:
    first = enhance_prompt("a red fox in snow", "cinematic", 60)
    assert first == enhance_prompt("a red fox in snow", "cinematic", 60)
    assert first != enhance_prompt("a red fox in snow", "watercolor", 60)
    assert len(enhance_prompt("a red fox in snow", "cinematic", 10).split()) == 10


def test_render_is_byte_identical_for_equal_specs() -> None:
    spec = ImageSpec("dunes at dusk", 5, 96, 64, "png")
    assert render(spec) == render(ImageSpec("dunes at dusk", 5, 96, 64, "png"))
    assert render(spec) != render(ImageSpec("dunes at dusk", 6, 96, 64, "png"))
    assert spec.file_name.endswith(".png")
