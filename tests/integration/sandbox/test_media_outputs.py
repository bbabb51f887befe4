"""Video, sound and mesh workflows over loopback: node events, file objects, real files."""

from __future__ import annotations

import io
import struct
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from PIL import Image

from fizzly_desktop.core.sandbox_process import SandboxHandle, SandboxInfo, launch_sandbox
from tests.fixtures.sandbox import FAST_FLAGS
from tests.integration.sandbox.support import (
    assert_error,
    client,
    read_stream,
    submit,
    wait_finished,
)
from tests.unit.sandbox.test_media_mp4 import STBL, tree


@pytest.fixture
def api(sandbox: SandboxInfo) -> Iterator[httpx.Client]:
    with client(sandbox.base_url, sandbox.demo_key) as c:
        yield c


def run_to_end(api: httpx.Client, workflow: str, inputs: dict[str, Any]) -> dict[str, Any]:
    """Submit, follow the stream to its end, and check the node events came in order."""
    run = submit(api, workflow, inputs)
    _response, events = read_stream(api, run["status_url"])
    assert wait_finished(api, run["status_url"])["status"] == "COMPLETED"
    result: dict[str, Any] = api.get(run["response_url"]).json()
    nodes = [entry["node"] for entry in result["logs"]]
    kinds = [(e.event, e.data.get("node")) for e in events if e.event != "ping"]
    expected = [(kind, node) for node in nodes for kind in ("submit", "completion")]
    assert kinds == [*expected, ("output", None)]
    assert events[-1].data["outputs"] == result["outputs"]
    result["completions"] = {
        e.data["node"]: e.data["output"] for e in events if e.event == "completion"
    }
    return result


def download(url: str) -> tuple[httpx.Response, bytes]:
    """The file streamed in pieces, with no credentials (the output origin is like a CDN)."""
    pieces = []
    with httpx.stream("GET", url) as response:
        assert response.status_code == 200
        pieces.extend(response.iter_bytes(chunk_size=64 * 1024))
    return response, b"".join(pieces)


def test_text_to_video_makes_an_h264_mp4_clip_of_the_declared_shape(
    api: httpx.Client, sandbox: SandboxInfo
) -> None:
    inputs = {"prompt": "a lake at sunset", "seed": 5, "duration": 2, "fps": 8, "aspect": "square"}
    result = run_to_end(api, "demo/text-to-video", inputs)
    assert [e["node"] for e in result["logs"]] == ["prompt-encode", "keyframe", "video-generation"]
    clip = result["outputs"]["video"]
    assert result["outputs"]["seed"] == 5
    assert clip["url"].startswith(sandbox.output_origin + "/outputs/")
    assert clip["content_type"] == "video/mp4"
    assert clip["file_name"].endswith(".mp4")
    assert (clip["width"], clip["height"], clip["fps"], clip["duration"]) == (192, 192, 8, 2.0)
    assert result["completions"]["video-generation"] == clip

    response, data = download(clip["url"])
    assert response.headers["content-type"] == "video/mp4"
    assert len(data) == clip["file_size"]
    assert data[4:8] == b"ftyp"
    boxes = tree(data)
    _, _, _, timescale, duration_ms = struct.unpack_from(">IIIII", boxes[b"moov/mvhd"])
    assert duration_ms / timescale == clip["duration"]
    tkhd = boxes[b"moov/trak/tkhd"]
    assert struct.unpack_from(">II", tkhd, len(tkhd) - 8) == (192 << 16, 192 << 16)
    assert struct.unpack_from(">I", boxes[STBL + b"stsz"], 8) == (16,)  # 2 s at 8 fps
    assert b"avcC" in boxes[STBL + b"stsd"]

    # The key frame node shows the scene as a still picture.
    keyframe = result["completions"]["keyframe"]
    _, png = download(keyframe["url"])
    with Image.open(io.BytesIO(png)) as still:
        assert still.size == (192, 192)


def test_another_seed_makes_another_clip(api: httpx.Client) -> None:
    inputs = {"prompt": "a forest", "duration": 1, "fps": 8, "aspect": "portrait"}
    first = run_to_end(api, "demo/text-to-video", {**inputs, "seed": 1})["outputs"]["video"]
    second = run_to_end(api, "demo/text-to-video", {**inputs, "seed": 2})["outputs"]["video"]
    assert (first["width"], first["height"]) == (144, 256)
    assert first["url"] != second["url"]
    assert download(first["url"])[1] != download(second["url"])[1]


def test_text_to_sound_makes_a_wav_of_the_declared_duration(api: httpx.Client) -> None:
    result = run_to_end(
        api, "demo/text-to-sound", {"prompt": "calm rain", "seed": 3, "duration": 2.5}
    )
    assert [e["node"] for e in result["logs"]] == ["prompt-encode", "melody", "audio-render"]
    sound = result["outputs"]["audio"]
    assert sound["content_type"] == "audio/wav"
    assert sound["file_name"].endswith(".wav")
    assert sound["duration"] == 2.5
    response, data = download(sound["url"])
    assert response.headers["content-type"] == "audio/wav"
    assert len(data) == sound["file_size"]
    with wave.open(io.BytesIO(data)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
        assert wav.getnframes() / wav.getframerate() == sound["duration"]
        samples = wav.readframes(wav.getnframes())
    # A sound, not silence: the samples swing well away from zero.
    loudest = max(abs(v) for (v,) in struct.iter_unpack("<h", samples))
    assert loudest > 10000


def test_text_to_mesh_makes_an_obj_with_the_counted_vertices_and_triangles(
    api: httpx.Client,
) -> None:
    result = run_to_end(
        api, "demo/text-to-mesh", {"prompt": "a pebble", "seed": 9, "detail": "low"}
    )
    assert [e["node"] for e in result["logs"]] == ["prompt-encode", "shape", "mesh-export"]
    mesh = result["outputs"]["mesh"]
    assert mesh["content_type"] == "model/obj"
    assert mesh["file_name"].endswith(".obj")
    response, data = download(mesh["url"])
    assert response.headers["content-type"] == "model/obj"
    assert len(data) == mesh["file_size"]
    lines = data.decode("ascii").splitlines()
    vertices = [line for line in lines if line.startswith("v ")]
    faces = [line for line in lines if line.startswith("f ")]
    counts = result["completions"]["shape"]
    assert (len(vertices), len(faces)) == (counts["vertices"], counts["triangles"])
    indices = {int(i) for face in faces for i in face.split()[1:]}
    assert indices == set(range(1, len(vertices) + 1))


@pytest.mark.parametrize(
    ("workflow", "inputs", "field", "message"),
    [
        ("demo/text-to-video", {"prompt": "x", "duration": 20}, "duration", "at most 8"),
        ("demo/text-to-video", {"prompt": "x", "aspect": "wide"}, "aspect", "one of"),
        ("demo/text-to-video", {"prompt": "x", "fps": 60}, "fps", "one of: 8, 12, 24"),
        ("demo/text-to-sound", {"prompt": ""}, "prompt", "must not be empty"),
        ("demo/text-to-mesh", {"prompt": "x", "detail": "max"}, "detail", "low, medium, high"),
    ],
)
def test_media_inputs_out_of_range_get_plain_messages(
    api: httpx.Client, workflow: str, inputs: dict[str, Any], field: str, message: str
) -> None:
    response = api.post(f"/workflows/{workflow}", json={"inputs": inputs})
    body = assert_error(response, 400, "BAD_REQUEST")
    assert field in body["details"][field]
    assert message in body["details"][field]


def test_media_files_outlive_a_restart_of_a_sandbox_with_a_data_folder(tmp_path: Path) -> None:
    handles: list[SandboxHandle] = []
    try:
        first = launch_sandbox(*FAST_FLAGS, data_dir=tmp_path)
        handles.append(first)
        with client(first.info.base_url, first.info.demo_key) as api:
            inputs = {"prompt": "dunes", "seed": 4, "duration": 1, "fps": 8}
            clip = run_to_end(api, "demo/text-to-video", inputs)["outputs"]["video"]
            sound = run_to_end(api, "demo/text-to-sound", {"prompt": "ocean", "seed": 4})
        before = {url: download(url)[1] for url in (clip["url"], sound["outputs"]["audio"]["url"])}
        assert first.stop() == 0
        files = {p.name for p in (tmp_path / "outputs").iterdir()}
        assert clip["file_name"] in files
        second = launch_sandbox(*FAST_FLAGS, data_dir=tmp_path)
        handles.append(second)
        assert second.info.output_origin == first.info.output_origin
        for url, data in before.items():
            assert download(url)[1] == data
    finally:
        for handle in handles:
            handle.stop()


def test_the_output_origin_serves_byte_ranges_as_a_cdn_does(api: httpx.Client) -> None:
    inputs = {"prompt": "a harbour", "seed": 6, "duration": 1, "fps": 8}
    clip = run_to_end(api, "demo/text-to-video", inputs)["outputs"]["video"]
    _, whole = download(clip["url"])
    size = len(whole)
    full = httpx.get(clip["url"])
    assert full.headers["accept-ranges"] == "bytes"

    def get_range(value: str) -> httpx.Response:
        return httpx.get(clip["url"], headers={"Range": value})

    head = get_range("bytes=0-7")
    assert head.status_code == 206
    assert head.content == whole[:8]
    assert head.headers["content-range"] == f"bytes 0-7/{size}"
    middle = get_range(f"bytes=1000-{size + 50}")  # an end past the file is cut to it
    assert (middle.status_code, middle.content) == (206, whole[1000:])
    tail = get_range("bytes=-16")
    assert (tail.status_code, tail.content) == (206, whole[-16:])
    assert tail.headers["content-range"] == f"bytes {size - 16}-{size - 1}/{size}"
    beyond = get_range(f"bytes={size}-")
    assert beyond.status_code == 416
    assert beyond.headers["content-range"] == f"bytes */{size}"
    several = get_range("bytes=0-1,5-6")  # answered in full, which the standard allows
    assert (several.status_code, several.content) == (200, whole)
