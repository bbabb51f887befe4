"""The sweep grid's cells: what each shows (:class:`Cell`), their table model and painter.

Columns are the values of the first swept input, rows those of the second (one row when only one
input is swept). Cells are painted by a delegate over a small table model, so a grid of a
thousand runs stays cheap. A starred run shows a star in its corner; a rejected one is dimmed.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from fizzly_desktop.core.batch_plan import BatchPlan, PlannedRun
from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP
from fizzly_desktop.core.runs import RunState
from fizzly_desktop.ui.colors import (
    NEUTRAL,
    SCRIM,
    Tone,
    blend,
    readable,
    tinted,
    tone_color,
)
from fizzly_desktop.ui.colors import STAR as STAR_COLOR
from fizzly_desktop.ui.i18n import translate

log = logging.getLogger(__name__)

WAITING = "waiting"
RUNNING = "running"
DONE = "done"
FAILED = "failed"
CANCELLED = "cancelled"
ATTENTION = "attention"
CELL_STATES = (WAITING, RUNNING, DONE, FAILED, CANCELLED, ATTENTION)

STATE_WORDS = {
    WAITING: QT_TRANSLATE_NOOP("GridCells", "Waiting"),
    RUNNING: QT_TRANSLATE_NOOP("GridCells", "Running"),
    DONE: QT_TRANSLATE_NOOP("GridCells", "Done"),
    FAILED: QT_TRANSLATE_NOOP("GridCells", "Failed"),
    CANCELLED: QT_TRANSLATE_NOOP("GridCells", "Cancelled"),
    ATTENTION: QT_TRANSLATE_NOOP("GridCells", "Needs attention"),
}
_GLYPHS = {
    WAITING: "…",
    RUNNING: "▶",
    DONE: "✓",
    FAILED: "✕",
    CANCELLED: "⊘",
    ATTENTION: "?",
}

_STATE_TONES = {DONE: Tone.DONE, FAILED: Tone.FAILED, ATTENTION: Tone.ATTENTION}


def cell_colors(palette: QPalette, card: QColor) -> dict[str, QColor]:
    """The colour of each state's glyph on a cell of colour ``card``, readable (4.5:1) on it."""
    colors = {state: tone_color(tone, palette, card) for state, tone in _STATE_TONES.items()}
    colors[RUNNING] = readable(palette.color(QPalette.ColorRole.Highlight), card)
    return colors


_RUN_STATES = {
    RunState.DRAFT: WAITING,
    RunState.WAITING: WAITING,
    RunState.PENDING: WAITING,
    RunState.IN_QUEUE: WAITING,
    RunState.SUBMITTING: RUNNING,
    RunState.IN_PROGRESS: RUNNING,
    RunState.CANCELLING: RUNNING,
    RunState.COMPLETED: DONE,
    RunState.FAILED: FAILED,
    # Refused by the server: the user decides what to do (as in the sidebar's groups).
    RunState.REJECTED: ATTENTION,
    RunState.CANCELLED: CANCELLED,
    RunState.UNCERTAIN: ATTENTION,
}

#: Longest header shown in full; longer swept values are shortened (the tooltip has all).
HEADER_CHARS = 48

#: Side of the thumbnails asked of the provider: cells scale them to fit.
DEFAULT_THUMBNAIL_SIZE = 256

ThumbnailProvider = Callable[[Path, int], QPixmap | None]

StateRole = Qt.ItemDataRole.UserRole + 1
ProgressRole = Qt.ItemDataRole.UserRole + 2
ItemIndexRole = Qt.ItemDataRole.UserRole + 3
PixmapRole = Qt.ItemDataRole.UserRole + 4
SeedRole = Qt.ItemDataRole.UserRole + 5
MarkRole = Qt.ItemDataRole.UserRole + 6

#: Marks a cell's run can have: starred (a badge in the corner) or rejected (dimmed).
STAR, REJECT = "star", "reject"


def _seed_text(item: PlannedRun) -> str:
    seed = item.inputs.get("seed")
    return "" if seed is None or isinstance(seed, dict | list) else str(seed)


def cell_state(state: RunState) -> str:
    """The grid's word for a run state: queued ones wait; refused and unanswered ones need
    attention, as the sidebar groups them."""
    return _RUN_STATES[state]


@dataclass(frozen=True)
class Cell:
    """What one cell shows: the run's plan index and label, its state, progress and output."""

    index: int
    label: str
    state: str = WAITING
    #: The run's seed ("" when it has none): tells apart tiles that sweep nothing else.
    seed: str = ""
    progress: int | None = None
    image_path: Path | None = None
    pixmap: QPixmap | None = None
    #: ``STAR``, ``REJECT`` or None: the run's mark (or its picture's).
    mark: str | None = None

    def describe(self) -> str:
        words = (
            translate("GridCells", STATE_WORDS[self.state])
            if self.state in STATE_WORDS
            else self.state.capitalize()
        )
        if self.state == RUNNING and self.progress is not None:
            words = f"{words} · {self.progress}%"
        if self.mark == STAR:
            words += translate("Cell", " · starred")
        elif self.mark == REJECT:
            words += translate("Cell", " · rejected")
        return words


class SweepGridModel(QAbstractTableModel):
    """The cells of a plan by grid position, with headers ``field = value``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plan: BatchPlan | None = None
        self._rows = 0
        self._columns = 0
        self._cells: list[Cell] = []
        self._positions: list[tuple[int, int]] = []
        self._by_position: dict[tuple[int, int], int] = {}

    # --- contents -----------------------------------------------------------------------------

    def set_plan(self, plan: BatchPlan) -> None:
        self.beginResetModel()
        self._plan = plan
        items = plan.items
        if plan.axes:
            self._rows, self._columns = plan.grid_shape
            positions = [_position(item, i, self._columns) for i, item in enumerate(items)]
        else:
            # Not a sweep: a near-square grid in queue order, so a batch of seeds reads well too.
            self._columns = max(1, math.ceil(math.sqrt(len(items))))
            self._rows = math.ceil(len(items) / self._columns) if items else 0
            positions = [divmod(i, self._columns) for i in range(len(items))]
        self._cells = [
            Cell(index=i, label=item.label, seed=_seed_text(item)) for i, item in enumerate(items)
        ]
        self._positions = positions
        self._by_position = {pos: i for i, pos in enumerate(positions)}
        self.endResetModel()

    def plan(self) -> BatchPlan | None:
        return self._plan

    def cell(self, item_index: int) -> Cell:
        return self._cells[item_index]

    def cell_count(self) -> int:
        return len(self._cells)

    def model_index(self, item_index: int) -> QModelIndex:
        row, column = self._positions[item_index]
        return self.index(row, column)

    def item_at(self, index: QModelIndex | QPersistentModelIndex) -> int | None:
        if not index.isValid():
            return None
        return self._by_position.get((index.row(), index.column()))

    def replace_cell(self, cell: Cell) -> None:
        self._cells[cell.index] = cell
        changed = self.model_index(cell.index)
        self.dataChanged.emit(changed, changed)

    def cells_showing(self, path: Path) -> list[Cell]:
        return [cell for cell in self._cells if cell.image_path == path]

    # --- Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        item = self._by_position.get((index.row(), index.column()))
        if item is None:
            return None
        cell = self._cells[item]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.describe()
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            seed = (
                translate("SweepGridModel", " (seed {seed})").format(seed=cell.seed)
                if cell.seed and "seed" not in cell.label
                else ""
            )
            return f"{cell.label}{seed}: {cell.describe()}"
        if role == SeedRole:
            return cell.seed
        if role == StateRole:
            return cell.state
        if role == ProgressRole:
            return cell.progress
        if role == ItemIndexRole:
            return cell.index
        if role == PixmapRole:
            return cell.pixmap
        if role == MarkRole:
            return cell.mark
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if self.item_at(index) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        text = self._header_text(section, orientation)
        if text is None or role == Qt.ItemDataRole.ToolTipRole:
            return text
        # A swept prompt can be a paragraph: the header shows its start, the tooltip all of it.
        flat = " ".join(text.split())
        return flat if len(flat) <= HEADER_CHARS else flat[: HEADER_CHARS - 1].rstrip() + "…"

    def _header_text(self, section: int, orientation: Qt.Orientation) -> str | None:
        plan = self._plan
        if plan is None:
            return None
        axes = plan.axes
        if orientation == Qt.Orientation.Horizontal:
            if axes and section < len(axes[0].values):
                return axes[0].header(section)
            return str(section + 1)
        if len(axes) > 1 and section < len(axes[1].values):
            return axes[1].header(section)
        if axes:
            return ""
        return str(section + 1)


def _position(item: PlannedRun, order: int, columns: int) -> tuple[int, int]:
    if item.grid_position is not None:
        return item.grid_position
    return divmod(order, columns)


class CellDelegate(QStyledItemDelegate):
    """Paints a cell: the thumbnail when there is one, else a glyph and words for its state."""

    MARGIN = 6

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        state = index.data(StateRole)
        if state is None:
            return
        palette: QPalette = option.palette
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        inner = QRectF(rect.adjusted(3, 3, -3, -3))
        base = palette.color(QPalette.ColorRole.Base)
        card = palette.color(QPalette.ColorRole.AlternateBase)
        if state == FAILED:
            card = tinted(base, Tone.FAILED)
        elif state == ATTENTION:
            card = tinted(base, Tone.ATTENTION)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(card)
        painter.drawRoundedRect(inner, 6, 6)
        pixmap = index.data(PixmapRole)
        content = inner.adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN)
        mark = index.data(MarkRole)
        if mark == REJECT:
            painter.setOpacity(0.35)  # as the gallery dims rejected pictures
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            self._paint_pixmap(painter, pixmap, content)
        else:
            self._paint_placeholder(painter, palette, card, state, index, content)
        painter.setOpacity(1.0)
        if mark == STAR:
            self._paint_star(painter, inner)
        if state == RUNNING:
            self._paint_progress(painter, palette, index.data(ProgressRole), inner)
        seed = index.data(SeedRole)
        if seed:
            self._paint_seed(
                painter, palette, translate("GridCells", "seed {seed}").format(seed=seed), inner
            )
        if selected:
            pen = painter.pen()
            pen.setColor(palette.color(QPalette.ColorRole.Highlight))
            pen.setWidthF(2.5)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(inner.adjusted(1, 1, -1, -1), 6, 6)
        if option.state & QStyle.StateFlag.State_HasFocus:
            # The current tile while the grid has focus: where arrows, Enter and keys act.
            focus = QPen(palette.color(QPalette.ColorRole.Text), 1, Qt.PenStyle.DashLine)
            painter.setPen(focus)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(rect).adjusted(1, 1, -1, -1), 7, 7)
        painter.restore()

    @staticmethod
    def _paint_seed(painter: QPainter, palette: QPalette, text: str, area: QRectF) -> None:
        """The seed on a small plate in the tile's top left corner, readable over a picture."""
        font = QFont(painter.font())
        font.setPixelSize(max(9, min(12, int(area.height() * 0.09))))
        metrics = QFontMetrics(font)
        room = int(area.width()) - 12
        if room < 24:
            return
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        plate = QRectF(
            area.left() + 4,
            area.top() + 4,
            metrics.horizontalAdvance(shown) + 8,
            metrics.height() + 2,
        )
        painter.setPen(Qt.PenStyle.NoPen)
        backdrop = QColor(palette.color(QPalette.ColorRole.Base))
        backdrop.setAlphaF(0.8)
        painter.setBrush(backdrop)
        painter.drawRoundedRect(plate, 3, 3)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(plate, Qt.AlignmentFlag.AlignCenter, shown)

    @staticmethod
    def _paint_star(painter: QPainter, inner: QRectF) -> None:
        """A gold star on a dark disc in the tile's top right corner, readable on any picture."""
        side = max(14.0, min(24.0, inner.height() * 0.16))
        disc = QRectF(inner.right() - side - 4, inner.top() + 4, side, side)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(SCRIM)
        painter.drawEllipse(disc)
        font = QFont(painter.font())
        font.setPixelSize(int(side * 0.75))
        painter.setFont(font)
        painter.setPen(STAR_COLOR)
        painter.drawText(disc, Qt.AlignmentFlag.AlignCenter, "★")

    @staticmethod
    def _paint_pixmap(painter: QPainter, pixmap: QPixmap, area: QRectF) -> None:
        size = pixmap.size().toSizeF()
        size.scale(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF(0, 0, size.width(), size.height())
        target.moveCenter(area.center())
        painter.drawPixmap(target, pixmap, QRectF(pixmap.rect()))

    @staticmethod
    def _paint_placeholder(
        painter: QPainter,
        palette: QPalette,
        card: QColor,
        state: str,
        index: QModelIndex | QPersistentModelIndex,
        area: QRectF,
    ) -> None:
        text_color = palette.color(QPalette.ColorRole.Text)
        muted = readable(blend(text_color, card, 0.45), card)
        glyph_color = cell_colors(palette, card).get(state, muted)
        side = min(area.width(), area.height())
        glyph_font = QFont(painter.font())
        glyph_font.setPixelSize(max(10, int(side * 0.32)))
        words_font = QFont(painter.font())
        words_font.setPixelSize(max(9, min(15, int(side * 0.1))))
        show_words = side >= 56
        glyph_area = QRectF(area)
        if show_words:
            glyph_area.setBottom(area.center().y() + side * 0.12)
        painter.setFont(glyph_font)
        painter.setPen(glyph_color)
        painter.drawText(glyph_area, Qt.AlignmentFlag.AlignCenter, _GLYPHS.get(state, "•"))
        if show_words:
            words_area = QRectF(area)
            words_area.setTop(glyph_area.bottom() + 2)
            painter.setFont(words_font)
            painter.setPen(muted if state in (WAITING, CANCELLED) else text_color)
            painter.drawText(
                words_area,
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                str(index.data(Qt.ItemDataRole.DisplayRole)),
            )

    @staticmethod
    def _paint_progress(
        painter: QPainter, palette: QPalette, progress: int | None, inner: QRectF
    ) -> None:
        bar = QRectF(inner.left() + 10, inner.bottom() - 12, inner.width() - 20, 5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(blend(palette.color(QPalette.ColorRole.Base), NEUTRAL, 0.3))
        painter.drawRoundedRect(bar, 2.5, 2.5)
        if progress is None:
            return
        done = QRectF(bar)
        done.setWidth(bar.width() * max(0, min(100, progress)) / 100)
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
        painter.drawRoundedRect(done, 2.5, 2.5)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(120, 120)
