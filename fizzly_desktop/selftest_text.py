"""The self-test's check of Qt's text services: sorting, time-zone names and legacy encodings.

On Linux Qt answers these from ICU's data, which the packaged app carries cut down to the parts
Qt reads (packaging/icu_data.py). This check proves the cut kept them: the file dialog's sorting
(German and natural number order), a time zone's localized name, and a legacy encoding Qt can
decode pasted or dropped text from. Without the data each falls back visibly: code-point order,
an empty name, an unknown encoding.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone

# How a German reader sorts: umlauts with their letter, case not before letters.
GERMAN_WORDS = ["Zebra", "Bär", "apfel", "Äpfel"]
GERMAN_ORDER = ["apfel", "Äpfel", "Bär", "Zebra"]
# How a file dialog sorts numbered files.
NUMBERED_FILES = ["take10.mp4", "take2.mp4", "take1.mp4"]
NUMBERED_ORDER = ["take1.mp4", "take2.mp4", "take10.mp4"]
ZONE = b"Europe/Berlin"


class TextServicesFailed(Exception):
    """Qt's text services gave a wrong answer; the message says which."""


def _sorted(words: list[str], collator: QCollator) -> list[str]:
    result: list[str] = []
    for word in words:
        at = next((i for i, w in enumerate(result) if collator.compare(word, w) < 0), len(result))
        result.insert(at, word)
    return result


def check_text_services() -> str:
    """Qt sorts, names a time zone and knows a legacy encoding; a summary of what it saw."""
    german = _sorted(GERMAN_WORDS, QCollator(QLocale("de_DE")))
    if german != GERMAN_ORDER:
        raise TextServicesFailed(f"German words sort as {german} (collation data missing?)")
    natural = QCollator(QLocale("en_US"))
    natural.setNumericMode(True)
    numbered = _sorted(NUMBERED_FILES, natural)
    if numbered != NUMBERED_ORDER:
        raise TextServicesFailed(f"numbered files sort as {numbered} (collation data missing?)")
    seen = ["sorts German words and numbered files"]

    zone = QTimeZone(ZONE)
    if zone.isValid():
        name = zone.displayName(
            QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale("de_DE")
        )
        if not name or name.startswith(("GMT", "UTC")):
            raise TextServicesFailed(f"{ZONE.decode()} has no German name ({name!r})")
        seen.append(f"names {ZONE.decode()} {name!r}")
    else:
        seen.append("no time-zone database on this system: zone names not checked")

    # Qt's wheels take legacy encodings from ICU on Linux only (Windows and macOS use the OS).
    if sys.platform.startswith("linux"):
        decoder = QStringDecoder("Shift_JIS")
        if not decoder.isValid():
            raise TextServicesFailed("Qt does not know the Shift_JIS encoding (ICU data missing?)")
        seen.append(f"knows {len(QStringDecoder.availableCodecs())} encodings")
    return ", ".join(seen)
