"""Keys for people who do not use a mouse: context menus and Enter on item views, and F6 / Shift+F6
moving between the window's panes, as in many desktop apps.

``keyboard_menus(view, on_enter)`` makes the Menu key and Shift+F10 open a view's own context
menu at its current item (not where a mouse pointer would be) and, when given, Enter open it.
``PaneCycler`` moves focus to the next or previous pane that is on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

_MENU_KEYS = frozenset({Qt.Key.Key_Menu})
_ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})


class _ViewKeys(QObject):
    """Turns the Menu key (or Shift+F10) into the view's context menu at its current item,
    and Enter into ``on_enter(current index)``."""

    def __init__(
        self, view: QAbstractItemView, on_enter: Callable[[QModelIndex], None] | None
    ) -> None:
        super().__init__(view)
        self.view = view
        self.on_enter = on_enter

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, mods = Qt.Key(event.key()), event.modifiers()
            plain = mods & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
            if (key in _MENU_KEYS and plain) or (
                key == Qt.Key.Key_F10 and mods == Qt.KeyboardModifier.ShiftModifier
            ):
                return self._open_menu()
            if key in _ENTER_KEYS and plain and self.on_enter is not None:
                index = self.view.currentIndex()
                if index.isValid() and self.view.state() != QAbstractItemView.State.EditingState:
                    self.on_enter(index)
                    return True
        elif (
            kind == QEvent.Type.ContextMenu
            and isinstance(event, QContextMenuEvent)
            and event.reason() == QContextMenuEvent.Reason.Keyboard
        ):
            return self._open_menu()
        return False

    def _open_menu(self) -> bool:
        view = self.view
        if view.contextMenuPolicy() != Qt.ContextMenuPolicy.CustomContextMenu:
            return False
        index = view.currentIndex()
        if not index.isValid():
            first = view.model().index(0, 0) if view.model() is not None else QModelIndex()
            if not first.isValid():
                return True  # nothing to offer a menu for
            view.setCurrentIndex(first)
            index = first
        view.scrollTo(index)
        # The menu's handlers look up the item under the point: the current item's middle.
        view.customContextMenuRequested.emit(view.visualRect(index).center())
        return True


def keyboard_menus(
    view: QAbstractItemView, on_enter: Callable[[QModelIndex], None] | None = None
) -> None:
    """Menu key and Shift+F10 open ``view``'s context menu at its current item; Enter calls
    ``on_enter`` with it when given (views whose ``activated`` already opens need none)."""
    keys = _ViewKeys(view, on_enter)
    view.installEventFilter(keys)
    view.viewport().installEventFilter(keys)


def first_focusable(pane: QWidget) -> QWidget | None:
    """The first widget inside ``pane`` that Tab would stop at (``pane`` itself if it does)."""
    if _takes_tab(pane):
        return pane
    widget = pane.nextInFocusChain()
    seen = 0
    while widget is not None and widget is not pane and seen < 2000:
        if pane.isAncestorOf(widget) and _takes_tab(widget):
            return widget
        widget = widget.nextInFocusChain()
        seen += 1
    return None


def _takes_tab(widget: QWidget) -> bool:
    return (
        widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    )


class PaneCycler:
    """F6 / Shift+F6: focus the next or previous pane on screen, in reading order.

    ``panes`` gives, each time, the panes in reading order, each as (its area, where focus
    goes in it): the area tells which pane holds the focus now.
    """

    def __init__(self, panes: Callable[[], Sequence[tuple[QWidget, QWidget]]]) -> None:
        self.panes = panes

    def cycle(self, step: int) -> QWidget | None:
        shown = [(area, entry) for area, entry in self.panes() if area.isVisible()]
        if not shown:
            return None
        focus = QApplication.focusWidget()
        here = next(
            (
                i
                for i, (area, _entry) in enumerate(shown)
                if focus is not None and (focus is area or area.isAncestorOf(focus))
            ),
            -1 if step > 0 else 0,
        )
        for offset in range(1, len(shown) + 1):
            _area, entry = shown[(here + step * offset) % len(shown)]
            target = first_focusable(entry)
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)
                return target
        return None
