"""The small questions the library's menu asks: a new name, a schema file, an example, sure?"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from fizzly_desktop.core.library import WorkflowEntry
from fizzly_desktop.ui.i18n import translate


def ask_new_name(parent: QWidget, entry: WorkflowEntry) -> str | None:
    """The name the user typed for ``entry``, or None when they cancelled."""
    name, accepted = QInputDialog.getText(
        parent,
        translate("Prompts", "Rename workflow"),
        translate("Prompts", "Name:"),
        QLineEdit.EchoMode.Normal,
        entry.display_name,
    )
    return name if accepted else None


def ask_schema_file(parent: QWidget) -> Path | None:
    """A JSON schema file the user chose, or None."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        translate("Prompts", "Import a schema"),
        "",
        translate("Prompts", "JSON files (*.json);;All files (*)"),
    )
    return Path(path) if path else None


def ask_example(parent: QWidget) -> str | None:
    """An example of inputs pasted as JSON text, or None when cancelled."""
    text, accepted = QInputDialog.getMultiLineText(
        parent,
        translate("Prompts", "Use an example of inputs"),
        translate(
            "Prompts", "Paste an example of the inputs as JSON; the fields are inferred from it:"
        ),
        "",
    )
    return text if accepted else None


def confirm_remove(parent: QWidget, entry: WorkflowEntry) -> bool:
    """Whether the user really wants ``entry`` (and its presets) out of the library."""
    answer = QMessageBox.question(
        parent,
        translate("Prompts", "Remove workflow"),
        translate(
            "Prompts",
            "Remove “{display_name}” ({ref}) and its presets from your library? "
            "Past runs stay in the history.",
        ).format(display_name=entry.display_name, ref=entry.ref),
    )
    return answer == QMessageBox.StandardButton.Yes
