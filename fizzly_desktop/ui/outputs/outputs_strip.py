"""A run's outputs in the run details: file thumbnails in a row (pictures, video posters, sound
waveforms, file cards), the chosen video or sound in a player, text and JSON as plain text."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QPoint, QSize, QSizeF, Qt, Signal, SignalInstance
from PySide6.QtGui import (
    QAction,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QPalette,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP
from fizzly_desktop.ui.gallery.view import (
    GalleryModel,
    ItemRole,
    OutputGridView,
    OutputTileDelegate,
)
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.keyboard import keyboard_menus
from fizzly_desktop.ui.outputs.folder import open_folder
from fizzly_desktop.ui.outputs.media_panel import MediaPanel
from fizzly_desktop.ui.outputs.output_items import OutputItem
from fizzly_desktop.ui.outputs.thumbnails import ThumbnailLoader

NO_OUTPUTS_MESSAGE = QT_TRANSLATE_NOOP("OutputsStrip", "No outputs yet.")


class TextOutputBlock(QWidget):
    """One text or JSON output: its name, the text exactly as received, and a Copy button.

    Signals:
        copied(str name): the text was put on the clipboard.
    """

    copied = Signal(str)

    VISIBLE_LINES = 8

    def __init__(self, item: OutputItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item

        self.name_label = QLabel(self)
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        bold = QFont(self.name_label.font())
        bold.setBold(True)
        self.name_label.setFont(bold)
        self.kind_label = QLabel(self)
        self.kind_label.setTextFormat(Qt.TextFormat.PlainText)
        self.kind_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.copy_button = QPushButton(translate("TextOutputBlock", "Copy"), self)
        self.copy_button.setToolTip(translate("TextOutputBlock", "Copy this text to the clipboard"))
        self.copy_button.setIcon(QIcon.fromTheme("edit-copy"))
        self.copy_button.clicked.connect(self.copy)

        # A plain-text editor, read-only: server text is data and is never read as markup.
        self.text_view = QPlainTextEdit(self)
        self.text_view.setReadOnly(True)
        self.text_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text_view.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._plain_font = QFont(self.text_view.font())
        # As tall as the text (wrapped lines counted), up to a few lines, then it scrolls.
        self.text_view.document().documentLayout().documentSizeChanged.connect(
            self._on_document_size_changed
        )

        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.setSpacing(8)
        header.addWidget(self.name_label)
        header.addWidget(self.kind_label)
        header.addStretch(1)
        header.addWidget(self.copy_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.text_view)
        self.set_item(item)

    def set_item(self, item: OutputItem) -> None:
        """Show another output in this block (selecting another run reuses the blocks)."""
        self.item = item
        self.setAccessibleName(translate("TextOutputBlock", "Output {name}").format(name=item.name))
        self.name_label.setText(item.name)
        self.kind_label.setText(
            translate("TextOutputBlock", "JSON")
            if item.kind == "json"
            else translate("TextOutputBlock", "Text")
        )
        self.copy_button.setAccessibleName(
            translate("TextOutputBlock", "Copy {name}").format(name=item.name)
        )
        self.text_view.setAccessibleName(
            translate("TextOutputBlock", "{name} text").format(name=item.name)
        )
        self.text_view.setFont(
            QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
            if item.kind == "json"
            else self._plain_font
        )
        text = item.display_text()
        self.text_view.setPlainText(text)
        self._fit_height(text.count("\n") + 1)

    def _on_document_size_changed(self, size: QSizeF) -> None:
        # A plain-text document's layout measures its height in lines.
        self._fit_height(round(size.height()))

    def _fit_height(self, lines: int) -> None:
        shown = max(2, min(self.VISIBLE_LINES, lines))
        self.text_view.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if lines > self.VISIBLE_LINES
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        margins = self.text_view.contentsMargins()
        document_margin = 2 * self.text_view.document().documentMargin()
        height = self.text_view.fontMetrics().lineSpacing() * shown
        slack = 4  # the last line's descent, so it is never clipped
        self.text_view.setFixedHeight(
            round(height + document_margin) + margins.top() + margins.bottom() + slack
        )

    def text(self) -> str:
        return self.text_view.toPlainText()

    def copy(self) -> None:
        """Put the whole text on the clipboard, as plain text."""
        QGuiApplication.clipboard().setText(self.item.display_text())
        self.copied.emit(self.item.name)


class OutputsStrip(QWidget):
    """The outputs of one run: a row of image thumbnails, then each text or JSON output.

    Double-click or Enter on a thumbnail asks for the viewer; its menu (and Ctrl+S,
    Ctrl+Shift+C) saves or copies it. Text is shown exactly as the server sent it, never as
    rich text.

    Args:
        loader: the app's thumbnail loader.
        parent: the owning widget.
        tile_size: side of a thumbnail, in pixels.

    Signals:
        output_activated(OutputItem): the user wants to view this image output.
        text_copied(str name): the text output ``name`` was copied to the clipboard.
        save_as_requested(OutputItem), copy_image_requested(OutputItem): keep this image.
    """

    output_activated = Signal(OutputItem)
    text_copied = Signal(str)
    save_as_requested = Signal(OutputItem)
    copy_image_requested = Signal(OutputItem)

    def __init__(
        self, loader: ThumbnailLoader, parent: QWidget | None = None, *, tile_size: int = 112
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("OutputsStrip", "Run outputs"))
        self._loader = loader
        self._items: list[OutputItem] = []

        self.images_model = GalleryModel(self, newest_first=False)
        self.delegate = OutputTileDelegate(loader, self, tile_size=tile_size, caption="output")
        self.images_view = OutputGridView(self)
        self.images_view.setAccessibleName(translate("OutputsStrip", "Output images"))
        self.images_view.setModel(self.images_model)
        self.images_view.setItemDelegate(self.delegate)
        self.images_view.setFlow(QListView.Flow.LeftToRight)
        self.images_view.setWrapping(False)
        self.images_view.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.images_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.images_view.setFrameShape(QFrame.Shape.NoFrame)
        # Tiles sit on the panel's own background rather than in a white list box.
        self.images_view.setAutoFillBackground(False)
        self.images_view.viewport().setAutoFillBackground(False)
        self.images_view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.images_view.activated.connect(self._on_images_view_activated)
        keyboard_menus(self.images_view)
        self.images_view.customContextMenuRequested.connect(self._on_images_view_context_menu)
        self.images_view.selectionModel().currentChanged.connect(self._on_images_view_current)
        #: The chosen video or sound (in a player) or 3D or other file (as a card).
        self.media_panel = MediaPanel(self, loader=loader)
        self.media_panel.setMinimumHeight(220)
        self.media_panel.save_as_requested.connect(self.save_as_requested)

        self.open_action = QAction(translate("OutputsStrip", "Open"), self)
        self.open_action.triggered.connect(self._open_current)
        self.open_folder_action = QAction(translate("OutputsStrip", "Open containing folder"), self)
        self.open_folder_action.triggered.connect(self._open_folder_of_current)
        self.save_as_action = self._image_action(
            translate("OutputsStrip", "Save as…"),
            "Ctrl+S",
            lambda: self._emit_current(self.save_as_requested),
        )
        self.copy_image_action = self._image_action(
            translate("OutputsStrip", "Copy image"),
            "Ctrl+Shift+C",
            lambda: self._emit_current(self.copy_image_requested),
        )

        self.empty_label = QLabel(translate("OutputsStrip", NO_OUTPUTS_MESSAGE), self)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.empty_label.setAccessibleName(translate("OutputsStrip", "Outputs message"))

        self.texts = QWidget(self)
        self._texts_layout = QVBoxLayout(self.texts)
        self._texts_layout.setContentsMargins(0, 0, 0, 0)
        self._texts_layout.setSpacing(10)
        self.text_blocks: list[TextOutputBlock] = []

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(10)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.images_view)
        layout.addWidget(self.media_panel)
        layout.addWidget(self.texts)
        layout.addStretch(1)

        loader.thumbnail_ready.connect(self._on_loader_thumbnail_done)
        loader.thumbnail_failed.connect(self._on_loader_thumbnail_done)
        self._fit_images_height()
        self._update_visibility()

    # --- public -----------------------------------------------------------------------------

    def set_outputs(self, items: Sequence[OutputItem]) -> None:
        """Show ``items`` (one run's outputs); more outputs of the same run keep the selection."""
        items = list(items)
        files = [item for item in items if item.is_file]
        shown = {item.key for item in self.images_model.items()}
        if shown and shown <= {item.key for item in files}:
            # The same run gained outputs: add rows so the selection and scroll stay put.
            self.images_model.add_items(files)
        else:
            self.images_model.set_items(files)
        self._set_texts([item for item in items if not item.is_file])
        self._items = items
        self._show_media(files)
        self._update_visibility()

    def clear(self) -> None:
        self.set_outputs([])

    def outputs(self) -> list[OutputItem]:
        return list(self._items)

    def set_placeholder(self, text: str) -> None:
        """The message shown while the run has no outputs (e.g. "Outputs appear when done.")."""
        self.empty_label.setText(text)

    def text_block(self, name: str) -> TextOutputBlock | None:
        return next((block for block in self.text_blocks if block.item.name == name), None)

    def image_items(self) -> list[OutputItem]:
        return self.images_model.items()

    def select(self, item: OutputItem) -> None:
        """Make ``item`` (one of the files shown) the current one; a video or sound plays in
        the panel below, a 3D or other file shows its card."""
        for row, shown in enumerate(self.images_model.items()):
            if shown.key == item.key:
                self.images_view.setCurrentIndex(self.images_model.index(row, 0))
                return

    def message_text(self) -> str:
        return self.empty_label.text() if not self.empty_label.isHidden() else ""

    # --- reactions --------------------------------------------------------------------------

    def _on_images_view_activated(self, index: QModelIndex) -> None:
        item = index.data(ItemRole)
        if isinstance(item, OutputItem):
            self.output_activated.emit(item)

    def _on_images_view_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = current.data(ItemRole)
        if isinstance(item, OutputItem) and not item.is_image:
            self.media_panel.show_item(item)
        elif isinstance(item, OutputItem):
            self.media_panel.clear()
        self._update_visibility()

    def _show_media(self, files: list[OutputItem]) -> None:
        """Keep the panel on its output (updated), else show the first non-picture file."""
        shown = self.media_panel.item
        by_key = {item.key: item for item in files}
        if shown is not None and shown.key in by_key:
            if by_key[shown.key] != shown:
                self.media_panel.show_item(by_key[shown.key])
            return
        media = [item for item in files if not item.is_image]
        if media:
            self.select(media[0])
            self.media_panel.show_item(media[0])
        else:
            self.media_panel.clear()

    def _on_images_view_context_menu(self, position: QPoint) -> None:
        index = self.images_view.indexAt(position)
        if not index.isValid():
            return
        self.images_view.setCurrentIndex(index)
        menu = self.context_menu()
        menu.exec(self.images_view.viewport().mapToGlobal(position))
        menu.deleteLater()

    def context_menu(self) -> QMenu:
        """The menu offered for the current image."""
        item = self._current_image()
        saved = item is not None and item.path is not None
        for action in (self.open_folder_action, self.save_as_action):
            action.setEnabled(saved)
        self.copy_image_action.setEnabled(saved and item is not None and item.is_image)
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addSeparator()
        menu.addAction(self.save_as_action)
        menu.addAction(self.copy_image_action)
        menu.addAction(self.open_folder_action)
        return menu

    def _emit_current(self, signal: SignalInstance) -> None:
        item = self._current_image()
        if item is not None and item.path is not None:
            signal.emit(item)

    def _image_action(self, text: str, shortcut: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        # Only while the thumbnails have focus: elsewhere these keys belong to other views.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.images_view.addAction(action)
        return action

    def _current_image(self) -> OutputItem | None:
        item = self.images_view.currentIndex().data(ItemRole)
        return item if isinstance(item, OutputItem) else None

    def _open_current(self) -> None:
        item = self._current_image()
        if item is not None:
            self.output_activated.emit(item)

    def _open_folder_of_current(self) -> None:
        item = self._current_image()
        if item is not None and item.path is not None:
            open_folder(item.path.parent, self)

    def _on_loader_thumbnail_done(self, path: str, *_: object) -> None:
        self.images_model.thumbnail_changed(path)

    # --- helpers ----------------------------------------------------------------------------

    def _set_texts(self, items: list[OutputItem]) -> None:
        if [block.item for block in self.text_blocks] == items:
            return  # unchanged: keep the user's text selection and scroll position
        # Blocks are reused from run to run (building one costs about a millisecond): the
        # first ones take the new items, missing ones are added, extra ones removed.
        for block, item in zip(self.text_blocks, items, strict=False):
            if block.item != item:
                block.set_item(item)
        for block in self.text_blocks[len(items) :]:
            self._texts_layout.removeWidget(block)
            block.deleteLater()
        del self.text_blocks[len(items) :]
        for item in items[len(self.text_blocks) :]:
            block = TextOutputBlock(item, self.texts)
            block.copied.connect(self.text_copied)
            self._texts_layout.addWidget(block)
            self.text_blocks.append(block)

    def _fit_images_height(self) -> None:
        tile = self.delegate.size_for(self.images_view.font())
        self.images_view.set_tile_size(tile)
        scrollbar = self.images_view.horizontalScrollBar().sizeHint().height()
        spacing = self.images_view.spacing()
        self.images_view.setFixedHeight(tile.height() + 2 * spacing + scrollbar + 4)

    def _update_visibility(self) -> None:
        has_images = self.images_model.rowCount() > 0
        self.images_view.setVisible(has_images)
        self.media_panel.setVisible(self.media_panel.item is not None)
        self.texts.setVisible(bool(self.text_blocks))
        self.empty_label.setVisible(not has_images and not self.text_blocks)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), 320), hint.height())
