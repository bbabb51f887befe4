"""The shipped translations: complete, current with the code, faithful to their placeholders,
compiled, and loaded for the language chosen."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from fizzly_desktop.core import i18n as core_i18n
from fizzly_desktop.core.formatting import format_credits, plural_credits
from fizzly_desktop.core.runs import RunState
from fizzly_desktop.core.words import plural
from fizzly_desktop.ui import i18n

REPO = Path(__file__).resolve().parents[3]
PACKAGE = REPO / "fizzly_desktop"
LANGUAGES = ("de", "es", "zh_CN")
_PLACEHOLDER = re.compile(r"\{\w*\}|%n")


def messages(language: str) -> list[tuple[str, str, list[str], bool]]:
    """(context, source, translations, numerus) of each message of a language's .ts file."""
    tree = ET.parse(PACKAGE / "resources" / "translations" / f"fizzly_{language}.ts")
    found = []
    for context in tree.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            numerus = message.get("numerus") == "yes"
            forms = [f.text or "" for f in translation.iter("numerusform")] if numerus else []
            texts = forms if numerus else [translation.text or ""]
            unfinished = translation.get("type") in ("unfinished", "vanished", "obsolete")
            found.append(
                (name, message.findtext("source") or "", [] if unfinished else texts, numerus)
            )
    return found


def phrases_in_code() -> set[tuple[str, str]]:
    """(context, source) of every literal given to translate() or QT_TRANSLATE_NOOP()."""
    found = set()
    for path in [
        *(PACKAGE / "ui").rglob("*.py"),
        *(PACKAGE / "core").rglob("*.py"),
        PACKAGE / "app.py",
    ]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("translate", "QT_TRANSLATE_NOOP")
                and len(node.args) >= 2
                and all(isinstance(a, ast.Constant) for a in node.args[:2])
            ):
                context, source = (a.value for a in node.args[:2])  # type: ignore[attr-defined]
                found.add((context, source))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language: str) -> None:
    untranslated = [
        (c, s)
        for c, s, texts, _ in messages(language)
        if not texts or not all(t.strip() for t in texts)
    ]
    assert untranslated == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_ts_file_holds_every_phrase_of_the_code(language: str) -> None:
    # lupdate misses a phrase whose count is an expression: such a phrase would never translate.
    in_file = {(c, s) for c, s, _, _ in messages(language)}
    assert phrases_in_code() - in_file == set(), "run `make translations`"
    assert in_file - phrases_in_code() == set(), "run `make translations` (phrases gone)"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_their_placeholders(language: str) -> None:
    broken = []
    for context, source, texts, _ in messages(language):
        wanted = sorted(set(_PLACEHOLDER.findall(source)))
        for text in texts:
            if sorted(set(_PLACEHOLDER.findall(text))) != wanted:
                broken.append((context, source, text))
            if source.count("&") - 2 * source.count("&&") == 1 and "&" not in text:
                broken.append((context, source, text))  # the mnemonic is lost
    assert broken == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_file_is_current_and_loads(language: str, tmp_path: Path) -> None:
    qm = PACKAGE / "resources" / "translations" / f"fizzly_{language}.qm"
    translator = QTranslator()
    assert translator.load(str(qm)), f"{qm.name} is missing: run `make translations`"
    # Every message of the .ts comes out of the .qm as written there.
    for context, source, texts, numerus in messages(language):
        got = translator.translate(context, source, None, 1 if numerus else -1)
        expected = texts[0].replace("%n", "1") if numerus else texts[0]
        assert got.replace("%n", "1") == expected, (context, source)


@pytest.fixture
def german(qapp: object) -> object:
    translators = i18n.install_language("de")
    yield translators
    i18n.remove_language(translators)


def test_the_app_speaks_german_with_its_plurals_and_numbers(german: object) -> None:
    assert RunState.COMPLETED.label == "Fertig"
    assert plural(1, "run") == "1 Lauf"
    assert plural(3, "run") == "3 Läufe"
    assert plural(1200, "output") == "1.200 Ausgaben"
    assert format_credits(1234.5) == "1.234,5"
    assert plural_credits(2.5) == "2,5 Credits"
    assert plural_credits(1) == "1 Credit"
    assert i18n.translate("MainWindow", "&File") == "&Datei"
    moment = datetime(2026, 12, 6, 2, 28)
    assert i18n.format_moment(moment, i18n.translate("DateTime", "dd MMM HH:mm")) == (
        "06. Dez. 02:28"
    )
    # Qt's own buttons come translated too.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"


def test_english_is_the_source_with_resolved_plurals(qapp: object) -> None:
    translators = i18n.install_language("en")
    try:
        assert plural(1, "run") == "1 run"
        assert plural(2, "batch") == "2 batches"
        assert i18n.translate("SweepTab", "%n run(s)", None, 1) == "1 run"
        assert i18n.translate("SweepTab", "%n run(s)", None, 4) == "4 runs"
        assert QLocale().toString(1234) == "1,234"
    finally:
        i18n.remove_language(translators)
    assert core_i18n.translate("RunState", "Done") == "Done"


def test_the_language_follows_the_system_unless_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(i18n.LANGUAGE_ENV, raising=False)
    assert i18n.system_language(QLocale("de_AT")) == "de"
    assert i18n.system_language(QLocale("es_MX")) == "es"
    assert i18n.system_language(QLocale("zh_CN")) == "zh_CN"
    assert i18n.system_language(QLocale("fr_FR")) == "en"
    assert i18n.resolve_language(None, "es") == "es"
    assert i18n.resolve_language("de", "es") == "de"
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "pseudo")
    assert i18n.resolve_language(None, "es") == "pseudo"
    monkeypatch.setenv(i18n.LANGUAGE_ENV, "xx")  # not shipped: the next choice
    assert i18n.resolve_language(None, "zh_CN") == "zh_CN"


def test_view_language_remembers_the_choice_for_the_next_start(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(i18n.LANGUAGE_ENV, raising=False)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMenu

    from fizzly_desktop.ui.shell.language_menu import add_language_menu

    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    notes: list[str] = []
    menu = QMenu()
    submenu = add_language_menu(menu, settings, "en", notes.append)
    names = [action.text() for action in submenu.actions()]
    assert names == ["System Default", "English", "Deutsch", "Español", "简体中文"]
    assert submenu.actions()[0].isChecked()  # nothing chosen yet: the system's
    submenu.actions()[2].trigger()
    assert i18n.saved_language(settings) == "de"
    assert notes == ["The language changes the next time you start Fizzly Desktop."]
    assert i18n.resolve_language(None, i18n.saved_language(settings)) == "de"
    submenu.actions()[1].trigger()  # back to the language in use: nothing to say
    assert i18n.saved_language(settings) == "en"
    assert len(notes) == 1


def test_the_command_line_offers_the_shipped_languages() -> None:
    from fizzly_desktop.app import LANGUAGE_CODES, build_parser

    assert set(LANGUAGE_CODES) == {*i18n.LANGUAGES, i18n.PSEUDO}
    assert build_parser().parse_args(["--language", "zh_CN"]).language == "zh_CN"
    with pytest.raises(SystemExit):  # argparse says which codes there are
        build_parser().parse_args(["--language", "fr"])
