"""Deterministic output images: a landscape of gradients and shapes seeded from the inputs."""

from __future__ import annotations

import colorsys
import hashlib
import io
import math
import random
from dataclasses import dataclass
from typing import TYPE_CHECKING

# Pillow (~12 ms to import) loads with the first picture drawn, not with the server: the app
# waits for the sandbox's boot, and a boot draws nothing.
if TYPE_CHECKING:
    from PIL import Image

CONTENT_TYPES = {"webp": "image/webp", "png": "image/png"}
# Compositions are drawn at this size (longest side) and then resized: shapes are soft anyway,
# and it keeps a 2048 px render well under a second.
_WORK_SIDE = 512

# A few words in the prompt steer the palette, so "sunset" looks like one.
_MOODS: dict[str, tuple[float, float, float]] = {
    # word: (hue, saturation, brightness of the sky)
    "sunset": (0.04, 0.75, 0.95),
    "sunrise": (0.09, 0.6, 0.98),
    "night": (0.65, 0.6, 0.3),
    "ocean": (0.55, 0.6, 0.9),
    "sea": (0.53, 0.55, 0.9),
    "forest": (0.3, 0.45, 0.75),
    "desert": (0.1, 0.5, 0.95),
    "snow": (0.58, 0.15, 0.98),
    "winter": (0.6, 0.2, 0.95),
    "autumn": (0.07, 0.7, 0.85),
    "neon": (0.85, 0.8, 0.7),
    "lavender": (0.75, 0.35, 0.9),
}


_WATER_WORDS = ("ocean", "sea", "lake", "river", "harbour", "harbor", "beach", "water", "bay")


@dataclass(frozen=True)
class ImageSpec:
    """Everything an output image is rendered from; equal specs give byte-identical files."""

    prompt: str
    seed: int
    width: int
    height: int
    fmt: str = "webp"
    # A small PNG of the source picture for image-to-image, blended in by ``strength``.
    source_png: bytes | None = None
    strength: float = 1.0

    @property
    def digest(self) -> str:
        h = hashlib.sha256()
        for part in (self.prompt, str(self.seed), str(self.width), str(self.height), self.fmt):
            h.update(part.encode("utf-8"))
            h.update(b"\0")
        h.update(self.source_png or b"")
        h.update(f"{self.strength:.4f}".encode())
        return h.hexdigest()[:32]

    @property
    def file_name(self) -> str:
        return f"{self.digest}.{self.fmt}"

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.fmt]


def _rng(spec: ImageSpec) -> random.Random:
    seed_bytes = hashlib.sha256(f"{spec.prompt}\0{spec.seed}".encode()).digest()
    return random.Random(int.from_bytes(seed_bytes[:8], "big"))


def _rgb(h: float, s: float, v: float) -> tuple[int, int, int]:
    r, g, b = colorsys.hsv_to_rgb(h % 1.0, max(0.0, min(1.0, s)), max(0.0, min(1.0, v)))
    return round(r * 255), round(g * 255), round(b * 255)


def _mix(a: tuple[int, int, int], b: tuple[int, int, int], t: float) -> tuple[int, int, int]:
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def _mood(prompt: str, rng: random.Random) -> tuple[float, float, float]:
    words = prompt.lower()
    for word, mood in _MOODS.items():
        if word in words:
            return mood
    return rng.random(), rng.uniform(0.35, 0.75), rng.uniform(0.7, 0.98)


def render_composition(spec: ImageSpec) -> Image.Image:
    """The picture itself (RGB, at the spec's size), without encoding."""
    from PIL import Image, ImageDraw, ImageFilter

    rng = _rng(spec)
    scale = _WORK_SIDE / max(spec.width, spec.height)
    w = max(16, round(spec.width * scale))
    h = max(16, round(spec.height * scale))
    hue, sat, val = _mood(spec.prompt, rng)
    shift = rng.choice((0.08, -0.08, 0.5, 0.33))

    # Sky: a vertical gradient between two related colours.
    top = _rgb(hue + shift, sat * 0.9, val * 0.75)
    bottom = _rgb(hue, sat * 0.55, min(1.0, val * 1.05))
    mask = Image.linear_gradient("L").resize((w, h))
    img = Image.composite(Image.new("RGB", (w, h), bottom), Image.new("RGB", (w, h), top), mask)

    # Sun or moon with a soft glow.
    glow = Image.new("L", (w, h), 0)
    sun_x = rng.uniform(0.2, 0.8) * w
    sun_y = rng.uniform(0.18, 0.45) * h
    radius = rng.uniform(0.06, 0.13) * min(w, h)
    gdraw = ImageDraw.Draw(glow)
    gdraw.ellipse(
        (sun_x - radius * 2.6, sun_y - radius * 2.6, sun_x + radius * 2.6, sun_y + radius * 2.6),
        fill=110,
    )
    glow = glow.filter(ImageFilter.GaussianBlur(radius * 1.2))
    gdraw = ImageDraw.Draw(glow)
    gdraw.ellipse((sun_x - radius, sun_y - radius, sun_x + radius, sun_y + radius), fill=235)
    sun_colour = _rgb(hue + 0.08, sat * 0.35, 1.0)
    img = Image.composite(Image.new("RGB", (w, h), sun_colour), img, glow)

    # Drifting soft circles, like bokeh or distant clouds.
    blobs = Image.new("L", (w, h), 0)
    bdraw = ImageDraw.Draw(blobs)
    for _ in range(rng.randint(4, 9)):
        bx, by = rng.uniform(0, w), rng.uniform(0, h * 0.6)
        br = rng.uniform(0.03, 0.12) * min(w, h)
        bdraw.ellipse((bx - br, by - br, bx + br, by + br), fill=rng.randint(40, 90))
    blobs = blobs.filter(ImageFilter.GaussianBlur(min(w, h) * 0.02))
    img = Image.composite(Image.new("RGB", (w, h), _rgb(hue + shift, 0.1, 1.0)), img, blobs)

    if val < 0.5:
        # A night sky gets stars, fewer towards the horizon.
        sdraw = ImageDraw.Draw(img)
        for _ in range(rng.randint(60, 140)):
            sx, sy = rng.uniform(0, w), h * 0.6 * rng.random() ** 1.6
            level = rng.randint(150, 255)
            size = rng.choice((0.6, 0.6, 0.9, 1.3))
            sdraw.ellipse((sx - size, sy - size, sx + size, sy + size), fill=(level,) * 3)

    words = spec.prompt.lower()
    if any(word in words for word in _WATER_WORDS):
        return _finish(spec, _waterscape(img, rng, hue, shift, sat, val, bottom))

    # Layered hills: farther layers fade into the sky (aerial perspective).
    layers = rng.randint(3, 5)
    ground = _rgb(hue + shift * 0.5 + 0.5, sat * 0.7, val * 0.28)
    for layer in range(layers):
        depth = (layer + 1) / layers
        colour = _mix(bottom, ground, 0.25 + 0.75 * depth)
        base = h * (0.5 + 0.42 * depth)
        amplitude = h * rng.uniform(0.04, 0.12) * (1.2 - depth * 0.5)
        ImageDraw.Draw(img).polygon(_hill_points(rng, w, base, amplitude, float(h)), fill=colour)

    return _finish(spec, img)


def _hill_points(
    rng: random.Random, w: int, base: float, amplitude: float, bottom: float
) -> list[tuple[float, float]]:
    waves = [
        (rng.uniform(0.5, 3.5), rng.uniform(0, math.tau), rng.uniform(0.3, 1.0)) for _ in range(3)
    ]
    points = [(0.0, bottom)]
    for i in range(0, w + 8, 4):
        x = i / w
        y = base - amplitude * sum(a * math.sin(f * math.tau * x + p) for f, p, a in waves)
        points.append((float(i), y))
    points.append((float(w), bottom))
    return points


def _waterscape(
    img: Image.Image,
    rng: random.Random,
    hue: float,
    shift: float,
    sat: float,
    val: float,
    horizon_colour: tuple[int, int, int],
) -> Image.Image:
    """Distant hills on a horizon, mirrored in rippled water below it."""
    from PIL import Image, ImageDraw, ImageFilter, ImageOps

    w, h = img.size
    horizon = round(h * rng.uniform(0.55, 0.66))
    far = _mix(horizon_colour, _rgb(hue + shift * 0.5 + 0.5, sat * 0.6, val * 0.35), 0.45)
    ImageDraw.Draw(img).polygon(
        _hill_points(rng, w, horizon, h * rng.uniform(0.03, 0.07), float(horizon)), fill=far
    )
    sky = img.crop((0, 0, w, horizon))
    reflection = ImageOps.flip(sky).resize((w, h - horizon), Image.Resampling.BICUBIC)
    reflection = reflection.filter(ImageFilter.GaussianBlur(2))
    water = Image.new("RGB", reflection.size, _rgb(hue + shift, sat * 0.8, val * 0.45))
    reflection = Image.blend(reflection, water, 0.45)
    ripples = ImageDraw.Draw(reflection)
    for _ in range(rng.randint(25, 45)):
        y = (h - horizon) * rng.random() ** 1.4
        x = rng.uniform(-0.1, 0.9) * w
        length = rng.uniform(0.05, 0.3) * w
        ripples.line((x, y, x + length, y), fill=_mix(horizon_colour, (255, 255, 255), 0.12))
    img.paste(reflection.filter(ImageFilter.GaussianBlur(0.7)), (0, horizon))
    return img


def _finish(spec: ImageSpec, img: Image.Image) -> Image.Image:
    from PIL import Image, ImageFilter

    w, h = img.size
    if spec.source_png is not None:
        with Image.open(io.BytesIO(spec.source_png)) as source:
            src = source.convert("RGB").resize((w, h), Image.Resampling.BICUBIC)
        src = src.filter(ImageFilter.GaussianBlur(1.5))
        img = Image.blend(src, img, max(0.0, min(1.0, spec.strength)))
    # A touch of blur hides the working resolution's hard edges once scaled up.
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    return img.resize((spec.width, spec.height), Image.Resampling.BICUBIC)


def render(spec: ImageSpec) -> bytes:
    """Encode the spec's picture as its format; deterministic for a given Pillow version."""
    img = render_composition(spec)
    out = io.BytesIO()
    if spec.fmt == "png":
        img.save(out, format="PNG", compress_level=6)
    else:
        img.save(out, format="WEBP", quality=88, method=4)
    return out.getvalue()


def thumbnail_png(data: bytes, side: int = 64) -> bytes:
    """A small PNG of an uploaded picture (raises ``OSError``/``ValueError`` if not an image)."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as source:
        source.load()
        small = source.convert("RGB")
    small.thumbnail((side, side))
    out = io.BytesIO()
    small.save(out, format="PNG")
    return out.getvalue()


def image_size(data: bytes) -> tuple[int, int]:
    """Width and height of an encoded picture (raises if it is not one Pillow reads)."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as source:
        source.verify()
        return source.size
