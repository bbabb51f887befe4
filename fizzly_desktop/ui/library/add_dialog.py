"""The "Add workflow" dialog: a name or address, and where the workflow's inputs come from."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP
from fizzly_desktop.core.library import (
    WorkflowRefError,
    default_display_name,
    parse_workflow_ref,
)
from fizzly_desktop.core.schema import InputSchema, SchemaError
from fizzly_desktop.ui.colors import Tone
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.labels import plain_label
from fizzly_desktop.ui.tones import set_tone

AddSource = Literal["server", "file", "example", "editor"]


class AddWorkflowDialog(QDialog):
    """Asks which workflow to add (name or URL), what to call it, and where its inputs come from."""

    SOURCES: tuple[tuple[AddSource, str], ...] = (
        ("server", QT_TRANSLATE_NOOP("AddWorkflowDialog", "Ask the server")),
        (
            "file",
            QT_TRANSLATE_NOOP("AddWorkflowDialog", "Import a schema file (JSON Schema or OpenAPI)"),
        ),
        (
            "example",
            QT_TRANSLATE_NOOP("AddWorkflowDialog", "Paste an example of the inputs (JSON)"),
        ),
        ("editor", QT_TRANSLATE_NOOP("AddWorkflowDialog", "Set up the inputs myself")),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("AddWorkflowDialog", "Add a workflow"))
        self.setMinimumWidth(520)
        self.ref_edit = QLineEdit()
        self.ref_edit.setPlaceholderText(
            translate("AddWorkflowDialog", "owner/slug, or paste the workflow's address")
        )
        self.ref_feedback = plain_label()
        self.ref_feedback.setWordWrap(True)
        self.ref_feedback.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(translate("AddWorkflowDialog", "Shown in the sidebar"))

        self.source_group = QButtonGroup(self)
        sources = QVBoxLayout()
        sources.setSpacing(4)
        self.source_buttons: dict[AddSource, QRadioButton] = {}
        for index, (key, text) in enumerate(self.SOURCES):
            button = QRadioButton(translate("AddWorkflowDialog", text))
            self.source_group.addButton(button, index)
            self.source_buttons[key] = button
            sources.addWidget(button)
        self.source_buttons["server"].setChecked(True)

        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText(translate("AddWorkflowDialog", "A .json file"))
        browse = QPushButton(translate("AddWorkflowDialog", "Browse…"))
        browse.clicked.connect(self._on_browse_clicked)
        file_row = QWidget()
        file_layout = QHBoxLayout(file_row)
        file_layout.setContentsMargins(0, 0, 0, 0)
        file_layout.addWidget(self.file_edit, 1)
        file_layout.addWidget(browse)
        # An OpenAPI document with several operations: the user says which one to run.
        self.operation_combo = QComboBox()
        self.operation_combo.setAccessibleName(translate("AddWorkflowDialog", "Operation"))
        self.operation_row = QWidget()
        operation_layout = QHBoxLayout(self.operation_row)
        operation_layout.setContentsMargins(0, 0, 0, 0)
        operation_layout.addWidget(QLabel(translate("AddWorkflowDialog", "Operation:")))
        operation_layout.addWidget(self.operation_combo, 1)
        self.operation_row.hide()
        file_page = QWidget()
        file_column = QVBoxLayout(file_page)
        file_column.setContentsMargins(0, 0, 0, 0)
        file_column.addWidget(file_row)
        file_column.addWidget(self.operation_row)
        self.file_edit.textChanged.connect(self._on_file_changed)
        self.example_edit = QPlainTextEdit()
        self.example_edit.setPlaceholderText(
            translate("AddWorkflowDialog", '{"prompt": "A red fox in the snow", "seed": 42}')
        )
        self.example_edit.setMinimumHeight(110)
        self.details = QStackedWidget()
        self.details.addWidget(
            self._note(
                translate(
                    "AddWorkflowDialog",
                    "The server is asked for the inputs. If it does not describe them, the "
                    "workflow starts with a prompt and a seed, and you can change them "
                    "later.",
                )
            )
        )
        self.details.addWidget(file_page)
        self.details.addWidget(self.example_edit)
        self.details.addWidget(
            self._note(
                translate(
                    "AddWorkflowDialog",
                    "After adding, a field editor opens to list the inputs one by one.",
                )
            )
        )

        self.problem = plain_label()
        self.problem.setWordWrap(True)
        set_tone(self.problem, Tone.ERROR)
        self.problem.hide()

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(translate("AddWorkflowDialog", "Workflow:"), self.ref_edit)
        form.addRow("", self.ref_feedback)
        form.addRow(translate("AddWorkflowDialog", "Name:"), self.name_edit)
        form.addRow(translate("AddWorkflowDialog", "Inputs:"), sources)
        form.addRow("", self.details)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("AddWorkflowDialog", "Add")
        )
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.ref_edit.textChanged.connect(self._on_ref_changed)
        self.source_group.idToggled.connect(self._on_source_toggled)
        self._on_ref_changed("")

    @staticmethod
    def _note(text: str) -> QLabel:
        label = plain_label(text)
        label.setWordWrap(True)
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        return label

    def source(self) -> AddSource:
        for key, button in self.source_buttons.items():
            if button.isChecked():
                return key
        return "server"

    def set_source(self, source: AddSource) -> None:
        self.source_buttons[source].setChecked(True)

    def payload(self) -> str | None:
        """The file path or the example text that goes with the chosen source."""
        source = self.source()
        if source == "file":
            return self.file_edit.text().strip()
        if source == "example":
            return self.example_edit.toPlainText()
        return None

    def operation(self) -> str | None:
        """The OpenAPI operation (its path) chosen for a file that has several, or None."""
        if self.source() != "file" or self.operation_row.isHidden():
            return None
        data = self.operation_combo.currentData()
        return data if isinstance(data, str) else None

    def _on_file_changed(self, text: str) -> None:
        path = Path(text.strip()) if text.strip() else None
        operations = (
            InputSchema.operations_in_file(path) if path is not None and path.is_file() else []
        )
        self.operation_combo.clear()
        for where, words in operations:
            self.operation_combo.addItem(f"{words} ({where})" if words else where, where)
        self.operation_row.setVisible(len(operations) > 1)

    def _on_source_toggled(self, index: int, checked: bool) -> None:
        if checked:
            self.details.setCurrentIndex(index)

    def _on_ref_changed(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            owner, slug = parse_workflow_ref(text)
        except WorkflowRefError as exc:
            self.ref_feedback.setText(
                str(exc)
                if text.strip()
                else translate("AddWorkflowDialog", "e.g. demo/text-to-image")
            )
            ok.setEnabled(False)
            return
        self.ref_feedback.setText(
            translate("AddWorkflowDialog", "Workflow {owner}/{slug}").format(owner=owner, slug=slug)
        )
        self.name_edit.setPlaceholderText(default_display_name(slug))
        ok.setEnabled(True)

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("AddWorkflowDialog", "Import a schema"),
            "",
            translate("AddWorkflowDialog", "JSON files (*.json);;All files (*)"),
        )
        if path:
            self.file_edit.setText(path)

    def check(self) -> str | None:
        """What is missing or wrong before the workflow can be added, or None."""
        try:
            parse_workflow_ref(self.ref_edit.text())
        except WorkflowRefError as exc:
            return str(exc)
        source = self.source()
        if source == "file":
            path = self.payload() or ""
            if not path:
                return translate("AddWorkflowDialog", "Choose the schema file to import.")
            try:
                InputSchema.from_file(Path(path), self.operation())
            except SchemaError as exc:
                return str(exc)
        if source == "example":
            try:
                InputSchema.from_example_text(self.payload() or "")
            except SchemaError as exc:
                return str(exc)
        return None

    def _on_accept(self) -> None:
        problem = self.check()
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        self.accept()
