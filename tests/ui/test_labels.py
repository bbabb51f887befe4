"""plain_label: server and user text is shown as typed, with the options views ask for."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from fizzly_desktop.ui.labels import plain_label


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
