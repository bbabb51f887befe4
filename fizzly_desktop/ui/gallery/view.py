"""The Gallery: every output kept, as a grid of thumbnails filterable by workflow and batch."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QKeySequence,
    QPalette,
)
from PySide6.QtWidgets import (
    QLabel,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.formatting import format_count
from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP
from fizzly_desktop.core.words import plural
from fizzly_desktop.ui.gallery.filter_bar import GalleryFilterBar, combo_index
from fizzly_desktop.ui.gallery.menu import fit_on_screen
from fizzly_desktop.ui.gallery.model import (
    MEDIA,
    NO_BATCH,
    TEXT,
    THUMBNAIL_BUCKETS,
    GalleryFilterProxy,
    GalleryModel,
    ItemRole,
    ThumbnailRole,
    thumbnail_bucket,
)
from fizzly_desktop.ui.gallery.tiles import CaptionMode, OutputGridView, OutputTileDelegate
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.keyboard import keyboard_menus
from fizzly_desktop.ui.outputs.folder import open_folder
from fizzly_desktop.ui.outputs.output_items import OutputItem
from fizzly_desktop.ui.outputs.thumbnails import ThumbnailLoader

__all__ = [
    "EMPTY_GALLERY_MESSAGE",
    "MEDIA",
    "NO_BATCH",
    "NO_MATCH_MESSAGE",
    "TEXT",
    "THUMBNAIL_BUCKETS",
    "CaptionMode",
    "GalleryFilterProxy",
    "GalleryModel",
    "GalleryView",
    "ItemRole",
    "OutputGridView",
    "OutputTileDelegate",
    "ThumbnailRole",
    "thumbnail_bucket",
]

EMPTY_GALLERY_MESSAGE = QT_TRANSLATE_NOOP(
    "GalleryView", "No outputs yet — run a workflow and its images will appear here."
)
NO_MATCH_MESSAGE = QT_TRANSLATE_NOOP("GalleryView", "No outputs match these filters.")
#: Said under NO_MATCH_MESSAGE while only images are shown: other outputs may be what there is.
KIND_HINT = QT_TRANSLATE_NOOP(
    "GalleryView", "Choose Show: Everything to see text and data outputs too."
)


class GalleryView(QWidget):
    """All outputs as a grid of thumbnails, with workflow and batch filters and a size slider.

    Thumbnails are decoded lazily through ``loader`` as tiles come into view.

    Args:
        loader: the app's thumbnail loader.
        parent: the owning widget.
        model: the outputs to show; by default the view makes an empty one.

    Signals:
        open_requested(OutputItem): the user wants to view an output (double-click, Enter, menu).
        use_inputs_requested(OutputItem): the user wants a new run with this output's inputs.
        show_run_requested(str run_id): the user wants to see the run that made an output.
        save_as_requested(OutputItem), copy_image_requested(OutputItem): keep one image.
        export_requested(list[OutputItem]): copy the selected images to a folder.
        mark_requested(list[OutputItem], str): the star ("star") or reject ("reject") key.
        compare_requested(list[OutputItem]): compare the selected images side by side.
        search_changed(str), marks_filter_changed(str), date_filter_changed(str): the search
            text, the marks filter, the date range (see ``GalleryFilterBar``).
    """

    open_requested = Signal(OutputItem)
    use_inputs_requested = Signal(OutputItem)
    show_run_requested = Signal(str)
    save_as_requested = Signal(OutputItem)
    copy_image_requested = Signal(OutputItem)
    export_requested = Signal(list)
    mark_requested = Signal(list, str)
    compare_requested = Signal(list)
    search_changed = Signal(str)
    marks_filter_changed = Signal(str)
    date_filter_changed = Signal(str)

    MIN_TILE = GalleryFilterBar.MIN_TILE
    MAX_TILE = GalleryFilterBar.MAX_TILE
    DEFAULT_TILE = GalleryFilterBar.DEFAULT_TILE

    def __init__(
        self,
        loader: ThumbnailLoader,
        parent: QWidget | None = None,
        *,
        model: GalleryModel | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("GalleryView", "Gallery"))
        self._loader = loader
        self.gallery_model = model if model is not None else GalleryModel(self)
        #: Adds entries to a tile's menu (the library's "Use as Input ▸").
        self.extend_menu: Callable[[QMenu, OutputItem], None] | None = None
        self.proxy = GalleryFilterProxy(self)
        self.proxy.setSourceModel(self.gallery_model)

        self.filters = GalleryFilterBar(self)
        self.filters.search_changed.connect(self.search_changed)
        self.filters.marks_filter_changed.connect(self.marks_filter_changed)
        self.filters.date_filter_changed.connect(self.date_filter_changed)
        # The bar's controls stay reachable from the view, where callers and tests look.
        self.search = self.filters.search
        self.marks_combo = self.filters.marks_combo
        self.date_combo = self.filters.date_combo
        self.workflow_combo = self.filters.workflow_combo
        self.batch_combo = self.filters.batch_combo
        self.kind_combo = self.filters.kind_combo
        self.count_label = self.filters.count_label
        self.size_slider = self.filters.size_slider

        self.delegate = OutputTileDelegate(loader, self, tile_size=self.DEFAULT_TILE)
        self.list_view = OutputGridView(self)
        self.list_view.setAccessibleName(translate("GalleryView", "Outputs"))
        self.list_view.setModel(self.proxy)
        self.list_view.setItemDelegate(self.delegate)

        self.empty_label = QLabel(translate("GalleryView", EMPTY_GALLERY_MESSAGE), self)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setMargin(32)
        self.empty_label.setAccessibleName(translate("GalleryView", "Gallery message"))
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.list_view)
        self.pages.addWidget(self.empty_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filters)
        layout.addWidget(self.pages, 1)

        # Enter and double-click open through the view's own "activated" signal.
        self.open_action = self._action(translate("GalleryView", "Open"), self._open_selected, None)
        self.use_inputs_action = self._action(
            translate("GalleryView", "Use these inputs"),
            self._use_inputs_of_current,
            QKeySequence("Ctrl+U"),
        )
        self.show_run_action = self._action(
            translate("GalleryView", "Show run"), self._show_run_of_current, None
        )
        self.open_folder_action = self._action(
            translate("GalleryView", "Open containing folder"), self._open_folder_of_current, None
        )
        self.copy_text_action = self._action(
            translate("GalleryView", "Copy text"), self._copy_text_of_current, None
        )
        self.save_as_action = self._action(
            translate("GalleryView", "Save as…"),
            lambda: self._emit_saved(self.save_as_requested),
            QKeySequence("Ctrl+S"),
        )
        self.copy_image_action = self._action(
            translate("GalleryView", "Copy image"),
            lambda: self._emit_saved(self.copy_image_requested),
            QKeySequence("Ctrl+Shift+C"),
        )
        self.export_action = self._action(
            translate("GalleryView", "Export selected…"), self._export_selected, None
        )
        # As in photo managers: S stars, X rejects; pressing it again takes it back.
        self.star_action = self._action(
            translate("GalleryView", "Star"), lambda: self._emit_mark("star"), QKeySequence("S")
        )
        self.reject_action = self._action(
            translate("GalleryView", "Reject"), lambda: self._emit_mark("reject"), QKeySequence("X")
        )
        self.compare_action = self._action(
            translate("GalleryView", "Compare…"), self._compare_selected, QKeySequence("C")
        )

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self._refresh_filters)

        self.list_view.activated.connect(self._on_list_view_activated)
        keyboard_menus(self.list_view)
        self.list_view.customContextMenuRequested.connect(self._on_list_view_context_menu)
        self.workflow_combo.currentIndexChanged.connect(self._on_workflow_combo_changed)
        self.batch_combo.currentIndexChanged.connect(self._on_batch_combo_changed)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_changed)
        self.size_slider.valueChanged.connect(self.set_thumbnail_size)
        loader.thumbnail_ready.connect(self._on_loader_thumbnail_done)
        loader.thumbnail_failed.connect(self._on_loader_thumbnail_done)
        for model_signal in (
            self.gallery_model.rowsInserted,
            self.gallery_model.rowsRemoved,
            self.gallery_model.modelReset,
        ):
            model_signal.connect(self._schedule_refresh)
        self.gallery_model.dataChanged.connect(self._on_gallery_model_data_changed)
        self.proxy.rowsInserted.connect(self._update_page)
        self.proxy.rowsRemoved.connect(self._update_page)
        self.proxy.modelReset.connect(self._update_page)
        self.proxy.layoutChanged.connect(self._update_page)

        self.set_thumbnail_size(self.DEFAULT_TILE)
        self._refresh_filters()

    # --- public -----------------------------------------------------------------------------

    def set_workflow_filter(self, workflow: str | None) -> None:
        """Show only outputs of ``workflow`` (``owner/slug``), or all with None."""
        self.workflow_combo.setCurrentIndex(combo_index(self.workflow_combo, workflow))

    def set_batch_filter(self, batch_id: str | None) -> None:
        """Show only outputs of ``batch_id`` (``NO_BATCH``: single runs), or all with None."""
        self.batch_combo.setCurrentIndex(combo_index(self.batch_combo, batch_id))

    def thumbnail_size(self) -> int:
        return self.delegate.tile_size

    def set_thumbnail_size(self, pixels: int) -> None:
        """Show tiles of ``pixels`` (clamped to the slider's range)."""
        pixels = max(self.MIN_TILE, min(self.MAX_TILE, pixels))
        if self.size_slider.value() != pixels:
            self.size_slider.setValue(pixels)  # comes back here through valueChanged
            return
        self.delegate.set_tile_size(pixels)
        self.list_view.set_tile_size(self.delegate.size_for(self.list_view.font()))

    def shown_items(self) -> list[OutputItem]:
        """The outputs the filters let through, in display order."""
        return [self.proxy.item(row) for row in range(self.proxy.rowCount())]

    def selected_items(self) -> list[OutputItem]:
        rows = sorted(index.row() for index in self.list_view.selectionModel().selectedIndexes())
        return [self.proxy.item(row) for row in rows]

    def current_item(self) -> OutputItem | None:
        index = self.list_view.currentIndex()
        item = index.data(ItemRole) if index.isValid() else None
        return item if isinstance(item, OutputItem) else None

    def select_item(self, run_id: str, name: str) -> bool:
        """Make the output current and scroll to it; False if the filters hide it."""
        source = self.gallery_model.index_of(run_id, name)
        index = self.proxy.mapFromSource(source)
        if not index.isValid():
            return False
        self.list_view.setCurrentIndex(index)
        self.list_view.scrollTo(index)
        return True

    def message_text(self) -> str:
        """The empty-state message shown instead of the grid, or "" when the grid shows."""
        return self.empty_label.text() if self.pages.currentWidget() is self.empty_label else ""

    def context_menu_for(self, item: OutputItem) -> QMenu:
        """The menu offered for ``item`` (built for the current item)."""
        menu = QMenu(self)
        menu.addAction(self.open_action)
        menu.addAction(self.use_inputs_action)
        menu.addAction(self.show_run_action)
        menu.addSeparator()
        if item.is_file:
            for action in (self.open_folder_action, self.save_as_action, self.copy_image_action):
                action.setEnabled(item.path is not None)
            self.copy_image_action.setEnabled(item.path is not None and item.is_image)
            menu.addAction(self.save_as_action)
            menu.addAction(self.copy_image_action)
            menu.addAction(self.open_folder_action)
        else:
            menu.addAction(self.copy_text_action)
        exportable = len(self.exportable_items())
        self.export_action.setText(
            translate("GalleryView", "Export {exportable} selected images…").format(
                exportable=exportable
            )
            if exportable > 1
            else translate("GalleryView", "Export…")
        )
        self.export_action.setEnabled(exportable > 0)
        menu.addAction(self.export_action)
        menu.addSeparator()
        menu.addAction(self.star_action)
        menu.addAction(self.reject_action)
        # Always offered: a selection that cannot be compared is told why.
        menu.addAction(self.compare_action)
        self.use_inputs_action.setEnabled(bool(item.inputs))
        if self.extend_menu is not None:
            self.extend_menu(menu, item)
        return menu

    def exportable_items(self) -> list[OutputItem]:
        """The selected outputs that are saved images (what Export copies)."""
        return [i for i in self.selected_items() if i.is_image and i.path is not None]

    # --- reactions --------------------------------------------------------------------------

    def _on_list_view_activated(self, index: QModelIndex) -> None:
        item = index.data(ItemRole)
        if isinstance(item, OutputItem):
            self.open_requested.emit(item)

    def _on_list_view_context_menu(self, position: QPoint) -> None:
        index = self.list_view.indexAt(position)
        if not index.isValid():
            return
        self.list_view.setCurrentIndex(index)
        item = self.current_item()
        if item is None:
            return
        menu = self.context_menu_for(item)
        menu.exec(fit_on_screen(menu, self.list_view.viewport().mapToGlobal(position)))
        menu.deleteLater()

    def _on_workflow_combo_changed(self, _index: int) -> None:
        self.proxy.set_workflow(self.workflow_combo.currentData())
        self._update_page()

    def set_kind_filter(self, kind: str | None) -> None:
        """Show ``MEDIA`` (the default), ``TEXT`` outputs, or every output (None)."""
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))

    def _on_kind_combo_changed(self, _index: int) -> None:
        self.proxy.set_kind(self.kind_combo.currentData())
        self._update_page()

    def _on_batch_combo_changed(self, _index: int) -> None:
        self.proxy.set_batch(self.batch_combo.currentData())
        self._update_page()

    def _on_loader_thumbnail_done(self, path: str, *_: object) -> None:
        self.gallery_model.thumbnail_changed(path)

    def _open_selected(self) -> None:
        item = self.current_item()
        if item is not None:
            self.open_requested.emit(item)

    def _use_inputs_of_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self.use_inputs_requested.emit(item)

    def _show_run_of_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self.show_run_requested.emit(item.run_id)

    def _open_folder_of_current(self) -> None:
        item = self.current_item()
        if item is not None and item.path is not None:
            open_folder(item.path.parent, self)

    def _emit_saved(self, signal: SignalInstance) -> None:
        item = self.current_item()
        if item is not None and item.is_file and item.path is not None:
            signal.emit(item)

    def _emit_mark(self, mark: str) -> None:
        items = self.selected_items()
        if items:
            self.mark_requested.emit(items, mark)

    def _compare_selected(self) -> None:
        self.compare_requested.emit(
            [i for i in self.selected_items() if i.is_image and i.path is not None]
        )

    def _export_selected(self) -> None:
        items = self.exportable_items()
        if items:
            self.export_requested.emit(items)

    def _copy_text_of_current(self) -> None:
        item = self.current_item()
        if item is not None and not item.is_file:
            QGuiApplication.clipboard().setText(item.display_text())

    def _on_gallery_model_data_changed(
        self, _first: QModelIndex, _last: QModelIndex, roles: Sequence[int] = ()
    ) -> None:
        if list(roles) != [ThumbnailRole]:  # a thumbnail arriving changes no filter choice
            self._schedule_refresh()

    def _schedule_refresh(self, *_: object) -> None:
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()

    def _refresh_filters(self) -> None:
        """Rebuild the filter choices from the outputs present, keeping the current choice."""
        workflows = [
            (translate("GalleryView", "All workflows"), None),
            *[(n, w) for w, n in self.gallery_model.workflows()],
        ]
        batches: list[tuple[str, str | None]] = [(translate("GalleryView", "All batches"), None)]
        if self.gallery_model.has_single_runs():
            batches.append((translate("GalleryView", "Single runs"), NO_BATCH))
        batches.extend((name, batch_id) for batch_id, name in self.gallery_model.batches())
        self.filters.set_choices(workflows, batches)
        self._update_page()

    def _update_page(self, *_: object) -> None:
        total = self.gallery_model.rowCount()
        shown = self.proxy.rowCount()
        self.filters.set_enabled_filters(total > 0)
        if total == 0:
            self.empty_label.setText(translate("GalleryView", EMPTY_GALLERY_MESSAGE))
            self.pages.setCurrentWidget(self.empty_label)
        elif shown == 0:
            # Nothing but the kind hides outputs: there are only text and data ones.
            only_kind = self.proxy.workflow is None and self.proxy.batch is None
            hint = (
                "\n" + translate("GalleryView", KIND_HINT)
                if self.proxy.kind == MEDIA and only_kind
                else ""
            )
            self.empty_label.setText(translate("GalleryView", NO_MATCH_MESSAGE) + hint)
            self.pages.setCurrentWidget(self.empty_label)
        else:
            self.pages.setCurrentWidget(self.list_view)
        if total == 0:
            self.count_label.setText("")
        elif shown == total:
            self.count_label.setText(plural(total, "output"))
        else:
            self.count_label.setText(
                translate("GalleryView", "{shown} of {total}").format(
                    shown=format_count(shown), total=plural(total, "output")
                )
            )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.set_thumbnail_size(self.delegate.tile_size)
        super().changeEvent(event)

    def _action(self, text: str, slot: Any, shortcut: QKeySequence | None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.list_view.addAction(action)
        action.triggered.connect(slot)
        return action
