"""Which outputs are files (image, video, audio, 3D, other) and what each is called."""

from __future__ import annotations

from pathlib import Path

from fizzly_desktop.core.history import OutputRecord
from fizzly_desktop.core.media import (
    describe_duration,
    describe_size,
    kind_word,
    media_kind,
    media_outputs,
)


def test_objects_bare_urls_and_lists_are_recognised_with_their_kind() -> None:
    outputs = {
        "video": {
            "url": "https://cdn.test/o/clip",
            "content_type": "video/mp4",
            "file_name": "clip.mp4",
            "file_size": 123_456,
            "width": 256,
            "height": 144,
            "duration": 3.0,
            "fps": 12,
        },
        "speech": "https://cdn.test/o/speech.wav?sig=abc",
        "mesh": {"url": "https://cdn.test/o/m", "file_name": "dragon.glb"},
        "frames": [
            {"url": "https://cdn.test/o/a.png", "width": 8, "height": 8},
            "https://cdn.test/o/b.webp",
            "not a file",
        ],
        "blob": {"url": "https://cdn.test/o/blob", "content_type": "application/octet-stream"},
        "page": "https://cdn.test/about",
        "caption": "a fox at dawn",
        "local": {"url": "file:///etc/passwd", "content_type": "video/mp4"},
        "seed": 42,
    }
    found = media_outputs(outputs)
    assert [(o.name, o.kind) for o in found] == [
        ("video", "video"),
        ("speech", "audio"),
        ("mesh", "model"),
        ("frames[0]", "image"),
        ("frames[1]", "image"),
        ("blob", "file"),
    ]
    video = found[0]
    assert (video.width, video.height, video.duration, video.fps) == (256, 144, 3.0, 12.0)
    assert video.file_size == 123_456
    assert video.suffix == ".mp4"
    assert found[1].suffix == ".wav"
    assert found[2].suffix == ".glb"


def test_a_kind_comes_from_the_type_then_the_name() -> None:
    assert media_kind("video/webm") == "video"
    assert media_kind("Audio/MPEG; rate=44100") == "audio"
    assert media_kind("model/gltf-binary") == "model"
    assert media_kind("application/ply") == "model"
    assert media_kind(None, "", "x.OBJ") == "model"
    assert media_kind("application/octet-stream", "take.mov") == "video"
    assert media_kind("application/octet-stream", "weights.safetensors") == "file"
    assert kind_word("model") == "3D model"


def test_a_saved_record_knows_its_kind_from_its_type_or_name() -> None:
    def record(name: str, content_type: str | None) -> OutputRecord:
        return OutputRecord("r", "o", "https://x", Path(name), None, content_type, None, None, 0)

    assert record("/p/a.mp4", None).kind == "video"
    assert record("/p/a.bin", "audio/wav").kind == "audio"
    assert record("/p/a.obj", "model/obj").kind == "model"
    assert record("/p/a.bin", "application/octet-stream").kind == "file"


def test_sizes_and_durations_read_as_people_write_them() -> None:
    assert describe_size(None) == "size unknown"
    assert describe_size(1) == "1 byte"
    assert describe_size(812_000) == "812 KB"
    assert describe_size(1_500_000) == "1.5 MB"
    assert describe_size(2_000_000_000) == "2.0 GB"
    assert describe_duration(3.2) == "0:03"
    assert describe_duration(3725) == "1:02:05"
    assert describe_duration(None) == ""
