"""The banner over the queue that says which batch is paused or cannot send, with its buttons.

Signals:
    resume_requested(str): Resume for the batch shown (its id).
    cancel_requested(str): Cancel batch for the batch shown.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.labels import plain_label


class BatchBanner(QFrame):
    """One line about one held batch (and how many more there are); hidden when none is."""

    resume_requested = Signal(str)
    cancel_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("BatchBanner", "Paused batch"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.backgroundRole().AlternateBase)
        self._batch_id: str | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = plain_label(wrap=True, selectable=True)
        self.resume_button = QPushButton(translate("BatchBanner", "Resume"))
        self.resume_button.setAccessibleName(translate("BatchBanner", "Resume batch"))
        self.cancel_button = QPushButton(translate("BatchBanner", "Cancel batch"))
        self.cancel_button.setAccessibleName(translate("BatchBanner", "Cancel batch"))
        layout.addWidget(self.label, 1)
        layout.addWidget(self.resume_button)
        layout.addWidget(self.cancel_button)
        self.resume_button.clicked.connect(self._on_resume_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.setVisible(False)

    @property
    def batch_id(self) -> str | None:
        return self._batch_id

    def show_batch(self, batch_id: str, text: str, *, can_resume: bool) -> None:
        self._batch_id = batch_id
        self.label.setText(text)
        self.resume_button.setVisible(can_resume)
        self.setVisible(True)

    def clear(self) -> None:
        self._batch_id = None
        self.setVisible(False)

    def _on_resume_clicked(self) -> None:
        if self._batch_id is not None:
            self.resume_requested.emit(self._batch_id)

    def _on_cancel_clicked(self) -> None:
        if self._batch_id is not None:
            self.cancel_requested.emit(self._batch_id)
