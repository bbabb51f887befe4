"""The Profiles dialog: add, rename and delete profiles; set, verify and remove their API keys.

Keyring calls can block (D-Bus, an unlock prompt), so every operation that touches a key is an
``async def`` that runs the blocking part with ``asyncio.to_thread`` on the app's qasync loop;
buttons start these as owned tasks, and tests await them directly. Show the dialog with
``open()`` or ``show()`` (not ``exec()`` from inside a coroutine), and await ``aclose()`` before
the loop ends.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QKeyEvent, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.profiles import (
    DEFAULT_BASE_URL,
    KeyCheck,
    KeyCheckStatus,
    Profile,
    ProfileError,
    ProfileStore,
    normalize_base_url,
    verify_key,
)
from fizzly_desktop.core.secrets import (
    KeyLocation,
    KeyringUnavailable,
    KeyStoreError,
    looks_like_key,
)
from fizzly_desktop.core.tasks import TaskOwner

log = logging.getLogger(__name__)

KeyVerifier = Callable[[str, str], Awaitable[KeyCheck]]
"""``verify(base_url, key) -> KeyCheck``; by default one request to the profile's service."""

_NAME_ROLE = Qt.ItemDataRole.UserRole


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows text as typed: no HTML, so nothing a server or user wrote is rendered."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


class KeyEntry(QWidget):
    """A masked key field with an explicit Show/Hide toggle and a warning for unusual keys.

    Signals:
        submitted(): Enter was pressed in the field.
    """

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit(self)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText("fiz_…")
        self.field.setAccessibleName("API key")
        self.field.setAccessibleDescription("Paste your Fizzly API key. It is hidden as you type.")
        # A key is a password: no undo history or drag-out of the secret.
        self.field.setDragEnabled(False)
        self.field.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhSensitiveData
        )
        self.reveal_button = QToolButton(self)
        self.reveal_button.setCheckable(True)
        self.reveal_button.setText("Show")
        self.reveal_button.setAccessibleName("Show key")
        self.reveal_button.setToolTip("Show the key as plain text")
        self.reveal_button.toggled.connect(self._on_reveal_button_toggled)
        self.warning_label = plain_label("", self)
        self.warning_label.setWordWrap(True)
        self.warning_label.setAccessibleName("Key warning")
        self.warning_label.hide()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.field, 1)
        row.addWidget(self.reveal_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.warning_label)
        self.setFocusProxy(self.field)
        self.field.textChanged.connect(self._on_field_text_changed)
        self.field.returnPressed.connect(self.submitted)

    def text(self) -> str:
        return self.field.text()

    def clear(self) -> None:
        """Forget the typed key and hide it again."""
        self.field.clear()
        self.reveal_button.setChecked(False)
        self.warning_label.hide()

    def is_revealed(self) -> bool:
        return self.field.echoMode() == QLineEdit.EchoMode.Normal

    def _on_reveal_button_toggled(self, revealed: bool) -> None:
        self.field.setEchoMode(
            QLineEdit.EchoMode.Normal if revealed else QLineEdit.EchoMode.Password
        )
        self.reveal_button.setText("Hide" if revealed else "Show")
        self.reveal_button.setAccessibleName("Hide key" if revealed else "Show key")
        self.reveal_button.setToolTip(
            "Hide the key again" if revealed else "Show the key as plain text"
        )

    def _on_field_text_changed(self, text: str) -> None:
        # An empty field is not worth a warning while the user is still pasting.
        warning = looks_like_key(text) if text.strip() else None
        self.warning_label.setText(warning or "")
        self.warning_label.setVisible(warning is not None)


class ProfileForm(QDialog):
    """A small form for a profile's name and/or API address, checked before it closes."""

    def __init__(
        self,
        title: str,
        check: Callable[[str, str], str | None],
        *,
        name: str | None = None,
        base_url: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._check = check
        self.name_edit: QLineEdit | None = None
        self.url_edit: QLineEdit | None = None
        form = QFormLayout()
        if name is not None:
            self.name_edit = QLineEdit(name, self)
            self.name_edit.setAccessibleName("Profile name")
            self.name_edit.setMaxLength(64)
            form.addRow("&Name:", self.name_edit)
        if base_url is not None:
            self.url_edit = QLineEdit(base_url, self)
            self.url_edit.setAccessibleName("API address")
            self.url_edit.setPlaceholderText(DEFAULT_BASE_URL)
            form.addRow("API &address:", self.url_edit)
        self.error_label = plain_label("", self)
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName("Problem")
        self.error_label.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def name(self) -> str:
        return self.name_edit.text().strip() if self.name_edit is not None else ""

    def base_url(self) -> str:
        return self.url_edit.text().strip() if self.url_edit is not None else ""

    def accept(self) -> None:
        problem = self._check(self.name(), self.base_url())
        if problem is not None:
            # The form stays open with what was typed: nothing is lost to a typo.
            self.error_label.setText(problem)
            self.error_label.show()
            return
        super().accept()


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
        self.setWindowTitle("Profiles")
        self.setMinimumSize(QSize(720, 460))
        self._build()
        self._reload_list(select=store.active_name)
        if store.load_problem is not None:
            self._show_message(store.load_problem, error=True)

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        style = self.style()
        self.profile_list = QListWidget(self)
        self.profile_list.setAccessibleName("Profiles")
        self.profile_list.setMinimumWidth(200)
        self.profile_list.setIconSize(QSize(16, 16))
        self.profile_list.currentItemChanged.connect(self._on_profile_list_current_item_changed)

        self.add_button = self._button("&Add…", "Add a profile")
        self.rename_button = self._button("&Rename…", "Rename the selected profile")
        self.delete_button = self._button("&Delete…", "Delete the selected profile and its key")
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
        self.name_label.setAccessibleName("Profile name")
        self.active_label = plain_label("", self)
        self.active_label.setAccessibleName("Active profile")
        self.make_active_button = self._button("&Make active", "Make this the active profile")
        self.make_active_button.clicked.connect(self._on_make_active_button_clicked)
        title_row = QHBoxLayout()
        title_row.addWidget(self.name_label, 1)
        title_row.addWidget(self.active_label)
        title_row.addWidget(self.make_active_button)

        self.base_url_label = plain_label("", self)
        self.base_url_label.setAccessibleName("API address")
        self.base_url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.base_url_label.setWordWrap(True)
        self.change_url_button = self._button("Change…", "Change the API address")
        self.change_url_button.clicked.connect(self._on_change_url_button_clicked)
        url_row = QHBoxLayout()
        url_row.addWidget(self.base_url_label, 1)
        url_row.addWidget(self.change_url_button)

        self.key_icon = QLabel(self)
        self.key_status_label = plain_label("", self)
        self.key_status_label.setAccessibleName("Key status")
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_icon)
        key_row.addWidget(self.key_status_label, 1)

        self.set_key_button = self._button("&Set key…", "Set the API key")
        self.remove_key_button = self._button("Remo&ve key", "Remove the API key")
        self.verify_button = self._button("&Verify", "Check the key with the service")
        self.set_key_button.clicked.connect(self._on_set_key_button_clicked)
        self.remove_key_button.clicked.connect(self._on_remove_key_button_clicked)
        self.verify_button.clicked.connect(self._on_verify_button_clicked)
        key_buttons = QHBoxLayout()
        for button in (self.set_key_button, self.remove_key_button, self.verify_button):
            key_buttons.addWidget(button)
        key_buttons.addStretch(1)

        self.verify_spinner = QProgressBar(self)
        self.verify_spinner.setRange(0, 0)
        self.verify_spinner.setTextVisible(False)
        self.verify_spinner.setFixedWidth(60)
        self.verify_spinner.setAccessibleName("Checking the key")
        self.verify_spinner.hide()
        self.verify_icon = QLabel(self)
        self.verify_icon.hide()
        self.verify_result_label = plain_label("", self)
        self.verify_result_label.setWordWrap(True)
        self.verify_result_label.setAccessibleName("Key check result")
        verify_row = QHBoxLayout()
        verify_row.addWidget(self.verify_spinner)
        verify_row.addWidget(self.verify_icon)
        verify_row.addWidget(self.verify_result_label, 1)

        # The key editor: shown only while a key is being entered.
        self.key_editor = QFrame(self)
        self.key_editor.setFrameShape(QFrame.Shape.StyledPanel)
        self.key_entry = KeyEntry(self.key_editor)
        self.key_entry.submitted.connect(self._on_save_key_button_clicked)
        self.save_key_button = self._button("Save key", "Save the key in the keyring")
        self.cancel_key_button = self._button("Cancel", "Cancel entering a key")
        self.save_key_button.clicked.connect(self._on_save_key_button_clicked)
        self.cancel_key_button.clicked.connect(self.cancel_key_entry)
        # The keyring problem: what is missing, how to get it, and the session-only choice.
        self.keyring_problem = QFrame(self.key_editor)
        self.keyring_problem_icon = QLabel(self.keyring_problem)
        self.keyring_problem_icon.setPixmap(
            style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(24, 24)
        )
        self.keyring_problem_label = plain_label("", self.keyring_problem)
        self.keyring_problem_label.setWordWrap(True)
        self.keyring_problem_label.setAccessibleName("Keyring problem")
        self.session_only_button = self._button(
            "Keep for this session only",
            "Keep the key in memory until the app quits, without saving it",
        )
        self.session_only_button.clicked.connect(self._on_session_only_button_clicked)
        problem_text = QHBoxLayout()
        problem_text.addWidget(self.keyring_problem_icon, 0, Qt.AlignmentFlag.AlignTop)
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
        editor_layout.addWidget(plain_label("Paste the API key from your account settings:", self))
        editor_layout.addWidget(self.key_entry)
        editor_layout.addLayout(editor_buttons)
        editor_layout.addWidget(self.keyring_problem)
        self.key_editor.hide()

        self.message_icon = QLabel(self)
        self.message_icon.hide()
        self.message_label = plain_label("", self)
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName("Message")
        message_row = QHBoxLayout()
        message_row.addWidget(self.message_icon, 0, Qt.AlignmentFlag.AlignTop)
        message_row.addWidget(self.message_label, 1)

        details = QFormLayout()
        details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        details.addRow(self._caption("API address"), url_row)
        details.addRow(self._caption("API key"), key_row)
        details.addRow("", key_buttons)
        details.addRow("", verify_row)

        right = QVBoxLayout()
        right.addLayout(title_row)
        right.addSpacing(8)
        right.addLayout(details)
        right.addWidget(self.key_editor)
        right.addStretch(1)
        right.addLayout(message_row)

        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = self.button_box.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName("Close")
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
        self.setTabOrder(self.profile_list, self.add_button)
        self.setTabOrder(self.add_button, self.rename_button)
        self.setTabOrder(self.rename_button, self.delete_button)
        self.setTabOrder(self.delete_button, self.make_active_button)
        self.setTabOrder(self.make_active_button, self.change_url_button)
        self.setTabOrder(self.change_url_button, self.set_key_button)
        self.setTabOrder(self.set_key_button, self.remove_key_button)
        self.setTabOrder(self.remove_key_button, self.verify_button)
        self.setTabOrder(self.verify_button, self.key_entry.field)
        self.setTabOrder(self.key_entry.field, self.key_entry.reveal_button)
        self.setTabOrder(self.key_entry.reveal_button, self.cancel_key_button)
        self.setTabOrder(self.cancel_key_button, self.save_key_button)
        self.setTabOrder(self.save_key_button, self.session_only_button)
        self.setTabOrder(self.session_only_button, self.close_button)

    def _button(self, text: str, accessible_name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(accessible_name)
        if accessible_name != text.replace("&", "").rstrip("…"):
            button.setToolTip(accessible_name)
        return button

    def _caption(self, text: str) -> QLabel:
        label = plain_label(text, self)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        return label

    # -- what is shown -------------------------------------------------------------------------

    def selected_name(self) -> str | None:
        item = self.profile_list.currentItem()
        return None if item is None else str(item.data(_NAME_ROLE))

    def select_profile(self, name: str) -> None:
        for row in range(self.profile_list.count()):
            item = self.profile_list.item(row)
            if item.data(_NAME_ROLE) == name:
                self.profile_list.setCurrentItem(item)
                return

    def _selected(self) -> Profile | None:
        name = self.selected_name()
        return None if name is None else self._store.find(name)

    def _reload_list(self, *, select: str | None = None) -> None:
        select = select if select is not None else self.selected_name()
        active = self._store.active_name
        self.profile_list.blockSignals(True)
        self.profile_list.clear()
        for profile in self._store.profiles():
            item = QListWidgetItem(profile.name)
            item.setData(_NAME_ROLE, profile.name)
            if profile.name == active:
                font = QFont(self.profile_list.font())
                font.setBold(True)
                item.setFont(font)
                item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton))
                item.setToolTip("The active profile")
            else:
                item.setIcon(_blank_icon())
            self.profile_list.addItem(item)
        self.profile_list.blockSignals(False)
        if select is not None:
            self.select_profile(select)
        if self.profile_list.currentItem() is None and self.profile_list.count():
            self.profile_list.setCurrentRow(0)
        self._refresh_details()

    def _refresh_details(self) -> None:
        profile = self._selected()
        has_profile = profile is not None
        own = profile is not None and not profile.is_sandbox
        self.name_label.setText(profile.name if profile else "")
        if profile is None:
            self.base_url_label.setText("")
        elif profile.is_sandbox:
            self.base_url_label.setText("The sandbox started by the app on this computer")
        else:
            self.base_url_label.setText(profile.base_url)
        is_active = profile is not None and profile.name == self._store.active_name
        self.active_label.setText("Active profile" if is_active else "")
        self.active_label.setVisible(is_active)
        self.make_active_button.setVisible(has_profile and not is_active)

        status = self._store.key_status(profile.name) if profile is not None else None
        self.key_status_label.setText(status.text if status is not None else "")
        icon = QStyle.StandardPixmap.SP_MessageBoxInformation
        if status is not None and status.location is KeyLocation.KEYRING:
            icon = QStyle.StandardPixmap.SP_DialogApplyButton
        elif status is not None and status.location is KeyLocation.SESSION:
            icon = QStyle.StandardPixmap.SP_MessageBoxWarning
        self.key_icon.setPixmap(self.style().standardIcon(icon).pixmap(16, 16))
        has_key = status is not None and status.location is not KeyLocation.NONE
        self.set_key_button.setText("Re&place key…" if has_key else "&Set key…")
        self.set_key_button.setAccessibleName(
            "Replace the API key" if has_key else "Set the API key"
        )

        busy = self._busy
        self.add_button.setEnabled(not busy)
        self.rename_button.setEnabled(own and not busy)
        self.delete_button.setEnabled(own and not busy)
        self.change_url_button.setEnabled(own and not busy)
        self.make_active_button.setEnabled(not busy)
        self.set_key_button.setEnabled(own and not busy)
        self.remove_key_button.setEnabled(own and has_key and not busy)
        self.verify_button.setEnabled(own and has_key and not busy)
        self.save_key_button.setEnabled(not busy)
        self.session_only_button.setEnabled(not busy)
        self.profile_list.setEnabled(not busy)
        for button in (self.set_key_button, self.remove_key_button, self.verify_button):
            button.setVisible(own)
        self.change_url_button.setVisible(own)

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

    def _clear_verify_result(self) -> None:
        self.verify_spinner.hide()
        self.verify_icon.hide()
        self.verify_result_label.setText("")

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._refresh_details()

    # -- key entry -----------------------------------------------------------------------------

    def begin_key_entry(self) -> None:
        """Show the masked key field for the selected profile."""
        self.key_entry.clear()
        self.keyring_problem.hide()
        self.key_editor.show()
        self.close_button.setDefault(False)
        self.save_key_button.setDefault(True)
        self.key_entry.setFocus()

    def cancel_key_entry(self) -> None:
        """Hide the key field and forget what was typed."""
        self.key_entry.clear()
        self.keyring_problem.hide()
        self.key_editor.hide()
        self.save_key_button.setDefault(False)
        self.close_button.setDefault(True)

    # -- operations (awaitable; the buttons start them as owned tasks) ---------------------------

    def add_profile(self, name: str, base_url: str = DEFAULT_BASE_URL) -> str | None:
        """Add a profile and select it; the reason in plain words when it cannot be added."""
        try:
            profile = self._store.add(name, base_url)
        except ProfileError as exc:
            self._show_message(exc.user_message, error=True)
            return exc.user_message
        self._reload_list(select=profile.name)
        self._show_message(f"Added “{profile.name}”. Set its API key next.")
        self.profiles_changed.emit()
        return None

    def change_base_url(self, base_url: str) -> str | None:
        """Point the selected profile at another API address; the reason when it cannot."""
        profile = self._selected()
        if profile is None:
            return "Select a profile first."
        try:
            updated = self._store.set_base_url(profile.name, base_url)
        except ProfileError as exc:
            self._show_message(exc.user_message, error=True)
            return exc.user_message
        self._clear_verify_result()
        self._refresh_details()
        self._show_message(f"“{updated.name}” now uses {updated.base_url}.")
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
        self._show_message(f"“{profile.name}” is now the active profile.")
        self.active_profile_changed.emit(profile.name)

    async def save_key(self, *, session_only: bool = False) -> bool:
        """Save the typed key for the selected profile; True when it was saved.

        When the keyring is unavailable, says what is missing and offers "Keep for this session
        only"; the typed key stays in the (masked) field until the user decides.
        """
        profile = self._selected()
        key = self.key_entry.text()
        if profile is None:
            return False
        if not key.strip():
            self._show_message("Paste your API key first.", error=True)
            return False
        was_active = profile.name == self._store.active_name
        self._set_busy(True)
        try:
            updated = await asyncio.to_thread(
                self._store.set_key, profile.name, key, session_only=session_only
            )
        except KeyringUnavailable as exc:
            self._set_busy(False)
            self.keyring_problem_label.setText(
                f"{exc.user_message}\n\nYou can also keep the key in memory until you quit the "
                "app; it is never written to disk."
            )
            self.keyring_problem.show()
            self.session_only_button.setFocus()
            self._show_message("")
            return False
        except (KeyStoreError, ProfileError) as exc:
            self._show_message(exc.user_message, error=True)
            return False
        finally:
            self._set_busy(False)
        self.cancel_key_entry()
        self._clear_verify_result()
        self._refresh_details()
        status = self._store.key_status(updated.name)
        if session_only:
            self._show_message(
                f"The key ({status.fingerprint}) is kept for this session only; "
                "you will need to set it again after restarting the app."
            )
        else:
            self._show_message(f"The key ({status.fingerprint}) is saved in your keyring.")
        self.profiles_changed.emit()
        if was_active:
            self.active_profile_changed.emit(updated.name)
        return True

    async def keep_key_for_session(self) -> bool:
        """The user's explicit choice after a keyring problem: hold the key in memory only."""
        return await self.save_key(session_only=True)

    async def remove_key(self) -> bool:
        """Remove the selected profile's key from the keyring (and this session)."""
        profile = self._selected()
        if profile is None:
            return False
        self._set_busy(True)
        try:
            await asyncio.to_thread(self._store.remove_key, profile.name)
        except (KeyStoreError, ProfileError) as exc:
            self._show_message(exc.user_message, error=True)
            return False
        finally:
            self._set_busy(False)
        self._clear_verify_result()
        self._refresh_details()
        self._show_message(f"The key of “{profile.name}” was removed.")
        self.profiles_changed.emit()
        return True

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
            self._show_message(
                f"“{profile.name}” was not deleted, because its key could not be removed from "
                f"the keyring. {exc.user_message}",
                error=True,
            )
            return False
        except (KeyStoreError, ProfileError) as exc:
            self._show_message(exc.user_message, error=True)
            return False
        finally:
            self._set_busy(False)
        self.cancel_key_entry()
        self._clear_verify_result()
        self._reload_list(select=self._store.active_name)
        self._show_message(f"Deleted “{profile.name}” and removed its key.")
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
            self._show_message(f"Renamed “{profile.name}” to “{updated.name}”.")
            self.profiles_changed.emit()
            if was_active:
                self.active_profile_changed.emit(updated.name)
        return True

    async def verify(self) -> KeyCheck | None:
        """Check the selected profile's key with one request; shows and returns the outcome."""
        profile = self._selected()
        if profile is None or profile.is_sandbox:
            return None
        self._clear_verify_result()
        self.verify_spinner.show()
        self.verify_result_label.setText("Checking…")
        self._set_busy(True)
        try:
            try:
                key = await asyncio.to_thread(self._store.get_key, profile.name)
            except (KeyStoreError, ProfileError) as exc:
                check = KeyCheck(KeyCheckStatus.UNREACHABLE, exc.user_message)
            else:
                if key is None:
                    check = KeyCheck(
                        KeyCheckStatus.INVALID, "There is no key to check. Set a key first."
                    )
                else:
                    check = await self._verify(profile.base_url, key)
        finally:
            self.verify_spinner.hide()
            self._set_busy(False)
        icon = {
            KeyCheckStatus.VALID: QStyle.StandardPixmap.SP_DialogApplyButton,
            KeyCheckStatus.INVALID: QStyle.StandardPixmap.SP_MessageBoxCritical,
            KeyCheckStatus.NO_API_ACCESS: QStyle.StandardPixmap.SP_MessageBoxWarning,
            KeyCheckStatus.UNREACHABLE: QStyle.StandardPixmap.SP_MessageBoxWarning,
        }[check.status]
        self.verify_icon.setPixmap(self.style().standardIcon(icon).pixmap(16, 16))
        self.verify_icon.show()
        self.verify_result_label.setText(check.message)
        # get_key may have brought the recorded fingerprint in line with the keyring.
        self._refresh_details()
        return check

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
        self.cancel_key_entry()
        self._clear_verify_result()
        self._show_message("")
        self._refresh_details()

    def _on_add_button_clicked(self) -> None:
        form = ProfileForm(
            "Add profile", self._check_new_profile, name="", base_url=DEFAULT_BASE_URL, parent=self
        )
        if _ask(form):
            self.add_profile(form.name(), form.base_url())

    def _check_new_profile(self, name: str, base_url: str) -> str | None:
        problem = self._store.check_new_name(name)
        if problem is not None:
            return problem
        try:
            normalize_base_url(base_url)
        except ProfileError as exc:
            return exc.user_message
        return None

    def _on_rename_button_clicked(self) -> None:
        profile = self._selected()
        if profile is None or profile.is_sandbox:
            return
        form = ProfileForm(
            "Rename profile",
            lambda name, _url: self._store.check_new_name(name, renaming=profile.name),
            name=profile.name,
            parent=self,
        )
        if _ask(form):
            self._start("rename", self.rename_profile(form.name()))

    def _on_change_url_button_clicked(self) -> None:
        profile = self._selected()
        if profile is None or profile.is_sandbox:
            return
        form = ProfileForm("Change API address", _check_url, base_url=profile.base_url, parent=self)
        if _ask(form):
            self.change_base_url(form.base_url())

    def _on_delete_button_clicked(self) -> None:
        profile = self._selected()
        if profile is None or profile.is_sandbox:
            return
        answer = QMessageBox.question(
            self,
            "Delete profile",
            f"Delete the profile “{profile.name}”? Its API key is removed from your keyring. "
            "Runs already in your history are kept.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._start("delete", self.delete_profile())

    def _on_make_active_button_clicked(self) -> None:
        self.make_active()

    def _on_set_key_button_clicked(self) -> None:
        self.begin_key_entry()

    def _on_save_key_button_clicked(self) -> None:
        if not self._busy:
            self._start("save-key", self.save_key())

    def _on_session_only_button_clicked(self) -> None:
        if not self._busy:
            self._start("save-key-for-session", self.keep_key_for_session())

    def _on_remove_key_button_clicked(self) -> None:
        profile = self._selected()
        if profile is None:
            return
        answer = QMessageBox.question(
            self,
            "Remove key",
            f"Remove the API key of “{profile.name}”? You can set it again later.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._start("remove-key", self.remove_key())

    def _on_verify_button_clicked(self) -> None:
        self._start("verify", self.verify())

    # -- closing -------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        # Profiles may have changed elsewhere (the window's switcher, --profile) while hidden.
        if not self._busy:
            self._reload_list()
        super().showEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape first leaves key entry, then (pressed again) closes the dialog.
        if event.key() == Qt.Key.Key_Escape and self.key_editor.isVisible():
            self.cancel_key_entry()
            event.accept()
            return
        super().keyPressEvent(event)

    def done(self, result: int) -> None:
        # A typed key must not outlive the dialog's visible life. Operations still running
        # finish on their own (aclose() is for quitting); the store keeps their result.
        self.cancel_key_entry()
        super().done(result)


def _ask(form: ProfileForm) -> bool:
    """Show a form modally; True when the user confirmed it."""
    try:
        return form.exec() == QDialog.DialogCode.Accepted
    finally:
        # Without a parent the form is freed with its last Python reference, when the slot
        # returns. As the dialog's child it would live on, its check referring back to the
        # dialog: a cycle that only the garbage collector breaks, possibly on a worker thread,
        # where Qt must not destroy widgets.
        form.setParent(None)


def _check_url(_name: str, base_url: str) -> str | None:
    try:
        normalize_base_url(base_url)
    except ProfileError as exc:
        return exc.user_message
    return None


def _blank_icon() -> QIcon:
    """A transparent icon, so names line up whether or not they carry the active mark."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    return QIcon(pixmap)


__all__ = ["KeyEntry", "KeyVerifier", "ProfileForm", "ProfilesDialog", "plain_label"]
