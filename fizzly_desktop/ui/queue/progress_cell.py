"""The progress cell of the queue: a native progress bar, painted once per look and kept."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import (
    QEvent,
    QObject,
    QPoint,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QWidget,
)

from fizzly_desktop.core import words
from fizzly_desktop.core.runs import Run, RunState
from fizzly_desktop.ui.queue.columns import RUN_ROLE, AnyIndex

#: Painted progress bars kept for reuse (each a few kB).
MAX_CACHED_BARS = 256
#: Room around a kept bar for what the style draws outside it.
_BAR_MARGIN = 3
#: What changes how a bar looks, besides its own values: the palette and the style.
_LOOK_EVENTS = frozenset(
    {QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange, QEvent.Type.StyleChange}
)


def progress_bar(run: Run) -> tuple[int, str]:
    """The bar a run not finished yet shows in its progress cell: percentage and text.

    (A finished run's cell is a word instead: see ``RunTableModel._display``.)
    """
    if run.state in (RunState.IN_QUEUE, RunState.PENDING, RunState.WAITING):
        return 0, run.state.label
    if run.state is RunState.IN_PROGRESS and not run.progress:
        # No percentage yet (the first run of a workflow, before its nodes are known).
        return 0, run.current_node or run.state.label
    if run.progress is not None:
        # The current node rides along in the bar: its own column is hidden by default.
        return int(run.progress), words.progress_text(run)
    return 0, ""


class ProgressDelegate(QStyledItemDelegate):
    """Paints the progress column as a native progress bar (no widget per row).

    A native bar is costly to draw (a third of a millisecond each in Fusion: gradients,
    rounded corners, text) and a table of streaming runs shows dozens of them, but few differ:
    progress moves node by node. Bars are drawn once into pixmaps kept by what they look like.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bars: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()
        if isinstance(parent, QWidget):
            # Bars drawn in the old look are never asked for again: let them go at once.
            parent.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _LOOK_EVENTS:
            self.forget_bars()
        return False

    def forget_bars(self) -> None:
        """Drop every kept bar (the palette or the style changed: light to dark, say)."""
        self._bars.clear()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        run = index.data(RUN_ROLE)
        if not isinstance(run, Run) or run.state.is_terminal or run.out_of_contact:
            # A finished run's cell is its word: cheaper to paint, and the table reads calmer.
            # A run out of contact too: a bar would show progress it is not getting.
            super().paint(painter, option, index)
            return
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        rect = option.rect.adjusted(4, 5, -4, -5)
        if rect.width() <= 0 or rect.height() <= 0:
            return
        widget = option.widget if isinstance(option.widget, QWidget) else None
        style = widget.style() if widget else QApplication.style()
        progress, text = progress_bar(run)
        ratio = painter.device().devicePixelRatioF()
        key = (
            rect.width(),
            rect.height(),
            progress,
            text,
            int(option.state.value),
            option.palette.cacheKey(),
            option.font.key(),
            int(option.direction.value),
            ratio,
            id(style),
        )
        pixmap = self._bars.get(key)
        if pixmap is None:
            pixmap = self._draw_bar(option, rect.size(), progress, text, ratio, style, widget)
            self._bars[key] = pixmap
            if len(self._bars) > MAX_CACHED_BARS:
                self._bars.popitem(last=False)
        else:
            self._bars.move_to_end(key)
        painter.drawPixmap(rect.topLeft() - QPoint(_BAR_MARGIN, _BAR_MARGIN), pixmap)

    @staticmethod
    def _draw_bar(
        option: QStyleOptionViewItem,
        size: QSize,
        progress: int,
        text: str,
        ratio: float,
        style: QStyle,
        widget: QWidget | None,
    ) -> QPixmap:
        # Styles draw a little outside the bar (Fusion's shadow): the pixmap has room for it.
        margin = QSize(_BAR_MARGIN, _BAR_MARGIN)
        pixmap = QPixmap((size + margin * 2) * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        bar = QStyleOptionProgressBar()
        bar.rect = QRect(QPoint(_BAR_MARGIN, _BAR_MARGIN), size)
        bar.state = option.state
        bar.direction = option.direction
        bar.palette = option.palette
        bar.fontMetrics = option.fontMetrics
        bar.minimum, bar.maximum = 0, 100
        bar.textVisible = True
        # One line, cut at the end: a bar's text wraps (and clips) where it has no room.
        room = max(0, size.width() - 2 * option.fontMetrics.averageCharWidth())
        bar.progress = progress
        bar.text = option.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        painter = QPainter(pixmap)
        painter.setFont(option.font)
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, widget)
        painter.end()
        return pixmap

    def cached_bars(self) -> int:
        return len(self._bars)
