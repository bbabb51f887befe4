"""Which outputs of a run are files to keep, and what kind each is (image, video, audio, 3D).

An output is a file when it is an object with an http(s) ``url`` (and perhaps
``content_type``, ``file_name``, ``file_size``, ``width``, ``height``, ``duration``, ``fps``), a
bare URL whose path ends in a media extension, or a list of either. Its kind comes from the
content type it claims, else from the extension of its file name or URL; an object that says
nothing recognisable is a plain file (shown as a card with its name, size and type).
"""

from __future__ import annotations

import mimetypes
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, Literal
from urllib.parse import unquote, urlsplit

from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP, translate

MediaKind = Literal["image", "video", "audio", "model", "file"]
MEDIA_KINDS: tuple[MediaKind, ...] = ("image", "video", "audio", "model", "file")

IMAGE_SUFFIXES = frozenset(
    {".png", ".webp", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".avif"}
)
VIDEO_SUFFIXES = frozenset({".mp4", ".m4v", ".mov", ".webm", ".mkv", ".avi", ".ogv"})
AUDIO_SUFFIXES = frozenset(
    {".wav", ".mp3", ".ogg", ".oga", ".opus", ".flac", ".m4a", ".aac", ".weba"}
)
MODEL_SUFFIXES = frozenset(
    {".glb", ".gltf", ".obj", ".ply", ".stl", ".fbx", ".usdz", ".usd", ".3mf", ".splat"}
)
_SUFFIXES_BY_KIND: dict[MediaKind, frozenset[str]] = {
    "image": IMAGE_SUFFIXES,
    "video": VIDEO_SUFFIXES,
    "audio": AUDIO_SUFFIXES,
    "model": MODEL_SUFFIXES,
}
MEDIA_SUFFIXES = IMAGE_SUFFIXES | VIDEO_SUFFIXES | AUDIO_SUFFIXES | MODEL_SUFFIXES

# Not every system's mimetypes table knows these.
SUFFIX_BY_TYPE = {
    "image/png": ".png",
    "image/webp": ".webp",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/avif": ".avif",
    "video/mp4": ".mp4",
    "video/webm": ".webm",
    "video/quicktime": ".mov",
    "video/x-matroska": ".mkv",
    "audio/wav": ".wav",
    "audio/x-wav": ".wav",
    "audio/wave": ".wav",
    "audio/mpeg": ".mp3",
    "audio/mp3": ".mp3",
    "audio/ogg": ".ogg",
    "audio/flac": ".flac",
    "audio/mp4": ".m4a",
    "audio/aac": ".aac",
    "model/gltf-binary": ".glb",
    "model/gltf+json": ".gltf",
    "model/obj": ".obj",
    "model/stl": ".stl",
    "model/vnd.usdz+zip": ".usdz",
    "application/ply": ".ply",
    "model/ply": ".ply",
}
_MODEL_TYPES = {"application/ply", "application/sla", "application/x-tgif"}
_KIND_WORDS: dict[str, str] = {
    "image": QT_TRANSLATE_NOOP("Media", "Image"),
    "video": QT_TRANSLATE_NOOP("Media", "Video"),
    "audio": QT_TRANSLATE_NOOP("Media", "Audio"),
    "model": QT_TRANSLATE_NOOP("Media", "3D model"),
    "file": QT_TRANSLATE_NOOP("Media", "File"),
}


@dataclass(frozen=True)
class MediaOutput:
    """An output of a run that is a file to keep: where it is, what it claims to be.

    ``name`` is the output's key in the result (``video``), or ``images[1]`` for the second
    file of a list. Sizes and times are what the server said, ``None`` where it said nothing.
    """

    name: str
    url: str
    kind: MediaKind
    content_type: str | None = None
    file_name: str | None = None
    file_size: int | None = None
    width: int | None = None
    height: int | None = None
    duration: float | None = None
    fps: float | None = None

    @property
    def suffix(self) -> str:
        """The extension the saved file gets (``.mp4``), from the name, URL or type."""
        for text in (self.file_name or "", url_path(self.url)):
            suffix = PurePosixPath(text).suffix.lower()
            if suffix in MEDIA_SUFFIXES:
                return suffix
        content_type = base_type(self.content_type)
        known = SUFFIX_BY_TYPE.get(content_type) or mimetypes.guess_extension(content_type)
        if known:
            return known
        for text in (self.file_name or "", url_path(self.url)):
            suffix = PurePosixPath(text).suffix.lower()
            if 1 < len(suffix) <= 8 and suffix[1:].isalnum():
                return suffix
        return ".png" if self.kind == "image" else ".bin"


def base_type(content_type: str | None) -> str:
    """``"video/mp4"`` from ``"Video/MP4; codecs=avc1"``; ``""`` for none."""
    return (content_type or "").partition(";")[0].strip().lower()


def url_path(url: str) -> str:
    try:
        return unquote(urlsplit(url).path)
    except ValueError:
        return ""


def kind_of_type(content_type: str | None) -> MediaKind | None:
    """The kind a content type names, or ``None`` when it names none (octet-stream, none)."""
    text = base_type(content_type)
    family = text.partition("/")[0]
    if family in ("image", "video", "audio", "model"):
        return family  # type: ignore[return-value]
    if text in _MODEL_TYPES:
        return "model"
    if text in ("application/ogg",):
        return "audio"
    if text in ("application/mp4",):
        return "video"
    return None


def kind_of_name(name: str) -> MediaKind | None:
    """The kind a file name's extension names, or ``None``."""
    suffix = PurePosixPath(name).suffix.lower()
    for kind, suffixes in _SUFFIXES_BY_KIND.items():
        if suffix in suffixes:
            return kind
    return None


def media_kind(content_type: str | None, *names: str) -> MediaKind:
    """The kind of a file that claims ``content_type`` and is called ``names`` (first known
    wins): its type's family, else its extension's, else a plain file."""
    kind = kind_of_type(content_type)
    if kind is not None:
        return kind
    for name in names:
        kind = kind_of_name(name)
        if kind is not None:
            return kind
    return "file"


def kind_word(kind: str) -> str:
    """What a kind is called on screen: "Video", "3D model"."""
    return translate("Media", _KIND_WORDS.get(kind, "File"))


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _number(value: Any) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
        return float(value)
    return None


def _is_web_url(value: object) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://"))


def media_output(name: str, value: object) -> MediaOutput | None:
    """``value`` as a file output called ``name``, or ``None`` when it is not one."""
    if isinstance(value, str):
        if _is_web_url(value) and kind_of_name(url_path(value)) is not None:
            return MediaOutput(name, value, media_kind(None, url_path(value)))
        return None
    if not isinstance(value, Mapping):
        return None
    url = value.get("url")
    if not _is_web_url(url):
        return None
    assert isinstance(url, str)
    content_type = value.get("content_type")
    content_type = content_type if isinstance(content_type, str) and content_type else None
    given_name = value.get("file_name")
    given_name = given_name if isinstance(given_name, str) and given_name else None
    kind = media_kind(content_type, given_name or "", url_path(url))
    if kind == "file" and content_type is None and "width" in value and "duration" not in value:
        kind = "image"  # an object with a width and nothing else said is a picture
    size = _int(value.get("file_size"))
    return MediaOutput(
        name,
        url,
        kind,
        content_type=content_type,
        file_name=given_name,
        file_size=size if size is not None and size >= 0 else None,
        width=_int(value.get("width")),
        height=_int(value.get("height")),
        duration=_number(value.get("duration")),
        fps=_number(value.get("fps")),
    )


def list_name(name: str, index: int) -> str:
    """The name of the ``index``-th file of the list output ``name``: ``images[0]``."""
    return f"{name}[{index}]"


def outputs_of_value(name: str, value: object) -> list[MediaOutput]:
    """The files one output holds: itself, or each file of a list (other items ignored)."""
    if isinstance(value, list):
        found = [media_output(list_name(name, i), item) for i, item in enumerate(value)]
        return [output for output in found if output is not None]
    output = media_output(name, value)
    return [output] if output is not None else []


def media_outputs(outputs: Mapping[str, Any] | None) -> list[MediaOutput]:
    """Every file among a run's outputs, in the order of the result."""
    return [
        found for name, value in (outputs or {}).items() for found in outputs_of_value(name, value)
    ]


def describe_size(size: int | None) -> str:
    """``"1.5 MB"``, ``"812 KB"``, ``"40 bytes"``; ``"size unknown"`` for ``None``."""
    if size is None:
        return "size unknown"
    if size < 1000:
        return f"{size} byte{'' if size == 1 else 's'}"
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if size >= scale:
            value = size / scale
            return f"{value:.1f} {unit}" if value < 100 else f"{value:.0f} {unit}"
    return f"{size} bytes"  # pragma: no cover - the loop always returns


def describe_duration(seconds: float | None) -> str:
    """``"0:03"``, ``"1:02:05"``; ``""`` for ``None``."""
    if seconds is None:
        return ""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"
