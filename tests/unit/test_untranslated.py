"""No user-visible phrase in ui/ bypasses the translator: literals given to widgets are wrapped.

Walks the syntax of every ui/ module for string literals (and f-strings) passed straight to the
calls that put text on screen (labels, buttons, actions, titles, tooltips, messages, accessible
names...). Each must come through ``translate("Context", ...)``; the few that are not words
(symbols, a brand, a key's shape) are allowed below, by file and text.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "fizzly_desktop" / "ui"

#: Calls whose text arguments are shown to the user (by method or class name).
SHOWN = {
    "setText", "setToolTip", "setStatusTip", "setWhatsThis", "setWindowTitle", "setTitle",
    "setPlaceholderText", "setAccessibleName", "setAccessibleDescription", "setLabelText",
    "setSuffix", "setPrefix", "setSpecialValueText", "setInformativeText", "setDetailedText",
    "showMessage", "show_message", "addTab", "insertTab", "setTabText", "setTabToolTip",
    "addMenu", "addAction", "addItem", "addItems", "addRow", "setHeaderLabels",
    "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "QLabel", "QPushButton",
    "QToolButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QMenu",
    "information", "question", "critical", "about", "getText", "getItem", "getOpenFileName",
    "getSaveFileName", "getExistingDirectory", "plain_label", "setButtonText",
}  # fmt: skip

#: (file relative to ui/, literal text): not words to translate.
ALLOWED = {
    ("forms/colors.py", "#rrggbb"),  # the shape of a colour value, as typed
    ("queue/attach_dialog.py", "run_abc123"),  # the shape of a request ID
    ("profiles/widgets.py", "fiz_…"),  # the shape of a key, as the keys page writes it
}

_WORDS = re.compile(r"[A-Za-z]{2}")


def _name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else None


def _text(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    return None


def untranslated(path: Path) -> list[str]:
    """``line: text`` of each literal in ``path`` shown without going through the translator."""
    found = []
    relative = path.relative_to(UI).as_posix()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or _name(node) not in SHOWN:
            continue
        if _name(node) == "warning" or (
            isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in ("log", "logger")
        ):
            continue
        args: list[ast.expr] = [*node.args, *(k.value for k in node.keywords)]
        for arg in list(args):
            if isinstance(arg, (ast.List, ast.Tuple)):
                args.extend(arg.elts)
        for arg in args:
            text = _text(arg)
            if text is None or not _WORDS.search(text) or (relative, text) in ALLOWED:
                continue
            found.append(f"{relative}:{arg.lineno}: {text!r}")
    return found


def test_every_shown_literal_goes_through_the_translator() -> None:
    found = [hit for path in sorted(UI.rglob("*.py")) for hit in untranslated(path)]
    assert found == [], "wrap these in translate(...):\n" + "\n".join(found)


def test_the_check_finds_a_bare_literal(tmp_path: Path) -> None:
    # The check must be able to fail: a bare label text is found, a wrapped one is not.
    sample = UI / "_sample_for_check.py"
    try:
        sample.write_text(
            'label.setText("Hello there")\nlabel.setText(translate("X", "Hello there"))\n'
            'QPushButton(f"Run {name}")\n',
            encoding="utf-8",
        )
        assert untranslated(sample) == [
            "_sample_for_check.py:1: 'Hello there'",
            "_sample_for_check.py:3: 'Run '",
        ]
    finally:
        sample.unlink()
