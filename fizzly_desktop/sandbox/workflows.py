"""The demo workflows: their input JSON Schemas, their nodes, and what each node outputs.

The picture and text workflows are here; those making clips, sounds and meshes are in
:mod:`.media_workflows`, and what a plan is made of in :mod:`.plans`.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import random
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from fizzly_desktop.sandbox.images import ImageSpec, image_size, render, thumbnail_png
from fizzly_desktop.sandbox.media_workflows import MEDIA_WORKFLOWS
from fizzly_desktop.sandbox.plans import OWNER as OWNER
from fizzly_desktop.sandbox.plans import InputError as InputError
from fizzly_desktop.sandbox.plans import NodeStep as NodeStep
from fizzly_desktop.sandbox.plans import PlanContext as PlanContext
from fizzly_desktop.sandbox.plans import RunPlan as RunPlan
from fizzly_desktop.sandbox.plans import Workflow as Workflow
from fizzly_desktop.sandbox.plans import object_schema, seed_of

if TYPE_CHECKING:
    import jsonschema


def image_output(spec: ImageSpec, context: PlanContext) -> dict[str, Any]:
    return {
        "url": context.url(spec),
        "width": spec.width,
        "height": spec.height,
        "content_type": spec.content_type,
    }


# --- schemas -----------------------------------------------------------------------------

_PROMPT = {
    "type": "string",
    "title": "Prompt",
    "description": "What to picture, in plain words.",
    "minLength": 1,
    "maxLength": 10000,
    "x-order": 0,
}
_NEGATIVE = {
    "type": "string",
    "title": "Negative prompt",
    "description": "What to keep out of the picture.",
    "default": "",
    "maxLength": 10000,
    "x-order": 1,
}
_SEED = {
    "type": "integer",
    "title": "Seed",
    "description": "Same seed and prompt give the same picture. Leave empty for a random one.",
    "minimum": 0,
    "maximum": 2147483647,
    "x-order": 2,
}


def _dimension(title: str, order: int) -> dict[str, Any]:
    return {
        "type": "integer",
        "title": title,
        "description": f"{title} of the picture in pixels (a multiple of 64 works best).",
        "default": 1024,
        "minimum": 64,
        "maximum": 2048,
        "x-order": order,
    }


_FORMAT = {
    "type": "string",
    "title": "Output format",
    "description": "File format of the picture.",
    "enum": ["webp", "png"],
    "default": "webp",
    "x-order": 6,
}


TEXT_TO_IMAGE_SCHEMA = object_schema(
    "Text to image",
    {
        "prompt": _PROMPT,
        "negative_prompt": _NEGATIVE,
        "seed": _SEED,
        "width": _dimension("Width", 3),
        "height": _dimension("Height", 4),
        "steps": {
            "type": "integer",
            "title": "Steps",
            "description": "Denoising steps: more is finer and slower.",
            "default": 30,
            "minimum": 1,
            "maximum": 150,
            "x-order": 5,
        },
        "output_format": _FORMAT,
    },
    ["prompt"],
)

IMAGE_TO_IMAGE_SCHEMA = object_schema(
    "Image to image",
    {
        "image": {
            "type": "string",
            "format": "uri",
            "title": "Image",
            "description": "The picture to start from: an http(s) link or a data: URI.",
            "maxLength": 10_000_000,
            "x-order": 0,
        },
        "prompt": {**_PROMPT, "x-order": 1},
        "strength": {
            "type": "number",
            "title": "Strength",
            "description": "How far to move away from the original (0 keeps it, 1 replaces it).",
            "default": 0.6,
            "minimum": 0,
            "maximum": 1,
            "x-order": 2,
        },
        "seed": {**_SEED, "x-order": 3},
        "output_format": {**_FORMAT, "x-order": 4},
    },
    ["image", "prompt"],
)

PROMPT_ENHANCER_SCHEMA = object_schema(
    "Prompt enhancer",
    {
        "prompt": {**_PROMPT, "description": "A short idea to expand into a detailed prompt."},
        "style": {
            "type": "string",
            "title": "Style",
            "description": "The look to aim for.",
            "enum": ["photographic", "cinematic", "illustration", "watercolor"],
            "default": "cinematic",
            "x-order": 1,
        },
        "max_words": {
            "type": "integer",
            "title": "Maximum words",
            "default": 60,
            "minimum": 10,
            "maximum": 300,
            "x-order": 2,
        },
    },
    ["prompt"],
)

BROKEN_PIPELINE_SCHEMA = object_schema(
    "Broken pipeline",
    {
        "prompt": {
            **_PROMPT,
            "description": "Any prompt: this workflow always stops at its safety check.",
        },
        "seed": _SEED,
    },
    ["prompt"],
)

SLOW_RENDER_SCHEMA = object_schema(
    "Slow render",
    {
        "prompt": _PROMPT,
        "seed": _SEED,
        "width": _dimension("Width", 3),
        "height": _dimension("Height", 4),
        "output_format": _FORMAT,
    },
    ["prompt"],
)


# --- planners ----------------------------------------------------------------------------


def _token_count(prompt: str) -> int:
    return len(re.findall(r"\w+|[^\w\s]", prompt))


def _plan_text_to_image(
    wf: Workflow, inputs: dict[str, Any], context: PlanContext, slow: bool = False
) -> RunPlan:
    prompt = str(inputs["prompt"])
    seed = seed_of(inputs, context)
    width, height = int(inputs["width"]), int(inputs["height"])
    fmt = str(inputs["output_format"])
    preview = ImageSpec(prompt, seed, max(64, width // 2), max(64, height // 2), fmt)
    final = ImageSpec(prompt, seed, width, height, fmt)
    steps_factor = int(inputs.get("steps", 30)) / 30
    timings = (1.0, 20.0, 5.0) if slow else (0.4, 2.5 * steps_factor, 0.8)
    costs = (1, 5, 2) if slow else (1, 3, 1)
    return RunPlan(
        steps=(
            NodeStep(
                "prompt-encode",
                timings[0],
                costs[0],
                {
                    "tokens": _token_count(prompt),
                    "negative_tokens": _token_count(str(inputs.get("negative_prompt", ""))),
                },
            ),
            NodeStep(
                "image-generation",
                timings[1],
                costs[1],
                image_output(preview, context),
                (preview,),
            ),
            NodeStep("upscale", timings[2], costs[2], image_output(final, context), (final,)),
        ),
        outputs={
            "generated_image": image_output(final, context),
            "prompt_used": prompt,
            "seed": seed,
        },
    )


def _plan_slow_render(wf: Workflow, inputs: dict[str, Any], context: PlanContext) -> RunPlan:
    return _plan_text_to_image(wf, {**inputs, "steps": 30}, context, slow=True)


_DATA_URI = re.compile(
    r"^data:(?P<mime>[\w.+-]+/[\w.+-]+)?(?P<params>(;[^,;]*)*?),(?P<data>.*)$", re.S
)


def _source_picture(image: str, context: PlanContext) -> tuple[bytes | None, tuple[int, int]]:
    """The source picture as a small PNG and its size; raises :class:`InputError` if unusable."""
    if image.startswith("data:"):
        match = _DATA_URI.match(image)
        if match is None or ";base64" not in (match.group("params") or ""):
            raise InputError("image", "The image data URI must be base64-encoded.")
        try:
            data = base64.b64decode(match.group("data"), validate=True)
        except (binascii.Error, ValueError):
            raise InputError("image", "The image data URI is not valid base64.") from None
        try:
            size = image_size(data)
            return thumbnail_png(data), size
        except Exception:
            raise InputError("image", "The image data URI does not contain a picture.") from None
    # A link to one of this sandbox's own outputs is used as the source; other links are not
    # fetched (the sandbox stays offline) and only seed the picture.
    if image.startswith(context.output_origin + "/outputs/"):
        spec = context.lookup_output(image.rsplit("/", 1)[-1])
        if spec is not None:
            small = ImageSpec(spec.prompt, spec.seed, 64, 64, "png", spec.source_png, spec.strength)
            return render(small), (spec.width, spec.height)
    return None, (1024, 1024)


def _plan_image_to_image(wf: Workflow, inputs: dict[str, Any], context: PlanContext) -> RunPlan:
    image = str(inputs["image"])
    prompt = str(inputs["prompt"])
    seed = seed_of(inputs, context)
    source_png, (width, height) = _source_picture(image, context)
    width, height = _fit(width, height)
    strength = float(inputs["strength"])
    if source_png is None:
        # Without the source pixels, the link itself seeds the picture.
        prompt_for_render = f"{prompt}\0{hashlib.sha256(image.encode()).hexdigest()}"
    else:
        prompt_for_render = prompt
    final = ImageSpec(
        prompt_for_render, seed, width, height, str(inputs["output_format"]), source_png, strength
    )
    return RunPlan(
        steps=(
            NodeStep("image-load", 0.3, 1, {"width": width, "height": height}),
            NodeStep("image-generation", 2.0, 3, image_output(final, context), (final,)),
        ),
        outputs={"generated_image": image_output(final, context), "seed": seed},
    )


def _fit(width: int, height: int, longest: int = 2048, shortest: int = 64) -> tuple[int, int]:
    width, height = max(1, width), max(1, height)
    scale = min(1.0, longest / max(width, height))
    return max(shortest, round(width * scale)), max(shortest, round(height * scale))


_STYLE_WORDS = {
    "photographic": ["natural light", "35mm photograph", "sharp focus", "true-to-life colour"],
    "cinematic": ["cinematic lighting", "wide anamorphic shot", "dramatic shadows", "film grain"],
    "illustration": ["clean line art", "flat colour", "storybook illustration", "bold shapes"],
    "watercolor": ["soft watercolor washes", "paper texture", "gentle bleeding edges"],
}
_DETAILS = [
    "golden hour",
    "rich detail",
    "balanced composition",
    "atmospheric depth",
    "subtle haze",
    "vivid yet soft palette",
    "high dynamic range",
    "gentle reflections",
    "layered background",
    "crisp foreground",
]


def enhance_prompt(prompt: str, style: str, max_words: int) -> str:
    """A longer prompt built deterministically from the idea and the style."""
    rng = random.Random(hashlib.sha256(f"{prompt}\0{style}".encode()).digest())
    extras = _STYLE_WORDS[style] + rng.sample(_DETAILS, 4)
    text = prompt.strip().rstrip(".") + ", " + ", ".join(extras)
    words = text.split()
    return " ".join(words[:max_words])


def _plan_prompt_enhancer(wf: Workflow, inputs: dict[str, Any], context: PlanContext) -> RunPlan:
    prompt = str(inputs["prompt"])
    enhanced = enhance_prompt(prompt, str(inputs["style"]), int(inputs["max_words"]))
    return RunPlan(
        steps=(
            NodeStep("prompt-analyze", 0.3, 1, {"tokens": _token_count(prompt)}),
            NodeStep("prompt-rewrite", 0.6, 1, {"enhanced_prompt": enhanced}),
        ),
        outputs={"enhanced_prompt": enhanced},
    )


BROKEN_PIPELINE_ERROR = "Safety check failed: the prompt was flagged by the content filter"


def _plan_broken_pipeline(wf: Workflow, inputs: dict[str, Any], context: PlanContext) -> RunPlan:
    prompt = str(inputs["prompt"])
    return RunPlan(
        steps=(
            NodeStep("prompt-encode", 0.3, 1, {"tokens": _token_count(prompt)}),
            NodeStep("safety-check", 0.5, 1, error=BROKEN_PIPELINE_ERROR),
            NodeStep("image-generation", 2.0, 3),
        ),
        outputs={},
    )


WORKFLOWS: dict[str, Workflow] = {
    wf.workflow_id: wf
    for wf in (
        Workflow(
            OWNER,
            "text-to-image",
            "Text to image",
            "Encodes the prompt, generates a picture and upscales it.",
            TEXT_TO_IMAGE_SCHEMA,
            lambda wf, inputs, ctx: _plan_text_to_image(wf, inputs, ctx),
        ),
        Workflow(
            OWNER,
            "image-to-image",
            "Image to image",
            "Repaints a picture (a link or a data: URI) after a prompt.",
            IMAGE_TO_IMAGE_SCHEMA,
            _plan_image_to_image,
        ),
        Workflow(
            OWNER,
            "prompt-enhancer",
            "Prompt enhancer",
            "Expands a short idea into a detailed prompt (text output only).",
            PROMPT_ENHANCER_SCHEMA,
            _plan_prompt_enhancer,
        ),
        Workflow(
            OWNER,
            "broken-pipeline",
            "Broken pipeline",
            "Always fails at its safety-check node, to show how failures look.",
            BROKEN_PIPELINE_SCHEMA,
            _plan_broken_pipeline,
        ),
        Workflow(
            OWNER,
            "slow-render",
            "Slow render",
            "Like text to image, but takes about half a minute: try cancelling it.",
            SLOW_RENDER_SCHEMA,
            _plan_slow_render,
        ),
        *MEDIA_WORKFLOWS,
    )
}


# --- validation --------------------------------------------------------------------------


# jsonschema (~27 ms to import) loads with the first submit checked, not with the server: the
# app waits for the sandbox's boot, and a boot checks no inputs.
@functools.cache
def _format_checker() -> jsonschema.FormatChecker:
    import jsonschema

    checker = jsonschema.FormatChecker(formats=())
    checker.checks("uri", raises=ValueError)(_is_uri)
    return checker


def _is_uri(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if value.startswith("data:"):
        return _DATA_URI.match(value) is not None
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def validate_inputs(workflow: Workflow, inputs: dict[str, Any]) -> dict[str, str]:
    """Every problem with the inputs, as ``{field: message}``; empty when they are fine."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(workflow.schema, format_checker=_format_checker())
    problems: dict[str, str] = {}
    for error in sorted(validator.iter_errors(inputs), key=lambda e: list(e.path)):
        name = _field_name(error)
        problems.setdefault(name, _message(error, name))
    return problems


def _field_name(error: jsonschema.ValidationError) -> str:
    if error.path:
        return ".".join(str(part) for part in error.path)
    if error.validator == "required":
        match = re.match(r"'([^']+)' is a required property", error.message)
        if match:
            return match.group(1)
    if error.validator == "additionalProperties":
        match = re.search(r"'([^']+)' (was|were) unexpected", error.message)
        if match:
            return match.group(1)
    return "inputs"


def _message(error: jsonschema.ValidationError, name: str) -> str:
    kind = error.validator
    schema = error.schema if isinstance(error.schema, dict) else {}
    if kind == "required":
        return f"{name} is required"
    if kind == "additionalProperties":
        return f"{name} is not an input of this workflow"
    if kind == "type":
        return f"{name} must be of type {schema.get('type')}"
    if kind == "minimum":
        return f"{name} must be at least {schema.get('minimum')}"
    if kind == "maximum":
        return f"{name} must be at most {schema.get('maximum')}"
    if kind == "enum":
        choices = ", ".join(str(v) for v in schema.get("enum", []))
        return f"{name} must be one of: {choices}"
    if kind == "minLength":
        return f"{name} must not be empty"
    if kind == "maxLength":
        return f"{name} must be at most {schema.get('maxLength')} characters"
    if kind == "format":
        return f"{name} must be an http(s) link or a data: URI"
    return f"{name}: {error.message}"
