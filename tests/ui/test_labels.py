"""plain_label: server and user text is shown as typed, with the options views ask for."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from fizzly_desktop.ui.labels import ElidedLabel, plain_label


def test_markup_is_shown_as_text(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    label = plain_label("<b>Failed</b> &amp; more", parent)
    assert label.parent() is parent
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == "<b>Failed</b> &amp; more"
    assert not label.wordWrap()
    assert label.foregroundRole() != QPalette.ColorRole.PlaceholderText
    assert not label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_wrap_muted_and_selectable(qtbot: QtBot) -> None:
    label = plain_label("run_abc123", wrap=True, muted=True, selectable=True)
    qtbot.addWidget(label)
    assert label.wordWrap()
    assert label.foregroundRole() == QPalette.ColorRole.PlaceholderText
    assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_an_elided_label_ends_in_an_ellipsis_never_mid_letter(qtbot: QtBot) -> None:
    label = ElidedLabel("3 of 10 runs done · 2 failed · 1,200 credits")
    qtbot.addWidget(label)
    label.resize(label.fontMetrics().horizontalAdvance("3 of 10 runs") + 4, 24)
    label.show()
    shown = label.shown_text()
    assert shown.endswith("…")
    assert "3 of 10 runs done".startswith(shown[:-1].rstrip())
    assert label.toolTip() == "3 of 10 runs done · 2 failed · 1,200 credits"
    assert label.minimumSizeHint().width() == 0
    label.resize(label.fontMetrics().horizontalAdvance(label.text()) + 10, 24)
    assert label.shown_text() == label.text()
    # What is drawn is the shown text (pixels change between the two widths).
    wide = label.grab().toImage()
    label.resize(40, 24)
    assert label.grab().toImage() != wide
