"""Parts of the window that a start does not show are made when first shown, and then work."""

from __future__ import annotations

import qasync
from pytestqt.qtbot import QtBot

from fizzly_desktop.ui.controller import AppController
from fizzly_desktop.ui.profiles import WelcomeView
from tests.fixtures.app import in_app, until


def test_the_welcome_is_made_only_when_shown_and_then_works(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        window = app.window
        # A sandbox start never shows the first-run welcome: it is not made.
        assert app.profiles_presenter._welcome is None
        assert not isinstance(window.welcome, WelcomeView)
        assert window.central.currentWidget() is window.splitter
        # Shown later (as on a first run), it is made, put in the window, and takes the choice.
        app.profiles_presenter.show_welcome()
        welcome = app.welcome
        assert isinstance(welcome, WelcomeView)
        assert window.central.currentWidget() is welcome
        assert app.profiles_presenter.showing_welcome
        assert app.welcome is welcome  # made once
        welcome.sandbox_button.click()
        await until(lambda: window.central.currentWidget() is window.splitter)
        assert not app.profiles_presenter.showing_welcome
        assert app.session.profiles.active.is_sandbox

    in_app(qloop, scenario)
