"""How a workflow looks in the library list: its name, and its reference set apart under it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from fizzly_desktop.ui.colors import dimmed

ROLE_REF = Qt.ItemDataRole.UserRole


class EntryDelegate(QStyledItemDelegate):
    """Two lines per workflow: its name, and ``owner/slug`` smaller and dimmer under it."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        metrics = option.fontMetrics
        # No width of its own: rows fill the list and elide their text. Asking for the width
        # the row was last given made the list scroll sideways, and asked the sidebar to widen
        # a little more each time it was laid out.
        return QSize(1, metrics.height() * 2 + 12)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        name, ref = opt.text, str(index.data(ROLE_REF) or "")
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if opt.state & QStyle.StateFlag.State_Active
            else (QPalette.ColorGroup.Inactive)
        )
        text_color = opt.palette.color(
            group,
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text,
        )
        rect = opt.rect.adjusted(8, 5, -8, -5)
        painter.save()
        bold = QFont(opt.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_color)
        top = QFontMetrics(bold)
        painter.drawText(
            rect.x(),
            rect.y() + top.ascent(),
            top.elidedText(name, Qt.TextElideMode.ElideRight, rect.width()),
        )
        small = QFont(opt.font)
        small.setPointSizeF(max(small.pointSizeF() * 0.9, 7.0))
        painter.setFont(small)
        ground = opt.palette.color(
            group, QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base
        )
        painter.setPen(dimmed(text_color, ground))
        below = QFontMetrics(small)
        painter.drawText(
            rect.x(),
            rect.y() + top.height() + below.ascent(),
            below.elidedText(ref, Qt.TextElideMode.ElideMiddle, rect.width()),
        )
        painter.restore()
