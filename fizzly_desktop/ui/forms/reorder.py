"""The up/down buttons that move the selected entry of a list one place earlier or later."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QPushButton, QSizePolicy, QToolButton, QWidget

from fizzly_desktop.ui.i18n import translate


class ReorderButtons(QWidget):
    """Move up and Move down, stacked or side by side, as arrows or as words.

    Signals:
        move_requested(int): -1 for up, 1 for down; the owner moves its selected entry.
    """

    move_requested = Signal(int)

    def __init__(
        self,
        orientation: Qt.Orientation = Qt.Orientation.Vertical,
        *,
        words: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.up_button: QToolButton | QPushButton
        self.down_button: QToolButton | QPushButton
        if words:
            self.up_button = QPushButton(translate("ReorderButtons", "Move up"), self)
            self.down_button = QPushButton(translate("ReorderButtons", "Move down"), self)
        else:
            self.up_button = QToolButton(self)
            self.up_button.setText("↑")
            self.up_button.setToolTip(translate("ReorderButtons", "Move up"))
            self.down_button = QToolButton(self)
            self.down_button.setText("↓")
            self.down_button.setToolTip(translate("ReorderButtons", "Move down"))
        direction = (
            QBoxLayout.Direction.TopToBottom
            if orientation == Qt.Orientation.Vertical
            else QBoxLayout.Direction.LeftToRight
        )
        layout = QBoxLayout(direction, self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for button in (self.up_button, self.down_button):
            if orientation == Qt.Orientation.Vertical:
                button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            layout.addWidget(button)
        self.up_button.clicked.connect(self._on_up_clicked)
        self.down_button.clicked.connect(self._on_down_clicked)

    def set_moves_enabled(self, up: bool, down: bool) -> None:
        """Grey out a direction the selected entry cannot go."""
        self.up_button.setEnabled(up)
        self.down_button.setEnabled(down)

    def _on_up_clicked(self) -> None:
        self.move_requested.emit(-1)

    def _on_down_clicked(self) -> None:
        self.move_requested.emit(1)
