"""Keep the translations current: extract phrases with ``pyside6-lupdate``, compile ``.qm`` files.

    .venv/bin/python packaging/translations.py            (or: make translations)
    .venv/bin/python packaging/translations.py --compile  (only .ts → .qm, as builds do)

The ``.ts`` files in ``fizzly_desktop/resources/translations/`` are the translators' files
(open one in ``pyside6-linguist``). lupdate's Python reader does not see that a phrase passed to
``translate(context, text, None, n)`` has plural forms, so phrases written with ``%n``, ``(s)`` or
``[one|many]`` are marked as plurals here, keeping what was translated.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "fizzly_desktop"
TRANSLATIONS = PACKAGE / "resources" / "translations"
#: The languages shipped, as in fizzly_desktop/ui/i18n.py (English is the source).
LANGUAGES = ("de", "es", "zh_CN")
#: Plural forms per language, as Qt counts them (Chinese has one).
PLURAL_FORMS = {"de": 2, "es": 2, "zh_CN": 1}
SOURCES = [PACKAGE / "ui", PACKAGE / "core", PACKAGE / "app.py"]
_PLURAL = re.compile(r"%L?n|\((s|es)\)|\[[^|\[\]]*\|[^|\[\]]*\]")


def tool(name: str) -> str:
    """A Qt tool from the virtualenv beside this Python, else from PATH."""
    local = Path(sys.executable).with_name(name)
    found = str(local) if local.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} is missing: install PySide6 (pip install -e '.[dev]')")
    return found


def ts_file(language: str) -> Path:
    return TRANSLATIONS / f"fizzly_{language}.ts"


def update() -> None:
    """Extract every phrase into each language's .ts, dropping phrases no longer used."""
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    files = [
        str(p) for src in SOURCES for p in ([src] if src.is_file() else sorted(src.rglob("*.py")))
    ]
    for language in LANGUAGES:
        ts = ts_file(language)
        kept = plural_translations(ts) if ts.exists() else {}
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                "-no-obsolete",
                "-locations",
                "none",
                "-target-language",
                language,
                *files,
                "-ts",
                str(ts),
            ],
            check=True,
            cwd=ROOT,
        )
        mark_plurals(ts, PLURAL_FORMS[language], kept)


def plural_translations(ts: Path) -> dict[tuple[str, str], tuple[list[str], bool]]:
    """The plural forms of each plural phrase of a .ts file, and whether they are finished."""
    found = {}
    for context in ET.parse(ts).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if message.get("numerus") == "yes" and translation is not None:
                forms = [form.text or "" for form in translation.iter("numerusform")]
                finished = translation.get("type") != "unfinished"
                found[(name, message.findtext("source") or "")] = (forms, finished)
    return found


def mark_plurals(ts: Path, forms: int, kept: dict[tuple[str, str], tuple[list[str], bool]]) -> None:
    """Mark phrases with a count as plurals (``numerus``), with the forms translated before.

    lupdate, not seeing the plural, keeps one form of each and marks it unfinished: the forms
    and state read before it ran (``kept``) are put back.
    """
    tree = ET.parse(ts)
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            if not _PLURAL.search(source):
                continue
            translation = message.find("translation")
            assert translation is not None
            texts = [f.text or "" for f in translation.iter("numerusform")] or [
                translation.text or ""
            ]
            previous, finished = kept.get((name, source), (texts, False))
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            for index in range(forms):
                text = previous[min(index, len(previous) - 1)] if previous else ""
                ET.SubElement(translation, "numerusform").text = text
            message.set("numerus", "yes")
            if finished:
                translation.attrib.pop("type", None)
            else:
                translation.set("type", "unfinished")
    write_ts(tree, ts)


def write_ts(tree: ET.ElementTree, ts: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text(
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', encoding="utf-8"
    )


def compile_all() -> list[Path]:
    """Compile each .ts into the .qm the app loads."""
    compiled = []
    for language in LANGUAGES:
        ts = ts_file(language)
        qm = ts.with_suffix(".qm")
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        compiled.append(qm)
    return compiled


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compile", action="store_true", help="only compile .ts into .qm")
    options = parser.parse_args()
    if not options.compile:
        update()
    for qm in compile_all():
        print(f"{qm.relative_to(ROOT)}: {qm.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
