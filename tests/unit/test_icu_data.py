"""ICU's data cut down to what Qt reads (packaging/icu_data.py), and the recipe that uses it."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def icu() -> ModuleType:
    return _load("icu_data")


@pytest.fixture(scope="module")
def bundle() -> ModuleType:
    return _load("bundle")


def _header() -> bytes:
    """A little-endian ICU common-data header ("CmnD", format 1), padded to 32 bytes."""
    info = struct.pack("<HHBBBB4s4s4s", 20, 0, 0, 0, 2, 0, b"CmnD", b"\1\0\0\0", b"\x49\0\0\0")
    return struct.pack("<H2s", 32, b"\xda\x27") + info + b"\0" * 8


ITEMS = [
    ("icudt73l/brkitr/cjdict.dict", b"words" * 7),
    ("icudt73l/cnvalias.icu", b"aliases"),
    ("icudt73l/coll/de.res", b"german collation" * 3),
    ("icudt73l/coll/ucadata.icu", b"uca"),
    ("icudt73l/curr/de.res", b"Euro"),
    ("icudt73l/de.res", b"locale"),
    ("icudt73l/lang/de.res", b"Deutsch"),
    ("icudt73l/rbnf/de.res", b"eins"),
    ("icudt73l/shift_jis.cnv", b"sjis" * 9),
    ("icudt73l/translit/root.res", b"latin"),
    ("icudt73l/unames.icu", b"LATIN SMALL LETTER A"),
    ("icudt73l/unit/de.res", b"Meter"),
    ("icudt73l/zone/de.res", b"Mitteleuropaeische Zeit"),
    ("icudt73l/zoneinfo64.res", b"Europe/Berlin"),
]
QT_READS = [
    "icudt73l/cnvalias.icu",
    "icudt73l/coll/de.res",
    "icudt73l/coll/ucadata.icu",
    "icudt73l/de.res",
    "icudt73l/shift_jis.cnv",
    "icudt73l/zone/de.res",
    "icudt73l/zoneinfo64.res",
]


def test_a_package_reads_back_item_for_item_with_aligned_items(icu: ModuleType) -> None:
    blob = icu.package(_header(), ITEMS)

    read = icu.items(blob)

    assert [name for name, _ in read] == [name for name, _ in ITEMS]
    # Items come back padded to 16 bytes, as ICU lays them out.
    assert [data.rstrip(b"\0") for _, data in read] == [data for _, data in ITEMS]
    (count,) = struct.unpack_from("<I", blob, 32)
    offsets = [struct.unpack_from("<II", blob, 36 + 8 * i)[1] for i in range(count)]
    assert count == len(ITEMS)
    assert all((32 + offset) % 16 == 0 for offset in offsets)


def test_trimming_keeps_what_qt_reads_and_drops_the_rest(icu: ModuleType) -> None:
    trimmed, dropped = icu.trim(icu.package(_header(), ITEMS))

    kept = icu.items(trimmed)
    assert [name for name, _ in kept] == QT_READS
    assert {name: data.rstrip(b"\0") for name, data in kept} == {
        name: data for name, data in ITEMS if name in QT_READS
    }
    assert sorted(dropped) == sorted(set(dict(ITEMS)) - set(QT_READS))
    assert trimmed[:32] == _header()


@pytest.mark.parametrize(
    ("name", "dropped"),
    [
        ("icudt73l/brkitr/thaidict.dict", True),
        ("icudt73l/unit/pool.res", True),
        ("icudt73l/curr/pool.res", True),
        ("icudt73l/lang/zh.res", True),
        ("icudt73l/translit/root.res", True),
        ("icudt73l/rbnf/de.res", True),
        ("icudt73l/unames.icu", True),
        # Collation, time zones, encodings, locales, normalization, region names: kept.
        ("icudt73l/coll/zh.res", False),
        ("icudt73l/zone/zh.res", False),
        ("icudt73l/metaZones.res", False),
        ("icudt73l/timezoneTypes.res", False),
        ("icudt73l/euc-tw-2014.cnv", False),
        ("icudt73l/nfc.nrm", False),
        ("icudt73l/region/de.res", False),
        ("icudt73l/supplementalData.res", False),
    ],
)
def test_only_data_of_services_qt_never_calls_is_dropped(
    icu: ModuleType, name: str, dropped: bool
) -> None:
    assert icu.is_dropped(name) is dropped


def test_what_is_not_icu_data_is_refused_plainly(icu: ModuleType, tmp_path: Path) -> None:
    with pytest.raises(icu.IcuDataError, match="not ICU data"):
        icu.items(b"\0" * 64)
    not_elf = tmp_path / "libicudata.so.73"
    not_elf.write_bytes(b"MZ" + b"\0" * 100)
    with pytest.raises(icu.IcuDataError, match="not a 64-bit little-endian ELF"):
        icu.read_library(not_elf)


def test_a_build_machine_without_binutils_is_told_what_to_install(
    icu: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(icu.shutil, "which", lambda tool: None)
    out = tmp_path / "libicudata.so.73"

    with pytest.raises(icu.IcuDataError, match=r"needs binutils \(as and ld not found\)"):
        icu.write_library(icu.package(_header(), ITEMS), "icudt73_dat", out.name, out)
    assert not out.exists()


needs_binutils = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not (shutil.which("as") and shutil.which("ld")),
    reason="the ICU data library is rebuilt on Linux, with binutils",
)


@needs_binutils
def test_a_written_library_exports_the_package_under_icu_s_symbol(
    icu: ModuleType, tmp_path: Path
) -> None:
    blob = icu.package(_header(), ITEMS)
    out = tmp_path / "libicudata.so.73"

    icu.write_library(blob, "icudt73_dat", "libicudata.so.73", out)

    assert icu.read_library(out) == ("icudt73_dat", blob)
    dynamic = subprocess.run(
        ["readelf", "-d", "--dyn-syms", "-W", str(out)], capture_output=True, text=True, check=True
    ).stdout
    assert "Library soname: [libicudata.so.73]" in dynamic
    assert re.search(r"OBJECT\s+GLOBAL\s+DEFAULT\s+\d+\s+icudt73_dat", dynamic)


def _pyside_icu_data() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    found = sorted((Path(spec.origin).parent / "Qt" / "lib").glob("libicudata.so.*"))
    return found[0] if found else None


@needs_binutils
@pytest.mark.skipif(_pyside_icu_data() is None, reason="this PySide6 ships no ICU")
def test_qt_answers_the_same_from_the_trimmed_data(icu: ModuleType, tmp_path: Path) -> None:
    """Qt, run against the trimmed ICU data, passes the self-test's text check unchanged."""
    source = _pyside_icu_data()
    assert source is not None
    size, dropped = icu.trim_library(source, tmp_path / source.name)
    assert size < source.stat().st_size * 0.6
    assert any(name.endswith("brkitr/cjdict.dict") for name in dropped)
    probe = (
        "from PySide6.QtCore import QCoreApplication\n"
        "app = QCoreApplication([])\n"
        "from fizzly_desktop.selftest_text import check_text_services\n"
        "print(check_text_services())\n"
    )
    answers = []
    for library_path in (None, str(tmp_path)):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        if library_path:
            # Found before the wheel's own copy: Qt's libraries search by RUNPATH.
            env["LD_LIBRARY_PATH"] = library_path
        result = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=ROOT
        )
        assert result.returncode == 0, result.stderr
        answers.append(result.stdout)
    assert answers[0] == answers[1]
    assert "sorts German words and numbered files" in answers[1]


def test_the_recipe_trims_icu_s_data_on_linux_only(bundle: ModuleType) -> None:
    assert bundle.is_icu_data("libicudata.so.73", "linux")
    assert not bundle.is_icu_data("libicuuc.so.73", "linux")
    assert not bundle.is_icu_data("libicudata.so.73", "win32")
    spec = (ROOT / "packaging" / "fizzly-desktop.spec").read_text(encoding="utf-8")
    assert "bundle.is_icu_data(dest)" in spec
    assert "icu_data.trim_library(" in spec


def test_httpx_s_command_line_client_is_left_out(bundle: ModuleType) -> None:
    for name in ("httpx._main", "click", "rich", "pygments", "markdown_it", "mdurl"):
        assert name in bundle.EXCLUDED_MODULES
    # The app never imports them itself.
    pattern = re.compile(r"^\s*(?:import|from)\s+(click|rich|pygments|markdown_it|mdurl)\b", re.M)
    for source in (ROOT / "fizzly_desktop").rglob("*.py"):
        assert not pattern.search(source.read_text(encoding="utf-8")), source
