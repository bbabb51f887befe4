"""The MP4 writer and the clips: the box tree parses back with the right samples and timing."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from PIL import Image

from fizzly_desktop.sandbox.media import h264, make_clip, video

CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"dinf"}


def read_boxes(data: bytes, start: int = 0, end: int | None = None) -> list[tuple[bytes, int, int]]:
    """(type, payload start, payload end) of each box in ``data[start:end]``, in order."""
    end = len(data) if end is None else end
    boxes = []
    pos = start
    while pos < end:
        size, kind = struct.unpack_from(">I4s", data, pos)
        assert size >= 8, f"box {kind!r} is too short"
        assert pos + size <= end, f"box {kind!r} overruns its parent"
        boxes.append((kind, pos + 8, pos + size))
        pos += size
    assert pos == end
    return boxes


def tree(data: bytes) -> dict[bytes, bytes]:
    """Every box's payload by its path, e.g. ``b"moov/trak/tkhd"``."""
    found: dict[bytes, bytes] = {}

    def walk(prefix: bytes, start: int, end: int) -> None:
        for kind, a, b in read_boxes(data, start, end):
            path = prefix + kind
            assert path not in found, f"{path!r} twice"
            found[path] = data[a:b]
            if kind in CONTAINERS:
                walk(path + b"/", a, b)

    walk(b"", 0, len(data))
    return found


STBL = b"moov/trak/mdia/minf/stbl/"


def test_a_clip_is_ftyp_moov_mdat_with_every_frame_a_sample(tmp_path: Path) -> None:
    path = make_clip(tmp_path / "clip.mp4", seconds=2.0, fps=12, width=64, height=48, seed=3)
    data = path.read_bytes()
    boxes = tree(data)
    assert [kind for kind, _, _ in read_boxes(data)] == [b"ftyp", b"moov", b"mdat"]
    assert boxes[b"ftyp"][:4] == b"isom"

    _, _, _, timescale, duration_ms = struct.unpack_from(">IIIII", boxes[b"moov/mvhd"])
    assert (timescale, duration_ms) == (1000, 2000)
    tkhd = boxes[b"moov/trak/tkhd"]
    assert struct.unpack_from(">II", tkhd, len(tkhd) - 8) == (64 << 16, 48 << 16)
    _, _, _, media_scale, media_duration = struct.unpack_from(
        ">IIIII", boxes[b"moov/trak/mdia/mdhd"]
    )
    assert media_duration / media_scale == pytest.approx(2.0)
    assert boxes[b"moov/trak/mdia/hdlr"][8:12] == b"vide"

    count, frames, delta = struct.unpack_from(">III", boxes[STBL + b"stts"], 4)
    assert (count, frames, delta * 12) == (1, 24, media_scale)
    assert STBL + b"stss" not in boxes  # no sync sample table: every sample is a sync sample
    sample_size, sample_count = struct.unpack_from(">II", boxes[STBL + b"stsz"], 4)
    sizes = struct.unpack_from(f">{sample_count}I", boxes[STBL + b"stsz"], 12)
    assert (sample_size, sample_count) == (0, 24)
    assert struct.unpack_from(">IIII", boxes[STBL + b"stsc"], 4) == (1, 1, 24, 1)
    (entries, offset) = struct.unpack_from(">II", boxes[STBL + b"stco"], 4)
    mdat_start = data.index(b"mdat") + 4
    assert (entries, offset) == (1, mdat_start)
    assert offset + sum(sizes) == len(data)

    # Each sample is one length-prefixed IDR slice NAL unit.
    pos = offset
    for size in sizes:
        (length,) = struct.unpack_from(">I", data, pos)
        assert length == size - 4
        assert data[pos + 4] == 0x65
        pos += size


def test_the_sample_entry_carries_the_sps_and_pps(tmp_path: Path) -> None:
    data = make_clip(tmp_path / "c.mp4", seconds=0.5, fps=8, width=40, height=24).read_bytes()
    stsd = tree(data)[STBL + b"stsd"]
    assert struct.unpack_from(">I", stsd, 4) == (1,)
    (avc1,) = read_boxes(stsd, 8)
    assert avc1[0] == b"avc1"
    entry = stsd[avc1[1] : avc1[2]]
    assert struct.unpack_from(">HH", entry, 24) == (40, 24)
    (avcc,) = read_boxes(entry, 78)
    assert avcc[0] == b"avcC"
    config = entry[avcc[1] : avcc[2]]
    params = h264.StreamParams(40, 24, 8)
    assert config[:4] == bytes((1, 66, 0xC0, params.level_idc))
    assert config[4] & 3 == 3  # four-byte NAL lengths
    assert config[5] & 0x1F == 1
    (sps_len,) = struct.unpack_from(">H", config, 6)
    assert config[8 : 8 + sps_len] == h264.sps(params)
    rest = config[8 + sps_len :]
    assert rest[0] == 1
    (pps_len,) = struct.unpack_from(">H", rest, 1)
    assert rest[3 : 3 + pps_len] == h264.pps()
    assert len(rest) == 3 + pps_len


@pytest.mark.parametrize(("width", "height", "fps"), [(192, 192, 12), (256, 144, 8), (90, 50, 24)])
def test_the_declared_size_is_the_rendered_size(width: int, height: int, fps: int) -> None:
    data = video.render_clip("a beach", 5, width, height, 1.0, fps)
    assert len(data) == video.clip_size(width, height, 1.0, fps)


def test_different_seeds_make_different_clips_and_the_same_seed_the_same() -> None:
    a = video.render_clip("a forest", 1, 64, 64, 0.5, 8)
    assert a == video.render_clip("a forest", 1, 64, 64, 0.5, 8)
    assert a != video.render_clip("a forest", 2, 64, 64, 0.5, 8)


def test_the_camera_moves_between_the_first_and_last_frame() -> None:
    first, *_, last = video.scene_frames("a desert", 4, 64, 48, 6)
    assert first.size == last.size == (64, 48)
    assert first.tobytes() != last.tobytes()


def test_colours_convert_to_limited_range_bt601() -> None:
    def planes(colour: tuple[int, int, int]) -> tuple[int, int, int]:
        y, cb, cr = video.yuv420(Image.new("RGB", (16, 16), colour), 16, 16)
        return y[0], cb[0], cr[0]

    assert planes((0, 0, 0)) == (16, 128, 128)
    assert planes((255, 255, 255)) == (235, 128, 128)
    y, cb, cr = planes((255, 0, 0))
    assert (abs(y - 81), abs(cb - 90), abs(cr - 240)) <= (1, 1, 1)
    y, cb, cr = planes((0, 0, 255))
    assert (abs(y - 41), abs(cb - 240), abs(cr - 110)) <= (1, 1, 1)


def test_frames_are_padded_to_whole_macroblocks_and_chroma_is_averaged() -> None:
    img = Image.new("RGB", (18, 2), (255, 255, 255))
    img.putpixel((0, 0), (0, 0, 0))
    y, cb, cr = video.yuv420(img, 32, 16)
    assert (len(y), len(cb), len(cr)) == (512, 128, 128)
    assert (y[0], y[1]) == (16, 235)
    assert y[18] == 126  # grey padding beyond the picture
    assert min(y) >= 16
    assert max(y) <= 235
    assert min(cb + cr) >= 16
    assert max(cb + cr) <= 240


def test_a_clip_needs_frames_of_one_size() -> None:
    with pytest.raises(ValueError, match="at least one frame"):
        video.encode_clip([], 12)
    frames = [Image.new("RGB", (32, 32)), Image.new("RGB", (48, 32))]
    with pytest.raises(ValueError, match="same size"):
        video.encode_clip(frames, 12)
