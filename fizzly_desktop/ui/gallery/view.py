"""The Gallery: every output kept, as a grid of thumbnails filterable by workflow and batch."""

from __future__ import annotations

import bisect
import logging
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Any, Literal

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
    SignalInstance,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QSizePolicy,
    QSlider,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.ui.outputs.folder import open_folder
from fizzly_desktop.ui.outputs.output_items import OutputItem
from fizzly_desktop.ui.outputs.thumbnails import ThumbnailLoader

log = logging.getLogger(__name__)

#: The OutputItem of a row.
ItemRole = Qt.ItemDataRole.UserRole + 1
#: Changed (in ``dataChanged``) when a row's thumbnail became available.
ThumbnailRole = Qt.ItemDataRole.UserRole + 2

#: Batch filter value selecting outputs of single runs (not part of a batch).
NO_BATCH = ""

EMPTY_GALLERY_MESSAGE = "No outputs yet — run a workflow and its images will appear here."
NO_MATCH_MESSAGE = "No outputs match these filters."

#: Thumbnail sizes decoded; a tile shows the smallest one at least as large as itself, so
#: dragging the size slider does not decode every image again for every pixel.
THUMBNAIL_BUCKETS = (64, 96, 128, 192, 256, 384, 512)


def thumbnail_bucket(pixels: int) -> int:
    """The decoded thumbnail size used for a tile of ``pixels`` device pixels."""
    index = bisect.bisect_left(THUMBNAIL_BUCKETS, pixels)
    return THUMBNAIL_BUCKETS[min(index, len(THUMBNAIL_BUCKETS) - 1)]


def _sort_key(item: OutputItem) -> tuple[float, str, str]:
    # Newest first; outputs of one run in the order of their names.
    return (-item.created_at.timestamp(), item.run_id, item.name)


def _when(moment: datetime) -> str:
    local = moment.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return local.strftime("%H:%M")
    return f"{local.strftime('%b')} {local.day}, {local.strftime('%H:%M')}"


# --- model -------------------------------------------------------------------------------------


class GalleryModel(QAbstractListModel):
    """Outputs, newest first. Live additions insert rows; they never reset the model.

    Roles: DisplayRole (the workflow's name), ToolTipRole, ``ItemRole`` (the OutputItem).

    Args:
        parent: the owning object.
        newest_first: order by time (the gallery); False keeps the order items are first
            given in (a run's outputs, in the order of its result).
    """

    def __init__(self, parent: QObject | None = None, *, newest_first: bool = True) -> None:
        super().__init__(parent)
        self._newest_first = newest_first
        self._arrival: dict[tuple[str, str], int] = {}
        # Rows in order, with their sort keys (one per item: a time ends with the item's own
        # key, an arrival order is a number of its own).
        self._items: list[OutputItem] = []
        self._keys: list[tuple[float, str, str]] = []
        # By item key: its sort key, from which its row is found by bisection. Nothing here
        # holds a row number, so inserting or removing rows renumbers nothing (with a couple of
        # thousand outputs in the gallery, re-indexing after each finished run cost 5-15 ms).
        self._sort_key_of: dict[tuple[str, str], tuple[float, str, str]] = {}
        self._keys_by_path: dict[str, set[tuple[str, str]]] = {}

    # Qt model API

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.workflow_name
        if role == ItemRole:
            return item
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(item)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{item.workflow_name}, {item.name}, {_when(item.created_at)}"
        return None

    # reading

    def item(self, row: int) -> OutputItem:
        return self._items[row]

    def items(self) -> list[OutputItem]:
        return list(self._items)

    def index_of(self, run_id: str, name: str) -> QModelIndex:
        row = self._row_of((run_id, name))
        return QModelIndex() if row is None else self.index(row, 0)

    def rows_for_path(self, path: str) -> list[int]:
        rows = (self._row_of(key) for key in self._keys_by_path.get(path, ()))
        return sorted(row for row in rows if row is not None)

    def workflows(self) -> list[tuple[str, str]]:
        """(workflow, display name) of every workflow with outputs, by display name."""
        seen: dict[str, str] = {}
        for item in self._items:
            seen.setdefault(item.workflow, item.workflow_name)
        return sorted(seen.items(), key=lambda pair: (pair[1].casefold(), pair[0]))

    def batches(self) -> list[tuple[str, str]]:
        """(batch id, display name) of every batch with outputs, newest batch first."""
        seen: dict[str, str] = {}
        for item in self._items:
            if item.batch_id is not None:
                seen.setdefault(item.batch_id, item.batch_name or "Unnamed batch")
        return list(seen.items())

    def has_single_runs(self) -> bool:
        return any(item.batch_id is None for item in self._items)

    # changing

    def set_items(self, items: Iterable[OutputItem]) -> None:
        """Replace everything (first load from history); the only operation that resets."""
        unique = {item.key: item for item in items}
        self.beginResetModel()
        self._items = sorted(unique.values(), key=self._sort_key)
        self._keys = [self._sort_key(item) for item in self._items]
        self._sort_key_of = {}
        self._keys_by_path = {}
        for item, key in zip(self._items, self._keys, strict=True):
            self._remember(item, key)
        self.endResetModel()

    def add_items(self, items: Iterable[OutputItem]) -> None:
        """Add new outputs and update known ones (same run and name) in place, without a reset."""
        fresh: dict[tuple[str, str], OutputItem] = {}
        changed: list[tuple[str, str]] = []
        moved_rows: set[int] = set()
        for item in items:
            row = self._row_of(item.key)
            if (
                row is not None
                and row not in moved_rows
                and self._sort_key(item) == self._keys[row]
            ):
                if self._items[row] != item:
                    self._forget(self._items[row])
                    self._items[row] = item
                    self._remember(item, self._keys[row])
                    changed.append(item.key)
                continue
            if row is not None:  # its place in the order changed: take it out, insert it again
                moved_rows.add(row)
            fresh[item.key] = item
        if moved_rows:
            self._remove_rows(sorted(moved_rows))
        for key in changed:
            row = self._row_of(key)
            if row is not None:
                index = self.index(row, 0)
                self.dataChanged.emit(index, index)
        if not fresh:
            return
        groups: dict[int, list[OutputItem]] = {}
        for item in sorted(fresh.values(), key=self._sort_key):
            groups.setdefault(bisect.bisect_left(self._keys, self._sort_key(item)), []).append(item)
        offset = 0
        for position in sorted(groups):
            block = groups[position]
            first = position + offset
            self.beginInsertRows(QModelIndex(), first, first + len(block) - 1)
            sort_keys = [self._sort_key(item) for item in block]
            self._items[first:first] = block
            self._keys[first:first] = sort_keys
            for item, sort_key in zip(block, sort_keys, strict=True):
                self._remember(item, sort_key)
            self.endInsertRows()
            offset += len(block)

    def remove_run(self, run_id: str) -> None:
        """Take out every output of ``run_id`` (the run was removed from history)."""
        self._remove_rows([row for row, item in enumerate(self._items) if item.run_id == run_id])

    def thumbnail_changed(self, path: str) -> None:
        """Tell views that the thumbnail of the rows showing ``path`` can now be drawn."""
        for row in self.rows_for_path(path):
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [ThumbnailRole])

    def _sort_key(self, item: OutputItem) -> tuple[float, str, str]:
        if self._newest_first:
            return _sort_key(item)
        order = self._arrival.setdefault(item.key, len(self._arrival))
        return (float(order), "", "")

    def _remove_rows(self, rows: Sequence[int]) -> None:
        # From the bottom up, so earlier row numbers stay valid; neighbours go in one removal.
        ranges: list[list[int]] = []
        for row in sorted(set(rows), reverse=True):
            if ranges and ranges[-1][0] == row + 1:
                ranges[-1][0] = row
            else:
                ranges.append([row, row])
        for first, last in ranges:
            self.beginRemoveRows(QModelIndex(), first, last)
            for item in self._items[first : last + 1]:
                self._forget(item)
            del self._items[first : last + 1]
            del self._keys[first : last + 1]
            self.endRemoveRows()

    def _row_of(self, key: tuple[str, str]) -> int | None:
        sort_key = self._sort_key_of.get(key)
        if sort_key is None:
            return None
        row = bisect.bisect_left(self._keys, sort_key)
        return row if row < len(self._keys) and self._keys[row] == sort_key else None

    def _remember(self, item: OutputItem, sort_key: tuple[float, str, str]) -> None:
        self._sort_key_of[item.key] = sort_key
        if item.path is not None:
            self._keys_by_path.setdefault(str(item.path), set()).add(item.key)

    def _forget(self, item: OutputItem) -> None:
        self._sort_key_of.pop(item.key, None)
        if item.path is not None:
            keys = self._keys_by_path.get(str(item.path))
            if keys is not None:
                keys.discard(item.key)
                if not keys:
                    del self._keys_by_path[str(item.path)]


def _tooltip(item: OutputItem) -> str:
    lines = [item.workflow_name, f"Output: {item.name}"]
    if item.batch_name or item.batch_id:
        lines.append(f"Batch: {item.batch_name or item.batch_id}")
    if item.width and item.height:
        lines.append(f"{item.width} × {item.height} px")
    if item.error is not None:
        lines.append(f"Not saved: {item.error}")
    lines.append(item.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"))
    return "\n".join(lines)


class GalleryFilterProxy(QSortFilterProxyModel):
    """Shows the outputs of one workflow and/or one batch.

    None lets everything through; the batch filter ``NO_BATCH`` keeps single runs only.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._workflow: str | None = None
        self._batch: str | None = None

    @property
    def workflow(self) -> str | None:
        return self._workflow

    @property
    def batch(self) -> str | None:
        return self._batch

    def set_workflow(self, workflow: str | None) -> None:
        if workflow != self._workflow:
            self._change_filter(lambda: setattr(self, "_workflow", workflow))

    def set_batch(self, batch_id: str | None) -> None:
        if batch_id != self._batch:
            self._change_filter(lambda: setattr(self, "_batch", batch_id))

    def _change_filter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateFilter() is deprecated there
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def item(self, row: int) -> OutputItem:
        item: OutputItem = self.index(row, 0).data(ItemRole)
        return item

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        item = model.index(source_row, 0, source_parent).data(ItemRole)
        if not isinstance(item, OutputItem):
            return False
        if self._workflow is not None and item.workflow != self._workflow:
            return False
        if self._batch is None:
            return True
        if self._batch == NO_BATCH:
            return item.batch_id is None
        return item.batch_id == self._batch


# --- painting ----------------------------------------------------------------------------------


CaptionMode = Literal["workflow", "output"]


class OutputTileDelegate(QStyledItemDelegate):
    """Paints an output as a square tile and a two-line caption; images through the loader.

    Painting is what asks for thumbnails, so only rows on screen are ever decoded.

    Args:
        loader: where thumbnails come from.
        parent: the owning view.
        tile_size: side of the square picture area, in pixels.
        caption: "workflow" (gallery: the workflow's name, then time) or "output" (a run's
            outputs: the output's name, then its pixel size).
    """

    PADDING = 6
    CAPTION_GAP = 4
    #: Memory kept for tiles ready to paint (scaled, rounded thumbnails).
    TILE_CACHE_BYTES = 48 * 1024 * 1024

    def __init__(
        self,
        loader: ThumbnailLoader,
        parent: QObject | None = None,
        *,
        tile_size: int = 160,
        caption: CaptionMode = "workflow",
    ) -> None:
        super().__init__(parent)
        self._loader = loader
        self._tile = tile_size
        self._caption = caption
        self._tiles: OrderedDict[tuple[int, int, int, float], QPixmap] = OrderedDict()
        self._tiles_bytes = 0

    @property
    def tile_size(self) -> int:
        return self._tile

    def set_tile_size(self, pixels: int) -> None:
        self._tile = pixels

    def size_for(self, font: QFont) -> QSize:
        """The size of every tile (the views use uniform item sizes)."""
        metrics = QFontMetrics(font)
        caption = self.CAPTION_GAP + metrics.height() + _small_metrics(font).height()
        side = self._tile + 2 * self.PADDING
        return QSize(side, side + caption)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return self.size_for(option.font)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        item = index.data(ItemRole)
        if not isinstance(item, OutputItem):
            return
        opt = option
        rect: QRect = opt.rect
        palette: QPalette = opt.palette

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self._paint_backdrop(painter, rect, palette, opt.state)

        tile = QRect(
            rect.x() + (rect.width() - self._tile) // 2,
            rect.y() + self.PADDING,
            self._tile,
            self._tile,
        )
        dpr = painter.device().devicePixelRatioF() if painter.device() else 1.0
        if item.is_image:
            self._paint_image(painter, tile, item, palette, dpr)
        else:
            self._paint_text_tile(painter, tile, item, palette)
        self._paint_caption(painter, rect, tile, item, palette, opt.font)
        painter.restore()

    def _paint_backdrop(
        self, painter: QPainter, rect: QRect, palette: QPalette, state: QStyle.StateFlag
    ) -> None:
        # A soft rounded highlight in the palette's colours, lighter than a solid block so the
        # picture stays readable when selected.
        frame = rect.adjusted(1, 1, -1, -1)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        if state & QStyle.StateFlag.State_Selected:
            fill = QColor(highlight)
            fill.setAlpha(70)
            painter.setBrush(fill)
            painter.setPen(QPen(highlight, 2))
            painter.drawRoundedRect(frame, 8, 8)
        elif state & QStyle.StateFlag.State_MouseOver:
            fill = QColor(highlight)
            fill.setAlpha(28)
            painter.setBrush(fill)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawRoundedRect(frame, 8, 8)
        if state & QStyle.StateFlag.State_HasFocus and not state & QStyle.StateFlag.State_Selected:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(highlight, 1, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(frame, 8, 8)

    def _paint_image(
        self, painter: QPainter, tile: QRect, item: OutputItem, palette: QPalette, dpr: float
    ) -> None:
        pixmap = None
        failure = None
        if item.error is not None:
            failure = f"Not saved: {item.error}"
        elif item.path is None:
            failure = "Not saved yet"
        else:
            pixmap = self._loader.request(item.path, thumbnail_bucket(round(self._tile * dpr)))
            if pixmap is None and self._loader.failure(item.path) is not None:
                failure = "Can't show this image"
        if pixmap is not None and not pixmap.isNull():
            shown = pixmap.size().scaled(tile.size(), Qt.AspectRatioMode.KeepAspectRatio)
            if pixmap.width() <= tile.width() and pixmap.height() <= tile.height():
                shown = pixmap.size()  # a small original is not blown up
            target = QRect(QPoint(0, 0), shown)
            target.moveCenter(tile.center())
            painter.drawPixmap(target.topLeft(), self._tile_pixmap(pixmap, shown, dpr))
            return
        # Placeholder while decoding, or a plain note when the picture cannot be shown.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(tile, 6, 6)
        if failure is not None:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.setFont(_small_font(painter.font()))
            painter.drawText(
                tile.adjusted(8, 8, -8, -8),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                failure,
            )

    def _tile_pixmap(self, thumbnail: QPixmap, size: QSize, dpr: float) -> QPixmap:
        """``thumbnail`` scaled to ``size`` with rounded corners, made once and then reused.

        Smooth scaling and an antialiased clip for every tile of every frame made scrolling
        stutter; painting a ready pixmap is a plain copy.
        """
        key = (thumbnail.cacheKey(), size.width(), size.height(), dpr)
        ready = self._tiles.get(key)
        if ready is not None:
            self._tiles.move_to_end(key)
            return ready
        device = QSize(round(size.width() * dpr), round(size.height() * dpr))
        scaled = thumbnail.scaled(
            device, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        ready = QPixmap(device)
        ready.fill(Qt.GlobalColor.transparent)
        clip = QPainterPath()
        clip.addRoundedRect(QRectF(ready.rect()), 4 * dpr, 4 * dpr)
        painter = QPainter(ready)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setClipPath(clip)
        painter.drawPixmap(0, 0, scaled)
        painter.end()
        ready.setDevicePixelRatio(dpr)
        self._tiles[key] = ready
        self._tiles_bytes += device.width() * device.height() * 4
        while self._tiles_bytes > self.TILE_CACHE_BYTES and len(self._tiles) > 1:
            _, old = self._tiles.popitem(last=False)
            self._tiles_bytes -= old.width() * old.height() * 4
        return ready

    def _paint_text_tile(
        self, painter: QPainter, tile: QRect, item: OutputItem, palette: QPalette
    ) -> None:
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(tile.adjusted(0, 0, -1, -1), 6, 6)
        small = _small_font(painter.font())
        painter.setFont(small)
        badge = "JSON" if item.kind == "json" else "TEXT"
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        inner = tile.adjusted(8, 6, -8, -6)
        painter.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, badge)
        body = inner.adjusted(0, QFontMetrics(small).height() + 2, 0, 0)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        # drawText never interprets markup: server text is shown exactly as sent.
        painter.drawText(
            body,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            item.display_text()[:600],
        )

    def _paint_caption(
        self,
        painter: QPainter,
        rect: QRect,
        tile: QRect,
        item: OutputItem,
        palette: QPalette,
        font: QFont,
    ) -> None:
        if self._caption == "workflow":
            title = item.workflow_name
            detail = _when(item.created_at)
            if item.batch_name:
                detail = f"{detail} · {item.batch_name}"
        else:
            title = item.name
            detail = f"{item.width} × {item.height}" if item.width and item.height else item.kind
        width = rect.width() - 2 * self.PADDING
        metrics = QFontMetrics(font)
        small = _small_font(font)
        small_metrics = QFontMetrics(small)
        top = tile.bottom() + 1 + self.CAPTION_GAP
        title_rect = QRect(rect.x() + self.PADDING, top, width, metrics.height())
        detail_rect = QRect(
            rect.x() + self.PADDING, top + metrics.height(), width, small_metrics.height()
        )
        text_role = QPalette.ColorRole.Text
        painter.setFont(font)
        painter.setPen(palette.color(text_role))
        painter.drawText(
            title_rect,
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(title, Qt.TextElideMode.ElideRight, width),
        )
        painter.setFont(small)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            detail_rect,
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
            small_metrics.elidedText(detail, Qt.TextElideMode.ElideRight, width),
        )


def _small_font(font: QFont) -> QFont:
    small = QFont(font)
    if small.pointSizeF() > 0:
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.88))
    else:
        small.setPixelSize(max(9, round(small.pixelSize() * 0.88)))
    return small


def _small_metrics(font: QFont) -> QFontMetrics:
    return QFontMetrics(_small_font(font))


# --- the view ----------------------------------------------------------------------------------


class OutputGridView(QListView):
    """A QListView laid out as a wrapping grid of uniform tiles."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setUniformItemSizes(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setWrapping(True)
        self.setSpacing(6)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMouseTracking(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def set_tile_size(self, size: QSize) -> None:
        self.setGridSize(size + QSize(self.spacing(), self.spacing()))
        self.scheduleDelayedItemsLayout()


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
    """

    open_requested = Signal(OutputItem)
    use_inputs_requested = Signal(OutputItem)
    show_run_requested = Signal(str)
    save_as_requested = Signal(OutputItem)
    copy_image_requested = Signal(OutputItem)
    export_requested = Signal(list)

    MIN_TILE = 96
    MAX_TILE = 320
    DEFAULT_TILE = 160

    def __init__(
        self,
        loader: ThumbnailLoader,
        parent: QWidget | None = None,
        *,
        model: GalleryModel | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName("Gallery")
        self._loader = loader
        self.gallery_model = model if model is not None else GalleryModel(self)
        self.proxy = GalleryFilterProxy(self)
        self.proxy.setSourceModel(self.gallery_model)

        self.workflow_combo = QComboBox(self)
        self.workflow_combo.setAccessibleName("Filter by workflow")
        self.workflow_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.workflow_combo.setMinimumContentsLength(10)
        self.batch_combo = QComboBox(self)
        self.batch_combo.setAccessibleName("Filter by batch")
        self.batch_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.batch_combo.setMinimumContentsLength(10)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName("Number of outputs shown")
        # The count gives way first when the window is narrow (the gallery shares it).
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.count_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("9999 outputs"))
        self.size_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.size_slider.setAccessibleName("Thumbnail size")
        self.size_slider.setToolTip("Thumbnail size")
        self.size_slider.setRange(self.MIN_TILE, self.MAX_TILE)
        self.size_slider.setSingleStep(16)
        self.size_slider.setPageStep(32)
        self.size_slider.setValue(self.DEFAULT_TILE)
        self.size_slider.setFixedWidth(110)

        workflow_label = QLabel("&Workflow:", self)
        workflow_label.setBuddy(self.workflow_combo)
        batch_label = QLabel("&Batch:", self)
        batch_label.setBuddy(self.batch_combo)
        size_label = QLabel("Size:", self)
        size_label.setBuddy(self.size_slider)

        bar = QHBoxLayout()
        bar.setContentsMargins(10, 8, 10, 8)
        bar.setSpacing(6)
        bar.addWidget(workflow_label)
        bar.addWidget(self.workflow_combo)
        bar.addSpacing(8)
        bar.addWidget(batch_label)
        bar.addWidget(self.batch_combo)
        bar.addSpacing(8)
        bar.addWidget(self.count_label, 1)
        bar.addSpacing(8)
        bar.addWidget(size_label)
        bar.addWidget(self.size_slider)

        self.delegate = OutputTileDelegate(loader, self, tile_size=self.DEFAULT_TILE)
        self.list_view = OutputGridView(self)
        self.list_view.setAccessibleName("Outputs")
        self.list_view.setModel(self.proxy)
        self.list_view.setItemDelegate(self.delegate)

        self.empty_label = QLabel(EMPTY_GALLERY_MESSAGE, self)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setMargin(32)
        self.empty_label.setAccessibleName("Gallery message")
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.list_view)
        self.pages.addWidget(self.empty_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.pages, 1)

        # Enter and double-click open through the view's own "activated" signal.
        self.open_action = self._action("Open", self._open_selected, None)
        self.use_inputs_action = self._action(
            "Use these inputs", self._use_inputs_of_current, QKeySequence("Ctrl+Shift+U")
        )
        self.show_run_action = self._action("Show run", self._show_run_of_current, None)
        self.open_folder_action = self._action(
            "Open containing folder", self._open_folder_of_current, None
        )
        self.copy_text_action = self._action("Copy text", self._copy_text_of_current, None)
        self.save_as_action = self._action(
            "Save as…", lambda: self._emit_saved(self.save_as_requested), QKeySequence("Ctrl+S")
        )
        self.copy_image_action = self._action(
            "Copy image",
            lambda: self._emit_saved(self.copy_image_requested),
            QKeySequence("Ctrl+Shift+C"),
        )
        self.export_action = self._action("Export selected…", self._export_selected, None)

        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self._refresh_filters)

        self.list_view.activated.connect(self._on_list_view_activated)
        self.list_view.customContextMenuRequested.connect(self._on_list_view_context_menu)
        self.workflow_combo.currentIndexChanged.connect(self._on_workflow_combo_changed)
        self.batch_combo.currentIndexChanged.connect(self._on_batch_combo_changed)
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
        self.workflow_combo.setCurrentIndex(_combo_index(self.workflow_combo, workflow))

    def set_batch_filter(self, batch_id: str | None) -> None:
        """Show only outputs of ``batch_id`` (``NO_BATCH``: single runs), or all with None."""
        self.batch_combo.setCurrentIndex(_combo_index(self.batch_combo, batch_id))

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
        if item.is_image:
            for action in (self.open_folder_action, self.save_as_action, self.copy_image_action):
                action.setEnabled(item.path is not None)
            menu.addAction(self.save_as_action)
            menu.addAction(self.copy_image_action)
            menu.addAction(self.open_folder_action)
        else:
            menu.addAction(self.copy_text_action)
        exportable = len(self.exportable_items())
        self.export_action.setText(
            f"Export {exportable} selected images…" if exportable > 1 else "Export…"
        )
        self.export_action.setEnabled(exportable > 0)
        menu.addAction(self.export_action)
        self.use_inputs_action.setEnabled(bool(item.inputs))
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
        menu.exec(self.list_view.viewport().mapToGlobal(position))
        menu.deleteLater()

    def _on_workflow_combo_changed(self, _index: int) -> None:
        self.proxy.set_workflow(self.workflow_combo.currentData())
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
        if item is not None and item.is_image and item.path is not None:
            signal.emit(item)

    def _export_selected(self) -> None:
        items = self.exportable_items()
        if items:
            self.export_requested.emit(items)

    def _copy_text_of_current(self) -> None:
        item = self.current_item()
        if item is not None and not item.is_image:
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
        workflows = [("All workflows", None), *[(n, w) for w, n in self.gallery_model.workflows()]]
        batches: list[tuple[str, str | None]] = [("All batches", None)]
        if self.gallery_model.has_single_runs():
            batches.append(("Single runs", NO_BATCH))
        batches.extend((name, batch_id) for batch_id, name in self.gallery_model.batches())
        _fill_combo(self.workflow_combo, workflows)
        _fill_combo(self.batch_combo, batches)
        self._update_page()

    def _update_page(self, *_: object) -> None:
        total = self.gallery_model.rowCount()
        shown = self.proxy.rowCount()
        for control in (self.workflow_combo, self.batch_combo, self.size_slider):
            control.setEnabled(total > 0)  # nothing to filter or size yet
        if total == 0:
            self.empty_label.setText(EMPTY_GALLERY_MESSAGE)
            self.pages.setCurrentWidget(self.empty_label)
        elif shown == 0:
            self.empty_label.setText(NO_MATCH_MESSAGE)
            self.pages.setCurrentWidget(self.empty_label)
        else:
            self.pages.setCurrentWidget(self.list_view)
        if total == 0:
            self.count_label.setText("")
        elif shown == total:
            self.count_label.setText(f"{total} output{'s' if total != 1 else ''}")
        else:
            self.count_label.setText(f"{shown} of {total} outputs")

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


def _fill_combo(combo: QComboBox, choices: Sequence[tuple[str, str | None]]) -> None:
    current = combo.currentData()
    existing = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
    if existing == list(choices):
        return
    combo.blockSignals(True)
    try:
        combo.clear()
        for text, data in choices:
            combo.addItem(text, data)
        combo.setCurrentIndex(_combo_index(combo, current))
    finally:
        combo.blockSignals(False)
    if combo.currentData() != current:
        # The chosen workflow or batch has no outputs any more: fall back to all.
        combo.currentIndexChanged.emit(combo.currentIndex())


def _combo_index(combo: QComboBox, data: str | None) -> int:
    """The row holding ``data``; the first row ("All …") when it is None or gone."""
    if data is None:
        return 0
    for row in range(combo.count()):
        if combo.itemData(row) == data:
            return row
    return 0
