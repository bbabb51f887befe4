"""The API-key part of the Profiles dialog: key status, the key editor, and the key check.

Its widgets belong to the dialog (which lays them out beside the address); this object builds
them and runs what touches a key: saving one through the core's one key-storing policy
(``check_and_store_key``: check with the service, then store), removing it, checking it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.keys import KeySaveOutcome, KeyVerifier, check_and_store_key
from fizzly_desktop.core.profiles import (
    KeyCheck,
    KeyCheckStatus,
    Profile,
    ProfileError,
    ProfileStore,
)
from fizzly_desktop.core.secrets import KeyLocation, KeyStoreError
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.labels import plain_label
from fizzly_desktop.ui.profiles.prompts import confirm
from fizzly_desktop.ui.profiles.widgets import KeyEntry

_CHECK_ICONS = {
    KeyCheckStatus.VALID: QStyle.StandardPixmap.SP_DialogApplyButton,
    KeyCheckStatus.INVALID: QStyle.StandardPixmap.SP_MessageBoxCritical,
    KeyCheckStatus.NO_API_ACCESS: QStyle.StandardPixmap.SP_MessageBoxWarning,
    KeyCheckStatus.UNREACHABLE: QStyle.StandardPixmap.SP_MessageBoxWarning,
}


class KeySection(QObject):
    """Builds the key widgets in ``dialog`` and runs the key operations of the selected profile.

    Signals:
        message(str text, bool error): a sentence for the dialog's message line.
        busy_changed(bool busy): an operation started or ended (the dialog disables its parts).
        key_saved(str name): the profile's key was stored.
        key_removed(str name): the profile's key was removed.
        entry_closed(): the key editor was hidden (the dialog's Close is the default again).
    """

    message = Signal(str, bool)
    busy_changed = Signal(bool)
    key_saved = Signal(str)
    key_removed = Signal(str)
    entry_closed = Signal()

    def __init__(
        self,
        dialog: QDialog,
        store: ProfileStore,
        verify: KeyVerifier,
        *,
        start: Callable[[str, Coroutine[Any, Any, Any]], None],
    ) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._store = store
        self._verify = verify
        self._start = start
        self._busy = False
        self.profile: Profile | None = None
        self._build()
        self.busy_changed.connect(self._on_busy_changed)
        self.set_key_button.clicked.connect(self.begin_key_entry)
        self.remove_key_button.clicked.connect(self._on_remove_key_button_clicked)
        self.verify_button.clicked.connect(lambda: self._start("verify", self.verify()))
        self.key_entry.submitted.connect(self._on_save_key_button_clicked)
        self.save_key_button.clicked.connect(self._on_save_key_button_clicked)
        self.session_only_button.clicked.connect(self._on_session_only_button_clicked)

    def tab_order(self) -> list[QWidget]:
        """The key's controls in the order Tab visits them."""
        return [
            self.set_key_button,
            self.remove_key_button,
            self.verify_button,
            self.key_entry.field,
            self.key_entry.reveal_button,
            self.cancel_key_button,
            self.save_key_button,
            self.session_only_button,
        ]

    # -- building ------------------------------------------------------------------------------

    def _button(self, text: str, accessible_name: str) -> QPushButton:
        button = QPushButton(text, self._dialog)
        button.setAccessibleName(accessible_name)
        if accessible_name != text.replace("&", "").rstrip("…"):
            button.setToolTip(accessible_name)
        return button

    def _build(self) -> None:
        dialog = self._dialog
        self.key_icon = QLabel(dialog)
        self.key_status_label = plain_label("", dialog)
        self.key_status_label.setAccessibleName(translate("KeySection", "Key status"))
        self.key_row = QHBoxLayout()
        self.key_row.addWidget(self.key_icon)
        self.key_row.addWidget(self.key_status_label, 1)

        self.set_key_button = self._button(
            translate("KeySection", "&Set key…"), translate("KeySection", "Set the API key")
        )
        self.remove_key_button = self._button(
            translate("KeySection", "Remo&ve key"), translate("KeySection", "Remove the API key")
        )
        self.verify_button = self._button(
            translate("KeySection", "&Verify"),
            translate("KeySection", "Check the key with the service"),
        )
        self.key_buttons = QHBoxLayout()
        for button in (self.set_key_button, self.remove_key_button, self.verify_button):
            self.key_buttons.addWidget(button)
        self.key_buttons.addStretch(1)

        self.verify_spinner = QProgressBar(dialog)
        self.verify_spinner.setRange(0, 0)
        self.verify_spinner.setTextVisible(False)
        self.verify_spinner.setFixedWidth(60)
        self.verify_spinner.setAccessibleName(translate("KeySection", "Checking the key"))
        self.verify_spinner.hide()
        self.verify_icon = QLabel(dialog)
        self.verify_icon.hide()
        self.verify_result_label = plain_label("", dialog)
        self.verify_result_label.setWordWrap(True)
        self.verify_result_label.setAccessibleName(translate("KeySection", "Key check result"))
        self.verify_row = QHBoxLayout()
        self.verify_row.addWidget(self.verify_spinner)
        self.verify_row.addWidget(self.verify_icon)
        self.verify_row.addWidget(self.verify_result_label, 1)

        # The key editor: shown only while a key is being entered.
        self.key_editor = QFrame(dialog)
        self.key_editor.setFrameShape(QFrame.Shape.StyledPanel)
        self.key_entry = KeyEntry(self.key_editor)
        self.save_key_button = self._button(
            translate("KeySection", "Save key"),
            translate("KeySection", "Save the key in the keyring"),
        )
        self.cancel_key_button = self._button(
            translate("KeySection", "Cancel"), translate("KeySection", "Cancel entering a key")
        )
        self.cancel_key_button.clicked.connect(self.cancel_key_entry)
        # The keyring problem: what is missing, how to get it, and the session-only choice.
        self.keyring_problem = QFrame(self.key_editor)
        icon = QLabel(self.keyring_problem)
        icon.setPixmap(
            dialog.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(24, 24)
        )
        self.keyring_problem_label = plain_label("", self.keyring_problem)
        self.keyring_problem_label.setWordWrap(True)
        self.keyring_problem_label.setAccessibleName(translate("KeySection", "Keyring problem"))
        self.session_only_button = self._button(
            translate("KeySection", "Keep for this session only"),
            translate(
                "KeySection", "Keep the key in memory until the app quits, without saving it"
            ),
        )
        problem_text = QHBoxLayout()
        problem_text.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        problem_text.addWidget(self.keyring_problem_label, 1)
        problem_layout = QVBoxLayout(self.keyring_problem)
        problem_layout.setContentsMargins(0, 0, 0, 0)
        problem_layout.addLayout(problem_text)
        problem_buttons = QHBoxLayout()
        problem_buttons.addStretch(1)
        problem_buttons.addWidget(self.session_only_button)
        problem_layout.addLayout(problem_buttons)
        self.keyring_problem.hide()
        editor_buttons = QHBoxLayout()
        editor_buttons.addStretch(1)
        editor_buttons.addWidget(self.cancel_key_button)
        editor_buttons.addWidget(self.save_key_button)
        editor_layout = QVBoxLayout(self.key_editor)
        editor_layout.addWidget(
            plain_label(
                translate("KeySection", "Paste the API key from your account settings:"), dialog
            )
        )
        editor_layout.addWidget(self.key_entry)
        editor_layout.addLayout(editor_buttons)
        editor_layout.addWidget(self.keyring_problem)
        self.key_editor.hide()

    # -- what is shown -------------------------------------------------------------------------

    def show_profile(self, profile: Profile | None, *, busy: bool) -> None:
        """Show the key state of ``profile`` (the dialog's selection)."""
        self.profile = profile
        own = profile is not None and not profile.is_sandbox
        status = self._store.key_status(profile.name) if profile is not None else None
        self.key_status_label.setText(status.text if status is not None else "")
        icon = QStyle.StandardPixmap.SP_MessageBoxInformation
        if status is not None and status.location is KeyLocation.KEYRING:
            icon = QStyle.StandardPixmap.SP_DialogApplyButton
        elif status is not None and status.location is KeyLocation.SESSION:
            icon = QStyle.StandardPixmap.SP_MessageBoxWarning
        self.key_icon.setPixmap(self._dialog.style().standardIcon(icon).pixmap(16, 16))
        has_key = status is not None and status.location is not KeyLocation.NONE
        self.set_key_button.setText(
            translate("KeySection", "Re&place key…")
            if has_key
            else translate("KeySection", "&Set key…")
        )
        self.set_key_button.setAccessibleName(
            translate("KeySection", "Replace the API key")
            if has_key
            else translate("KeySection", "Set the API key")
        )
        self.set_key_button.setEnabled(own and not busy)
        self.remove_key_button.setEnabled(own and has_key and not busy)
        self.verify_button.setEnabled(own and has_key and not busy)
        self.save_key_button.setEnabled(not busy)
        self.session_only_button.setEnabled(not busy)
        for button in (self.set_key_button, self.remove_key_button, self.verify_button):
            button.setVisible(own)

    def clear_check(self) -> None:
        self.verify_spinner.hide()
        self.verify_icon.hide()
        self.verify_result_label.setText("")

    def _show_check(self, check: KeyCheck) -> None:
        icon = _CHECK_ICONS[check.status]
        self.verify_icon.setPixmap(self._dialog.style().standardIcon(icon).pixmap(16, 16))
        self.verify_icon.show()
        self.verify_result_label.setText(check.message)

    # -- key entry -----------------------------------------------------------------------------

    def begin_key_entry(self) -> None:
        """Show the masked key field for the selected profile."""
        self.key_entry.clear()
        self.keyring_problem.hide()
        self.key_editor.show()
        self.save_key_button.setDefault(True)
        self.key_entry.setFocus()

    def cancel_key_entry(self) -> None:
        """Hide the key field and forget what was typed."""
        self.key_entry.clear()
        self.keyring_problem.hide()
        self.key_editor.hide()
        self.save_key_button.setDefault(False)
        self.entry_closed.emit()

    # -- operations (awaitable; the dialog's buttons start them as owned tasks) -----------------

    async def save_key(self, *, session_only: bool = False) -> bool:
        """Check, then save the typed key for the selected profile; True when it was stored.

        A key the service rejects is not stored and stays in the (masked) field to be fixed.
        When the keyring is unavailable, says what is missing and offers "Keep for this session
        only"; the typed key stays in the field until the user decides.
        """
        profile = self.profile
        if profile is None:
            return False
        if not session_only:
            self.message.emit("Checking the key with the service…", False)
        self.busy_changed.emit(True)
        try:
            saved = await check_and_store_key(
                self._store,
                profile.name,
                self.key_entry.text(),
                verify=self._verify,
                session_only=session_only,
            )
        finally:
            self.busy_changed.emit(False)
        if saved.outcome is KeySaveOutcome.NO_KEYRING:
            self.keyring_problem_label.setText(saved.message)
            self.keyring_problem.show()
            self.session_only_button.setFocus()
            self.message.emit("", False)
            return False
        if not saved.stored:
            self.message.emit(saved.message, True)
            return False
        self.cancel_key_entry()
        self.clear_check()
        self.message.emit(saved.message, saved.outcome is KeySaveOutcome.SAVED_UNCHECKED)
        self.key_saved.emit(profile.name)
        return True

    async def remove_key(self) -> bool:
        """Remove the selected profile's key from the keyring (and this session)."""
        profile = self.profile
        if profile is None:
            return False
        self.busy_changed.emit(True)
        try:
            await asyncio.to_thread(self._store.remove_key, profile.name)
        except (KeyStoreError, ProfileError) as exc:
            self.message.emit(exc.user_message, True)
            return False
        finally:
            self.busy_changed.emit(False)
        self.clear_check()
        removed = translate("KeySection", "The key of “{name}” was removed.")
        self.message.emit(removed.format(name=profile.name), False)
        self.key_removed.emit(profile.name)
        return True

    async def verify(self) -> KeyCheck | None:
        """Check the selected profile's key with one request; shows and returns the outcome."""
        profile = self.profile
        if profile is None or profile.is_sandbox:
            return None
        self.clear_check()
        self.verify_spinner.show()
        self.verify_result_label.setText(translate("KeySection", "Checking…"))
        self.busy_changed.emit(True)
        try:
            try:
                key = await asyncio.to_thread(self._store.get_key, profile.name)
            except (KeyStoreError, ProfileError) as exc:
                check = KeyCheck(KeyCheckStatus.UNREACHABLE, exc.user_message)
            else:
                if key is None:
                    check = KeyCheck(
                        KeyCheckStatus.INVALID,
                        translate("KeySection", "There is no key to check. Set a key first."),
                    )
                else:
                    check = await self._verify(profile.base_url, key)
        finally:
            self.verify_spinner.hide()
            # get_key may have brought the recorded fingerprint in line with the keyring.
            self.busy_changed.emit(False)
        self._show_check(check)
        return check

    # -- slots ---------------------------------------------------------------------------------

    def _on_busy_changed(self, busy: bool) -> None:
        self._busy = busy

    def _on_save_key_button_clicked(self) -> None:
        if not self._busy:
            self._start("save-key", self.save_key())

    def _on_session_only_button_clicked(self) -> None:
        if not self._busy:
            self._start("save-key-for-session", self.save_key(session_only=True))

    def _on_remove_key_button_clicked(self) -> None:
        profile = self.profile
        if profile is None:
            return
        text = translate(
            "KeySection", "Remove the API key of “{name}”? You can set it again later."
        ).format(name=profile.name)
        if confirm(self._dialog, translate("KeySection", "Remove key"), text):
            self._start("remove-key", self.remove_key())
