"""The small questions the library's menu asks: a new name, a schema file, an example, sure?"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from fizzly_desktop.core.library import WorkflowEntry


def ask_new_name(parent: QWidget, entry: WorkflowEntry) -> str | None:
    """The name the user typed for ``entry``, or None when they cancelled."""
    name, accepted = QInputDialog.getText(
        parent, "Rename workflow", "Name:", QLineEdit.EchoMode.Normal, entry.display_name
    )
    return name if accepted else None


def ask_schema_file(parent: QWidget) -> Path | None:
    """A JSON schema file the user chose, or None."""
    path, _ = QFileDialog.getOpenFileName(
        parent, "Import a schema", "", "JSON files (*.json);;All files (*)"
    )
    return Path(path) if path else None


def ask_example(parent: QWidget) -> str | None:
    """An example of inputs pasted as JSON text, or None when cancelled."""
    text, accepted = QInputDialog.getMultiLineText(
        parent,
        "Use an example of inputs",
        "Paste an example of the inputs as JSON; the fields are inferred from it:",
        "",
    )
    return text if accepted else None


def confirm_remove(parent: QWidget, entry: WorkflowEntry) -> bool:
    """Whether the user really wants ``entry`` (and its presets) out of the library."""
    answer = QMessageBox.question(
        parent,
        "Remove workflow",
        f"Remove “{entry.display_name}” ({entry.ref}) and its presets from your library? "
        "Past runs stay in the history.",
    )
    return answer == QMessageBox.StandardButton.Yes
