"""Named presets of a workflow's inputs: save the form's values, apply them later, delete them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP
from fizzly_desktop.core.library import LibraryError, WorkflowEntry, WorkflowLibrary
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.labels import plain_label

if TYPE_CHECKING:
    from fizzly_desktop.ui.forms.schema_form import SchemaForm


class PresetBar(QWidget):
    """A row above the form: pick a preset to fill the form; save the form as one; delete one."""

    PLACEHOLDER = QT_TRANSLATE_NOOP("PresetBar", "Presets…")

    def __init__(self, library: WorkflowLibrary, workflow: WorkflowEntry, form: SchemaForm) -> None:
        super().__init__(form)
        self.library = library
        self.workflow = workflow
        self.form = form
        self.combo = QComboBox()
        self.combo.setMinimumWidth(200)
        self.combo.setAccessibleName(translate("PresetBar", "Presets"))
        self.save_button = QPushButton(translate("PresetBar", "Save as preset…"))
        self.delete_button = QPushButton(translate("PresetBar", "Delete"))
        self.delete_button.setToolTip(translate("PresetBar", "Delete the chosen preset"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 0)
        layout.addWidget(plain_label(translate("PresetBar", "Preset:")))
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.save_button)
        layout.addWidget(self.delete_button)
        self.combo.activated.connect(self._on_combo_activated)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.refresh()

    def names(self) -> list[str]:
        return self.library.presets(self.workflow.owner, self.workflow.slug)

    def refresh(self, current: str | None = None) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(translate("PresetBar", self.PLACEHOLDER))
        for name in self.names():
            self.combo.addItem(name)
        index = self.combo.findText(current) if current else 0
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)
        self.delete_button.setEnabled(self.combo.currentIndex() > 0)

    def save_preset(self, name: str) -> None:
        """Save the form's current values under ``name`` (random seeds stay random)."""
        self.library.save_preset(self.workflow.owner, self.workflow.slug, name, self.form.values())
        self.refresh(name.strip())

    def apply_preset(self, name: str) -> list[str]:
        """Fill the form with a preset; returns the preset's inputs the form has no field for."""
        values = self.library.preset(self.workflow.owner, self.workflow.slug, name)
        unknown = self.form.set_values(values)
        self.refresh(name)
        return unknown

    def delete_preset(self, name: str) -> None:
        self.library.delete_preset(self.workflow.owner, self.workflow.slug, name)
        self.refresh()

    def _on_combo_activated(self, index: int) -> None:
        self.delete_button.setEnabled(index > 0)
        if index > 0:
            self.apply_preset(self.combo.itemText(index))

    def _on_save_clicked(self) -> None:
        current = self.combo.currentText() if self.combo.currentIndex() > 0 else ""
        name, accepted = QInputDialog.getText(
            self,
            translate("PresetBar", "Save preset"),
            translate("PresetBar", "Name of the preset:"),
            QLineEdit.EchoMode.Normal,
            current,
        )
        if not accepted:
            return
        try:
            self.save_preset(name)
        except LibraryError as exc:
            QMessageBox.warning(self, translate("PresetBar", "Save preset"), str(exc))

    def _on_delete_clicked(self) -> None:
        if self.combo.currentIndex() <= 0:
            return
        name = self.combo.currentText()
        answer = QMessageBox.question(
            self,
            translate("PresetBar", "Delete preset"),
            translate("PresetBar", "Delete the preset “{name}”?").format(name=name),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_preset(name)
