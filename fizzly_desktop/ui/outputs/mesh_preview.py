"""A still preview of a Wavefront OBJ mesh, drawn without any 3D library: its faces turned a
little, lit from the upper left and painted back to front. Made in the thumbnail workers.

Only OBJ (text) is read; other 3D formats keep their card. Big meshes are refused past a few
hundred thousand faces, so a preview never takes long.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPolygonF

from fizzly_desktop.ui.colors import MESH_BACKDROP, MESH_BASE

#: Files larger than this get the plain card (their preview would take too long).
MAX_OBJ_BYTES = 20_000_000
MAX_FACES = 200_000
_YAW, _PITCH = math.radians(35), math.radians(-20)
_LIGHT = (-0.45, 0.55, 0.7)
_BASE = MESH_BASE

Vertex = tuple[float, float, float]


def read_obj(path: Path) -> tuple[list[Vertex], list[tuple[int, ...]]] | None:
    """Vertices and faces (0-based indices) of an OBJ file; None when it has none or is big."""
    try:
        if path.stat().st_size > MAX_OBJ_BYTES:
            return None
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    vertices: list[Vertex] = []
    faces: list[tuple[int, ...]] = []
    for line in text.splitlines():
        parts = line.split()
        if not parts:
            continue
        try:
            if parts[0] == "v" and len(parts) >= 4:
                vertices.append((float(parts[1]), float(parts[2]), float(parts[3])))
            elif parts[0] == "f" and len(parts) >= 4:
                face = tuple(_index(p, len(vertices)) for p in parts[1:])
                if all(0 <= i < len(vertices) for i in face):
                    faces.append(face)
                if len(faces) > MAX_FACES:
                    return None
        except ValueError:
            continue
    return (vertices, faces) if vertices and faces else None


def _index(token: str, count: int) -> int:
    number = int(token.split("/")[0])
    return number - 1 if number > 0 else count + number


def _turned(vertex: Vertex) -> Vertex:
    x, y, z = vertex
    x, z = x * math.cos(_YAW) + z * math.sin(_YAW), -x * math.sin(_YAW) + z * math.cos(_YAW)
    y, z = y * math.cos(_PITCH) - z * math.sin(_PITCH), y * math.sin(_PITCH) + z * math.cos(_PITCH)
    return (x, y, z)


def mesh_preview(path: Path, side: int) -> QImage | None:
    """The mesh at ``path`` drawn in a ``side`` × ``side`` picture; None if it cannot be read."""
    mesh = read_obj(path)
    if mesh is None:
        return None
    points = [_turned(v) for v in mesh[0]]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    scale = side * 0.84 / span
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2

    def screen(p: Vertex) -> QPointF:
        return QPointF(side / 2 + (p[0] - cx) * scale, side / 2 - (p[1] - cy) * scale)

    shaded: list[tuple[float, QPolygonF, QColor]] = []
    for face in mesh[1]:
        a, b, c = points[face[0]], points[face[1]], points[face[2]]
        normal = _normal(a, b, c)
        # Lit from both sides: not every file winds its faces the same way. Faces facing away
        # are painted first and covered by the ones in front.
        light = abs(sum(n * towards for n, towards in zip(normal, _LIGHT, strict=True)))
        colour = QColor(_BASE)
        colour.setHsv(colour.hue(), colour.saturation(), round(60 + 190 * light))
        depth = sum(points[i][2] for i in face) / len(face)
        shaded.append((depth, QPolygonF([screen(points[i]) for i in face]), colour))
    shaded.sort(key=lambda entry: entry[0])
    image = QImage(QSize(side, side), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(MESH_BACKDROP)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for _depth, polygon, colour in shaded:
        painter.setBrush(colour)
        painter.setPen(QPen(colour, 0.6))
        painter.drawPolygon(polygon, Qt.FillRule.OddEvenFill)
    painter.end()
    return image


def _normal(a: Vertex, b: Vertex, c: Vertex) -> Vertex:
    u = (b[0] - a[0], b[1] - a[1], b[2] - a[2])
    v = (c[0] - a[0], c[1] - a[1], c[2] - a[2])
    n = (u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0])
    length = math.sqrt(n[0] ** 2 + n[1] ** 2 + n[2] ** 2) or 1.0
    return (n[0] / length, n[1] / length, n[2] / length)
