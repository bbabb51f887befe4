"""No colour is spelled out in ui/ but in its one module of named colours (``ui/colors.py``).

A colour written into a widget or a painter looks right in one scheme and breaks in the other:
dark red text on a dark window, a white band on a white picture. Everything else paints with
palette roles or asks ``ui/colors.py`` for a colour against its background.
"""

from __future__ import annotations

import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "fizzly_desktop" / "ui"
NAMED_COLOURS = UI / "colors.py"

_CSS_NAMES = "white|black|red|green|blue|gray|grey|yellow|orange|purple|pink|brown|silver"
#: What a hard-coded colour looks like in Python and in Qt style sheets.
PATTERNS = {
    "a hex colour": re.compile(
        r"""(?<![\w&])#(?:[0-9A-Fa-f]{3}){1,2}(?:[0-9A-Fa-f]{2})?\b(?!\s*=)"""
    ),
    "QColor from numbers": re.compile(r"QColor\(\s*\d"),
    "QColor from a name": re.compile(r"""QColor\(\s*["'](?!#["'])"""),
    "a Qt global colour": re.compile(
        r"(?:GlobalColor\.|Qt\.)(?!transparent\b)(?:"
        + _CSS_NAMES
        + r"|dark\w+|light\w+|cyan|magenta)\b"
    ),
    "rgb() in a style sheet": re.compile(r"\brgba?\("),
    "a named colour in a style sheet": re.compile(
        r"(?:color|background|border[\w-]*)\s*:[^;\"']*\b(?:" + _CSS_NAMES + r")\b"
    ),
}


#: Marks a line whose colour is the user's data, not the app's look (a colour input's example).
DATA_MARK = "# a colour as data"


def hard_coded_colours(text: str) -> list[str]:
    """``line: what`` for each hard-coded colour in ``text`` (comments are left out)."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.rstrip().endswith(DATA_MARK):
            continue
        code = line.split("#", 1)[0] if line.lstrip().startswith("#") else line
        code = re.sub(r"\s+#\s.*$", "", code)  # a trailing comment
        for what, pattern in PATTERNS.items():
            if pattern.search(code):
                found.append(f"{number}: {what}: {line.strip()}")
    return found


def test_no_colour_is_spelled_out_in_ui_outside_the_named_colours() -> None:
    offenders = {
        path.relative_to(UI.parent.parent).as_posix(): found
        for path in sorted(UI.rglob("*.py"))
        if path != NAMED_COLOURS and (found := hard_coded_colours(path.read_text("utf-8")))
    }
    assert not offenders, "\n".join(f"{p}\n  " + "\n  ".join(f) for p, f in offenders.items())


def test_the_named_colours_module_exists_and_the_scan_finds_colours_in_it() -> None:
    assert len(hard_coded_colours(NAMED_COLOURS.read_text("utf-8"))) > 20


def test_the_scan_finds_every_kind_of_hard_coded_colour() -> None:
    caught = [
        'ERROR = QColor("#c62828")',
        "painter.setBrush(QColor(0, 0, 0, 140))",
        'pen = QColor("darkred")',
        "palette.setColor(QPalette.ColorRole.WindowText, Qt.GlobalColor.darkRed)",
        "painter.setPen(Qt.white)",
        'label.setStyleSheet("color: #333;")',
        'label.setStyleSheet("background-color: rgba(0, 0, 0, 0.5)")',
        'frame.setStyleSheet("border: 1px solid gray")',
    ]
    for line in caught:
        assert hard_coded_colours(line), line
    allowed = [
        "pixmap.fill(Qt.GlobalColor.transparent)",
        'self.setObjectName("BatchDropZone")',
        'f"#BatchDropZone {{ border: {width}px dashed {border}; }}"',
        'hex_edit.setPlaceholderText("#rrggbb")',
        'QColor("#" + match.group(1))',
        "color = QColor(self.palette().color(QPalette.ColorRole.Highlight))",
        "# a comment about #c62828",
        'swatch.setStyleSheet(f"background-color: {self._color.name()};")',
        "Tone.ERROR  # was dark red",
        'return "a colour code such as #ff8800."  ' + DATA_MARK,
    ]
    for line in allowed:
        assert not hard_coded_colours(line), line
