"""The demo workflows that make a video clip, a sound and a 3D mesh.

Their outputs are file objects as hosted media workflows return them: ``url`` with
``content_type``, ``file_name`` and ``file_size``, plus ``width``/``height``/``duration``/``fps``
where they apply. Files are rendered when first fetched; their sizes are known at planning.
"""

from __future__ import annotations

import re
from typing import Any

from fizzly_desktop.sandbox.images import ImageSpec
from fizzly_desktop.sandbox.media.mesh import DETAIL
from fizzly_desktop.sandbox.media.spec import MediaSpec
from fizzly_desktop.sandbox.plans import (
    OWNER,
    NodeStep,
    PlanContext,
    RunPlan,
    Workflow,
    object_schema,
    seed_of,
)

# aspect: (width, height) of the clip; whole macroblocks, a few seconds stay near 2 MB.
ASPECTS = {"landscape": (256, 144), "square": (192, 192), "portrait": (144, 256)}


def _prompt(description: str) -> dict[str, Any]:
    return {
        "type": "string",
        "title": "Prompt",
        "description": description,
        "minLength": 1,
        "maxLength": 10000,
        "x-order": 0,
    }


def _seed(what: str) -> dict[str, Any]:
    return {
        "type": "integer",
        "title": "Seed",
        "description": f"Same seed and prompt give the same {what}. Leave empty for a random one.",
        "minimum": 0,
        "maximum": 2147483647,
        "x-order": 1,
    }


def _duration(default: float, maximum: float, order: int) -> dict[str, Any]:
    return {
        "type": "number",
        "title": "Duration",
        "description": f"Length in seconds (1 to {maximum:g}).",
        "default": default,
        "minimum": 1,
        "maximum": maximum,
        "x-order": order,
    }


TEXT_TO_VIDEO_SCHEMA = object_schema(
    "Text to video",
    {
        "prompt": _prompt("What the clip shows, in plain words."),
        "seed": _seed("clip"),
        "duration": _duration(3, 8, 2),
        "fps": {
            "type": "integer",
            "title": "Frames per second",
            "description": "More is smoother and makes a larger file.",
            "enum": [8, 12, 24],
            "default": 12,
            "x-order": 3,
        },
        "aspect": {
            "type": "string",
            "title": "Aspect",
            "description": "Landscape is 256x144, square 192x192, portrait 144x256 pixels.",
            "enum": list(ASPECTS),
            "default": "landscape",
            "x-order": 4,
        },
    },
    ["prompt"],
)

TEXT_TO_SOUND_SCHEMA = object_schema(
    "Text to sound",
    {
        "prompt": _prompt("What the sound is like: calm, happy, rain, ocean, birds ..."),
        "seed": _seed("sound"),
        "duration": _duration(4, 10, 2),
    },
    ["prompt"],
)

TEXT_TO_MESH_SCHEMA = object_schema(
    "Text to 3D mesh",
    {
        "prompt": _prompt("What the shape is, in plain words."),
        "seed": _seed("shape"),
        "detail": {
            "type": "string",
            "title": "Detail",
            "description": "How finely the surface is divided into triangles.",
            "enum": list(DETAIL),
            "default": "medium",
            "x-order": 2,
        },
    },
    ["prompt"],
)


def media_output(spec: MediaSpec, context: PlanContext) -> dict[str, Any]:
    """The file object a hosted media workflow returns for this output."""
    output: dict[str, Any] = {
        "url": context.url(spec),
        "content_type": spec.content_type,
        "file_name": spec.file_name,
        "file_size": spec.file_size,
    }
    if spec.kind == "video":
        output.update(width=spec.width, height=spec.height, fps=spec.fps)
    if spec.kind in ("video", "audio"):
        output["duration"] = round(spec.duration, 3)
    return output


def _tokens(prompt: str) -> int:
    return len(re.findall(r"\w+|[^\w\s]", prompt))


def _plan_text_to_video(wf: Workflow, inputs: dict[str, Any], context: PlanContext) -> RunPlan:
    prompt = str(inputs["prompt"])
    seed = seed_of(inputs, context)
    width, height = ASPECTS[str(inputs["aspect"])]
    seconds = float(inputs["duration"])
    clip = MediaSpec("video", prompt, seed, width, height, seconds, int(inputs["fps"]))
    # The key frame is the scene the camera moves over, as a still picture.
    keyframe = ImageSpec(prompt, seed, width, height, "png")
    keyframe_output = {
        "url": context.url(keyframe),
        "width": width,
        "height": height,
        "content_type": keyframe.content_type,
    }
    return RunPlan(
        steps=(
            NodeStep("prompt-encode", 0.4, 1, {"tokens": _tokens(prompt)}),
            NodeStep("keyframe", 1.2, 2, keyframe_output, (keyframe,)),
            NodeStep(
                "video-generation",
                1.0 + 0.6 * seconds,
                4,
                media_output(clip, context),
                (clip,),
            ),
        ),
        outputs={"video": media_output(clip, context), "prompt_used": prompt, "seed": seed},
    )


def _plan_text_to_sound(wf: Workflow, inputs: dict[str, Any], context: PlanContext) -> RunPlan:
    prompt = str(inputs["prompt"])
    seed = seed_of(inputs, context)
    sound = MediaSpec("audio", prompt, seed, seconds=float(inputs["duration"]))
    return RunPlan(
        steps=(
            NodeStep("prompt-encode", 0.3, 1, {"tokens": _tokens(prompt)}),
            NodeStep("melody", 0.8, 1, {"duration": round(sound.duration, 3)}),
            NodeStep("audio-render", 1.2, 2, media_output(sound, context), (sound,)),
        ),
        outputs={"audio": media_output(sound, context), "seed": seed},
    )


def _plan_text_to_mesh(wf: Workflow, inputs: dict[str, Any], context: PlanContext) -> RunPlan:
    prompt = str(inputs["prompt"])
    seed = seed_of(inputs, context)
    detail = str(inputs["detail"])
    shape = MediaSpec("mesh", prompt, seed, detail=detail)
    rings, segments = DETAIL[detail]
    counts = {"vertices": 2 + (rings - 1) * segments, "triangles": 2 * segments * (rings - 1)}
    return RunPlan(
        steps=(
            NodeStep("prompt-encode", 0.3, 1, {"tokens": _tokens(prompt)}),
            NodeStep("shape", 1.0, 2, counts),
            NodeStep("mesh-export", 0.4, 1, media_output(shape, context), (shape,)),
        ),
        outputs={"mesh": media_output(shape, context), "seed": seed},
    )


MEDIA_WORKFLOWS = (
    Workflow(
        OWNER,
        "text-to-video",
        "Text to video",
        "Draws a key frame and makes a short MP4 clip (H.264) with the camera moving over it.",
        TEXT_TO_VIDEO_SCHEMA,
        _plan_text_to_video,
    ),
    Workflow(
        OWNER,
        "text-to-sound",
        "Text to sound",
        "Composes a short melody and renders it as a WAV sound.",
        TEXT_TO_SOUND_SCHEMA,
        _plan_text_to_sound,
    ),
    Workflow(
        OWNER,
        "text-to-mesh",
        "Text to 3D mesh",
        "Shapes a small 3D mesh and exports it as an OBJ file.",
        TEXT_TO_MESH_SCHEMA,
        _plan_text_to_mesh,
    ),
)
