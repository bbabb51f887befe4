"""The packaging recipe's choices (packaging/bundle.py): what the frozen app keeps and drops."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image

from fizzly_desktop import APP_ID

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bundle() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bundle", ROOT / "packaging" / "bundle.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
        ("PySide6/Qt/plugins/imageformats/libqwebp.so", True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6\\plugins\\styles\\qmodernwindowsstyle.dll", True),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        # Not Qt plugins at all: never filtered by this rule.
        ("PySide6/QtCore.abi3.so", True),
        ("PIL/_imaging.cpython-311-x86_64-linux-gnu.so", True),
    ],
)
def test_only_the_qt_plugins_the_app_needs_are_kept(
    bundle: ModuleType, dest: str, kept: bool
) -> None:
    assert bundle.keep_qt_plugin(dest) is kept


def test_qt_translations_and_libraries_are_recognised(bundle: ModuleType) -> None:
    assert bundle.is_qt_translation("PySide6/Qt/translations/qtbase_fr.qm")
    assert not bundle.is_qt_translation("PySide6/Qt/translations/qtbase_de.qm")
    assert not bundle.is_qt_translation("fizzly_desktop/resources/icons/x.png")
    assert bundle.is_qt_library("PySide6/Qt/lib/libQt6Network.so.6")
    assert bundle.is_qt_library("PySide6/Qt/lib/libicudata.so.73")
    assert bundle.is_qt_library("PySide6/Qt6Core.dll")
    assert bundle.is_qt_library("PySide6/Qt/lib/QtCore.framework/Versions/A/QtCore")
    assert not bundle.is_qt_library("PySide6/QtNetwork.abi3.so")
    assert not bundle.is_qt_library("PySide6/Qt/plugins/platforms/libqxcb.so")


@pytest.mark.parametrize(
    ("name", "from_system"),
    [
        ("libstdc++.so.6", True),
        ("libglib-2.0.so.0", True),
        ("libfontconfig.so.1", True),
        ("libX11.so.6", True),
        ("libxcb.so.1", True),
        ("libdbus-1.so.3", True),
        ("libGL.so.1", True),
        # Often missing on desktops, the cause of "could not load the Qt platform plugin xcb".
        ("libxcb-cursor.so.0", False),
        ("libxkbcommon-x11.so.0", False),
        ("libQt6Gui.so.6", False),
        ("libpython3.11.so.1.0", False),
        ("libssl.so.3", False),
        # The sound server's client library must match the session's server.
        ("libpulse.so.0", True),
        ("libpulsecommon-16.1.so", True),
        ("libavcodec.so.61", False),
    ],
)
def test_the_desktop_s_own_libraries_come_from_the_system_on_linux(
    bundle: ModuleType, name: str, from_system: bool
) -> None:
    assert bundle.is_desktop_library(f"_internal/{name}", "linux") is from_system
    assert not bundle.is_desktop_library(f"_internal/{name}", "win32")


def test_ffmpeg_s_libraries_are_never_stripped(bundle: ModuleType) -> None:
    # strip(1) on the wheel's FFmpeg makes them unloadable: the player then has no backend.
    assert bundle.is_never_stripped("_internal/libavcodec.so.61")
    assert bundle.is_never_stripped("_internal/libswscale.so.8")
    assert not bundle.is_never_stripped("_internal/libQt6Multimedia.so.6")
    assert not bundle.is_never_stripped("_internal/libpython3.11.so.1.0")


def test_a_library_is_kept_only_if_something_kept_links_to_it(bundle: ModuleType) -> None:
    links = {
        "QtGui.abi3.so": ["libQt6Gui.so.6", "libc.so.6"],
        "libqxcb.so": ["libQt6XcbQpa.so.6"],
        "/lib/libQt6Gui.so.6": ["libQt6Core.so.6"],
        "/lib/libQt6XcbQpa.so.6": ["libQt6Gui.so.6"],
        "/lib/libQt6Core.so.6": ["libicuuc.so.73"],
        "/lib/libicuuc.so.73": [],
        "/lib/libQt6Network.so.6": ["libQt6Core.so.6"],
        "/lib/libgtk-3.so.0": [],
    }
    libraries = {bundle.base_name(path): path for path in links if path.startswith("/lib/")}

    linked = bundle.linked_closure(["QtGui.abi3.so", "libqxcb.so"], libraries, links.__getitem__)

    assert linked == {"libqt6gui.so.6", "libqt6xcbqpa.so.6", "libqt6core.so.6", "libicuuc.so.73"}


def test_keyring_backends_are_listed_for_every_platform(bundle: ModuleType) -> None:
    linux = bundle.keyring_backends("linux")
    assert {"keyring.backends.SecretService", "secretstorage", "jeepney"} <= set(linux)
    assert "keyring.backends.macOS" in bundle.keyring_backends("darwin")
    assert "keyring.backends.Windows" in bundle.keyring_backends("win32")
    for platform in ("linux", "darwin", "win32"):
        assert {"keyring.backends.chainer", "keyring.backends.fail"} <= set(
            bundle.keyring_backends(platform)
        )


def test_no_module_the_app_imports_is_excluded(bundle: ModuleType) -> None:
    for used in bundle.QT_MODULES_USED:
        assert f"PySide6.{used}" not in bundle.EXCLUDED_MODULES
    # The modules the app and the sandbox import at run time.
    for needed in ("PIL.Image", "PIL.ImageDraw", "PIL.ImageFilter", "PIL.WebPImagePlugin"):
        assert needed not in bundle.EXCLUDED_MODULES


def test_version_numbers_for_windows(bundle: ModuleType) -> None:
    assert bundle.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert bundle.version_tuple("2.10.3.7") == (2, 10, 3, 7)
    assert bundle.version_tuple("1.2.0rc1") == (1, 2, 0, 1)


def test_windows_and_macos_icons_hold_every_size(bundle: ModuleType, tmp_path: Path) -> None:
    ico, icns = bundle.write_platform_icons(APP_ID, tmp_path)

    with Image.open(ico) as image:
        assert {(16, 16), (24, 24), (32, 32), (48, 48), (256, 256)} <= image.info["sizes"]
    with Image.open(icns) as image:
        sizes = {(w, h) for w, h, _ in image.info["sizes"]}
        assert {(16, 16), (32, 32), (128, 128), (256, 256), (512, 512)} <= sizes


def test_windows_version_resource_names_the_version(bundle: ModuleType, tmp_path: Path) -> None:
    text = bundle.windows_version_file("0.1.0", tmp_path).read_text(encoding="utf-8")
    assert "filevers=(0, 1, 0, 0)" in text
    assert "StringStruct('ProductVersion', '0.1.0')" in text


def test_every_qt_module_the_app_imports_is_bundled(bundle: ModuleType) -> None:
    """A Qt module used in the code but left out of the build breaks only the installed app."""
    pattern = re.compile(r"\bPySide6\.(Qt\w+)|\bfrom PySide6 import (?:\(([^)]*)\)|([^\n(]+))")
    imported: dict[str, set[str]] = {}
    for source in (ROOT / "fizzly_desktop").rglob("*.py"):
        for match in pattern.finditer(source.read_text(encoding="utf-8")):
            dotted, grouped, inline = match.groups()
            listed = (grouped or inline or "").split(",")
            names = [dotted] if dotted else [item.split()[0] for item in listed if item.strip()]
            for name in names:
                if name.startswith("Qt"):
                    imported.setdefault(name, set()).add(source.relative_to(ROOT).as_posix())
    assert {"QtCore", "QtGui", "QtWidgets"} <= set(imported)
    missing = {name: sorted(files) for name, files in imported.items()}
    for used in bundle.QT_MODULES_USED:
        missing.pop(used, None)
    assert not missing, f"add these to QT_MODULES_USED in packaging/bundle.py: {missing}"
