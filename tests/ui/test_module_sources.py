"""The module sources PySide6 reads at import are not kept once the app has started."""

from __future__ import annotations

import linecache
import traceback

import qasync
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.session import AppSession
from fizzly_desktop.ui import controller as controller_module
from fizzly_desktop.ui.controller import AppController
from fizzly_desktop.ui.module_sources import forget_module_sources


def test_forgetting_the_sources_empties_the_cache_and_tracebacks_still_show_lines() -> None:
    linecache.getlines(controller_module.__file__)
    assert controller_module.__file__ in linecache.cache
    assert forget_module_sources() >= 1
    assert linecache.cache == {}
    try:
        raise ValueError("shown with its line")
    except ValueError as error:
        shown = "".join(traceback.format_exception(error))
    assert 'raise ValueError("shown with its line")' in shown


def test_a_started_app_holds_no_module_sources(qtbot: QtBot, qloop: qasync.QEventLoop) -> None:
    linecache.getlines(controller_module.__file__)
    controller = AppController(AppSession(), use_sandbox=False)
    controller.show()
    qtbot.waitExposed(controller.window)
    try:
        qloop.run_until_complete(controller.start())
        assert controller_module.__file__ not in linecache.cache
    finally:
        qloop.run_until_complete(controller.shutdown())
