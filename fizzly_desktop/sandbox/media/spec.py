"""What a media output is made from; equal specs give byte-identical files."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from fizzly_desktop.sandbox.media import audio, mesh, video

# kind: (file extension, content type)
KINDS = {
    "video": ("mp4", "video/mp4"),
    "audio": ("wav", "audio/wav"),
    "mesh": ("obj", "model/obj"),
}


@dataclass(frozen=True)
class MediaSpec:
    """A clip, sound or mesh output. Fields a kind does not use stay at their defaults."""

    kind: str
    prompt: str
    seed: int
    width: int = 0
    height: int = 0
    seconds: float = 0.0
    fps: int = 0
    detail: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown media kind {self.kind!r}")

    @property
    def digest(self) -> str:
        h = hashlib.sha256()
        fields = (self.kind, self.prompt, self.seed, self.width, self.height, self.fps, self.detail)
        for part in (*fields, f"{self.seconds:.4f}"):
            h.update(str(part).encode("utf-8"))
            h.update(b"\0")
        return h.hexdigest()[:32]

    @property
    def file_name(self) -> str:
        return f"{self.digest}.{KINDS[self.kind][0]}"

    @property
    def content_type(self) -> str:
        return KINDS[self.kind][1]

    @property
    def file_size(self) -> int:
        """The file's size in bytes, known without rendering clips and sounds."""
        if self.kind == "video":
            return video.clip_size(self.width, self.height, self.seconds, self.fps)
        if self.kind == "audio":
            return audio.sound_size(self.seconds)
        return len(mesh.render_mesh(self.prompt, self.seed, self.detail))

    @property
    def duration(self) -> float:
        """Seconds of playback: whole frames or samples, as the file has them."""
        if self.kind == "video":
            return video.frame_count(self.seconds, self.fps) / self.fps
        if self.kind == "audio":
            return audio.frame_count(self.seconds) / audio.SAMPLE_RATE
        return 0.0

    def render(self) -> bytes:
        if self.kind == "video":
            return video.render_clip(
                self.prompt, self.seed, self.width, self.height, self.seconds, self.fps
            )
        if self.kind == "audio":
            return audio.render_sound(self.prompt, self.seed, self.seconds)
        return mesh.render_mesh(self.prompt, self.seed, self.detail)
