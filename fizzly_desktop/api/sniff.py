"""What the first bytes of a file say it is, and whether that matches what it claims to be.

A server (or anything in between: a login page, an error page, a captive portal) can answer an
output address with something other than the file it names. The first bytes of the body are
checked before anything is written: a "video" that is a web page is refused with that reason.
Families are ``image``, ``video``, ``audio``, ``av`` (containers that hold either: MP4,
WebM/Matroska, Ogg) and ``model``; ``page`` and ``text`` are what a media file never is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["SNIFF_BYTES", "Sniffed", "content_problem", "family_of_type", "sniff"]

#: How many first bytes are read before deciding.
SNIFF_BYTES = 2048

_FAMILY_WORDS = {
    "image": "a picture",
    "video": "a video",
    "audio": "a sound file",
    "model": "a 3D model",
}


@dataclass(frozen=True)
class Sniffed:
    """What the bytes are: a family, a format's name for messages, and its content type."""

    family: str
    label: str
    content_type: str | None = None


_MAGIC: tuple[tuple[int, bytes, Sniffed], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", Sniffed("image", "PNG", "image/png")),
    (0, b"\xff\xd8\xff", Sniffed("image", "JPEG", "image/jpeg")),
    (0, b"GIF87a", Sniffed("image", "GIF", "image/gif")),
    (0, b"GIF89a", Sniffed("image", "GIF", "image/gif")),
    (0, b"II*\x00", Sniffed("image", "TIFF", "image/tiff")),
    (0, b"MM\x00*", Sniffed("image", "TIFF", "image/tiff")),
    (0, b"\x1a\x45\xdf\xa3", Sniffed("av", "WebM/Matroska", "video/webm")),
    (0, b"OggS", Sniffed("av", "Ogg", "audio/ogg")),
    (0, b"ID3", Sniffed("audio", "MP3", "audio/mpeg")),
    (0, b"fLaC", Sniffed("audio", "FLAC", "audio/flac")),
    (0, b"#!AMR", Sniffed("audio", "AMR", "audio/amr")),
    (0, b"FLV\x01", Sniffed("video", "FLV", "video/x-flv")),
    (0, b"glTF", Sniffed("model", "glTF binary", "model/gltf-binary")),
    (0, b"Kaydara FBX Binary", Sniffed("model", "FBX", None)),
)
_RIFF = {
    b"WAVE": Sniffed("audio", "WAV", "audio/wav"),
    b"WEBP": Sniffed("image", "WebP", "image/webp"),
    b"AVI ": Sniffed("video", "AVI", "video/x-msvideo"),
}
_FTYP_BRANDS = {
    b"avif": Sniffed("image", "AVIF", "image/avif"),
    b"avis": Sniffed("image", "AVIF", "image/avif"),
    b"heic": Sniffed("image", "HEIC", "image/heic"),
    b"heix": Sniffed("image", "HEIC", "image/heic"),
    b"mif1": Sniffed("image", "HEIF", "image/heif"),
    b"M4A ": Sniffed("audio", "M4A", "audio/mp4"),
    b"M4B ": Sniffed("audio", "M4A", "audio/mp4"),
    b"qt  ": Sniffed("video", "QuickTime", "video/quicktime"),
}
_PAGE = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<script|<meta|<title|<\?xml)", re.I)
_OBJ_LINE = re.compile(rb"^(v|vn|vt|vp|f|l|p|o|g|s|usemtl|mtllib|#)(\s|$)")
_STL_ASCII = re.compile(rb"^\s*solid[ \t][^\n]*\n\s*(facet|endsolid)", re.I)


def sniff(head: bytes) -> Sniffed | None:
    """What the first bytes ``head`` of a file are, or ``None`` when they say nothing known."""
    for offset, magic, found in _MAGIC:
        if head[offset : offset + len(magic)] == magic:
            return found
    if head[:4] == b"RIFF" and head[8:12] in _RIFF:
        return _RIFF[head[8:12]]
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        return _FTYP_BRANDS.get(brand, Sniffed("av", "MP4", "video/mp4"))
    if head[:2] == b"BM" and len(head) >= 26 and head[6:10] == b"\0\0\0\0":
        return Sniffed("image", "BMP", "image/bmp")
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and head[1] & 0x06:
        return Sniffed("audio", "MP3", "audio/mpeg")  # an MPEG audio frame's sync word
    return _sniff_text(head)


def _sniff_text(head: bytes) -> Sniffed | None:
    text = head.lstrip(b"\xef\xbb\xbf")
    if _PAGE.match(text):
        return Sniffed("page", "a web page (HTML)", "text/html")
    if text.startswith((b"ply\n", b"ply\r\n")):
        return Sniffed("model", "PLY", "application/ply")
    if _STL_ASCII.match(text):
        return Sniffed("model", "STL", "model/stl")
    if len(text) < 16 or b"\0" in text:
        return None
    try:
        decoded = text.decode("utf-8")
    except UnicodeDecodeError as exc:
        # The window may cut a character in two at its end.
        if exc.start < len(text) - 4:
            return None
        decoded = text[: exc.start].decode("utf-8")
    lines = [line.strip() for line in decoded.encode().splitlines() if line.strip()]
    complete = lines[:-1] if len(lines) > 1 and not decoded.endswith("\n") else lines
    if (
        complete
        and all(_OBJ_LINE.match(line) for line in complete)
        and any(line.startswith((b"v ", b"f ")) for line in complete)
    ):
        return Sniffed("model", "OBJ", "model/obj")
    stripped = decoded.lstrip()
    if stripped.startswith("{") and '"asset"' in decoded:
        return Sniffed("model", "glTF", "model/gltf+json")
    if stripped.startswith(("{", "[")):
        return Sniffed("text", "text data (JSON)", "application/json")
    if all(ch.isprintable() or ch in "\r\n\t" for ch in decoded):
        return Sniffed("text", "text", "text/plain")
    return None


def family_of_type(content_type: str | None) -> str | None:
    """The family a content type names (``video`` for ``video/mp4``), or ``None``."""
    text = (content_type or "").partition(";")[0].strip().lower()
    family = text.partition("/")[0]
    if family in ("image", "video", "audio", "model"):
        return family
    if text in ("application/ply", "application/sla"):
        return "model"
    if text == "text/html":
        return "page"
    return None


def _matches(claimed: str, found: str) -> bool:
    if claimed == found:
        return True
    # An MP4, WebM or Ogg holds sound or pictures; "video/mp4" that is sound only is fine.
    return claimed in ("video", "audio") and found in ("video", "audio", "av")


def content_problem(head: bytes, claimed: str | None) -> str | None:
    """Why ``head`` (a file's first bytes) is not the ``claimed`` family of file, in plain
    words, or ``None`` when nothing is wrong.

    Bytes that say nothing known are accepted (formats are many); a web page or text where a
    media file was expected, or a known format of another family, is refused.
    """
    found = sniff(head)
    if found is None:
        return None
    if found.family == "page":
        what = _FAMILY_WORDS.get(claimed or "", "a media file")
        return f"it claims to be {what} but the server sent a web page (HTML)"
    if claimed is None:
        return None  # a file of no stated kind may be anything but a web page
    if found.family == "text":
        return f"it claims to be {_FAMILY_WORDS.get(claimed, 'a file')} but is {found.label}"
    if not _matches(claimed, found.family):
        what = _FAMILY_WORDS.get(claimed, "a file")
        return f"it claims to be {what} but its content is {found.label}"
    return None
