"""The media workflows' plans and files, and the output store that serves them (no server)."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from fizzly_desktop.sandbox.images import ImageSpec
from fizzly_desktop.sandbox.media import audio, make_clip, make_mesh, make_sound, mesh, video
from fizzly_desktop.sandbox.media.spec import MediaSpec
from fizzly_desktop.sandbox.outputs import OutputStore
from fizzly_desktop.sandbox.workflows import WORKFLOWS, PlanContext, RunPlan, validate_inputs


def context() -> PlanContext:
    return PlanContext("http://127.0.0.1:1", lambda name: None, random_seed=lambda: 77)


def plan(workflow: str, inputs: dict[str, object]) -> RunPlan:
    wf = WORKFLOWS[workflow]
    assert validate_inputs(wf, inputs) == {}
    return wf.plan(wf.with_defaults(inputs), context())


def test_defaults_make_a_three_second_landscape_clip_with_a_random_seed() -> None:
    run = plan("demo/text-to-video", {"prompt": "a harbour"})
    clip = run.outputs["video"]
    assert (clip["width"], clip["height"], clip["fps"], clip["duration"]) == (256, 144, 12, 3.0)
    assert run.outputs["seed"] == 77
    (spec,) = run.steps[-1].publish
    assert isinstance(spec, MediaSpec)
    assert clip["url"] == f"http://127.0.0.1:1/outputs/{spec.file_name}"
    assert clip["file_size"] == len(spec.render())
    assert [step.node for step in run.steps] == ["prompt-encode", "keyframe", "video-generation"]
    assert run.credits == 7


def test_a_sound_plan_declares_what_its_file_holds() -> None:
    run = plan("demo/text-to-sound", {"prompt": "happy birds", "seed": 2, "duration": 1.5})
    sound = run.outputs["audio"]
    (spec,) = run.steps[-1].publish
    assert isinstance(spec, MediaSpec)
    data = spec.render()
    assert (sound["file_size"], sound["duration"]) == (len(data), 1.5)
    assert data[:4] == b"RIFF"
    assert data[8:12] == b"WAVE"
    assert spec.render() == data
    assert MediaSpec("audio", "happy birds", 3, seconds=1.5).render() != data


def test_mesh_detail_sets_the_counts_and_the_file() -> None:
    for detail, (rings, segments) in mesh.DETAIL.items():
        run = plan("demo/text-to-mesh", {"prompt": "a rock", "seed": 1, "detail": detail})
        counts = run.steps[1].output
        text = mesh.render_mesh("a rock", 1, detail).decode()
        assert counts["vertices"] == text.count("\nv ")
        assert counts["triangles"] == text.count("\nf ") == 2 * segments * (rings - 1)
        assert run.outputs["mesh"]["file_size"] == len(text)


def test_media_file_names_differ_by_every_input_and_keep_their_extension() -> None:
    base = MediaSpec("video", "x", 1, 64, 64, 1.0, 8)
    others = [
        MediaSpec("video", "y", 1, 64, 64, 1.0, 8),
        MediaSpec("video", "x", 2, 64, 64, 1.0, 8),
        MediaSpec("video", "x", 1, 128, 64, 1.0, 8),
        MediaSpec("video", "x", 1, 64, 64, 2.0, 8),
        MediaSpec("video", "x", 1, 64, 64, 1.0, 12),
    ]
    names = {spec.file_name for spec in [base, *others]}
    assert len(names) == 6
    assert all(name.endswith(".mp4") for name in names)
    with pytest.raises(ValueError, match="unknown media kind"):
        MediaSpec("hologram", "x", 1)


def test_sound_size_is_known_before_rendering() -> None:
    assert audio.sound_size(2.0) == len(audio.render_sound("bird", 1, 2.0))


def test_the_store_serves_media_keeps_files_and_bounds_its_cache(tmp_path: Path) -> None:
    store = OutputStore(directory=tmp_path, cache_bytes=1000)
    sound = MediaSpec("audio", "calm", 1, seconds=1.0)
    picture = ImageSpec("a hill", 1, 64, 64, "png")
    store.publish(sound)
    store.publish(picture)
    data = store.file_bytes(sound.file_name)
    assert data == sound.render()
    assert (tmp_path / sound.file_name).read_bytes() == data
    # Larger than the cache allows: served, written, but not kept in memory.
    assert store.cached_bytes == 0
    assert store.file_bytes(sound.file_name) == data
    small = OutputStore(cache_bytes=10**6)
    small.publish(sound)
    small.file_bytes(sound.file_name)
    assert small.cached_bytes == len(data)
    assert store.image_spec(picture.file_name) == picture
    assert store.image_spec(sound.file_name) is None  # not a picture to start image-to-image from
    assert store.file_bytes("nothing.mp4") is None


def test_the_helpers_write_a_real_file_of_each_kind(tmp_path: Path) -> None:
    clip = make_clip(tmp_path / "a.mp4", seconds=1.0, fps=8, width=64, height=48)
    sound = make_sound(tmp_path / "a.wav", seconds=1.0)
    shape = make_mesh(tmp_path / "a.obj")
    assert clip.read_bytes()[4:8] == b"ftyp"
    assert clip.stat().st_size == video.clip_size(64, 48, 1.0, 8)
    with wave.open(str(sound)) as wav:
        assert wav.getnframes() == wav.getframerate()
    assert shape.read_text().count("\nf ") == 2 * 16 * 11
