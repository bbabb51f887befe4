"""The first-run welcome: connect a Fizzly account with an API key, or try the local sandbox.

Shown while the user has no profile of their own and has not answered it yet
(``ProfileStore.needs_welcome``). Keyring calls and the key check run off the GUI thread, as in
the Profiles dialog: ``connect_account()`` is an ``async def`` that tests await directly.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QPalette, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop import APP_ID, APP_NAME
from fizzly_desktop.core.keys import KeySaveOutcome, KeyVerifier, check_and_store_key
from fizzly_desktop.core.profiles import (
    DEFAULT_BASE_URL,
    SANDBOX_PROFILE_NAME,
    ProfileError,
    ProfileStore,
    verify_key,
)
from fizzly_desktop.core.tasks import TaskOwner
from fizzly_desktop.resources import resource_path
from fizzly_desktop.ui.colors import Tone, is_dark
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.labels import plain_label
from fizzly_desktop.ui.profiles.widgets import KeyEntry
from fizzly_desktop.ui.tones import set_tone

log = logging.getLogger(__name__)

ACCOUNT_PROFILE_NAME = "Fizzly"
"""The name of the profile created by "Connect your Fizzly account"."""

API_KEYS_URL = "https://fizzly.ai/settings/api-keys"
"""Where Fizzly users create API keys: their account settings."""


def _scaled_font(base: QFont, factor: float, *, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * factor)
    font.setBold(bold)
    return font


class _Card(QFrame):
    """A panel that stands out from the window as a card, in light and dark schemes.

    White (the base) on a light window; on a dark one a raised, lighter surface (the button
    colour): the base there is as dark as the key's field, whose frame would vanish in it.
    """

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._take_surface()
        self.setAutoFillBackground(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.title_label = plain_label(title, self)
        self.title_label.setFont(_scaled_font(self.font(), 1.3, bold=True))
        self.title_label.setWordWrap(True)
        self.text_label = plain_label(text, self)
        self.text_label.setWordWrap(True)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(24, 22, 24, 22)
        self.body.setSpacing(12)
        self.body.addWidget(self.title_label)
        self.body.addWidget(self.text_label)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._take_surface()
        super().changeEvent(event)

    def _take_surface(self) -> None:
        dark = is_dark(self.palette())
        role = QPalette.ColorRole.Button if dark else QPalette.ColorRole.Base
        if self.backgroundRole() != role:  # setting it is a palette change again
            self.setBackgroundRole(role)


class WelcomeView(QWidget):
    """A friendly first screen with two big choices; the app is usable either way in a minute.

    Args:
        store: the profiles; "Connect" creates the "Fizzly" profile and stores its key.
        parent: the window it is shown in.
        base_url: the address of the Fizzly service for the new profile.
        verify: how the pasted key is checked before it is stored.

    Signals:
        sandbox_chosen(): the user chose to try the local sandbox (now the active profile).
        account_connected(str): a profile of this name now holds the user's key and is active.
    """

    sandbox_chosen = Signal()
    account_connected = Signal(str)

    def __init__(
        self,
        store: ProfileStore,
        parent: QWidget | None = None,
        *,
        base_url: str = DEFAULT_BASE_URL,
        verify: KeyVerifier = verify_key,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._base_url = base_url
        self._verify = verify
        self._tasks = TaskOwner("welcome")
        self._busy = False
        self.setAccessibleName(translate("WelcomeView", "Welcome"))
        self._build()

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.logo = QLabel(self)
        try:
            pixmap = QPixmap(str(resource_path(f"icons/{APP_ID}-128.png")))
        except FileNotFoundError:
            pixmap = QPixmap()
        if not pixmap.isNull():
            self.logo.setPixmap(
                pixmap.scaled(QSize(72, 72), mode=Qt.TransformationMode.SmoothTransformation)
            )
        self.logo.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.logo.setAccessibleName(translate("WelcomeView", "{app} logo").format(app=APP_NAME))

        self.title_label = plain_label(
            translate("WelcomeView", "Welcome to {APP_NAME}").format(APP_NAME=APP_NAME), self
        )
        self.title_label.setFont(_scaled_font(self.font(), 2.0, bold=True))
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.tagline_label = plain_label(
            translate(
                "WelcomeView",
                "Launch your Fizzly workflows, watch every run live, and keep the "
                "images they make.",
            ),
            self,
        )
        self.tagline_label.setFont(_scaled_font(self.font(), 1.15))
        self.tagline_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.tagline_label.setWordWrap(True)
        self.tagline_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        # Choice 1: connect an account.
        self.account_card = _Card(
            translate("WelcomeView", "Connect your Fizzly account"),
            translate(
                "WelcomeView",
                "Paste an API key from your account settings. It is kept in your "
                "system's keyring, never in a file.",
            ),
            self,
        )
        self.key_entry = KeyEntry(self.account_card)
        self.key_entry.submitted.connect(self._on_connect_button_clicked)
        self.key_link_button = QPushButton(
            translate("WelcomeView", "Where do I find my key?"), self.account_card
        )
        self.key_link_button.setFlat(True)
        self.key_link_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.key_link_button.setAccessibleName(
            translate("WelcomeView", "Open your account settings to create an API key")
        )
        self.key_link_button.setToolTip(API_KEYS_URL)
        # The theme's own link colour, so it reads as a link in light and dark palettes alike.
        set_tone(self.key_link_button, Tone.LINK)
        link_font = QFont(self.key_link_button.font())
        link_font.setUnderline(True)
        self.key_link_button.setFont(link_font)
        self.key_link_button.clicked.connect(self.open_key_page)
        self.connect_button = self._big_button(
            translate("WelcomeView", "Connect"),
            translate("WelcomeView", "Connect your Fizzly account"),
        )
        self.connect_button.clicked.connect(self._on_connect_button_clicked)
        self.spinner = QProgressBar(self.account_card)
        self.spinner.setRange(0, 0)
        self.spinner.setTextVisible(False)
        self.spinner.setFixedWidth(60)
        self.spinner.setAccessibleName(translate("WelcomeView", "Working"))
        self.spinner.hide()
        self.status_icon = QLabel(self.account_card)
        self.status_icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(20, 20)
        )
        self.status_icon.hide()
        self.status_label = plain_label("", self.account_card)
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(translate("WelcomeView", "Connection status"))
        self.status_label.hide()
        self.session_only_button = QPushButton(
            translate("WelcomeView", "Keep for this session only"), self.account_card
        )
        self.session_only_button.setAccessibleName(
            translate(
                "WelcomeView", "Keep the key in memory until the app quits, without saving it"
            )
        )
        self.session_only_button.clicked.connect(self._on_session_only_button_clicked)
        self.session_only_button.hide()
        link_row = QHBoxLayout()
        link_row.addWidget(self.key_link_button)
        link_row.addStretch(1)
        status_row = QHBoxLayout()
        status_row.addWidget(self.spinner, 0, Qt.AlignmentFlag.AlignTop)
        status_row.addWidget(self.status_icon, 0, Qt.AlignmentFlag.AlignTop)
        status_row.addWidget(self.status_label, 1)
        session_row = QHBoxLayout()
        session_row.addStretch(1)
        session_row.addWidget(self.session_only_button)
        body = self.account_card.body
        body.addWidget(self.key_entry)
        body.addLayout(link_row)
        body.addStretch(1)
        body.addLayout(status_row)
        body.addLayout(session_row)
        body.addWidget(self.connect_button)

        # Choice 2: the sandbox.
        self.sandbox_card = _Card(
            translate("WelcomeView", "Try the local sandbox"),
            translate(
                "WelcomeView",
                "Run demo workflows on this computer: no account, no internet and no "
                "credits needed. You can connect your account any time later.",
            ),
            self,
        )
        self.sandbox_button = self._big_button(
            translate("WelcomeView", "Try the sandbox"),
            translate("WelcomeView", "Try the local sandbox"),
        )
        self.sandbox_button.clicked.connect(self.choose_sandbox)
        self.sandbox_card.body.addStretch(1)
        self.sandbox_card.body.addWidget(self.sandbox_button)

        cards = QHBoxLayout()
        cards.setSpacing(20)
        cards.addWidget(self.account_card, 3)
        cards.addWidget(self.sandbox_card, 2)

        column = QVBoxLayout()
        column.setSpacing(10)
        column.addWidget(self.logo)
        column.addWidget(self.title_label)
        column.addWidget(self.tagline_label)
        column.addSpacing(24)
        column.addLayout(cards)
        holder = QWidget(self)
        holder.setLayout(column)
        holder.setMaximumWidth(920)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 32, 32, 32)
        outer.addStretch(1)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(holder, 20)
        centre.addStretch(1)
        outer.addLayout(centre)
        outer.addStretch(2)

        self.setTabOrder(self.key_entry.field, self.key_entry.reveal_button)
        self.setTabOrder(self.key_entry.reveal_button, self.key_link_button)
        self.setTabOrder(self.key_link_button, self.session_only_button)
        self.setTabOrder(self.session_only_button, self.connect_button)
        self.setTabOrder(self.connect_button, self.sandbox_button)
        self.setFocusProxy(self.key_entry)

    def _big_button(self, text: str, accessible_name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(accessible_name)
        button.setFont(_scaled_font(self.font(), 1.15, bold=True))
        button.setMinimumHeight(44)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return button

    # -- what is shown -------------------------------------------------------------------------

    def _show_status(self, text: str, *, error: bool = False, working: bool = False) -> None:
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))
        self.spinner.setVisible(working)
        self.status_icon.setVisible(error and bool(text))
        self.status_label.setAccessibleName(
            translate("WelcomeView", "Problem")
            if error
            else translate("WelcomeView", "Connection status")
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (
            self.connect_button,
            self.sandbox_button,
            self.session_only_button,
            self.key_entry,
        ):
            widget.setEnabled(not busy)

    # -- the two choices -----------------------------------------------------------------------

    def open_key_page(self) -> None:
        """Open the account settings page where API keys are created, in the web browser."""
        if not QDesktopServices.openUrl(QUrl(API_KEYS_URL)):
            self._show_status(
                translate(
                    "WelcomeView",
                    "No web browser could be opened. Visit {API_KEYS_URL} to create a key.",
                ).format(API_KEYS_URL=API_KEYS_URL),
                error=True,
            )

    def choose_sandbox(self) -> None:
        """Use the local sandbox from now on; the welcome is not shown again."""
        if self._busy:
            return
        try:
            self._store.set_active(SANDBOX_PROFILE_NAME)
            self._store.dismiss_welcome()
        except ProfileError as exc:
            # The choice still holds for this session; only remembering it failed.
            log.warning("Could not remember the sandbox choice: %s", exc.user_message)
        self.sandbox_chosen.emit()

    async def connect_account(self, *, session_only: bool = False) -> bool:
        """Check the pasted key, store it in a "Fizzly" profile and make that profile active.

        What happens to the key is the core's one policy (``check_and_store_key``): a key the
        service rejects (401, or 403 for a plan without API access) is not stored and the field
        keeps it so a typo can be fixed; when the service cannot be reached the key is stored
        anyway; when the keyring is unavailable, says what is missing and offers "Keep for this
        session only".
        """
        if not self.key_entry.text().strip():
            self._show_status(translate("WelcomeView", "Paste your API key first."), error=True)
            self.key_entry.setFocus()
            return False
        self.session_only_button.hide()
        self._set_busy(True)
        try:
            if not session_only:
                self._show_status(translate("WelcomeView", "Checking your key…"), working=True)
            saved = await check_and_store_key(
                self._store,
                ACCOUNT_PROFILE_NAME,
                self.key_entry.text(),
                verify=self._verify,
                base_url=self._base_url,
                session_only=session_only,
            )
            if saved.stored:
                await asyncio.to_thread(self._make_active, ACCOUNT_PROFILE_NAME)
        except ProfileError as exc:
            self._show_status(exc.user_message, error=True)
            return False
        finally:
            self._set_busy(False)
        if not saved.stored:
            self._show_status(saved.message, error=True)
            if saved.outcome is KeySaveOutcome.NO_KEYRING:
                self.session_only_button.show()
            return False
        self.key_entry.clear()
        self._show_status("")
        self.account_connected.emit(ACCOUNT_PROFILE_NAME)
        return True

    def _make_active(self, name: str) -> None:
        """Make the account's profile active and end the welcome; blocks on the profiles file."""
        self._store.set_active(name)
        self._store.dismiss_welcome()

    async def wait_idle(self) -> None:
        """Wait until every operation started from a button has finished."""
        await self._tasks.wait_idle()

    async def aclose(self) -> None:
        """Cancel running operations and wait for them (the owner calls this before quitting)."""
        await self._tasks.close()

    # -- slots ---------------------------------------------------------------------------------

    def _start(self, name: str, coro: Coroutine[Any, Any, Any]) -> None:
        self._tasks.spawn(name, coro)

    def _on_connect_button_clicked(self) -> None:
        if not self._busy:
            self._start("connect-account", self.connect_account())

    def _on_session_only_button_clicked(self) -> None:
        if not self._busy:
            self._start("connect-account-for-session", self.connect_account(session_only=True))


__all__ = ["ACCOUNT_PROFILE_NAME", "API_KEYS_URL", "WelcomeView"]
