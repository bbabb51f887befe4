"""Short MP4 clips animated from the sandbox's procedural scenes.

A scene is drawn once, a little larger than the clip, and the camera pans and slowly zooms
across it (a "Ken Burns" move); every frame is converted to YUV 4:2:0 and written by the
I_PCM encoder in :mod:`.h264`, then wrapped by :mod:`.mp4`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from fizzly_desktop.sandbox.images import ImageSpec, render_composition
from fizzly_desktop.sandbox.media import h264, mp4

if TYPE_CHECKING:  # Pillow loads with the first frame drawn (see images.py)
    from PIL import Image

# Full-range (JPEG) YCbCr, which Pillow converts to, squeezed into BT.601 limited range:
# luma 16..235 and chroma 16..240 around 128. This also keeps every sample above 0.
_LUMA = [16 + round(v * 219 / 255) for v in range(256)]
_CHROMA = [128 + round((v - 128) * 224 / 255) for v in range(256)]
_PAD_GREY = (128, 128, 128)
# How much larger than the clip the scene is drawn, so the camera has room to move.
_OVERSCAN = 1.35


def yuv420(frame: Image.Image, coded_width: int, coded_height: int) -> tuple[bytes, bytes, bytes]:
    """Limited-range BT.601 Y, Cb and Cr planes of an RGB frame, padded to the coded size.

    Chroma is averaged over 2x2 pixels. Padding (outside the displayed, cropped picture) is grey.
    """
    from PIL import Image

    rgb = frame.convert("RGB")
    if rgb.size != (coded_width, coded_height):
        padded = Image.new("RGB", (coded_width, coded_height), _PAD_GREY)
        padded.paste(rgb, (0, 0))
        rgb = padded
    y, cb, cr = rgb.convert("YCbCr").split()
    return (
        y.point(_LUMA).tobytes(),
        cb.reduce(2).point(_CHROMA).tobytes(),
        cr.reduce(2).point(_CHROMA).tobytes(),
    )


def scene_frames(
    prompt: str, seed: int, width: int, height: int, count: int
) -> Iterator[Image.Image]:
    """``count`` frames of the prompt's scene with the camera panning left to right."""
    from PIL import Image

    big_w, big_h = round(width * _OVERSCAN), round(height * _OVERSCAN)
    scene = render_composition(ImageSpec(prompt, seed, big_w, big_h, "png"))
    for i in range(count):
        t = i / max(1, count - 1)
        # Zoom in a little while panning: the window narrows from 1.25 to 1.1 clip widths.
        crop_w = width * (1.25 - 0.15 * t)
        crop_h = crop_w * height / width
        left = (big_w - crop_w) * t
        top = (big_h - crop_h) * (0.5 - 0.25 * t)
        yield scene.resize(
            (width, height),
            Image.Resampling.BILINEAR,
            box=(left, top, left + crop_w, top + crop_h),
        )


def frame_count(seconds: float, fps: int) -> int:
    return max(1, round(seconds * fps))


def encode_clip(frames: list[Image.Image] | Iterator[Image.Image], fps: int) -> bytes:
    """An MP4 (H.264 Baseline) file of RGB frames, all of one size."""
    nals: list[bytes] = []
    params: h264.StreamParams | None = None
    for index, frame in enumerate(frames):
        if params is None:
            params = h264.StreamParams(frame.width, frame.height, fps)
        elif frame.size != (params.width, params.height):
            raise ValueError("all frames of a clip must have the same size")
        planes = yuv420(frame, params.coded_width, params.coded_height)
        nals.append(h264.idr_slice(params, *planes, index))
    if params is None:
        raise ValueError("a clip needs at least one frame")
    return mp4.mux(params.width, params.height, fps, h264.sps(params), h264.pps(), nals)


def render_clip(prompt: str, seed: int, width: int, height: int, seconds: float, fps: int) -> bytes:
    """The MP4 clip of a prompt's scene: deterministic for given inputs and Pillow version."""
    count = frame_count(seconds, fps)
    return encode_clip(scene_frames(prompt, seed, width, height, count), fps)


def clip_size(width: int, height: int, seconds: float, fps: int) -> int:
    """The size in bytes of :func:`render_clip`'s file, without rendering it.

    I_PCM pictures of one size always take the same number of bytes (their samples are never
    0, so no emulation prevention bytes get in), so one grey picture of each ``idr_pic_id``
    gives every picture's size.
    """
    params = h264.StreamParams(width, height, fps)
    grey = bytes((128,)) * (params.coded_width * params.coded_height)
    chroma = grey[: len(grey) // 4]
    sizes = [len(h264.idr_slice(params, grey, chroma, chroma, i)) for i in (0, 1)]
    count = frame_count(seconds, fps)
    return mp4.muxed_size(
        width, height, fps, h264.sps(params), h264.pps(), [sizes[i % 2] for i in range(count)]
    )


def make_clip(
    path: Path | str,
    seconds: float = 3.0,
    fps: int = 12,
    width: int = 192,
    height: int = 192,
    seed: int = 1,
    prompt: str = "a quiet lake at sunset",
) -> Path:
    """Write a real H.264 MP4 clip of the sandbox's scenes to ``path`` (for tests and demos)."""
    target = Path(path)
    target.write_bytes(render_clip(prompt, seed, width, height, seconds, fps))
    return target
