"""File and image inputs: a picker with a thumbnail, drag-and-drop, paste; or a list of them.

The reading itself (caps, sniffing, data URIs, worker threads) is in ``file_loading``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.schema import FieldSpec
from fizzly_desktop.ui.forms.base import OMITTED, FieldWidget
from fizzly_desktop.ui.forms.file_loading import (
    MAX_FILE_BYTES,
    THUMBNAIL_SIDE,
    FileWorkMixin,
    LoadedFile,
    ask_for_files,
    drop_sources,
    human_size,
    load_data_uri,
    load_image,
    load_path,
)
from fizzly_desktop.ui.forms.reorder import ReorderButtons
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.outputs.drag import dropped_outputs
from fizzly_desktop.ui.tones import set_palette_style_sheet


class FileField(FileWorkMixin, FieldWidget):
    """One file or image: an address (URL) or a local file sent as a data URI.

    Drop a file, an image or a link on it, paste one (Ctrl+V or "Paste"), or choose a file.

    Signals:
        output_dropped(str run_id, str output, str field): something was dropped here: a saved
            output of a run (from the gallery or a run's strip), whose run the next run sent
            records, or ("", "") anything else.
    """

    output_dropped = Signal(str, str, str)

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.max_bytes = MAX_FILE_BYTES
        self._pending = set()
        self._next_token = 0
        self._data_uri: str | None = None
        self._file_label = ""
        self._latest = 0
        self._problem: str | None = None
        self.setAcceptDrops(True)

        self.thumbnail = QLabel()
        self.thumbnail.setFixedSize(THUMBNAIL_SIDE, THUMBNAIL_SIDE)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setObjectName("fileThumbnail")
        set_palette_style_sheet(
            self.thumbnail,
            "#fileThumbnail { border: 1px solid palette(mid); border-radius: 4px;"
            " background: palette(base); color: palette(placeholder-text); }",
        )
        self.address = QLineEdit()
        word = (
            translate("FileField", "an image")
            if spec.is_image
            else translate("FileField", "a file")
        )
        self.address.setPlaceholderText(
            translate("FileField", "Paste {word}'s address, or drop {word} here").format(word=word)
        )
        self.address.setClearButtonEnabled(True)
        self.choose_button = QPushButton(translate("FileField", "Choose…"))
        self.paste_button = QPushButton(translate("FileField", "Paste"))
        self.clear_button = QToolButton()
        self.clear_button.setText(translate("FileField", "Clear"))
        self.notice = QLabel()
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.setObjectName("fileNotice")
        self.notice.hide()

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.paste_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.address)
        column.addLayout(buttons)
        column.addWidget(self.notice)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.thumbnail, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(column, 1)

        self.address.textEdited.connect(self._on_address_edited)
        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.paste_button.clicked.connect(self.paste_from_clipboard)
        self.clear_button.clicked.connect(self.clear)
        self.reset()

    # --- FieldWidget ---

    def focus_widget(self) -> QWidget:
        return self.address

    def value(self) -> Any:
        if self._data_uri is not None:
            return self._data_uri
        text = self.address.text().strip()
        return text if text else OMITTED

    def set_value(self, value: Any) -> bool:
        if value is None and self.spec.nullable:
            self.clear()
            return True
        if not isinstance(value, str):
            return False
        if value.startswith("data:"):
            self._set_loading_label(translate("FileField", "file sent with the run"))
            self._latest = self._start(lambda: load_data_uri(value))
            self._data_uri = value
        else:
            self._set_address(value)
        return True

    def reset(self) -> None:
        if self.spec.has_default and isinstance(self.spec.default, str):
            self.set_value(self.spec.default)
        else:
            self.clear()

    def local_error(self) -> str | None:
        if self._pending and self._latest in self._pending:
            return translate("FileField", "{title}: still reading {value}…").format(
                title=self.spec.title, value=self._file_label or translate("FileField", "the file")
            )
        return None

    # --- actions ---

    def clear(self) -> None:
        self._latest = 0
        self._data_uri = None
        self._file_label = ""
        self.address.setReadOnly(False)
        self.address.clear()
        self._set_problem(None)
        self._show_placeholder()
        self.changed.emit()

    def load_file(self, path: str | Path) -> None:
        """Read a local file in the background; it is sent as a data URI once read."""
        file_path = Path(path)
        limit, accept = self.byte_limit(), self.spec.accept
        self._set_loading_label(file_path.name)
        self._latest = self._start(lambda: load_path(file_path, limit, accept))
        self.changed.emit()

    def load_image(self, image: QImage, name: str = "pasted image") -> None:
        """Encode a pasted or dropped picture (as PNG) in the background."""
        copy = image.copy()
        limit = self.byte_limit()
        self._set_loading_label(name)
        self._latest = self._start(lambda: load_image(copy, name, limit))
        self.changed.emit()

    def take(self, source: str | QImage) -> None:
        """Use a dropped or pasted thing: a local path, an address, or a picture."""
        if isinstance(source, QImage):
            self.load_image(source)
        elif source.startswith(("http://", "https://", "data:")):
            self.set_value(source)
            self.changed.emit()
        else:
            self.load_file(source)

    def paste_from_clipboard(self) -> None:
        sources = drop_sources(QGuiApplication.clipboard().mimeData())
        if not sources:
            self._set_problem(
                translate("FileField", "The clipboard holds no picture, file or web address.")
            )
            return
        self.take(sources[0])

    # --- internals ---

    def _set_address(self, url: str) -> None:
        self._latest = 0
        self._data_uri = None
        self._file_label = ""
        self.address.setReadOnly(False)
        self.address.setText(url)
        self._set_problem(None)
        if url:
            self.thumbnail.setPixmap(QPixmap())
            self.thumbnail.setText(translate("FileField", "URL"))
            self.thumbnail.setToolTip(
                translate("FileField", "A web address: the server fetches it when the run starts.")
            )
        else:
            self._show_placeholder()

    def _set_loading_label(self, name: str) -> None:
        self._file_label = name
        self._data_uri = None
        self.address.setReadOnly(True)
        self.address.setText(translate("FileField", "Reading {name}…").format(name=name))
        self.thumbnail.setPixmap(QPixmap())
        self.thumbnail.setText("…")

    def _show_placeholder(self) -> None:
        self.thumbnail.setPixmap(QPixmap())
        self.thumbnail.setText(
            translate("FileField", "Image")
            if self.spec.is_image
            else translate("FileField", "File")
        )
        self.thumbnail.setToolTip("")

    def _set_problem(self, message: str | None) -> None:
        self._problem = message
        self.notice.setText(message or "")
        self.notice.setVisible(bool(message))

    def _on_loaded(self, token: int, result: LoadedFile) -> None:
        self._pending.discard(token)
        if token != self._latest:
            self.changed.emit()
            return
        if result.error is not None or result.data_uri is None:
            self._data_uri = None
            self._file_label = ""
            self.address.setReadOnly(False)
            self.address.clear()
            self._show_placeholder()
            self._set_problem(result.error or translate("FileField", "The file could not be read."))
            self.changed.emit()
            return
        self._data_uri = result.data_uri
        self._file_label = result.name
        self.address.setReadOnly(True)
        self.address.setText(
            translate("FileField", "{name} ({human_size}, sent with the run)").format(
                name=result.name, human_size=human_size(result.size)
            )
        )
        self.address.setCursorPosition(0)
        if result.thumbnail is not None:
            pixmap = QPixmap.fromImage(result.thumbnail).scaled(
                QSize(THUMBNAIL_SIDE - 4, THUMBNAIL_SIDE - 4),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            self.thumbnail.setPixmap(pixmap)
        else:
            self.thumbnail.setText(translate("FileField", "File"))
        self._set_problem(None)
        self.changed.emit()

    def _on_address_edited(self, text: str) -> None:
        self._set_problem(None)
        if not text:
            self._show_placeholder()
        else:
            self.thumbnail.setText(translate("FileField", "URL"))
        self.changed.emit()

    def _on_choose_clicked(self) -> None:
        path = ask_for_files(self, self.spec, multiple=False)
        if path:
            self.load_file(path[0])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if drop_sources(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        sources = drop_sources(event.mimeData())
        if sources:
            event.acceptProposedAction()
            self.take(sources[0])
            outputs = dropped_outputs(event.mimeData())
            run_id, output = outputs[0] if outputs else ("", "")
            self.output_dropped.emit(run_id, output, self.spec.name)


class FileListField(FileWorkMixin, FieldWidget):
    """Several files or images (fal's ``*_urls``): an ordered list of addresses and local files."""

    _ROLE = Qt.ItemDataRole.UserRole

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.max_bytes = MAX_FILE_BYTES
        self._pending = set()
        self._next_token = 0
        self._slots: dict[int, QListWidgetItem] = {}
        self.setAcceptDrops(True)

        self.items = QListWidget()
        self.items.setIconSize(QSize(40, 40))
        self.items.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.items.setMaximumHeight(110)
        self.items.setMinimumHeight(56)
        self.address = QLineEdit()
        word = (
            translate("FileListField", "an image")
            if spec.is_image
            else translate("FileListField", "a file")
        )
        self.address.setPlaceholderText(
            translate("FileListField", "Paste {word}'s address and press Enter").format(word=word)
        )
        self.add_button = QPushButton(translate("FileListField", "Add files…"))
        self.paste_button = QPushButton(translate("FileListField", "Paste"))
        self.remove_button = QToolButton()
        self.remove_button.setText(translate("FileListField", "Remove"))
        self.reorder = ReorderButtons(Qt.Orientation.Horizontal)
        self.up_button = self.reorder.up_button
        self.down_button = self.reorder.down_button
        self.notice = QLabel()
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.hide()

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.add_button, self.paste_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.reorder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.items)
        layout.addWidget(self.address)
        layout.addLayout(buttons)
        layout.addWidget(self.notice)

        self.address.returnPressed.connect(self._on_address_entered)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.paste_button.clicked.connect(self.paste_from_clipboard)
        self.remove_button.clicked.connect(self.remove_selected)
        self.reorder.move_requested.connect(self.move_selected)
        self.reset()

    def focus_widget(self) -> QWidget:
        return self.items

    def value(self) -> Any:
        values = [
            self.items.item(i).data(self._ROLE)
            for i in range(self.items.count())
            if isinstance(self.items.item(i).data(self._ROLE), str)
        ]
        # An empty list is "nothing given": a required input then reads as missing.
        return values if values else OMITTED

    def set_value(self, value: Any) -> bool:
        if value is None and self.spec.nullable:
            self._clear()
            self.changed.emit()
            return True
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return False
        self._clear()
        for entry in value:
            self._add_value(entry)
        self.changed.emit()
        return True

    def reset(self) -> None:
        if not (self.spec.has_default and self.set_value(self.spec.default)):
            self._clear()
            self.changed.emit()

    def local_error(self) -> str | None:
        if self._pending:
            return translate("FileListField", "{title}: still reading files…").format(
                title=self.spec.title
            )
        return None

    def _clear(self) -> None:
        self._slots.clear()
        self.items.clear()

    def _add_value(self, value: str) -> None:
        item = QListWidgetItem()
        if value.startswith("data:"):
            item.setText(translate("FileListField", "File sent with the run"))
            item.setData(self._ROLE, value)
            self._slots[self._start(lambda: load_data_uri(value))] = item
        else:
            item.setText(value)
            item.setData(self._ROLE, value)
        item.setToolTip(item.text())
        self.items.addItem(item)

    def add(self, source: str | QImage) -> None:
        """Add a local path, an address, or a picture at the end of the list."""
        if isinstance(source, str) and source.startswith(("http://", "https://", "data:")):
            self._add_value(source)
            self.changed.emit()
            return
        item = QListWidgetItem()
        limit = self.byte_limit()
        if isinstance(source, QImage):
            copy = source.copy()
            item.setText(translate("FileListField", "Reading pasted image…"))
            token = self._start(
                lambda: load_image(copy, translate("FileListField", "pasted image"), limit)
            )
        else:
            path, accept = Path(source), self.spec.accept
            item.setText(translate("FileListField", "Reading {name}…").format(name=path.name))
            token = self._start(lambda: load_path(path, limit, accept))
        self.items.addItem(item)
        self._slots[token] = item
        self.changed.emit()

    def paste_from_clipboard(self) -> None:
        sources = drop_sources(QGuiApplication.clipboard().mimeData())
        if not sources:
            self._show_notice(
                translate("FileListField", "The clipboard holds no picture, file or web address.")
            )
        for source in sources:
            self.add(source)

    def remove_selected(self) -> None:
        row = self.items.currentRow()
        if row >= 0:
            item = self.items.takeItem(row)
            for token, slot in list(self._slots.items()):
                if slot is item:
                    del self._slots[token]
            self.changed.emit()

    def move_selected(self, delta: int) -> None:
        row = self.items.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.items.count():
            return
        item = self.items.takeItem(row)
        self.items.insertItem(target, item)
        self.items.setCurrentRow(target)
        self.changed.emit()

    def _show_notice(self, message: str | None) -> None:
        self.notice.setText(message or "")
        self.notice.setVisible(bool(message))

    def _on_loaded(self, token: int, result: LoadedFile) -> None:
        self._pending.discard(token)
        item = self._slots.pop(token, None)
        if item is None or self.items.row(item) < 0:
            self.changed.emit()
            return
        if result.error is not None or result.data_uri is None:
            self.items.takeItem(self.items.row(item))
            self._show_notice(
                result.error or translate("FileListField", "The file could not be read.")
            )
        else:
            item.setData(self._ROLE, result.data_uri)
            if result.name != "file sent with the run":
                item.setText(f"{result.name} ({human_size(result.size)})")
            if result.thumbnail is not None:
                item.setIcon(QPixmap.fromImage(result.thumbnail))
            self._show_notice(None)
        self.changed.emit()

    def _on_address_entered(self) -> None:
        text = self.address.text().strip()
        if text:
            self.add(text if "://" in text or text.startswith("data:") else f"https://{text}")
            self.address.clear()

    def _on_add_clicked(self) -> None:
        for path in ask_for_files(self, self.spec, multiple=True):
            self.add(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if drop_sources(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        sources = drop_sources(event.mimeData())
        if sources:
            event.acceptProposedAction()
            for source in sources:
                self.add(source)
