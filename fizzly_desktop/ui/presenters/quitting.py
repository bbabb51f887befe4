"""Quitting with runs in flight: say what happens to them and let the user keep the app open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QMessageBox, QPushButton

from fizzly_desktop.core.quitting import quit_question
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.presenters.services import Services

#: The settings key of the "Don't ask again" check box.
DONT_ASK_KEY = "quit/dont_ask"


class QuitPresenter:
    """Guards the window's close (File ▸ Quit, the title bar's ×) while runs are in flight.

    The question is a window-modal box opened without a nested event loop: the close is
    refused at once, and "Quit" asks the controller to end the app. SIGTERM and SIGINT go to
    the controller directly and never ask.

    Args:
        services: the shared toolbox (engine, window, settings).
        quit: ends the app as File ▸ Quit does (the controller's ``request_quit``).
    """

    def __init__(self, services: Services, quit: Callable[[], None]) -> None:
        self.services = services
        self._quit = quit
        self.box: QMessageBox | None = None
        self.quit_button: QPushButton | None = None
        self.keep_button: QPushButton | None = None
        self.dont_ask: QCheckBox | None = None
        services.window.close_guard = self.may_close

    def question(self) -> str | None:
        """What to ask before quitting now, or None when nothing would be left behind."""
        engine = self.services.engine
        if engine is None or self._asking_is_off():
            return None
        return quit_question(engine.runs())

    def _asking_is_off(self) -> bool:
        value = self.services.settings.value(DONT_ASK_KEY, False)
        return value is True or str(value).lower() == "true"

    def may_close(self) -> bool:
        """True when the window may close now; otherwise the question is shown."""
        text = self.question()
        if text is None:
            return True
        if self.box is not None:
            self.box.raise_()
            self.box.activateWindow()
            return False
        box = QMessageBox(self.services.window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(translate("QuitPresenter", "Quit Fizzly Desktop?"))
        box.setTextFormat(box.textFormat().PlainText)
        box.setText(translate("QuitPresenter", "Quit while runs are not finished?"))
        box.setInformativeText(text)
        self.quit_button = box.addButton(
            translate("QuitPresenter", "Quit"), QMessageBox.ButtonRole.AcceptRole
        )
        self.keep_button = box.addButton(
            translate("QuitPresenter", "Keep open"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(self.keep_button)
        box.setEscapeButton(self.keep_button)
        self.dont_ask = QCheckBox(translate("QuitPresenter", "Don't ask again"))
        box.setCheckBox(self.dont_ask)
        box.finished.connect(self._on_box_finished)
        self.box = box
        box.open()
        return False

    def _on_box_finished(self, _result: int) -> None:
        box, self.box = self.box, None
        if box is None:
            return
        quitting = box.clickedButton() is self.quit_button
        if quitting and self.dont_ask is not None and self.dont_ask.isChecked():
            self.services.settings.setValue(DONT_ASK_KEY, True)
            self.services.settings.sync()
        box.deleteLater()
        if quitting:
            self._quit()
