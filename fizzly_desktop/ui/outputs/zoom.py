"""The image viewer's arithmetic: zoom steps, fitting a picture, and where a saved copy goes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMargins, QSize

from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP

#: Zoom factors the zoom buttons step through; the wheel and slider-free keys use the same.
ZOOM_STEPS = (
    0.05, 0.1, 0.125, 0.2, 0.25, 0.33, 0.5, 0.67, 0.75, 1.0,
    1.25, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0, 16.0,
)  # fmt: skip
MIN_ZOOM = ZOOM_STEPS[0]
MAX_ZOOM = ZOOM_STEPS[-1]

_FORMAT_NAMES = {
    ".webp": QT_TRANSLATE_NOOP("ImageViewer", "WebP image"),
    ".png": QT_TRANSLATE_NOOP("ImageViewer", "PNG image"),
    ".jpg": QT_TRANSLATE_NOOP("ImageViewer", "JPEG image"),
    ".jpeg": QT_TRANSLATE_NOOP("ImageViewer", "JPEG image"),
}
_SAME_FORMAT = {".jpg": {".jpg", ".jpeg"}, ".jpeg": {".jpg", ".jpeg"}}


#: Room left around a fitted picture so that its edges stay visible against the backdrop.
FIT_MARGIN = 12


def fit_zoom(image: QSize, viewport: QSize, margin: int = 0) -> float:
    """The zoom showing all of ``image`` inside ``viewport`` less ``margin`` on each side.

    Never above 100 %: a small picture is shown at its real size, not blown up.
    """
    room = viewport.shrunkBy(QMargins(margin, margin, margin, margin))
    if image.isEmpty() or room.isEmpty():
        return 1.0
    factor = min(room.width() / image.width(), room.height() / image.height())
    return max(MIN_ZOOM, min(1.0, factor))


def next_zoom_step(zoom: float, direction: int) -> float:
    """The next step above (``direction`` > 0) or below the current ``zoom``."""
    if direction > 0:
        return next((step for step in ZOOM_STEPS if step > zoom * 1.001), MAX_ZOOM)
    return next((step for step in reversed(ZOOM_STEPS) if step < zoom * 0.999), MIN_ZOOM)


def save_target(chosen: Path, source: Path) -> Path:
    """Where a copy of ``source`` goes when the user picked ``chosen``: the format never changes.

    A copy keeps the original bytes, so its name keeps the original's extension: a missing
    extension is added, and another image extension is replaced.
    """
    wanted = source.suffix.lower()
    if not wanted:
        return chosen
    have = chosen.suffix.lower()
    if have in _SAME_FORMAT.get(wanted, {wanted}):
        return chosen
    if have in _FORMAT_NAMES:
        return chosen.with_suffix(source.suffix)
    return chosen.with_name(chosen.name + source.suffix)
