"""The library panel's box that says why the list cannot be used, or how to fill it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.labels import plain_label


class ProblemBox(QWidget):
    """Why the library cannot be used now (a rejected key, no server), in place of the list,
    with the button that fixes it; the presenter that shows it decides what the button does."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("LibraryProblem")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        self.label = plain_label(wrap=True)
        self.label.setAccessibleName(translate("ProblemBox", "Why the workflows cannot be used"))
        self.button = QPushButton()
        layout.addWidget(self.label)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        # In place of the list it takes the list's height: the words stay at the top.
        layout.addStretch(1)
        self.hide()
