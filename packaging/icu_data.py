"""Qt's ICU data, cut down to the parts Qt reads (Linux builds).

PySide6's Linux wheels ship ICU, and ``libicudata.so.73`` is its data: 32 MB, the biggest file
of the app. It is one symbol (``icudt73_dat``) holding an ICU "common data" package, a table of
contents followed by ~3,900 items (``icudt73l/coll/de.res``, ``icudt73l/brkitr/cjdict.dict``...).
Qt calls only four parts of ICU (``objdump -T libQt6Core.so.6 | grep _73``):

- collation (``ucol_*``: QCollator, sorting in file dialogs): ``coll/``, normalization, locales;
- time zones (``ucal_*``: QTimeZone's names): ``zone/``, ``zoneinfo64``, ``metaZones``...;
- legacy text encodings (``ucnv_*``: QStringDecoder by name): the ``*.cnv`` tables, ``cnvalias``;
- case mapping (``u_strToUpper``/``u_strToLower``), whose tables are compiled into libicuuc.

The items in :data:`DROPPED` serve only ICU services Qt never calls (break iterators, number and
unit formatting, display names, transliteration); everything else is kept. The trimmed package
goes into a new ``libicudata.so.73`` exporting the same symbol, assembled and linked with
binutils' ``as`` and ``ld`` (PyInstaller needs binutils on Linux anyway). The frozen app's
self-test checks that collation, time-zone names and a legacy encoding still work from it
(fizzly_desktop/selftest_text.py).
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

# Item name prefixes (after ``icudt73l/``) left out, each with the ICU service that alone reads it.
DROPPED: dict[str, str] = {
    "brkitr/": "break iterators and their word dictionaries (ubrk_*; Qt breaks text itself)",
    "unit/": "measure-unit names (MeasureFormat)",
    "curr/": "currency names (NumberFormat; QLocale has its own)",
    "lang/": "language and script display names (LocaleDisplayNames; QLocale has its own)",
    "translit/": "transliteration rules (Transliterator)",
    "rbnf/": "spelled-out numbers (RuleBasedNumberFormat)",
    "unames.icu": "Unicode character names (u_charName)",
}

_ALIGN = 16


class IcuDataError(ValueError):
    """The bytes are not an ICU common data package this module understands."""


def _header_size(blob: bytes) -> int:
    if len(blob) < 32 or blob[2:4] != b"\xda\x27":
        raise IcuDataError("not ICU data: the magic bytes are missing")
    header_size = int(struct.unpack_from("<H", blob, 0)[0])
    if blob[12:16] != b"CmnD" or blob[8] != 0:
        raise IcuDataError("not a little-endian ICU common data package (CmnD)")
    return header_size


def items(blob: bytes) -> list[tuple[str, bytes]]:
    """The package's items, in table order: (name, bytes)."""
    header_size = _header_size(blob)
    toc = blob[header_size:]
    (count,) = struct.unpack_from("<I", toc, 0)
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    result: list[tuple[str, bytes]] = []
    for index, (name_offset, data_offset) in enumerate(entries):
        name = toc[name_offset : toc.index(b"\0", name_offset)].decode("ascii")
        end = entries[index + 1][1] if index + 1 < count else len(toc)
        result.append((name, toc[data_offset:end]))
    return result


def _pad(size: int) -> int:
    return -size % _ALIGN


def package(header: bytes, contents: list[tuple[str, bytes]]) -> bytes:
    """An ICU common data package: ``header``, then a table of contents and the items.

    Names must be in ICU's order (it binary-searches them): keep the order :func:`items` gives.
    """
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in contents)
    table_size = 4 + 8 * len(contents)
    data_offset = table_size + len(names) + _pad(table_size + len(names))
    entries = bytearray(struct.pack("<I", len(contents)))
    name_offset = table_size
    body = bytearray()
    for name, data in contents:
        entries += struct.pack("<II", name_offset, data_offset + len(body))
        name_offset += len(name) + 1
        body += data + b"\0" * _pad(len(data))
    table = bytes(entries) + names + b"\0" * _pad(table_size + len(names))
    return header + table + bytes(body)


def is_dropped(name: str) -> bool:
    """Whether an item (``icudt73l/brkitr/cjdict.dict``) is one of :data:`DROPPED`."""
    inner = name.split("/", 1)[1] if "/" in name else name
    return inner.startswith(tuple(DROPPED))


def trim(blob: bytes) -> tuple[bytes, list[str]]:
    """The package without the :data:`DROPPED` items, and the names of those left out."""
    header = blob[: _header_size(blob)]
    kept: list[tuple[str, bytes]] = []
    dropped: list[str] = []
    for name, data in items(blob):
        if is_dropped(name):
            dropped.append(name)
        else:
            kept.append((name, data))
    return package(header, kept), dropped


def read_library(path: Path) -> tuple[str, bytes]:
    """(symbol, package) of an ICU data library such as ``libicudata.so.73`` (64-bit ELF)."""
    elf = path.read_bytes()
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise IcuDataError(f"{path.name} is not a 64-bit little-endian ELF library")
    (shoff,) = struct.unpack_from("<Q", elf, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", elf, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", elf, shoff + i * shentsize) for i in range(shnum)]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strings = sections[link]
        for at in range(offset, offset + size, entsize):
            st_name, _st_info, _other, shndx, value, st_size = struct.unpack_from(
                "<IBBHQQ", elf, at
            )
            start = strings[4] + st_name
            symbol = elf[start : elf.index(b"\0", start)].decode("ascii")
            if re.fullmatch(r"icudt\d+_dat", symbol) and shndx != 0:
                section = sections[shndx]
                file_offset = section[4] + value - section[3]
                return symbol, elf[file_offset : file_offset + st_size]
    raise IcuDataError(f"{path.name} exports no ICU data symbol (icudtNN_dat)")


def write_library(blob: bytes, symbol: str, soname: str, out: Path) -> None:
    """Link ``blob`` into a shared library ``out`` that exports it as read-only ``symbol``."""
    missing = [tool for tool in ("as", "ld") if shutil.which(tool) is None]
    if missing:
        raise IcuDataError(
            f"building the Linux app needs binutils ({' and '.join(missing)} not found): "
            "install it, e.g. `apt-get install binutils`"
        )
    with tempfile.TemporaryDirectory() as temp:
        data = Path(temp) / "icudata.bin"
        data.write_bytes(blob)
        source = Path(temp) / "icudata.s"
        source.write_text(
            f""".section .rodata
.balign {_ALIGN}
.globl {symbol}
.type {symbol}, @object
.size {symbol}, {len(blob)}
{symbol}:
.incbin "{data.name}"
""",
            encoding="ascii",
        )
        obj = Path(temp) / "icudata.o"
        subprocess.run(["as", "-o", obj.name, source.name], check=True, cwd=temp)
        subprocess.run(
            ["ld", "-shared", "-soname", soname, "-z", "noexecstack", "-o", str(out), str(obj)],
            check=True,
        )


def trim_library(source: Path, out: Path) -> tuple[int, list[str]]:
    """Write ``source`` (``libicudata.so.NN``) trimmed to ``out``: its new size and what went."""
    symbol, blob = read_library(source)
    trimmed, dropped = trim(blob)
    write_library(trimmed, symbol, source.name, out)
    if read_library(out) != (symbol, trimmed):
        raise IcuDataError(f"{out} does not hold the trimmed ICU data it was written with")
    return out.stat().st_size, dropped
