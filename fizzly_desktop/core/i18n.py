"""The translation hook for core's words: English by default, the UI's translator once set.

Core stays Qt-free: its user-visible phrases go through :func:`translate`, which the UI points
at ``QCoreApplication.translate`` at start-up (``ui/i18n.py``). Until then (logs, core's own
tests, the sandbox) the English source is used, with ``%n`` plurals resolved in English.
Phrases kept in constants are marked with :func:`QT_TRANSLATE_NOOP` so that
``pyside6-lupdate`` extracts them, and translated where they are shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: ``translate(context, source, disambiguation, n)``, as Qt's: ``n`` picks a plural form.
Translator = Callable[[str, str, str | None, int], str]

# "(s)", "(es)" after a word: the English plural, used when the count is not 1.
_PLURAL_SUFFIX = re.compile(r"\((s|es)\)")
# "this/these"-style alternatives written "[one|many]".
_ALTERNATIVE = re.compile(r"\[([^|\[\]]*)\|([^|\[\]]*)\]")


def english(_context: str, source: str, _disambiguation: str | None = None, n: int = -1) -> str:
    """The English source with its plural resolved: ``%n run(s)`` → ``1 run``, ``2 runs``."""
    if n < 0:
        return source
    one = n == 1
    text = _PLURAL_SUFFIX.sub("" if one else r"\1", source)
    text = _ALTERNATIVE.sub(lambda m: m.group(1) if one else m.group(2), text)
    return text.replace("%n", f"{n:,}")


_translator: Translator = english


def set_translator(translator: Translator | None) -> None:
    """Use ``translator`` for every phrase from now on (None: back to English)."""
    global _translator
    _translator = translator or english


def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``source`` in the user's language (``context`` is where it is used, for translators).

    Called as Qt's ``QCoreApplication.translate`` is, so that ``pyside6-lupdate`` finds it:
    ``translate("Queue", "%n run(s)", None, count)``.
    """
    return _translator(context, source, disambiguation, n)


def QT_TRANSLATE_NOOP(_context: str, source: str) -> str:
    """Mark ``source`` for extraction and keep it as is: translate it where it is shown."""
    return source


#: ``format_number(value, decimals)``: ``value`` with at most ``decimals`` decimals, grouped.
NumberFormat = Callable[[float, int], str]


def english_number(value: float, decimals: int = 0) -> str:
    """``1,234``, ``2.5``: grouped with commas, trailing zeros dropped."""
    if decimals <= 0:
        return f"{round(value):,}"
    return f"{value:,.{decimals}f}".rstrip("0").rstrip(".")


_number_format: NumberFormat = english_number


def set_number_format(number_format: NumberFormat | None) -> None:
    """Write numbers with ``number_format`` from now on (None: back to English)."""
    global _number_format
    _number_format = number_format or english_number


def format_number(value: float, decimals: int = 0) -> str:
    """``value`` as the user's locale writes it (the UI sets the locale's format)."""
    return _number_format(value, decimals)
