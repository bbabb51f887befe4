"""Render the app icon's PNG sizes from its SVG sources, for desktops and for the app itself.

Run after editing ``resources/icons/*.svg``::

    .venv/bin/python packaging/render_icons.py

It writes ``resources/icons/hicolor/<N>x<N>/apps/ai.fizzly.Desktop.png`` (the freedesktop icon
theme layout, installed as is) and the same files, plus the SVG, into
``fizzly_desktop/resources/icons/`` where the running app loads them as package data. Sizes up to
32 px come from ``ai.fizzly.Desktop-small.svg``, a bolder drawing of the same mark that stays
legible on a pixel grid; larger sizes from ``ai.fizzly.Desktop.svg``.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fizzly_desktop import APP_ID  # noqa: E402
from fizzly_desktop.resources import ICON_SIZES, SMALL_ICON_MAX  # noqa: E402

SOURCE_DIR = ROOT / "resources" / "icons"
PACKAGE_DIR = ROOT / "fizzly_desktop" / "resources" / "icons"


def render(svg: Path, size: int, dest: Path) -> None:
    """Draw ``svg`` into a transparent ``size`` x ``size`` PNG at ``dest``."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not an SVG that Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    dest.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(dest)):
        raise SystemExit(f"could not write {dest}")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])
    master = SOURCE_DIR / f"{APP_ID}.svg"
    small = SOURCE_DIR / f"{APP_ID}-small.svg"
    PACKAGE_DIR.mkdir(parents=True, exist_ok=True)
    for size in ICON_SIZES:
        theme_png = SOURCE_DIR / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        render(small if size <= SMALL_ICON_MAX else master, size, theme_png)
        shutil.copyfile(theme_png, PACKAGE_DIR / f"{APP_ID}-{size}.png")
        print(f"{size:>4} px  {theme_png.relative_to(ROOT)}")
    shutil.copyfile(master, PACKAGE_DIR / f"{APP_ID}.svg")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
