"""Opening an output's folder, and showing its path to copy when no file manager answers."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.ui.i18n import translate

log = logging.getLogger(__name__)


class FolderPathDialog(QDialog):
    """Shown when no file manager opened a folder: its path, to copy and paste elsewhere."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("FolderPathDialog", "Folder"))
        self.setAccessibleName(translate("FolderPathDialog", "Folder path"))
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        message = QLabel(
            translate(
                "FolderPathDialog",
                "No file manager opened this folder. Copy its path and open it in the "
                "program you use for files:",
            ),
            self,
        )
        message.setTextFormat(Qt.TextFormat.PlainText)
        message.setWordWrap(True)
        self.path_field = QLineEdit(str(folder), self)
        self.path_field.setReadOnly(True)
        self.path_field.setAccessibleName(translate("FolderPathDialog", "Folder path"))
        self.path_field.setMinimumWidth(self.fontMetrics().horizontalAdvance("x" * 60))
        self.copy_button = QPushButton(translate("FolderPathDialog", "Copy path"), self)
        self.copy_button.clicked.connect(self.copy_path)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.path_field)
        layout.addWidget(buttons)

    def copy_path(self) -> None:
        QGuiApplication.clipboard().setText(self.path_field.text())
        self.copy_button.setText(translate("FolderPathDialog", "Copied"))


def open_folder(folder: Path, parent: QWidget | None = None) -> bool:
    """Open ``folder`` in the file manager; where none answers, show its path to copy.

    Returns True when the file manager took it.
    """
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    log.info("no file manager opened %s; showing its path", folder)
    dialog = FolderPathDialog(folder, parent)
    # Held until closed: without a parent nothing else would keep the window alive.
    _shown.add(dialog)
    dialog.finished.connect(lambda _result: _shown.discard(dialog))
    dialog.show()
    return False


_shown: set[FolderPathDialog] = set()
