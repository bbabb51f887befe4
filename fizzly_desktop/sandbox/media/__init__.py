"""Media outputs of the demo workflows: H.264/MP4 clips, WAV sounds and OBJ meshes, no codecs.

``make_clip``, ``make_sound`` and ``make_mesh`` write real files of each kind, for tests and demos.
"""

from __future__ import annotations

from pathlib import Path

from fizzly_desktop.sandbox.media.audio import render_sound
from fizzly_desktop.sandbox.media.mesh import render_mesh
from fizzly_desktop.sandbox.media.video import make_clip

__all__ = ["make_clip", "make_mesh", "make_sound"]


def make_sound(
    path: Path | str, seconds: float = 2.0, seed: int = 1, prompt: str = "calm rain"
) -> Path:
    """Write a real WAV sound (mono, 16-bit, 22050 Hz) of the sandbox's melodies to ``path``."""
    target = Path(path)
    target.write_bytes(render_sound(prompt, seed, seconds))
    return target


def make_mesh(
    path: Path | str, seed: int = 1, detail: str = "low", prompt: str = "a pebble"
) -> Path:
    """Write a real OBJ mesh (``detail``: low, medium or high) to ``path``."""
    target = Path(path)
    target.write_bytes(render_mesh(prompt, seed, detail))
    return target
