"""Media outputs of the demo workflows: H.264/MP4 clips, WAV sounds and OBJ meshes, no codecs."""

from __future__ import annotations

from fizzly_desktop.sandbox.media.video import make_clip

__all__ = ["make_clip"]
