"""Short WAV sounds: a seeded melody of soft plucked tones over a low drone (stdlib only)."""

from __future__ import annotations

import hashlib
import io
import math
import random
import sys
import wave
from array import array

SAMPLE_RATE = 22050
_HEADER_BYTES = 44  # RIFF, fmt and data chunk headers of a PCM WAV file
# A major pentatonic scale over two octaves, in semitones above the key's root.
_SCALE = (0, 2, 4, 7, 9, 12, 14, 16, 19, 21)
# A few words pick the key and the pace, as a few words pick an image's palette.
_MOODS: dict[str, tuple[int, float]] = {
    # word: (root note as MIDI number, notes a second)
    "calm": (57, 2.0),
    "night": (53, 1.5),
    "rain": (55, 2.5),
    "happy": (64, 4.0),
    "dance": (60, 5.0),
    "ocean": (50, 1.5),
    "bird": (72, 5.0),
}


def frame_count(seconds: float) -> int:
    return max(1, round(seconds * SAMPLE_RATE))


def sound_size(seconds: float) -> int:
    """The size in bytes of :func:`render_sound`'s file: 16-bit mono samples and a header."""
    return _HEADER_BYTES + 2 * frame_count(seconds)


def _rng(prompt: str, seed: int) -> random.Random:
    digest = hashlib.sha256(f"{prompt}\0{seed}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def _hz(midi: int) -> float:
    return 440.0 * 2 ** ((midi - 69) / 12)


def samples(prompt: str, seed: int, seconds: float) -> array[int]:
    """The sound as signed 16-bit samples."""
    rng = _rng(prompt, seed)
    words = prompt.lower()
    root, pace = next(
        (mood for word, mood in _MOODS.items() if word in words),
        (rng.randint(50, 64), rng.choice((2.0, 3.0, 4.0))),
    )
    count = frame_count(seconds)
    out = [0.0] * count
    # The melody: one plucked note after another, each ringing on a little past the next.
    step = round(SAMPLE_RATE / pace)
    ring = min(count, step * 3)
    degree = rng.randrange(len(_SCALE))
    for start in range(0, count, step):
        degree = max(0, min(len(_SCALE) - 1, degree + rng.choice((-2, -1, -1, 1, 1, 2, 0))))
        w = math.tau * _hz(root + 12 + _SCALE[degree]) / SAMPLE_RATE
        loud = rng.uniform(0.22, 0.32)
        decay = 4.0 / ring
        for i in range(min(ring, count - start)):
            env = loud * math.exp(-i * decay) * min(1.0, i / 40)
            out[start + i] += env * (math.sin(w * i) + 0.3 * math.sin(2 * w * i))
    # A drone on the root, fading in and out over the whole sound.
    w = math.tau * _hz(root - 12) / SAMPLE_RATE
    for i in range(count):
        out[i] += 0.12 * math.sin(math.pi * i / count) * math.sin(w * i)
    peak = max(1e-9, max(abs(v) for v in out))
    gain = min(1.0, 0.9 / peak) * 32767
    return array("h", (round(v * gain) for v in out))


def render_sound(prompt: str, seed: int, seconds: float) -> bytes:
    """A mono 16-bit PCM WAV file of the prompt's melody; deterministic for given inputs."""
    pcm = samples(prompt, seed, seconds)
    if sys.byteorder == "big":
        pcm.byteswap()  # WAV samples are little-endian
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(SAMPLE_RATE)
        wav.writeframes(pcm.tobytes())
    return buffer.getvalue()
