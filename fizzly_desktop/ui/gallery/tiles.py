"""How outputs are painted: a square tile with a caption, laid out in a wrapping grid."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Literal

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from fizzly_desktop.core.media import describe_duration
from fizzly_desktop.ui.colors import ON_SCRIM, SCRIM, STAR
from fizzly_desktop.ui.gallery.model import ItemRole, thumbnail_bucket, when_made
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.outputs.output_items import OutputItem, progress_text
from fizzly_desktop.ui.outputs.thumbnails import ThumbnailLoader

# --- painting ----------------------------------------------------------------------------------


CaptionMode = Literal["workflow", "output"]
#: A ready tile: (file, thumbnail size asked for, tile width, tile height, device pixel ratio).
_TileKey = tuple[str, int, int, int, float]


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
    #: Memory kept for tiles ready to paint (scaled, rounded thumbnails): some 50 tiles, about
    #: two screens. Tiles painted within the last ``KEEP_RECENT_S`` stay even past it (they
    #: are on screen); what was scrolled past is let go and made again from its thumbnail.
    TILE_CACHE_BYTES = 5 * 1024 * 1024
    KEEP_RECENT_S = 0.1

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
        self._tiles: OrderedDict[_TileKey, QPixmap] = OrderedDict()
        self._tile_used: dict[_TileKey, float] = {}
        self._tiles_bytes = 0
        # Tiles kept past the budget while on screen are let go once they are not.
        self._trim_timer = QTimer(self)
        self._trim_timer.setSingleShot(True)
        self._trim_timer.setInterval(round(self.KEEP_RECENT_S * 1000) + 50)
        self._trim_timer.timeout.connect(self.trim_tiles)
        # Tiles are found by their file: a file the loader was told to forget is made again.
        loader.thumbnail_forgotten.connect(self.forget_tiles)
        #: An output's mark ("star", "reject" or None), set by the library presenter.
        self.mark_of: Callable[[OutputItem], str | None] = lambda _item: None

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
        mark = self.mark_of(item)
        if mark == "reject":
            # Rejected outputs stay in sight (nothing is lost) but step back.
            painter.setOpacity(0.35)
        if item.is_file:
            shown = self._paint_image(painter, tile, item, palette, dpr)
            if not item.is_image:
                paint_media_badge(painter, shown, item)
        else:
            self._paint_text_tile(painter, tile, item, palette)
        self._paint_caption(painter, rect, tile, item, palette, opt.font)
        if mark == "star":
            self._paint_star(painter, tile)
        painter.restore()

    def _paint_star(self, painter: QPainter, tile: QRect) -> None:
        badge = QRect(tile.right() - 26, tile.top() + 4, 22, 22)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(SCRIM)
        painter.drawEllipse(badge)
        painter.setPen(STAR)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, "★")

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
        if state & QStyle.StateFlag.State_HasFocus:
            # The current tile, while the view has focus: selected or not, keys act from here.
            painter.setBrush(Qt.BrushStyle.NoBrush)
            selected = bool(state & QStyle.StateFlag.State_Selected)
            pen = palette.color(
                QPalette.ColorRole.Text if selected else QPalette.ColorRole.Highlight
            )
            painter.setPen(QPen(pen, 1, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(frame.adjusted(2, 2, -2, -2) if selected else frame, 7, 7)

    def _paint_image(
        self, painter: QPainter, tile: QRect, item: OutputItem, palette: QPalette, dpr: float
    ) -> QRect:
        """Paint the thumbnail (or a placeholder); return where the picture went."""
        failure = None
        if item.error is not None:
            failure = translate("OutputTileDelegate", "Not saved: {error}").format(error=item.error)
        elif item.downloading:
            failure = progress_text(item)
        elif item.path is None:
            failure = translate("OutputTileDelegate", "Not saved yet")
        else:
            bucket = thumbnail_bucket(round(self._tile * dpr))
            # A tile is found by its file: once made, its thumbnail is not needed to paint it.
            key: _TileKey = (str(item.path), bucket, tile.width(), tile.height(), dpr)
            ready = self._ready_tile(key)
            if ready is not None:
                return self._draw_tile(painter, tile, ready)
            pixmap = self._loader.request(item.path, bucket)
            if pixmap is None and self._loader.failure(item.path) is not None:
                failure = translate("OutputTileDelegate", "Can't show this image")
            elif pixmap is not None and not pixmap.isNull():
                shown = pixmap.size().scaled(tile.size(), Qt.AspectRatioMode.KeepAspectRatio)
                if pixmap.width() <= tile.width() and pixmap.height() <= tile.height():
                    shown = pixmap.size()  # a small original is not blown up
                ready = self._tile_pixmap(pixmap, shown, dpr, key)
                # The tile is what paints from now on: the picture is held once, as its tile.
                self._loader.release(item.path, bucket)
                return self._draw_tile(painter, tile, ready)
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
        return tile

    @staticmethod
    def _draw_tile(painter: QPainter, tile: QRect, ready: QPixmap) -> QRect:
        """Paint a ready tile centred in ``tile``; return where it went."""
        target = QRect(QPoint(0, 0), ready.deviceIndependentSize().toSize())
        target.moveCenter(tile.center())
        painter.drawPixmap(target.topLeft(), ready)
        return target

    def _ready_tile(self, key: _TileKey) -> QPixmap | None:
        ready = self._tiles.get(key)
        if ready is not None:
            self._tiles.move_to_end(key)
            self._tile_used[key] = time.monotonic()
        return ready

    def _tile_pixmap(
        self, thumbnail: QPixmap, size: QSize, dpr: float, key: _TileKey | None = None
    ) -> QPixmap:
        """``thumbnail`` scaled to ``size`` with rounded corners, made once and then reused
        (found by ``key``: the file, the thumbnail's size and the tile's; else the thumbnail).

        Smooth scaling and an antialiased clip for every tile of every frame made scrolling
        stutter; painting a ready pixmap is a plain copy.
        """
        if key is None:
            key = (str(thumbnail.cacheKey()), 0, size.width(), size.height(), dpr)
        ready = self._ready_tile(key)
        now = time.monotonic()
        if ready is not None:
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
        self._tile_used[key] = now
        self._tiles_bytes += device.width() * device.height() * 4
        self.trim_tiles()
        return ready

    def trim_tiles(self) -> None:
        """Let the least recently painted tiles go until the cache is within its budget, but
        not those painted within ``KEEP_RECENT_S`` (on screen): those are let go later."""
        recent = time.monotonic() - self.KEEP_RECENT_S
        while self._tiles_bytes > self.TILE_CACHE_BYTES and len(self._tiles) > 1:
            oldest = next(iter(self._tiles))
            if self._tile_used[oldest] > recent:
                self._trim_timer.start()
                break
            old = self._tiles.pop(oldest)
            del self._tile_used[oldest]
            self._tiles_bytes -= old.width() * old.height() * 4

    def forget_tiles(self, path: str) -> None:
        """Drop the tiles made from ``path`` (it was replaced): they are made again."""
        for key in [key for key in self._tiles if key[0] == path]:
            old = self._tiles.pop(key)
            del self._tile_used[key]
            self._tiles_bytes -= old.width() * old.height() * 4

    @property
    def tiles_bytes(self) -> int:
        """Memory held by tiles ready to paint."""
        return self._tiles_bytes

    def _paint_text_tile(
        self, painter: QPainter, tile: QRect, item: OutputItem, palette: QPalette
    ) -> None:
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(tile.adjusted(0, 0, -1, -1), 6, 6)
        small = _small_font(painter.font())
        painter.setFont(small)
        badge = translate("OutputTileDelegate", "JSON") if item.kind == "json" else "TEXT"
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
            detail = when_made(item.created_at)
            if item.batch_name:
                detail = f"{detail} · {item.batch_name}"
        else:
            title = item.name
            detail = f"{item.width} × {item.height}" if item.width and item.height else item.kind
            if item.duration:
                detail = f"{detail} · {describe_duration(item.duration)}"
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


def paint_media_badge(painter: QPainter, tile: QRect, item: OutputItem) -> None:
    """What a tile that is not a picture holds, in its corner: "▶ 0:03", "♪ 0:02", "3D"."""
    symbol = {"video": "▶", "audio": "♪", "model": "3D"}.get(item.kind, "FILE")
    text = f"{symbol} {describe_duration(item.duration)}".strip()
    font = _small_font(painter.font())
    font.setBold(True)
    painter.setFont(font)
    metrics = QFontMetrics(font)
    badge = QRect(tile.left() + 4, tile.bottom() - metrics.height() - 6, 0, metrics.height() + 2)
    badge.setWidth(metrics.horizontalAdvance(text) + 10)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(SCRIM)
    painter.drawRoundedRect(badge, 4, 4)
    painter.setPen(ON_SCRIM)
    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)


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
        # Pictures are dragged out (onto a form's image field), never moved within the grid.
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)

    def set_tile_size(self, size: QSize) -> None:
        self.setGridSize(size + QSize(self.spacing(), self.spacing()))
        self.scheduleDelayedItemsLayout()
