"""The files the running app loads (its icon), found alike from source and from a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath

from fizzly_desktop import APP_ID

# The icon's PNG sizes, shipped as package data and in the freedesktop icon theme layout.
ICON_SIZES: tuple[int, ...] = (16, 24, 32, 48, 64, 128, 256, 512)
# Sizes up to this one are drawn from the bolder small-size SVG.
SMALL_ICON_MAX = 32


def resources_dir() -> Path:
    """The folder holding this package's data files.

    A PyInstaller build unpacks data under ``sys._MEIPASS`` (the one-folder app's ``_internal``)
    keeping the package's relative layout, so the same relative names work in both cases.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        return Path(bundle) / "fizzly_desktop" / "resources"
    return Path(__file__).resolve().parent


def resource_path(name: str) -> Path:
    """The path of the data file ``name``, a relative ``/``-separated name such as ``icons/x.png``.

    Raises ``ValueError`` for a name that would leave the resources folder and
    ``FileNotFoundError`` when the file is not there (a broken install or build).
    """
    relative = PurePosixPath(name)
    if not name or relative.is_absolute() or ".." in relative.parts:
        raise ValueError(f"{name!r} is not a resource name: use a relative path such as 'icons/…'")
    path = resources_dir().joinpath(*relative.parts)
    if not path.is_file():
        raise FileNotFoundError(f"The app's file {name!r} is missing from {resources_dir()}.")
    return path


def app_icon_files() -> list[Path]:
    """The app icon's PNG files, smallest first, for building a multi-size window icon."""
    return [resource_path(f"icons/{APP_ID}-{size}.png") for size in ICON_SIZES]
