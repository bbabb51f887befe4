"""The library panel's parts: its More menu and the box that says why the list cannot be used."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QPushButton, QVBoxLayout, QWidget

from fizzly_desktop.ui.labels import plain_label


class LibraryMenu(QMenu):
    """What can be done to the selected workflow besides editing its inputs."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.rename_action = QAction("Rename…", self)
        self.refresh_action = QAction("Ask the server for its inputs again", self)
        self.import_action = QAction("Import a schema file…", self)
        self.example_action = QAction("Use an example of inputs…", self)
        self.remove_action = QAction("Remove from library", self)
        for action in (self.rename_action, self.refresh_action, self.import_action):
            self.addAction(action)
        self.addAction(self.example_action)
        self.addSeparator()
        self.addAction(self.remove_action)


class ProblemBox(QWidget):
    """Why the library cannot be used now (a rejected key, no server), in place of the list,
    with the button that fixes it; the presenter that shows it decides what the button does."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("LibraryProblem")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        self.label = plain_label(wrap=True)
        self.label.setAccessibleName("Why the workflows cannot be used")
        self.button = QPushButton()
        layout.addWidget(self.label)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        # In place of the list it takes the list's height: the words stay at the top.
        layout.addStretch(1)
        self.hide()
