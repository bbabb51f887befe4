"""Find clipped text in a widget tree: labels, buttons, check boxes, tabs and table headers.

A widget's text is clipped when it needs more width than the widget has: a label without word
wrap whose longest line is wider than its contents, a button narrower than its size hint, a tab
narrower than its text, a header section narrower than its title.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTabBar,
    QToolButton,
    QWidget,
)

#: Pixels a header section needs beside its title (sort arrow aside): the style's margins.
HEADER_MARGIN = 8


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0


def _name(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.objectName() or widget.accessibleName()!r})"


def clipped(root: QWidget) -> list[str]:
    """``Type('name'): 'text' needs N px, has M`` for every clipped text under ``root``."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not _shown(widget):
            continue
        if isinstance(widget, QLabel):
            _check_label(widget, found)
        elif isinstance(widget, (QPushButton, QToolButton, QCheckBox, QRadioButton)):
            _check_button(widget, found)
        elif isinstance(widget, QTabBar):
            _check_tabs(widget, found)
        elif isinstance(widget, QHeaderView):
            _check_header(widget, found)
    return found


def _check_label(label: QLabel, found: list[str]) -> None:
    text = label.text()
    if not text or label.wordWrap() or label.textFormat() == Qt.TextFormat.RichText:
        return
    if text.lstrip().startswith("<") and label.textFormat() != Qt.TextFormat.PlainText:
        return
    metrics = label.fontMetrics()
    has = label.contentsRect().width() - 2 * label.margin() - label.indent() * (label.indent() > 0)
    for line in text.replace("&&", "&").split("\n"):
        shown = line.replace("&", "") if label.buddy() is not None else line
        needs = metrics.horizontalAdvance(shown)
        if needs > has + 1:
            found.append(f"{_name(label)}: {line!r} needs {needs} px, has {has}")


def _check_button(button: QAbstractButton, found: list[str]) -> None:
    if not button.text():
        return
    if isinstance(button, QToolButton) and (
        button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    ):
        return
    needs = button.sizeHint().width()
    if needs > button.width() + 1:
        found.append(f"{_name(button)}: {button.text()!r} needs {needs} px, has {button.width()}")


def _check_tabs(bar: QTabBar, found: list[str]) -> None:
    metrics = bar.fontMetrics()
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        text = bar.tabText(index).replace("&", "")
        needs = metrics.horizontalAdvance(text)
        has = bar.tabRect(index).width()
        if needs > has:
            found.append(f"{_name(bar)} tab {text!r} needs {needs} px, has {has}")


def _check_header(header: QHeaderView, found: list[str]) -> None:
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return
    metrics = header.fontMetrics()
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        title = model.headerData(section, Qt.Orientation.Horizontal)
        if not isinstance(title, str) or not title:
            continue
        needs = metrics.horizontalAdvance(title) + HEADER_MARGIN
        has = header.sectionSize(section)
        if needs > has:
            found.append(f"{_name(header)} column {title!r} needs {needs} px, has {has}")
