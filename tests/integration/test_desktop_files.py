"""The desktop entry, AppStream metainfo and app icon: valid for the desktop tools, consistent."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

import fizzly_desktop
from fizzly_desktop import APP_ID, APP_NAME
from fizzly_desktop import resources as app_resources
from fizzly_desktop.resources import ICON_SIZES, app_icon_files, resource_path

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
DESKTOP_FILE = RESOURCES / f"{APP_ID}.desktop"
METAINFO_FILE = RESOURCES / f"{APP_ID}.metainfo.xml"
THEME_DIR = RESOURCES / "icons" / "hicolor"


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package {package}; `make sysdeps` adds it)")
    return path


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def _metainfo() -> ET.Element:
    return ET.parse(METAINFO_FILE).getroot()


def test_desktop_entry_passes_desktop_file_validate() -> None:
    tool = _tool("desktop-file-validate", "desktop-file-utils")
    done = subprocess.run([tool, str(DESKTOP_FILE)], capture_output=True, text=True, check=False)
    report = done.stdout + done.stderr
    assert done.returncode == 0, report
    # Hints are advice; errors and warnings are not accepted.
    assert "error:" not in report
    assert "warning:" not in report


def test_metainfo_passes_appstreamcli_validate() -> None:
    tool = _tool("appstreamcli", "appstream")
    done = subprocess.run(
        [tool, "validate", "--no-net", "--no-color", str(METAINFO_FILE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_desktop_entry_names_the_app_its_icon_and_its_command() -> None:
    entry = _desktop_entry()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert DESKTOP_FILE.name == f"{APP_ID}.desktop"
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] in pyproject["project"]["gui-scripts"]
    # X11 window managers match windows to the entry by WM_CLASS, which Qt takes from the
    # application name; Wayland compositors by the app id, from setDesktopFileName(APP_ID).
    assert entry["StartupWMClass"] == APP_NAME


def test_metainfo_matches_the_app_id_desktop_file_and_version() -> None:
    root = _metainfo()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == APP_NAME
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP_FILE.name
    assert root.findtext("icon[@type='stock']") == APP_ID
    newest = root.find("releases/release")
    assert newest is not None
    assert newest.get("version") == fizzly_desktop.__version__
    assert root.find("content_rating[@type='oars-1.1']") is not None
    screenshot = root.findtext("screenshots/screenshot[@type='default']/image")
    assert screenshot is not None
    assert screenshot.startswith("https://")


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("size", ICON_SIZES)
def test_theme_icon_png_decodes_at_its_size(size: int) -> None:
    png = THEME_DIR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    image = QImage(str(png))
    assert not image.isNull(), f"{png} does not decode"
    assert image.size() == QSize(size, size)
    assert image.hasAlphaChannel()
    # A rounded tile: the corner is see-through, the centre is opaque.
    assert image.pixelColor(0, 0).alpha() < 64
    assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_package_icons_are_the_theme_icons() -> None:
    for size, packaged in zip(ICON_SIZES, app_icon_files(), strict=True):
        theme_png = THEME_DIR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert packaged.read_bytes() == theme_png.read_bytes(), (
            f"{packaged.name} differs from {theme_png}: run packaging/render_icons.py"
        )
    packaged_svg = resource_path(f"icons/{APP_ID}.svg")
    assert packaged_svg.read_bytes() == (RESOURCES / "icons" / f"{APP_ID}.svg").read_bytes()


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("name", [f"{APP_ID}.svg", f"{APP_ID}-small.svg"])
def test_icon_sources_are_square_svgs_qt_can_draw(name: str) -> None:
    renderer = QSvgRenderer(str(RESOURCES / "icons" / name))
    assert renderer.isValid()
    assert renderer.defaultSize() == QSize(256, 256)


def test_resource_path_rejects_names_outside_the_resources() -> None:
    for bad in ("", "/etc/passwd", "../__init__.py", "icons/../../app.py"):
        with pytest.raises(ValueError):
            resource_path(bad)


def test_resource_path_says_which_file_is_missing() -> None:
    with pytest.raises(FileNotFoundError, match=r"icons/absent\.png"):
        resource_path("icons/absent.png")


def test_resource_path_looks_inside_the_frozen_bundle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    icon = tmp_path / "fizzly_desktop" / "resources" / "icons" / "x.png"
    icon.parent.mkdir(parents=True)
    icon.write_bytes(b"png")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert app_resources.resources_dir() == tmp_path / "fizzly_desktop" / "resources"
    assert resource_path("icons/x.png") == icon
