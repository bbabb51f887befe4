"""The Profiles dialog: add, rename and delete profiles; set, verify and remove their API keys.

Keyring calls can block (D-Bus, an unlock prompt), so every operation that touches a key is an
``async def`` that runs the blocking part with ``asyncio.to_thread`` on the app's qasync loop;
buttons start these as owned tasks, and tests await them directly. Show the dialog with
``open()`` or ``show()`` (not ``exec()`` from inside a coroutine), and await ``aclose()`` before
the loop ends. The key's part (status, editor, check) is a :class:`KeySection`.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from collections.abc import Coroutine
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP
from fizzly_desktop.core.keys import KeyVerifier
from fizzly_desktop.core.profiles import (
    DEFAULT_BASE_URL,
    KeyCheck,
    Profile,
    ProfileError,
    ProfileStore,
    verify_key,
)
from fizzly_desktop.core.secrets import KeyringUnavailable, KeyStoreError
from fizzly_desktop.core.tasks import TaskOwner
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.labels import plain_label
from fizzly_desktop.ui.profiles import prompts
from fizzly_desktop.ui.profiles.key_section import KeySection
from fizzly_desktop.ui.profiles.widgets import ProfileList

log = logging.getLogger(__name__)

_NAME_ROLE = Qt.ItemDataRole.UserRole


class ProfilesDialog(QDialog):
    """Manage profiles and their API keys. The key itself is never shown once saved.

    Args:
        store: the profiles and, through its vault, the keys.
        parent: the window it belongs to.
        verify: how a key is checked; by default one request to the profile's service.

    Signals:
        profiles_changed(): a profile was added, renamed or deleted, or its address or key
            changed.
        active_profile_changed(str): this profile is now the active one.
    """

    profiles_changed = Signal()
    active_profile_changed = Signal(str)

    def __init__(
        self,
        store: ProfileStore,
        parent: QWidget | None = None,
        *,
        verify: KeyVerifier = verify_key,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._verify = verify
        self._tasks = TaskOwner("profiles-dialog")
        self._busy = False
        self.setWindowTitle(translate("ProfilesDialog", "Profiles"))
        self.setMinimumSize(QSize(720, 460))
        self._build()
        self._reload_list(select=store.active_name)
        if store.load_problem is not None:
            self._show_message(store.load_problem, error=True)

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.profile_list = ProfileList(self)
        self.profile_list.currentItemChanged.connect(self._on_profile_list_current_item_changed)

        self.add_button = _button(
            self, translate("ProfilesDialog", "&Add…"), translate("ProfilesDialog", "Add a profile")
        )
        self.rename_button = _button(
            self,
            translate("ProfilesDialog", "&Rename…"),
            translate("ProfilesDialog", "Rename the selected profile"),
        )
        self.delete_button = _button(
            self,
            translate("ProfilesDialog", "&Delete…"),
            translate("ProfilesDialog", "Delete the selected profile and its key"),
        )
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.rename_button.clicked.connect(self._on_rename_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        list_buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.delete_button):
            list_buttons.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(self.profile_list, 1)
        left.addLayout(list_buttons)

        # Right side: the selected profile.
        self.name_label = plain_label("", self)
        title_font = QFont(self.name_label.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        title_font.setBold(True)
        self.name_label.setFont(title_font)
        self.name_label.setAccessibleName(translate("ProfilesDialog", "Profile name"))
        self.active_label = plain_label("", self)
        self.active_label.setAccessibleName(translate("ProfilesDialog", "Active profile"))
        self.make_active_button = _button(
            self,
            translate("ProfilesDialog", "&Make active"),
            translate("ProfilesDialog", "Make this the active profile"),
        )
        self.make_active_button.clicked.connect(self.make_active)
        title_row = QHBoxLayout()
        title_row.addWidget(self.name_label, 1)
        title_row.addWidget(self.active_label)
        title_row.addWidget(self.make_active_button)

        self.base_url_label = plain_label("", self)
        self.base_url_label.setAccessibleName(translate("ProfilesDialog", "API address"))
        self.base_url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.base_url_label.setWordWrap(True)
        self.change_url_button = _button(
            self,
            translate("ProfilesDialog", "Change…"),
            translate("ProfilesDialog", "Change the API address"),
        )
        self.change_url_button.clicked.connect(self._on_change_url_button_clicked)
        url_row = QHBoxLayout()
        url_row.addWidget(self.base_url_label, 1)
        url_row.addWidget(self.change_url_button)

        keys = self.keys = KeySection(self, self._store, self._verify, start=self._start)
        keys.set_key_button.clicked.connect(self._on_keys_entry_begun)
        keys.message.connect(self._show_message)
        keys.busy_changed.connect(self._set_busy)
        keys.key_saved.connect(self._on_keys_key_saved)
        keys.key_removed.connect(self._on_keys_key_removed)
        keys.entry_closed.connect(self._on_keys_entry_closed)

        self.message_icon = QLabel(self)
        self.message_icon.hide()
        self.message_label = plain_label("", self)
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(translate("ProfilesDialog", "Message"))
        message_row = QHBoxLayout()
        message_row.addWidget(self.message_icon, 0, Qt.AlignmentFlag.AlignTop)
        message_row.addWidget(self.message_label, 1)

        details = QFormLayout()
        details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        details.addRow(_caption(self, translate("ProfilesDialog", "API address")), url_row)
        details.addRow(_caption(self, translate("ProfilesDialog", "API key")), keys.key_row)
        details.addRow("", keys.key_buttons)
        details.addRow("", keys.verify_row)

        right = QVBoxLayout()
        right.addLayout(title_row)
        right.addSpacing(8)
        right.addLayout(details)
        right.addWidget(keys.key_editor)
        right.addStretch(1)
        right.addLayout(message_row)

        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = self.button_box.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName(translate("ProfilesDialog", "Close"))
        self.button_box.rejected.connect(self.reject)

        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addSpacing(12)
        columns.addLayout(right, 5)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.button_box)

        for button in self.findChildren(QPushButton):
            # Only an explicit default: Enter in the key field saves the key, not "Close".
            button.setAutoDefault(False)
        self.close_button.setDefault(True)
        order = [self.profile_list, self.add_button, self.rename_button, self.delete_button]
        order += [self.make_active_button, self.change_url_button, *keys.tab_order()]
        for first, second in itertools.pairwise([*order, self.close_button]):
            self.setTabOrder(first, second)

    # -- what is shown -------------------------------------------------------------------------

    def selected_name(self) -> str | None:
        return self.profile_list.selected_name()

    def select_profile(self, name: str) -> None:
        self.profile_list.select(name)

    def _selected(self) -> Profile | None:
        name = self.selected_name()
        return None if name is None else self._store.find(name)

    def _reload_list(self, *, select: str | None = None) -> None:
        self.profile_list.reload(self._store.profiles(), self._store.active_name, select=select)
        self._refresh_details()

    def _refresh_details(self) -> None:
        profile = self._selected()
        has_profile = profile is not None
        own = profile is not None and not profile.is_sandbox
        self.name_label.setText(profile.name if profile else "")
        if profile is None:
            self.base_url_label.setText("")
        elif profile.is_sandbox:
            self.base_url_label.setText(
                translate("ProfilesDialog", "The sandbox started by the app on this computer")
            )
        else:
            self.base_url_label.setText(profile.base_url)
        is_active = profile is not None and profile.name == self._store.active_name
        self.active_label.setText(
            translate("ProfilesDialog", "Active profile") if is_active else ""
        )
        self.active_label.setVisible(is_active)
        self.make_active_button.setVisible(has_profile and not is_active)

        busy = self._busy
        self.add_button.setEnabled(not busy)
        self.rename_button.setEnabled(own and not busy)
        self.delete_button.setEnabled(own and not busy)
        self.change_url_button.setEnabled(own and not busy)
        self.make_active_button.setEnabled(not busy)
        self.profile_list.setEnabled(not busy)
        self.change_url_button.setVisible(own)
        self.keys.show_profile(profile, busy=busy)

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message_label.setText(text)
        if text:
            kind = (
                QStyle.StandardPixmap.SP_MessageBoxWarning
                if error
                else QStyle.StandardPixmap.SP_MessageBoxInformation
            )
            self.message_icon.setPixmap(self.style().standardIcon(kind).pixmap(16, 16))
        self.message_icon.setVisible(bool(text))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._refresh_details()

    # -- operations (awaitable; the buttons start them as owned tasks) ---------------------------

    def add_profile(self, name: str, base_url: str = DEFAULT_BASE_URL) -> str | None:
        """Add a profile and select it; the reason in plain words when it cannot be added."""
        try:
            profile = self._store.add(name, base_url)
        except ProfileError as exc:
            self._show_message(exc.user_message, error=True)
            return exc.user_message
        self._reload_list(select=profile.name)
        self._show_message(_said("added", name=profile.name))
        self.profiles_changed.emit()
        return None

    def change_base_url(self, base_url: str) -> str | None:
        """Point the selected profile at another API address; the reason when it cannot."""
        profile = self._selected()
        if profile is None:
            return translate("ProfilesDialog", "Select a profile first.")
        try:
            updated = self._store.set_base_url(profile.name, base_url)
        except ProfileError as exc:
            self._show_message(exc.user_message, error=True)
            return exc.user_message
        self.keys.clear_check()
        self._refresh_details()
        self._show_message(_said("moved", name=updated.name, base_url=updated.base_url))
        self.profiles_changed.emit()
        return None

    def make_active(self) -> None:
        """Make the selected profile the active one."""
        profile = self._selected()
        if profile is None:
            return
        try:
            self._store.set_active(profile.name)
        except ProfileError as exc:
            self._show_message(exc.user_message, error=True)
            return
        self._reload_list(select=profile.name)
        self._show_message(_said("active", name=profile.name))
        self.active_profile_changed.emit(profile.name)

    async def save_key(self, *, session_only: bool = False) -> bool:
        """Check, then save the typed key for the selected profile (``KeySection.save_key``)."""
        return await self.keys.save_key(session_only=session_only)

    async def remove_key(self) -> bool:
        """Remove the selected profile's key from the keyring (and this session)."""
        return await self.keys.remove_key()

    async def delete_profile(self) -> bool:
        """Delete the selected profile and remove its key from the keyring."""
        profile = self._selected()
        if profile is None:
            return False
        was_active = profile.name == self._store.active_name
        self._set_busy(True)
        try:
            await asyncio.to_thread(self._store.delete, profile.name)
        except KeyringUnavailable as exc:
            text = _said("not_deleted", name=profile.name, user_message=exc.user_message)
            self._show_message(text, error=True)
            return False
        except (KeyStoreError, ProfileError) as exc:
            self._show_message(exc.user_message, error=True)
            return False
        finally:
            self._set_busy(False)
        self.keys.cancel_key_entry()
        self.keys.clear_check()
        self._reload_list(select=self._store.active_name)
        self._show_message(_said("deleted", name=profile.name))
        self.profiles_changed.emit()
        if was_active:
            self.active_profile_changed.emit(self._store.active_name)
        return True

    async def rename_profile(self, new_name: str) -> bool:
        """Rename the selected profile; its key moves with it."""
        profile = self._selected()
        if profile is None:
            return False
        was_active = profile.name == self._store.active_name
        self._set_busy(True)
        try:
            updated = await asyncio.to_thread(self._store.rename, profile.name, new_name)
        except (KeyStoreError, ProfileError) as exc:
            self._show_message(exc.user_message, error=True)
            return False
        finally:
            self._set_busy(False)
        self._reload_list(select=updated.name)
        if updated.name != profile.name:
            self._show_message(_said("renamed", name=profile.name, new_name=updated.name))
            self.profiles_changed.emit()
            if was_active:
                self.active_profile_changed.emit(updated.name)
        return True

    async def verify(self) -> KeyCheck | None:
        """Check the selected profile's key with one request; shows and returns the outcome."""
        return await self.keys.verify()

    async def wait_idle(self) -> None:
        """Wait until every operation started from a button has finished."""
        await self._tasks.wait_idle()

    async def aclose(self) -> None:
        """Cancel running operations and wait for them (the owner calls this before quitting)."""
        await self._tasks.close()

    # -- slots ---------------------------------------------------------------------------------

    def _start(self, name: str, coro: Coroutine[Any, Any, Any]) -> None:
        self._tasks.spawn(name, coro)

    def _on_profile_list_current_item_changed(self, *_: object) -> None:
        self.keys.cancel_key_entry()
        self.keys.clear_check()
        self._show_message("")
        self._refresh_details()

    def _on_add_button_clicked(self) -> None:
        answer = prompts.ask_new_profile(self, self._store)
        if answer is not None:
            self.add_profile(*answer)

    def _on_rename_button_clicked(self) -> None:
        profile = self._selected()
        if profile is not None and not profile.is_sandbox:
            new_name = prompts.ask_new_name(self, self._store, profile)
            if new_name is not None:
                self._start("rename", self.rename_profile(new_name))

    def _on_change_url_button_clicked(self) -> None:
        profile = self._selected()
        if profile is not None and not profile.is_sandbox:
            base_url = prompts.ask_base_url(self, profile)
            if base_url is not None:
                self.change_base_url(base_url)

    def _on_delete_button_clicked(self) -> None:
        profile = self._selected()
        if profile is not None and not profile.is_sandbox:
            text = _said("delete_question", name=profile.name)
            if prompts.confirm(self, translate("ProfilesDialog", "Delete profile"), text):
                self._start("delete", self.delete_profile())

    def _on_keys_entry_begun(self) -> None:
        # Enter in the key field saves the key rather than closing the dialog.
        self.close_button.setDefault(False)

    def _on_keys_entry_closed(self) -> None:
        self.close_button.setDefault(True)

    def _on_keys_key_saved(self, name: str) -> None:
        self.profiles_changed.emit()
        if name == self._store.active_name:
            self.active_profile_changed.emit(name)

    def _on_keys_key_removed(self, _name: str) -> None:
        self.profiles_changed.emit()

    # -- closing -------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        # Profiles may have changed elsewhere (the window's switcher, --profile) while hidden.
        if not self._busy:
            self._reload_list()
        super().showEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape first leaves key entry, then (pressed again) closes the dialog.
        if event.key() == Qt.Key.Key_Escape and self.keys.key_editor.isVisible():
            self.keys.cancel_key_entry()
            event.accept()
            return
        super().keyPressEvent(event)

    def done(self, result: int) -> None:
        # A typed key must not outlive the dialog's visible life. Operations still running
        # finish on their own (aclose() is for quitting); the store keeps their result.
        self.keys.cancel_key_entry()
        super().done(result)


__all__ = ["ProfilesDialog"]


#: What the dialog says after each change, by change (translated where said).
_SAID = {
    "added": QT_TRANSLATE_NOOP("ProfilesDialog", "Added “{name}”. Set its API key next."),
    "moved": QT_TRANSLATE_NOOP("ProfilesDialog", "“{name}” now uses {base_url}."),
    "active": QT_TRANSLATE_NOOP("ProfilesDialog", "“{name}” is now the active profile."),
    "not_deleted": QT_TRANSLATE_NOOP(
        "ProfilesDialog",
        "“{name}” was not deleted, because its key could not be removed from the keyring. "
        "{user_message}",
    ),
    "deleted": QT_TRANSLATE_NOOP("ProfilesDialog", "Deleted “{name}” and removed its key."),
    "renamed": QT_TRANSLATE_NOOP("ProfilesDialog", "Renamed “{name}” to “{new_name}”."),
    "delete_question": QT_TRANSLATE_NOOP(
        "ProfilesDialog",
        "Delete the profile “{name}”? Its API key is removed from your keyring. "
        "Runs already in your history are kept.",
    ),
}


def _said(change: str, **values: str) -> str:
    return translate("ProfilesDialog", _SAID[change]).format(**values)


def _button(parent: QWidget, text: str, accessible_name: str) -> QPushButton:
    button = QPushButton(text, parent)
    button.setAccessibleName(accessible_name)
    if accessible_name != text.replace("&", "").rstrip("…"):
        button.setToolTip(accessible_name)
    return button


def _caption(parent: QWidget, text: str) -> QLabel:
    label = plain_label(text, parent)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    return label
