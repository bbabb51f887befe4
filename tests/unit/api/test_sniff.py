"""A file's first bytes against what it claims to be."""

from __future__ import annotations

import io
import struct
import wave

import pytest

from fizzly_desktop.api.sniff import content_problem, sniff


def _wav() -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(struct.pack("<100h", *range(100)))
    return buffer.getvalue()


MP4 = struct.pack(">I", 24) + b"ftypisom" + b"\0\0\2\0isomavc1" + b"\0" * 64
CASES = {
    "mp4": (MP4, "av", "video/mp4"),
    "webm": (b"\x1a\x45\xdf\xa3" + b"\0" * 40, "av", "video/webm"),
    "wav": (_wav(), "audio", "audio/wav"),
    "mp3-id3": (b"ID3\x04\0\0\0\0\0\0" + b"\0" * 40, "audio", "audio/mpeg"),
    "mp3-frame": (b"\xff\xfb\x90\x64" + b"\0" * 40, "audio", "audio/mpeg"),
    "ogg": (b"OggS\0\2" + b"\0" * 40, "av", "audio/ogg"),
    "flac": (b"fLaC\0\0\0\x22" + b"\0" * 40, "audio", "audio/flac"),
    "glb": (b"glTF\2\0\0\0" + b"\0" * 40, "model", "model/gltf-binary"),
    "obj": (b"# a cube\no cube\nv 0 0 0\nv 1 0 0\nv 1 1 0\nf 1 2 3\n", "model", "model/obj"),
    "ply": (b"ply\nformat ascii 1.0\nelement vertex 3\n", "model", "application/ply"),
    "png": (b"\x89PNG\r\n\x1a\n" + b"\0" * 40, "image", "image/png"),
    "avif": (struct.pack(">I", 24) + b"ftypavif" + b"\0" * 40, "image", "image/avif"),
    "html": (b"\n  <!DOCTYPE html><html><body>Sign in</body></html>", "page", "text/html"),
}


@pytest.mark.parametrize("case", CASES)
def test_formats_are_told_apart_by_their_first_bytes(case: str) -> None:
    head, family, content_type = CASES[case]
    found = sniff(head)
    assert found is not None
    assert (found.family, found.content_type) == (family, content_type)


def test_unknown_bytes_say_nothing() -> None:
    assert sniff(b"\0\1\2\3" * 20) is None
    assert sniff(b"") is None


@pytest.mark.parametrize(
    ("case", "claimed"),
    [
        ("mp4", "video"),
        ("mp4", "audio"),
        ("wav", "audio"),
        ("webm", "video"),
        ("obj", "model"),
        ("glb", "model"),
        ("png", "image"),
        ("wav", None),
        ("obj", None),
    ],
)
def test_a_file_that_is_what_it_claims_passes(case: str, claimed: str | None) -> None:
    assert content_problem(CASES[case][0], claimed) is None


def test_a_web_page_claiming_to_be_a_video_is_refused_with_a_reason() -> None:
    problem = content_problem(CASES["html"][0], "video")
    assert problem == "it claims to be a video but the server sent a web page (HTML)"
    assert content_problem(CASES["html"][0], None) is not None


@pytest.mark.parametrize(
    ("case", "claimed", "says"),
    [
        ("png", "video", "it claims to be a video but its content is PNG"),
        ("wav", "model", "it claims to be a 3D model but its content is WAV"),
        ("mp4", "image", "it claims to be a picture but its content is MP4"),
    ],
)
def test_a_file_of_another_family_is_refused(case: str, claimed: str, says: str) -> None:
    assert content_problem(CASES[case][0], claimed) == says


def test_text_claiming_to_be_sound_is_refused() -> None:
    problem = content_problem(b'{"error": "quota exceeded", "code": 429}', "audio")
    assert problem == "it claims to be a sound file but is text data (JSON)"
