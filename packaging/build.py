"""Build the installable app with PyInstaller into ``packaging/dist/`` and report its size.

    .venv/bin/python packaging/build.py [--clean] [--no-archive]

Linux: ``packaging/dist/fizzly-desktop/`` (the one-folder app, with ``install.sh`` and the
desktop entry, metainfo and icons under ``share/``) and a ``.tar.gz`` of it to hand out.
Windows: ``packaging/dist/fizzly-desktop/`` (zip it, or feed it to an installer builder).
macOS: ``packaging/dist/Fizzly Desktop.app``.
"""

from __future__ import annotations

import argparse
import platform
import shlex
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bundle

from fizzly_desktop import APP_ID, __version__
from fizzly_desktop.resources import ICON_SIZES

SIZE_GOAL_MB = 180
SPEC = bundle.ROOT / "packaging" / "fizzly-desktop.spec"


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def run_pyinstaller(clean: bool) -> None:
    try:
        import PyInstaller  # type: ignore[import-untyped]  # noqa: F401
    except ImportError:
        raise SystemExit(
            "PyInstaller is not installed: run `make package`, or "
            "`.venv/bin/pip install -e '.[package]'` first."
        ) from None
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        f"--distpath={bundle.DIST_DIR}",
        f"--workpath={bundle.BUILD_DIR}",
        *(["--clean"] if clean else []),
        str(SPEC),
    ]
    print("$", shlex.join(command), flush=True)
    subprocess.run(command, check=True, cwd=bundle.ROOT)


def add_linux_desktop_files(app_dir: Path) -> None:
    """Put the desktop entry, metainfo, icons and the installer script next to the app."""
    resources = bundle.ROOT / "resources"
    share = app_dir / "share"
    if share.exists():
        shutil.rmtree(share)
    (share / "applications").mkdir(parents=True)
    (share / "metainfo").mkdir(parents=True)
    shutil.copy2(resources / f"{APP_ID}.desktop", share / "applications")
    shutil.copy2(resources / f"{APP_ID}.metainfo.xml", share / "metainfo")
    for size in ICON_SIZES:
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        theme_png = resources / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        shutil.copy2(theme_png, folder)
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(resources / "icons" / f"{APP_ID}.svg", scalable)
    installer = app_dir / "install.sh"
    shutil.copy2(bundle.ROOT / "packaging" / "linux" / "install.sh", installer)
    installer.chmod(0o755)


def check_qt_links(app_dir: Path) -> list[str]:
    """Qt libraries that a bundled binary links to but that were left out of the bundle."""
    from PyInstaller.depend import bindepend  # type: ignore[import-untyped]

    files = [p for p in app_dir.rglob("*") if p.is_file() and not p.is_symlink()]
    present = {p.name for p in app_dir.rglob("*")}
    missing: list[str] = []
    for path in files:
        if "PySide6" not in path.parts or path.suffix not in {".so", ".dll", ".dylib", ".6"}:
            continue
        for name, _ in bindepend.get_imports(str(path)):
            base = Path(name).name
            if bundle.is_qt_library(f"PySide6/{base}") and base not in present:
                missing.append(f"{path.relative_to(app_dir)} needs {base}")
    return missing


def make_archive(app_dir: Path) -> Path:
    machine = platform.machine().lower() or "unknown"
    archive = bundle.DIST_DIR / f"{bundle.APP_DIR_NAME}-{__version__}-linux-{machine}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(app_dir, arcname=f"{bundle.APP_DIR_NAME}-{__version__}")
    return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="rebuild from scratch (no cache)")
    parser.add_argument(
        "--no-archive", action="store_true", help="Linux: skip the .tar.gz (faster local builds)"
    )
    options = parser.parse_args(argv)

    started = time.monotonic()
    run_pyinstaller(options.clean)
    built = time.monotonic()
    if sys.platform == "darwin":
        app_dir = bundle.DIST_DIR / "Fizzly Desktop.app"
    else:
        app_dir = bundle.DIST_DIR / bundle.APP_DIR_NAME
    if not app_dir.is_dir():
        raise SystemExit(f"PyInstaller finished but {app_dir} is missing")

    missing = check_qt_links(app_dir)
    for line in missing:
        print(f"MISSING Qt library: {line}")

    if sys.platform.startswith("linux"):
        add_linux_desktop_files(app_dir)

    size = bundle.folder_size(app_dir)
    verdict = "within" if size <= SIZE_GOAL_MB * 1_000_000 else "OVER"
    print(f"Built {app_dir.relative_to(bundle.ROOT)} in {built - started:.0f} s")
    print(f"Unpacked size: {_mb(size)} ({verdict} the {SIZE_GOAL_MB} MB goal)")
    internal = app_dir / "_internal"
    if internal.is_dir():
        parts = sorted(
            ((bundle.folder_size(p) if p.is_dir() else p.lstat().st_size, p.name))
            for p in internal.iterdir()
        )
        print("Largest parts: " + ", ".join(f"{name} {_mb(s)}" for s, name in parts[::-1][:8]))

    if sys.platform.startswith("linux") and not options.no_archive:
        archive = make_archive(app_dir)
        print(f"Archive: {archive.relative_to(bundle.ROOT)} ({_mb(archive.stat().st_size)})")
    print(f"Total: {time.monotonic() - started:.0f} s")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
