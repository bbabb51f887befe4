"""The I_PCM H.264 writer, bit by bit: Exp-Golomb codes, emulation prevention, headers, slices."""

from __future__ import annotations

import pytest

from fizzly_desktop.sandbox.media import h264


class BitReader:
    """Reads what :class:`h264.BitWriter` writes, to check it from the other side."""

    def __init__(self, data: bytes) -> None:
        self.bits = "".join(f"{byte:08b}" for byte in data)
        self.pos = 0

    def u(self, n: int) -> int:
        value = int(self.bits[self.pos : self.pos + n] or "0", 2)
        self.pos += n
        return value

    def ue(self) -> int:
        zeros = 0
        while self.bits[self.pos] == "0":
            zeros += 1
            self.pos += 1
        return self.u(zeros + 1) - 1

    def se(self) -> int:
        k = self.ue()
        return (k + 1) // 2 if k % 2 else -(k // 2)


def unescape(payload: bytes) -> bytes:
    return payload.replace(b"\x00\x00\x03", b"\x00\x00")


def bits_of(write: object) -> str:
    w = h264.BitWriter()
    write(w)  # type: ignore[operator]
    n = w.bit_length
    w.align_zero()
    return "".join(f"{b:08b}" for b in w.getvalue())[:n]


@pytest.mark.parametrize(
    ("value", "bits"),
    [
        (0, "1"),
        (1, "010"),
        (2, "011"),
        (3, "00100"),
        (6, "00111"),
        (7, "0001000"),
        (25, "000011010"),
    ],
)
def test_unsigned_exp_golomb_codes_match_the_standards_table(value: int, bits: str) -> None:
    assert bits_of(lambda w: w.ue(value)) == bits


@pytest.mark.parametrize(
    ("value", "bits"), [(0, "1"), (1, "010"), (-1, "011"), (2, "00100"), (-2, "00101")]
)
def test_signed_exp_golomb_codes_alternate_positive_first(value: int, bits: str) -> None:
    assert bits_of(lambda w: w.se(value)) == bits


def test_exp_golomb_round_trips_through_a_reader() -> None:
    w = h264.BitWriter()
    values = [0, 1, 5, 100, 4095, 65534]
    for v in values:
        w.ue(v)
    w.se(-37)
    w.u(3, 5)
    w.trailing_bits()
    r = BitReader(w.getvalue())
    assert [r.ue() for _ in values] == values
    assert r.se() == -37
    assert r.u(3) == 5
    assert r.u(1) == 1  # the stop bit


def test_the_writer_refuses_values_it_cannot_hold() -> None:
    w = h264.BitWriter()
    with pytest.raises(ValueError, match="does not fit"):
        w.u(3, 8)
    with pytest.raises(ValueError):
        w.ue(-1)
    w.u(1, 1)
    with pytest.raises(ValueError, match="byte-aligned"):
        w.write_bytes(b"\x10")
    with pytest.raises(ValueError, match="middle of a byte"):
        w.getvalue()


@pytest.mark.parametrize(
    ("rbsp", "escaped"),
    [
        (b"\x00\x00\x00", b"\x00\x00\x03\x00"),
        (b"\x00\x00\x01", b"\x00\x00\x03\x01"),
        (b"\x00\x00\x02", b"\x00\x00\x03\x02"),
        (b"\x00\x00\x03", b"\x00\x00\x03\x03"),
        (b"\x00\x00\x04", b"\x00\x00\x04"),
        (b"\x12\x00\x00\x00\x00\x01", b"\x12\x00\x00\x03\x00\x00\x03\x01"),
        (b"\x00\x00", b"\x00\x00\x03"),
        (b"\x00\x10\x00\x05", b"\x00\x10\x00\x05"),
        (b"", b""),
    ],
)
def test_emulation_prevention_breaks_every_start_code_pattern(rbsp: bytes, escaped: bytes) -> None:
    assert h264.escape(rbsp) == escaped
    assert unescape(escaped) == rbsp or rbsp.endswith(b"\x00\x00")


def test_escaped_payloads_never_contain_a_start_code() -> None:
    data = bytes([0, 0, 0, 1, 0, 0, 2, 0, 0, 0, 0, 3, 7]) * 20
    out = h264.escape(data)
    for code in (b"\x00\x00\x00", b"\x00\x00\x01", b"\x00\x00\x02"):
        assert code not in out
    assert unescape(out) == data


def test_the_sps_says_constrained_baseline_with_the_size_and_cropping() -> None:
    params = h264.StreamParams(320, 180, 12)
    nal = h264.sps(params)
    assert nal[0] == 0x67  # nal_ref_idc 3, type 7
    r = BitReader(unescape(nal[1:]))
    assert (r.u(8), r.u(8)) == (66, 0xC0)
    level = r.u(8)
    assert level == params.level_idc
    assert [r.ue(), r.ue(), r.ue(), r.ue(), r.u(1)] == [0, 0, 2, 1, 0]
    assert (r.ue() + 1, r.ue() + 1) == (20, 12)  # macroblocks: 320/16, ceil(180/16)
    assert (r.u(1), r.u(1), r.u(1)) == (1, 1, 1)  # frame only, 8x8 inference, cropping
    assert [r.ue() for _ in range(4)] == [0, 0, 0, 6]  # 192 - 180 = 12 rows = 6 units
    assert r.u(1) == 0  # no VUI
    assert r.u(1) == 1  # stop bit


def test_the_level_grows_with_the_bit_rate() -> None:
    assert h264.StreamParams(192, 192, 12).level_idc == 30
    assert h264.StreamParams(320, 180, 24).level_idc == 32
    assert h264.StreamParams(256, 144, 24).level_idc > h264.StreamParams(256, 144, 12).level_idc


def test_the_pps_is_cavlc_with_deblocking_control() -> None:
    nal = h264.pps()
    assert nal[0] == 0x68
    r = BitReader(unescape(nal[1:]))
    assert [r.ue(), r.ue(), r.u(1), r.u(1), r.ue(), r.ue(), r.ue()] == [0, 0, 0, 0, 0, 0, 0]
    assert [r.u(1), r.u(2), r.se(), r.se(), r.se()] == [0, 0, 0, 0, 0]
    assert [r.u(1), r.u(1), r.u(1), r.u(1)] == [1, 0, 0, 1]


def test_a_slice_is_an_idr_of_pcm_macroblocks_with_the_samples_in_block_order() -> None:
    params = h264.StreamParams(32, 16, 10)  # two macroblocks side by side
    y = bytes(16 + (x + 32 * row) % 200 for row in range(16) for x in range(32))
    cb = bytes([60]) * 128
    cr = bytes([200]) * 128
    nal = h264.idr_slice(params, y, cb, cr, index=1)
    assert nal[0] == 0x65
    r = BitReader(unescape(nal[1:]))
    assert [r.ue(), r.ue(), r.ue(), r.u(4), r.ue()] == [0, 7, 0, 0, 1]
    assert [r.u(1), r.u(1), r.se(), r.ue()] == [0, 0, 0, 1]
    for mb in range(2):
        assert r.ue() == 25  # I_PCM
        while r.pos % 8:
            assert r.u(1) == 0  # pcm_alignment_zero_bit
        luma = [r.u(8) for _ in range(256)]
        expected = [y[row * 32 + mb * 16 + x] for row in range(16) for x in range(16)]
        assert luma == expected
        assert [r.u(8) for _ in range(64)] == [60] * 64
        assert [r.u(8) for _ in range(64)] == [200] * 64
    assert r.bits[r.pos :] == "10000000"


def test_consecutive_pictures_alternate_idr_pic_id_and_keep_one_size() -> None:
    params = h264.StreamParams(48, 32, 10)
    grey = bytes([128]) * (48 * 32)
    chroma = grey[: 48 * 8]
    a, b = (h264.idr_slice(params, grey, chroma, chroma, i) for i in (0, 1))
    assert a != b
    assert len(a) == len(b)
    assert len(h264.encode(params, [(grey, chroma, chroma)] * 3)) == 3


def test_wrong_plane_sizes_and_odd_dimensions_are_refused() -> None:
    params = h264.StreamParams(32, 32, 10)
    with pytest.raises(ValueError, match="plane sizes"):
        h264.idr_slice(params, b"\x10" * 10, b"", b"", 0)
    with pytest.raises(ValueError, match="even"):
        h264.StreamParams(33, 32, 10)
    with pytest.raises(ValueError, match="fps"):
        h264.StreamParams(32, 32, 0)
