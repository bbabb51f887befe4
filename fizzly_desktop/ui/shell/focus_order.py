"""Tab in reading order: sidebar, form, queue, details, whatever was made first.

Qt's Tab follows the order widgets joined the window, and this window's parts join late (after
the first paint), forms later still (when a workflow is picked): Tab would go from the form to
the profile switcher and then to the queue. Here Tab visits the window's blocks in reading order
and, within a block, keeps Qt's own order.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def takes_tab(widget: QWidget) -> bool:
    return (
        widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    )


def reading_order(window: QWidget, blocks: Sequence[QWidget]) -> list[QWidget]:
    """The widgets Tab stops at in ``window``, block by block in the order of ``blocks``
    (widgets in no block last), each block in Qt's focus chain order."""
    chain: list[QWidget] = []
    widget = window.nextInFocusChain()
    while widget is not None and widget is not window and len(chain) < 5000:
        if widget.window() is window and takes_tab(widget) and widget.focusProxy() is None:
            chain.append(widget)
        widget = widget.nextInFocusChain()

    def block_of(widget: QWidget) -> int:
        for index, block in enumerate(blocks):
            if widget is block or block.isAncestorOf(widget):
                return index
        return len(blocks)

    return sorted(chain, key=block_of)  # stable: Qt's order within a block


def step(
    window: QWidget, blocks: Sequence[QWidget], current: QWidget | None, forward: bool
) -> QWidget | None:
    """The widget Tab (``forward``) or Shift+Tab moves to from ``current``."""
    order = reading_order(window, blocks)
    if not order:
        return None
    stops = set(order)
    here = current
    while here is not None and here not in stops:
        here = here.focusProxy()  # a widget Tab reaches through its proxy
    if here is None and current is not None:
        # Focus on something Tab does not stop at (clicked into): go on from the stop that
        # follows it in Qt's own chain.
        here = current.nextInFocusChain()
        for _ in range(5000):
            if here is None or here in stops or here is current:
                break
            here = here.nextInFocusChain()
        if here is not None and here in stops:
            return here if forward else order[order.index(here) - 1]
    if here is None or here not in stops:
        return order[0] if forward else order[-1]
    index = order.index(here)
    return order[(index + (1 if forward else -1)) % len(order)]
