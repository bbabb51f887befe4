"""The "Attach to a Run…" dialog: a request ID and its workflow, checked with the server.

Signals:
    attach_requested(str workflow, str request_id): the user asked to attach; the presenter
    answers with :meth:`AttachDialog.show_problem` or closes the dialog.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.ui.colors import Tone
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.tones import set_tone


class AttachDialog(QDialog):
    attach_requested = Signal(str, str)

    def __init__(self, workflows: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("AttachDialog", "Attach to a Run"))
        intro = QLabel(
            translate(
                "AttachDialog",
                "Follow a run sent from elsewhere (another computer, a script, a "
                "webhook log): paste its request ID and choose its workflow. The "
                "server is asked first; its inputs stay unknown here.",
            )
        )
        intro.setWordWrap(True)
        self.request_id = QLineEdit()
        self.request_id.setPlaceholderText("run_abc123")
        self.request_id.setAccessibleName(translate("AttachDialog", "Request ID"))
        self.workflow = QComboBox()
        self.workflow.setEditable(True)
        self.workflow.setAccessibleName(translate("AttachDialog", "Workflow"))
        self.workflow.addItems(list(workflows))
        self.workflow.setToolTip(translate("AttachDialog", "owner/workflow, as in the library"))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        set_tone(self.problem, Tone.ERROR)
        self.problem.hide()
        form = QFormLayout()
        form.addRow(translate("AttachDialog", "&Request ID:"), self.request_id)
        form.addRow(translate("AttachDialog", "&Workflow:"), self.workflow)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.attach_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.attach_button.setText(translate("AttachDialog", "Attach"))
        self.buttons.accepted.connect(self._on_attach)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def _on_attach(self) -> None:
        self.problem.hide()
        self.attach_button.setEnabled(False)
        self.attach_button.setText(translate("AttachDialog", "Asking the server…"))
        self.attach_requested.emit(self.workflow.currentText(), self.request_id.text())

    def show_problem(self, text: str) -> None:
        """Say why the run cannot be attached; the dialog stays open to fix it."""
        self.problem.setText(text)
        self.problem.show()
        self.attach_button.setEnabled(True)
        self.attach_button.setText(translate("AttachDialog", "Attach"))
