"""A minimal MP4 (ISO/IEC 14496-12 and -15) writer for one H.264 video track.

The movie box comes before the media data ("fast start"), so a player can start while the
file is still arriving. All samples sit in one chunk; there is no sync sample box, which
means every sample is a sync sample (true here: every picture is IDR).
"""

from __future__ import annotations

import struct
from collections.abc import Sequence

from fizzly_desktop.sandbox.media.h264 import PROFILE_BASELINE, PROFILE_CONSTRAINTS

# The identity transform, in 16.16 and 2.30 fixed point.
_MATRIX = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)
_LANGUAGE_UND = 0x55C4  # "und" packed in three 5-bit letters
TICKS_PER_FRAME = 1000


def box(kind: bytes, *payload: bytes) -> bytes:
    body = b"".join(payload)
    return struct.pack(">I4s", 8 + len(body), kind) + body


def full_box(kind: bytes, version: int, flags: int, *payload: bytes) -> bytes:
    return box(kind, struct.pack(">I", (version << 24) | flags), *payload)


def _avcc(sps: bytes, pps: bytes, level: int) -> bytes:
    return box(
        b"avcC",
        bytes((1, PROFILE_BASELINE, PROFILE_CONSTRAINTS, level, 0xFF, 0xE1)),
        struct.pack(">H", len(sps)),
        sps,
        b"\x01",
        struct.pack(">H", len(pps)),
        pps,
    )


def _avc1(width: int, height: int, sps: bytes, pps: bytes, level: int) -> bytes:
    name = b"Fizzly sandbox"
    compressor = bytes((len(name),)) + name.ljust(31, b"\0")
    return box(
        b"avc1",
        bytes(6),  # reserved
        struct.pack(">H", 1),  # data_reference_index
        bytes(16),  # pre_defined and reserved
        struct.pack(">HH", width, height),
        struct.pack(">II", 0x00480000, 0x00480000),  # 72 dpi
        bytes(4),
        struct.pack(">H", 1),  # frame_count: one picture a sample
        compressor,
        struct.pack(">Hh", 0x0018, -1),  # depth, pre_defined
        _avcc(sps, pps, level),
    )


def _moov(
    width: int,
    height: int,
    fps: int,
    sps: bytes,
    pps: bytes,
    sizes: Sequence[int],
    data_offset: int,
) -> bytes:
    level = sps[3]
    frames = len(sizes)
    timescale = fps * TICKS_PER_FRAME
    media_duration = frames * TICKS_PER_FRAME
    movie_ms = round(frames * 1000 / fps)
    mvhd = full_box(
        b"mvhd",
        0,
        0,
        struct.pack(">IIII", 0, 0, 1000, movie_ms),
        struct.pack(">IH", 0x00010000, 0x0100),  # rate 1.0, volume 1.0
        bytes(10),
        _MATRIX,
        bytes(24),
        struct.pack(">I", 2),  # next_track_ID
    )
    tkhd = full_box(
        b"tkhd",
        0,
        0x3,  # enabled, in movie
        struct.pack(">IIII", 0, 0, 1, 0),  # times, track_ID 1, reserved
        struct.pack(">I", movie_ms),
        bytes(8),
        struct.pack(">hhhH", 0, 0, 0, 0),  # layer, alternate_group, volume, reserved
        _MATRIX,
        struct.pack(">II", width << 16, height << 16),
    )
    mdhd = full_box(
        b"mdhd", 0, 0, struct.pack(">IIIIHH", 0, 0, timescale, media_duration, _LANGUAGE_UND, 0)
    )
    hdlr = full_box(b"hdlr", 0, 0, bytes(4), b"vide", bytes(12), b"VideoHandler\0")
    vmhd = full_box(b"vmhd", 0, 1, bytes(8))
    dinf = box(b"dinf", full_box(b"dref", 0, 0, struct.pack(">I", 1), full_box(b"url ", 0, 1)))
    stbl = box(
        b"stbl",
        full_box(b"stsd", 0, 0, struct.pack(">I", 1), _avc1(width, height, sps, pps, level)),
        full_box(b"stts", 0, 0, struct.pack(">III", 1, frames, TICKS_PER_FRAME)),
        full_box(b"stsc", 0, 0, struct.pack(">IIII", 1, 1, frames, 1)),
        full_box(b"stsz", 0, 0, struct.pack(f">II{frames}I", 0, frames, *sizes)),
        full_box(b"stco", 0, 0, struct.pack(">II", 1, data_offset)),
    )
    minf = box(b"minf", vmhd, dinf, stbl)
    mdia = box(b"mdia", mdhd, hdlr, minf)
    return box(b"moov", mvhd, box(b"trak", tkhd, mdia))


FTYP = box(b"ftyp", b"isom", struct.pack(">I", 0x200), b"isom", b"iso2", b"avc1", b"mp41")


def _length_prefixed(nal: bytes) -> bytes:
    return struct.pack(">I", len(nal)) + nal


def mux(
    width: int, height: int, fps: int, sps: bytes, pps: bytes, frames: Sequence[bytes]
) -> bytes:
    """An MP4 file of the pictures (each one NAL unit), shown ``fps`` a second."""
    samples = [_length_prefixed(nal) for nal in frames]
    sizes = [len(s) for s in samples]
    # The chunk offset has a fixed width, so the movie box's size does not depend on its value.
    moov_size = len(_moov(width, height, fps, sps, pps, sizes, 0))
    offset = len(FTYP) + moov_size + 8
    moov = _moov(width, height, fps, sps, pps, sizes, offset)
    mdat_size = 8 + sum(sizes)
    if offset + mdat_size >= 2**32:
        raise ValueError("the clip is too large for a 32-bit MP4")
    return b"".join((FTYP, moov, struct.pack(">I4s", mdat_size, b"mdat"), *samples))


def muxed_size(
    width: int, height: int, fps: int, sps: bytes, pps: bytes, sizes: Sequence[int]
) -> int:
    """What :func:`mux` will produce in bytes, from the NAL unit sizes alone."""
    moov = _moov(width, height, fps, sps, pps, [size + 4 for size in sizes], 0)
    return len(FTYP) + len(moov) + 8 + sum(size + 4 for size in sizes)
