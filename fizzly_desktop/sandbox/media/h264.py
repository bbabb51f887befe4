"""A tiny H.264 encoder: Baseline-profile IDR pictures made only of I_PCM macroblocks.

I_PCM stores every sample as it is (no prediction, no transform), so the bitstream is simple
to write and any H.264 decoder plays it; the price is size (12 bits a pixel), which is fine for
a few seconds of a small demo clip. Each picture is one IDR slice, so every frame is a sync
frame. See ITU-T H.264 sections 7.3 (syntax) and 9.1 (Exp-Golomb codes).

Input planes are 8-bit YUV 4:2:0 in limited range (luma 16..235, chroma 16..240), padded to
whole 16x16 macroblocks; the displayed size is set by frame cropping in the SPS. Because no
sample is 0, slice data never needs emulation prevention except (in theory) in the headers;
:func:`escape` is applied to every NAL payload all the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

NAL_SLICE_IDR = 5
NAL_SPS = 7
NAL_PPS = 8

PROFILE_BASELINE = 66
# constraint_set0_flag and constraint_set1_flag: Constrained Baseline, which every player takes.
PROFILE_CONSTRAINTS = 0xC0

MB_TYPE_I_PCM = 25
SLICE_TYPE_I_ALL = 7  # I, and every slice of the picture is I

# (level_idc, max macroblocks per frame, max macroblocks per second, max bit rate in kbit/s)
_LEVELS = (
    (30, 1620, 40500, 10000),
    (31, 3600, 108000, 14000),
    (32, 5120, 216000, 20000),
    (40, 8192, 245760, 20000),
    (41, 8192, 245760, 50000),
    (42, 8704, 522240, 50000),
    (50, 22080, 589824, 135000),
    (51, 36864, 983040, 240000),
)


class BitWriter:
    """Bits written most significant first, as H.264 reads them."""

    def __init__(self) -> None:
        self._bytes = bytearray()
        self._acc = 0
        self._nbits = 0

    @property
    def bit_length(self) -> int:
        return len(self._bytes) * 8 + self._nbits

    @property
    def byte_aligned(self) -> bool:
        return self._nbits == 0

    def u(self, bits: int, value: int) -> None:
        """``value`` as an unsigned number of ``bits`` bits (u(n) in the standard)."""
        if bits < 0 or value < 0 or value >> bits:
            raise ValueError(f"{value} does not fit in {bits} bits")
        self._acc = (self._acc << bits) | value
        self._nbits += bits
        while self._nbits >= 8:
            self._nbits -= 8
            self._bytes.append((self._acc >> self._nbits) & 0xFF)
        self._acc &= (1 << self._nbits) - 1

    def ue(self, value: int) -> None:
        """Unsigned Exp-Golomb: ``n`` zeros, then ``value + 1`` in ``n + 1`` bits."""
        if value < 0:
            raise ValueError("ue(v) takes non-negative values")
        code = value + 1
        length = code.bit_length()
        self.u(length - 1, 0)
        self.u(length, code)

    def se(self, value: int) -> None:
        """Signed Exp-Golomb: 1, -1, 2, -2 ... map to code numbers 1, 2, 3, 4 ..."""
        self.ue(2 * value - 1 if value > 0 else -2 * value)

    def align_zero(self) -> None:
        """Zero bits up to the next byte boundary (pcm_alignment_zero_bit, cabac_alignment)."""
        if self._nbits:
            self.u(8 - self._nbits, 0)

    def write_bytes(self, data: bytes | bytearray | memoryview) -> None:
        """Whole bytes; the writer must be byte aligned."""
        if self._nbits:
            raise ValueError("write_bytes needs a byte-aligned writer")
        self._bytes += data

    def trailing_bits(self) -> None:
        """rbsp_trailing_bits: a stop bit then zeros to the byte boundary."""
        self.u(1, 1)
        self.align_zero()

    def getvalue(self) -> bytes:
        if self._nbits:
            raise ValueError("the bitstream ends in the middle of a byte")
        return bytes(self._bytes)


def escape(rbsp: bytes) -> bytes:
    """Emulation prevention: after two zero bytes, a byte <= 3 gets a 0x03 put before it.

    This keeps start codes (00 00 01) out of a NAL unit's payload; a payload ending in 00 00
    gets a final 0x03 too (the standard's cabac_zero_word rule, harmless otherwise).
    """
    start = rbsp.find(b"\x00\x00")
    if start < 0:
        return rbsp
    out = bytearray()
    i = 0
    n = len(rbsp)
    while start >= 0:
        # Copy through the two zeros, then look at the byte after them.
        out += rbsp[i : start + 2]
        i = start + 2
        if i >= n or rbsp[i] <= 3:
            out.append(3)
        # The byte after the two zeros may start the next pair: 00 00 00 00 -> 00 00 03 00 00 03.
        start = rbsp.find(b"\x00\x00", i)
    out += rbsp[i:]
    return bytes(out)


def nal_unit(nal_type: int, rbsp: bytes, ref_idc: int = 3) -> bytes:
    """A NAL unit without start code or length: its header byte and the escaped payload."""
    return bytes(((ref_idc & 3) << 5 | nal_type,)) + escape(rbsp)


@dataclass(frozen=True)
class StreamParams:
    """The picture size (display) and rate; macroblock padding and cropping follow from it."""

    width: int
    height: int
    fps: int

    def __post_init__(self) -> None:
        if self.width < 16 or self.height < 16 or self.width % 2 or self.height % 2:
            raise ValueError("width and height must be even and at least 16 pixels")
        if self.width > 4096 or self.height > 4096:
            raise ValueError("width and height must be at most 4096 pixels")
        if not 1 <= self.fps <= 120:
            raise ValueError("fps must be between 1 and 120")

    @property
    def mbs_wide(self) -> int:
        return (self.width + 15) // 16

    @property
    def mbs_high(self) -> int:
        return (self.height + 15) // 16

    @property
    def coded_width(self) -> int:
        return self.mbs_wide * 16

    @property
    def coded_height(self) -> int:
        return self.mbs_high * 16

    @property
    def level_idc(self) -> int:
        """The lowest level whose frame size, macroblock rate and bit rate fit this stream."""
        mbs = self.mbs_wide * self.mbs_high
        # I_PCM: 384 bytes a macroblock plus a few bits of header.
        kbits = mbs * (384 + 2) * 8 * self.fps / 1000
        for level, max_fs, max_mbps, max_br in _LEVELS:
            if mbs <= max_fs and mbs * self.fps <= max_mbps and kbits <= max_br:
                return level
        return _LEVELS[-1][0]


def sps(params: StreamParams) -> bytes:
    """The sequence parameter set NAL unit (header byte included)."""
    w = BitWriter()
    w.u(8, PROFILE_BASELINE)
    w.u(8, PROFILE_CONSTRAINTS)
    w.u(8, params.level_idc)
    w.ue(0)  # seq_parameter_set_id
    w.ue(0)  # log2_max_frame_num_minus4: frame_num has 4 bits
    w.ue(2)  # pic_order_cnt_type 2: output order is decoding order
    w.ue(1)  # max_num_ref_frames
    w.u(1, 0)  # gaps_in_frame_num_value_allowed_flag
    w.ue(params.mbs_wide - 1)
    w.ue(params.mbs_high - 1)
    w.u(1, 1)  # frame_mbs_only_flag
    w.u(1, 1)  # direct_8x8_inference_flag
    crop_right = (params.coded_width - params.width) // 2
    crop_bottom = (params.coded_height - params.height) // 2
    if crop_right or crop_bottom:
        w.u(1, 1)  # frame_cropping_flag, offsets in units of 2 samples for 4:2:0
        w.ue(0)
        w.ue(crop_right)
        w.ue(0)
        w.ue(crop_bottom)
    else:
        w.u(1, 0)
    w.u(1, 0)  # vui_parameters_present_flag
    w.trailing_bits()
    return nal_unit(NAL_SPS, w.getvalue())


def pps() -> bytes:
    """The picture parameter set NAL unit: CAVLC, one slice group, deblocking controllable."""
    w = BitWriter()
    w.ue(0)  # pic_parameter_set_id
    w.ue(0)  # seq_parameter_set_id
    w.u(1, 0)  # entropy_coding_mode_flag: CAVLC
    w.u(1, 0)  # bottom_field_pic_order_in_frame_present_flag
    w.ue(0)  # num_slice_groups_minus1
    w.ue(0)  # num_ref_idx_l0_default_active_minus1
    w.ue(0)  # num_ref_idx_l1_default_active_minus1
    w.u(1, 0)  # weighted_pred_flag
    w.u(2, 0)  # weighted_bipred_idc
    w.se(0)  # pic_init_qp_minus26
    w.se(0)  # pic_init_qs_minus26
    w.se(0)  # chroma_qp_index_offset
    w.u(1, 1)  # deblocking_filter_control_present_flag
    w.u(1, 0)  # constrained_intra_pred_flag
    w.u(1, 0)  # redundant_pic_cnt_present_flag
    w.trailing_bits()
    return nal_unit(NAL_PPS, w.getvalue())


def _slice_header(w: BitWriter, idr_pic_id: int) -> None:
    w.ue(0)  # first_mb_in_slice
    w.ue(SLICE_TYPE_I_ALL)
    w.ue(0)  # pic_parameter_set_id
    w.u(4, 0)  # frame_num: 0 in an IDR picture
    w.ue(idr_pic_id)
    # pic_order_cnt_type 2: no picture order count syntax. An I slice has no reference lists.
    w.u(1, 0)  # dec_ref_pic_marking: no_output_of_prior_pics_flag
    w.u(1, 0)  # long_term_reference_flag
    w.se(0)  # slice_qp_delta
    w.ue(1)  # disable_deblocking_filter_idc: off (I_PCM samples are exact)


def _mb_header(w: BitWriter) -> None:
    w.ue(MB_TYPE_I_PCM)
    w.align_zero()  # pcm_alignment_zero_bit


# After the first, every macroblock starts byte aligned, so its header is always these bytes.
_ALIGNED = BitWriter()
_mb_header(_ALIGNED)
_MB_HEADER = _ALIGNED.getvalue()


def idr_slice(params: StreamParams, y: bytes, cb: bytes, cr: bytes, index: int) -> bytes:
    """One picture as an IDR slice NAL unit (header byte included).

    ``y`` is ``coded_width x coded_height`` luma samples, ``cb``/``cr`` half that in each
    direction, rows top to bottom; samples must be 1..255 (limited range is 16..240).
    """
    cw, ch = params.coded_width, params.coded_height
    if len(y) != cw * ch or len(cb) != cw * ch // 4 or len(cr) != cw * ch // 4:
        raise ValueError("plane sizes do not match the coded picture size")
    w = BitWriter()
    # Consecutive IDR pictures must differ in idr_pic_id.
    _slice_header(w, index % 2)
    _mb_header(w)
    first_header = w.getvalue()
    parts: list[bytes | memoryview] = [first_header]
    ym, cbm, crm = memoryview(y), memoryview(cb), memoryview(cr)
    cw2 = cw // 2
    first = True
    for my in range(params.mbs_high):
        for mx in range(params.mbs_wide):
            if not first:
                parts.append(_MB_HEADER)
            first = False
            base = my * 16 * cw + mx * 16
            parts.extend(ym[base + r * cw : base + r * cw + 16] for r in range(16))
            cbase = my * 8 * cw2 + mx * 8
            parts.extend(cbm[cbase + r * cw2 : cbase + r * cw2 + 8] for r in range(8))
            parts.extend(crm[cbase + r * cw2 : cbase + r * cw2 + 8] for r in range(8))
    parts.append(b"\x80")  # rbsp_slice_trailing_bits: stop bit, then alignment zeros
    return nal_unit(NAL_SLICE_IDR, b"".join(parts))


def encode(params: StreamParams, planes: Iterable[tuple[bytes, bytes, bytes]]) -> list[bytes]:
    """Every picture as one IDR slice NAL unit, in order."""
    return [idr_slice(params, y, cb, cr, i) for i, (y, cb, cr) in enumerate(planes)]
