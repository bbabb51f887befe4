"""The main window fits a common laptop screen, whichever tab is showing."""

from __future__ import annotations

from pathlib import Path

import qasync
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.session import AppSession
from fizzly_desktop.ui.controller import AppController

#: A common laptop screen's width: the window's minimum must leave room on it.
LAPTOP_WIDTH = 1280


def test_the_window_never_asks_for_more_than_a_laptop_screen(
    qtbot: QtBot, qloop: qasync.QEventLoop, app_home: Path
) -> None:
    controller = AppController(AppSession(), use_sandbox=False)
    controller.show()
    qtbot.waitExposed(controller.window)
    window = controller.window
    # The gallery's filters (search, marks, workflow, batch, kind, size) once asked for 837 px
    # beside the form: the window then ran past a 1400 px screen's right edge.
    assert window.tabs.minimumSizeHint().width() < 600
    assert window.minimumSizeHint().width() <= LAPTOP_WIDTH
    qloop.run_until_complete(controller.shutdown())
