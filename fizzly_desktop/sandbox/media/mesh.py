"""Small 3D meshes as Wavefront OBJ text: a sphere pushed in and out by seeded waves."""

from __future__ import annotations

import functools
import hashlib
import math
import random

# Rings from pole to pole and segments around, by level of detail.
DETAIL = {"low": (12, 16), "medium": (24, 32), "high": (48, 64)}


def _rng(prompt: str, seed: int) -> random.Random:
    digest = hashlib.sha256(f"{prompt}\0{seed}\0mesh".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


@functools.lru_cache(maxsize=32)
def render_mesh(prompt: str, seed: int, detail: str = "medium") -> bytes:
    """An OBJ file of vertices and triangles (counter-clockwise seen from outside)."""
    rings, segments = DETAIL[detail]
    rng = _rng(prompt, seed)
    waves = [
        (rng.randint(1, 5), rng.randint(0, 6), rng.uniform(0, math.tau), rng.uniform(0.04, 0.14))
        for _ in range(rng.randint(2, 4))
    ]

    def radius(theta: float, phi: float) -> float:
        return 1.0 + sum(a * math.sin(m * theta + p) * math.cos(n * phi) for m, n, p, a in waves)

    def point(theta: float, phi: float) -> tuple[float, float, float]:
        r = radius(theta, phi)
        return (
            r * math.sin(theta) * math.cos(phi),
            r * math.cos(theta),
            r * math.sin(theta) * math.sin(phi),
        )

    lines = [
        "# Fizzly sandbox mesh",
        f"# prompt: {' '.join(prompt.split())[:200]}",
        f"# seed: {seed}",
        "o shape",
    ]
    vertices: list[tuple[float, float, float]] = [(0.0, radius(0.0, 0.0), 0.0)]
    for ring in range(1, rings):
        theta = math.pi * ring / rings
        vertices.extend(point(theta, math.tau * s / segments) for s in range(segments))
    vertices.append((0.0, -radius(math.pi, 0.0), 0.0))
    lines.extend(f"v {x:.5f} {y:.5f} {z:.5f}" for x, y, z in vertices)

    top, bottom = 1, len(vertices)  # OBJ indices start at 1

    def at(ring: int, s: int) -> int:
        return 2 + (ring - 1) * segments + s % segments

    faces: list[tuple[int, int, int]] = []
    for s in range(segments):
        faces.append((top, at(1, s + 1), at(1, s)))
        faces.append((bottom, at(rings - 1, s), at(rings - 1, s + 1)))
    for ring in range(1, rings - 1):
        for s in range(segments):
            a, b = at(ring, s), at(ring, s + 1)
            c, d = at(ring + 1, s + 1), at(ring + 1, s)
            faces.append((a, b, c))
            faces.append((a, c, d))
    lines.extend(f"f {a} {b} {c}" for a, b, c in faces)
    return ("\n".join(lines) + "\n").encode("ascii")
