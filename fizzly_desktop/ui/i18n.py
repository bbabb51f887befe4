"""The app's language: Qt's translators for the chosen one, the pseudo-language, and ``translate``.

Every phrase the window shows goes through :func:`translate` (Qt's ``QCoreApplication.translate``
under a name ``pyside6-lupdate`` extracts), with the class or module that shows it as context.
The language follows the system unless one is chosen (View ▸ Language, ``--language`` or
``FIZZLY_DESKTOP_LANGUAGE``); it applies from the next start. ``pseudo`` is for development:
every phrase accented and 40 % longer, so clipped labels and overflowing layouts show up.
Server text (errors, node names, workflow names) is shown as sent and never goes through here.
"""

from __future__ import annotations

import logging
import os
import re
from datetime import datetime

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
)

from fizzly_desktop.core import i18n as core_i18n
from fizzly_desktop.resources import resources_dir

log = logging.getLogger(__name__)

#: The languages the app ships, by code, each named in its own language.
LANGUAGES: dict[str, str] = {
    "en": "English",
    "de": "Deutsch",
    "es": "Español",
    "zh_CN": "简体中文",
}
#: The development language: accented, 40 % longer phrases (not offered in the menu).
PSEUDO = "pseudo"
#: The environment variable that picks a language for one start (as ``--language`` does).
LANGUAGE_ENV = "FIZZLY_DESKTOP_LANGUAGE"
# The default locale before each install_language, put back by remove_language.
_locales_before: list[QLocale] = []
#: Where the chosen language is remembered, in the window's settings.
LANGUAGE_KEY = "language"


def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``source`` in the user's language; ``n`` picks the plural of a ``%n`` phrase.

    Phrases are written in English with ``(s)`` plurals (``%n run(s)``); where no translation
    is loaded the English is resolved for ``n`` (``1 run``, ``2 runs``).
    """
    text = QCoreApplication.translate(context, source, disambiguation, n)
    if n >= 0 and text == source.replace("%n", str(n)):
        return core_i18n.english(context, source, disambiguation, n)
    return text


def format_moment(moment: datetime, pattern: str) -> str:
    """``moment`` (local time) written with a Qt date ``pattern`` in the app's locale.

    Month names come in the user's language; a pattern that orders day and month is itself
    translated (``translate("DateTime", "dd MMM HH:mm")``), as each language orders them.
    """
    stamp = QDateTime.fromMSecsSinceEpoch(round(moment.timestamp() * 1000))
    return QLocale().toString(stamp, pattern)


def translations_dir() -> str:
    """The folder of the compiled ``fizzly_<language>.qm`` files (package data)."""
    return str(resources_dir() / "translations")


def resolve_language(requested: str | None, saved: str | None = None) -> str:
    """The language to use: asked for this start, else remembered, else the system's.

    Returns a code of :data:`LANGUAGES`, or :data:`PSEUDO`; a system language the app does not
    ship falls back to English (a Chinese variant other than Simplified too).
    """
    for choice in (requested, os.environ.get(LANGUAGE_ENV), saved):
        if choice and (choice in LANGUAGES or choice == PSEUDO):
            return choice
        if choice:
            log.warning("There is no %r translation; using the next choice", choice)
    return system_language()


def system_language(locale: QLocale | None = None) -> str:
    """The shipped language closest to the system's (``de_AT`` → ``de``, ``zh_SG`` → ``zh_CN``)."""
    locale = locale or QLocale.system()
    for name in locale.uiLanguages():
        code = name.replace("-", "_")
        if code.startswith("zh"):
            if "Hant" in code or code in ("zh_TW", "zh_HK", "zh_MO"):
                continue
            return "zh_CN"
        base = code.split("_")[0]
        if base in LANGUAGES:
            return base
    return "en"


def saved_language(settings: QSettings) -> str:
    """The language chosen in View ▸ Language ("" for the system's)."""
    value = settings.value(LANGUAGE_KEY, "")
    return value if isinstance(value, str) else ""


def install_language(language: str, app: QCoreApplication | None = None) -> list[QTranslator]:
    """Load the translators of ``language`` into ``app`` and format numbers the same way.

    Returns the translators installed (keep them referenced as long as the app runs).
    """
    app = app or QCoreApplication.instance()
    installed: list[QTranslator] = []
    if app is None:
        return installed
    _locales_before.append(QLocale())
    if language == PSEUDO:
        installed.append(PseudoTranslator(app))
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    elif language != "en":
        QLocale.setDefault(QLocale(language))
        qt_translator = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_translator.load(f"qtbase_{language}", qt_dir):
            installed.append(qt_translator)
        own = QTranslator(app)
        if own.load(f"fizzly_{language}", translations_dir()):
            installed.append(own)
        else:
            log.warning("The %s translation is missing from %s", language, translations_dir())
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    for translator in installed:
        app.installTranslator(translator)
    core_i18n.set_translator(translate)
    core_i18n.set_number_format(locale_number)
    return installed


def locale_number(value: float, decimals: int = 0) -> str:
    """``value`` as the app's locale writes it, trailing decimal zeros dropped (core's hook)."""
    locale = QLocale()
    if decimals <= 0:
        return locale.toString(round(value))
    text = locale.toString(float(value), "f", decimals)
    point = locale.decimalPoint()
    return text.rstrip("0").rstrip(point) if point in text else text


def remove_language(translators: list[QTranslator]) -> None:
    """Undo :func:`install_language` (tests switch languages within one process)."""
    app = QCoreApplication.instance()
    for translator in translators:
        if app is not None:
            app.removeTranslator(translator)
    QLocale.setDefault(_locales_before.pop() if _locales_before else QLocale.system())
    core_i18n.set_translator(None)
    core_i18n.set_number_format(None)


# --- pseudo-localisation ---------------------------------------------------------------------

_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
# What must stay as written: placeholders, %n/%1, markup, entities and a mnemonic's letter.
_KEEP = re.compile(r"\{[^{}]*\}|%L?n|%\d+|<[^>]*>|&[a-zA-Z]+;|&.")
#: How much longer a pseudo phrase is than its source (German runs about this much longer).
PSEUDO_GROWTH = 0.4


def pseudo(source: str) -> str:
    """``Run`` → ``[Ŕûñ ·]``: accented, 40 % longer, bracketed to show where it was cut."""
    if not source.strip():
        return source
    parts: list[str] = []
    last = 0
    for match in _KEEP.finditer(source):
        parts.append(source[last : match.start()].translate(_ACCENTED))
        parts.append(match.group())
        last = match.end()
    parts.append(source[last:].translate(_ACCENTED))
    text = "".join(parts)
    lines = text.split("\n")
    padded = [_pad(line) for line in lines]
    return "\n".join(padded)


def _pad(line: str) -> str:
    if not line.strip():
        return line
    extra = max(1, round(len(line) * PSEUDO_GROWTH) - 2)
    return f"[{line} {'·' * (extra - 1)}]" if extra > 1 else f"[{line}]"


class PseudoTranslator(QTranslator):
    """Translates every phrase into the pseudo-language, generated as asked (no file)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return pseudo(core_i18n.english(context, source_text, disambiguation, n))

    def isEmpty(self) -> bool:
        return False
