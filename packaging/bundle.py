"""What goes into the frozen app: which Qt parts, keyring backends and data files, per platform.

Imported by ``fizzly-desktop.spec`` (PyInstaller executes the spec as Python) and by
``build.py``. Kept apart from the spec so the choices are plain data that can be read, diffed
and reasoned about without PyInstaller's spec conventions in the way.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
BUILD_DIR = ROOT / "packaging" / "build"
DIST_DIR = ROOT / "packaging" / "dist"
# The one-folder app's name: the folder in dist/ and its executable (``fizzly-desktop``).
APP_DIR_NAME = "fizzly-desktop"

# Python modules of PySide6 the app imports. Everything else of Qt is left out.
# QtMultimedia and QtMultimediaWidgets play video and sound outputs (from PySide6-Addons); the
# QtMultimedia binding imports QtNetwork's (a frozen app without it fails to import it).
QT_MODULES_USED = (
    "QtCore",
    "QtGui",
    "QtWidgets",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNetwork",
)

# Every other Python module of PySide6: never imported by the app, never bundled.
QT_MODULES_UNUSED = (
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtAxContainer",
    "QtBluetooth",
    "QtCharts",
    "QtConcurrent",
    "QtDBus",
    "QtDataVisualization",
    "QtDesigner",
    "QtGraphs",
    "QtGraphsWidgets",
    "QtHelp",
    "QtHttpServer",
    "QtLabsStyleKit",
    "QtLocation",
    "QtNetworkAuth",
    "QtNfc",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtPdf",
    "QtPdfWidgets",
    "QtPositioning",
    "QtPrintSupport",
    "QtQml",
    "QtQmlFeatures",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtSvg",
    "QtSvgWidgets",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineQuick",
    "QtWebEngineWidgets",
    "QtWebSockets",
    "QtXml",
)

# Qt plugins kept, by plugin folder; a name is the file name without "lib" and extension.
# Qt loads plugins by folder at run time, so a missing one shows up only on a user's machine:
# each entry says what it is for.
QT_PLUGINS_KEPT: dict[str, frozenset[str]] = {
    # Window systems: X11, Wayland, Windows, macOS; offscreen for the self-test and CI.
    "platforms": frozenset({"qxcb", "qwayland", "qwindows", "qcocoa", "qoffscreen"}),
    # X11: OpenGL contexts (Qt asks for one even for widgets on some drivers).
    "xcbglintegrations": frozenset({"qxcb-glx-integration", "qxcb-egl-integration"}),
    # Wayland: ordinary top-level windows, and title bars where the compositor draws none
    # (GNOME): adwaita looks native there, bradient is Qt's fallback.
    "wayland-shell-integration": frozenset({"xdg-shell"}),
    "wayland-decoration-client": frozenset({"adwaita", "bradient"}),
    # Typing: dead keys / compose sequences, and input methods (CJK) through IBus.
    "platforminputcontexts": frozenset(
        {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"}
    ),
    # Desktop portals: native file dialogs in sandboxed and GNOME sessions, without GTK.
    "platformthemes": frozenset({"qxdgdesktopportal"}),
    # Output images: PNG is built into QtGui; the sandbox and the service also send WebP and JPEG.
    "imageformats": frozenset({"qjpeg", "qwebp"}),
    # Video and sound outputs: QtMultimedia's FFmpeg backend (it brings FFmpeg's own libraries,
    # libavcodec, libavformat, libswscale...). The platform's native backends are not needed.
    "multimedia": frozenset({"ffmpegmediaplugin"}),
    # Native widget styles on Windows and macOS.
    "styles": frozenset({"qmodernwindowsstyle", "qwindowsvistastyle", "qmacstyle"}),
}

# httpx's command-line client and its dependencies; the app uses httpx as a library only.
HTTPX_CLI_MODULES = ("httpx._main", "click", "rich", "pygments", "markdown_it", "mdurl")

# Python modules that must never be bundled: other Qt bindings qasync probes for, Qt modules
# the app does not use, and standard-library parts only tests and tools need.
EXCLUDED_MODULES: tuple[str, ...] = (
    "PyQt5",
    "PyQt6",
    "PySide2",
    "tkinter",
    "_tkinter",
    "pydoc",
    "pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "IPython",
    "numpy",
    # Pillow draws the sandbox's pictures with Image, ImageDraw and ImageFilter only: no fonts
    # (FreeType, HarfBuzz), colour profiles (LittleCMS), AVIF or Tk. Pillow loads each of these
    # lazily and carries on without it.
    "PIL._avif",
    "PIL._imagingft",
    "PIL._imagingcms",
    "PIL.ImageCms",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL.ImageQt",
    # httpx's command-line client (`httpx https://...`) and what only it imports: click, rich and
    # its Markdown and syntax colouring (2.7 MB). httpx's `main` falls back to a message without
    # them; pydantic imports rich only to pretty-print schemas while debugging.
    *HTTPX_CLI_MODULES,
    *(f"PySide6.{name}" for name in QT_MODULES_UNUSED),
)


# Linux: libraries of the desktop itself, taken from the user's system rather than bundled.
# The PySide6 wheel expects them from the system too. Bundling the build machine's copies
# breaks things on other distributions: fontconfig/FreeType copies misread a newer system font
# configuration, an old libstdc++ keeps the system's OpenGL driver from loading, and D-Bus and
# X11 must match the running session. (The same reasoning as AppImage's exclude list.) Each is
# present on every Linux desktop; libxcb's add-on libraries are NOT here (often missing, so they
# stay bundled). Dependencies of these libraries are listed with them.
LINUX_DESKTOP_LIBRARIES = re.compile(
    r"^lib("
    r"stdc\+\+|gcc_s"
    r"|glib-2\.0|gobject-2\.0|gio-2\.0|gmodule-2\.0|gthread-2\.0|pcre2-8"
    r"|fontconfig|expat|freetype|png16|brotli(common|dec)"
    r"|x11|x11-xcb|xcb|xau|xdmcp|gl|egl|opengl|glx|gldispatch"
    r"|dbus-1|systemd|gcrypt|gpg-error|lz4|cap"
    # PulseAudio's client (QtMultimedia's sound output) must match the sound server of the
    # session (PulseAudio or PipeWire's replacement); its codecs come along with it.
    r"|pulse|pulsecommon-[\d.]+|sndfile|flac|vorbis|vorbisenc|opus|ogg|asyncns|mp3lame|mpg123"
    r")\.so(\.\d+)*$"
)


# FFmpeg's libraries as the Qt wheel ships them are stripped already, and strip(1) run on them
# again breaks them ("ELF load command address/offset not page-aligned" when loaded): the
# frozen app then finds no QtMultimedia backend. They are copied as shipped.
NEVER_STRIPPED = re.compile(
    r"^lib(avcodec|avformat|avutil|avdevice|avfilter|swscale|swresample)\.so"
)


# Linux: ICU's data library, which Qt's wheels ship for QtCore (32 MB). The build replaces it
# with one holding only the parts Qt reads (packaging/icu_data.py).
ICU_DATA_LIBRARY = re.compile(r"^libicudata\.so\.\d+$")


def is_icu_data(dest: str, platform: str = sys.platform) -> bool:
    """Whether a bundled file is ICU's data library, trimmed in Linux builds."""
    return platform.startswith("linux") and ICU_DATA_LIBRARY.match(base_name(dest)) is not None


def is_never_stripped(dest: str) -> bool:
    """Whether a bundled file must keep its original bytes (see :data:`NEVER_STRIPPED`)."""
    return NEVER_STRIPPED.match(base_name(dest)) is not None


def is_desktop_library(dest: str, platform: str = sys.platform) -> bool:
    """Whether a bundled file is one of :data:`LINUX_DESKTOP_LIBRARIES` (Linux builds only)."""
    if not platform.startswith("linux"):
        return False
    return LINUX_DESKTOP_LIBRARIES.match(base_name(dest)) is not None


def keyring_backends(platform: str = sys.platform) -> list[str]:
    """The keyring backend modules to bundle for ``platform``.

    keyring finds its backends through package entry points; a frozen app keeps them only if
    the package metadata is bundled too (the spec does that), so they are also listed here
    explicitly and imported by the runtime hook when the metadata is missing.
    """
    common = ["keyring.backends.chainer", "keyring.backends.fail", "keyring.backends.null"]
    if platform.startswith("linux"):
        native = [
            "keyring.backends.SecretService",
            "keyring.backends.libsecret",
            "keyring.backends.kwallet",
            "secretstorage",
            "jeepney",
            "jeepney.io.blocking",
        ]
    elif platform == "darwin":
        native = ["keyring.backends.macOS", "keyring.backends.macOS.api"]
    elif platform == "win32":
        native = ["keyring.backends.Windows", "win32ctypes.core"]
    else:
        native = []
    return [*native, *common]


def plugin_name(file_name: str) -> str:
    """A plugin's name from its file name, e.g. ``libqxcb.so`` -> ``qxcb``."""
    stem = re.sub(r"\.(so|dll|dylib)(\.\d+)*$", "", file_name)
    return stem.removeprefix("lib")


def qt_plugin_of(dest: str) -> tuple[str, str] | None:
    """(folder, name) when ``dest`` (a bundle-relative path) is a Qt plugin, else None."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if "PySide6" not in parts or "plugins" not in parts:
        return None
    index = parts.index("plugins")
    if len(parts) < index + 3:
        return None
    return "/".join(parts[index + 1 : -1]), plugin_name(parts[-1])


def keep_qt_plugin(dest: str) -> bool:
    """Whether a bundled file is a Qt plugin the app needs (True for anything not a Qt plugin)."""
    plugin = qt_plugin_of(dest)
    if plugin is None:
        return True
    folder, name = plugin
    return name in QT_PLUGINS_KEPT.get(folder, frozenset())


#: Qt's own translations kept: its standard buttons and dialogs in the languages the app ships.
QT_TRANSLATIONS_KEPT = frozenset({"qtbase_de.qm", "qtbase_es.qm", "qtbase_zh_CN.qm"})


def is_qt_translation(dest: str) -> bool:
    """One of Qt's own translations the app does not need (all but qtbase in its languages)."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    return "PySide6" in parts and "translations" in parts and parts[-1] not in QT_TRANSLATIONS_KEPT


def is_qt_library(dest: str) -> bool:
    """A Qt (or ICU) shared library shipped by PySide6, as opposed to a plugin or extension."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if "PySide6" not in parts or "plugins" in parts:
        return False
    if any(part.endswith(".framework") for part in parts):
        return True
    name = parts[-1]
    return bool(re.match(r"^(lib)?(Qt6|icu)\w*", name)) and ".abi3." not in name


def base_name(path: str) -> str:
    """A binary's file name as used for matching links (Windows names ignore case)."""
    return PurePosixPath(path.replace("\\", "/")).name.lower()


def is_link_root(dest: str, typecode: str) -> bool:
    """Binaries that are loaded by name rather than linked: Python extensions, Qt plugins and
    the Python library itself. Every other shared library is bundled only if one of these
    links to it."""
    name = base_name(dest)
    return (
        typecode == "EXTENSION"
        or qt_plugin_of(dest) is not None
        or name.startswith(("libpython", "python3", "python"))
    )


def linked_closure(
    roots: Iterable[str],
    library_paths: dict[str, str],
    imports_of: Callable[[str], Iterable[str]],
) -> set[str]:
    """The names of the libraries in ``library_paths`` that ``roots`` link to, directly or not.

    ``library_paths`` maps a library's :func:`base_name` to its path on the build machine;
    ``imports_of(path)`` lists the names of the libraries a binary links to.
    """
    needed: set[str] = set()
    pending = list(roots)
    while pending:
        path = pending.pop()
        for name in imports_of(path):
            base = base_name(name)
            if base in library_paths and base not in needed:
                needed.add(base)
                pending.append(library_paths[base])
    return needed


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``"0.1.0"`` -> ``(0, 1, 0, 0)``, the four numbers Windows version resources hold."""
    numbers = [int(n) for n in re.findall(r"\d+", version)[:4]]
    return (*numbers, 0, 0, 0, 0)[:4]  # type: ignore[return-value]


def write_platform_icons(app_id: str, out_dir: Path) -> tuple[Path, Path]:
    """Write ``.ico`` (Windows) and ``.icns`` (macOS) icons built from the app's PNG sizes."""
    from PIL import Image

    icons = ROOT / "fizzly_desktop" / "resources" / "icons"
    out_dir.mkdir(parents=True, exist_ok=True)
    images = {size: Image.open(icons / f"{app_id}-{size}.png") for size in (16, 24, 32, 48, 256)}
    big = Image.open(icons / f"{app_id}-512.png")
    ico = out_dir / f"{app_id}.ico"
    # The hand-drawn small sizes go in as they are, rather than scaled down from the big one.
    images[256].save(
        ico,
        format="ICO",
        sizes=[(s, s) for s in sorted(images)],
        append_images=[images[s] for s in sorted(images) if s != 256],
    )
    icns = out_dir / f"{app_id}.icns"
    big.save(icns, format="ICNS", append_images=[images[32], images[256]])
    return ico, icns


def windows_version_file(version: str, out_dir: Path) -> Path:
    """Write the Windows version resource (Explorer's Details tab) for PyInstaller's EXE()."""
    numbers = version_tuple(version)
    text = f"""# Windows version resource of Fizzly Desktop {version}, from packaging/bundle.py.
VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', 'Fizzly'),
      StringStruct('FileDescription', 'Fizzly Desktop'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', 'fizzly-desktop'),
      StringStruct('OriginalFilename', 'fizzly-desktop.exe'),
      StringStruct('ProductName', 'Fizzly Desktop'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "windows-version.txt"
    path.write_text(text, encoding="utf-8")
    return path


def folder_size(folder: Path) -> int:
    """Bytes of all files under ``folder`` (symlinks not followed), i.e. the unpacked size."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
