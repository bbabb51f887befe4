"""A card for an output the app does not show itself (a 3D model, any other file): its name,
size and type, with Save As… and Open with… (the system's app for it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fizzly_desktop.core.media import describe_size, kind_of_name, kind_word
from fizzly_desktop.ui.i18n import translate

#: Opens a local file with the system's app for it; False when none could be started.
Opener = Callable[[Path], bool]


def system_opener(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class FileCard(QWidget):
    """One file output: what it is, and what can be done with it.

    Args:
        parent: the owning widget.
        opener: how a file is opened (default: the system's app, through QDesktopServices).

    Signals:
        save_as_requested(): the user asked to save a copy (Save As…).
    """

    save_as_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, opener: Opener = system_opener):
        super().__init__(parent)
        self.setAccessibleName(translate("FileCard", "File"))
        self._opener = opener
        self._path: Path | None = None

        self.icon_label = QLabel(self)
        self.icon_label.setFixedSize(48, 48)
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name_label = QLabel(self)
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        self.name_label.setAccessibleName(translate("FileCard", "File name"))
        bold = QFont(self.name_label.font())
        bold.setBold(True)
        self.name_label.setFont(bold)
        self.details_label = QLabel(self)
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)
        self.details_label.setAccessibleName(translate("FileCard", "File details"))
        self.details_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.message_label = QLabel(self)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()
        #: A picture of the file where the app can draw one (an OBJ mesh), else hidden.
        self.preview_label = QLabel(self)
        self.preview_label.setAccessibleName(translate("FileCard", "Preview"))
        self.preview_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_label.hide()

        self.save_button = QPushButton(
            QIcon.fromTheme("document-save-as"), translate("FileCard", "Save As…"), self
        )
        self.save_button.clicked.connect(self.save_as_requested)
        self.open_button = QPushButton(
            QIcon.fromTheme("document-open"), translate("FileCard", "Open with…"), self
        )
        self.open_button.setToolTip(
            translate("FileCard", "Open it in the app your computer uses for this kind of file")
        )
        self.open_button.clicked.connect(self.open_with)
        self.copy_button = QPushButton(
            QIcon.fromTheme("edit-copy"), translate("FileCard", "Copy Path"), self
        )
        self.copy_button.setToolTip(
            translate("FileCard", "Copy where the file is, to open it from another app")
        )
        self.copy_button.clicked.connect(self.copy_path)

        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.name_label)
        text.addWidget(self.details_label)
        top = QHBoxLayout()
        top.addWidget(self.icon_label)
        top.addLayout(text, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)
        layout.addWidget(self.preview_label)
        layout.addStretch(1)

    @property
    def path(self) -> Path | None:
        return self._path

    def show_file(self, path: Path, *, size: int | None = None, type_name: str = "") -> None:
        """Describe ``path``: its name, size (read from disk when not given) and type."""
        self._path = Path(path)
        kind = kind_of_name(self._path.name) or "file"
        if size is None:
            try:
                size = self._path.stat().st_size
            except OSError:
                size = None
        suffix = self._path.suffix.lstrip(".").upper() or translate("FileCard", "no extension")
        what = kind_word(kind) if kind != "file" else translate("FileCard", "File")
        parts = [describe_size(size), f"{what} ({suffix})"]
        if type_name:
            parts.append(type_name)
        self.name_label.setText(self._path.name)
        self.details_label.setText(" · ".join(parts))
        self.icon_label.setText("3D" if kind == "model" else suffix[:4])
        self.message_label.hide()
        self.preview_label.clear()
        self.preview_label.hide()

    def set_preview(self, pixmap: QPixmap) -> None:
        """Show a picture of the file (drawn elsewhere, off the GUI thread)."""
        self.preview_label.setPixmap(pixmap)
        self.preview_label.setVisible(not pixmap.isNull())

    def open_with(self) -> bool:
        """Open the file in the system's app for it; when there is none, say where it is and
        put its path on the clipboard."""
        if self._path is None:
            return False
        if self._opener(self._path):
            return True
        self.copy_path()
        self.message_label.setText(
            translate(
                "FileCard",
                "No app on this computer opens this kind of file. Its path was copied, "
                "so you can open it from an app that does:\n{path}",
            ).format(path=self._path)
        )
        self.message_label.show()
        return False

    def copy_path(self) -> None:
        if self._path is not None:
            QGuiApplication.clipboard().setText(str(self._path))

    def message_text(self) -> str:
        return self.message_label.text() if not self.message_label.isHidden() else ""
