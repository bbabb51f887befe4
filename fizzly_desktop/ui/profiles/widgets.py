"""Small parts of the profile screens: plain labels, the masked key field, the profile form."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.profiles import (
    DEFAULT_BASE_URL,
    Profile,
    ProfileError,
    normalize_base_url,
)
from fizzly_desktop.core.secrets import looks_like_key
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.labels import plain_label


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
        self.field.setAccessibleName(translate("KeyEntry", "API key"))
        self.field.setAccessibleDescription(
            translate("KeyEntry", "Paste your Fizzly API key. It is hidden as you type.")
        )
        # A key is a password: no undo history or drag-out of the secret.
        self.field.setDragEnabled(False)
        self.field.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhSensitiveData
        )
        self.reveal_button = QToolButton(self)
        self.reveal_button.setCheckable(True)
        self.reveal_button.setText(translate("KeyEntry", "Show"))
        self.reveal_button.setAccessibleName(translate("KeyEntry", "Show key"))
        self.reveal_button.setToolTip(translate("KeyEntry", "Show the key as plain text"))
        self.reveal_button.toggled.connect(self._on_reveal_button_toggled)
        self.warning_label = plain_label("", self)
        self.warning_label.setWordWrap(True)
        self.warning_label.setAccessibleName(translate("KeyEntry", "Key warning"))
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
        self.reveal_button.setText(
            translate("KeyEntry", "Hide") if revealed else translate("KeyEntry", "Show")
        )
        self.reveal_button.setAccessibleName(
            translate("KeyEntry", "Hide key") if revealed else translate("KeyEntry", "Show key")
        )
        self.reveal_button.setToolTip(
            translate("KeyEntry", "Hide the key again")
            if revealed
            else translate("KeyEntry", "Show the key as plain text")
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
            self.name_edit.setAccessibleName(translate("ProfileForm", "Profile name"))
            self.name_edit.setMaxLength(64)
            form.addRow(translate("ProfileForm", "&Name:"), self.name_edit)
        if base_url is not None:
            self.url_edit = QLineEdit(base_url, self)
            self.url_edit.setAccessibleName(translate("ProfileForm", "API address"))
            self.url_edit.setPlaceholderText(DEFAULT_BASE_URL)
            form.addRow(translate("ProfileForm", "API &address:"), self.url_edit)
        self.error_label = plain_label("", self)
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(translate("ProfileForm", "Problem"))
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


def ask(form: ProfileForm) -> bool:
    """Show a form modally; True when the user confirmed it."""
    try:
        return form.exec() == QDialog.DialogCode.Accepted
    finally:
        # Without a parent the form is freed with its last Python reference, when the slot
        # returns. As the dialog's child it would live on, its check referring back to the
        # dialog: a cycle that only the garbage collector breaks, possibly on a worker thread,
        # where Qt must not destroy widgets.
        form.setParent(None)


def check_url(_name: str, base_url: str) -> str | None:
    try:
        normalize_base_url(base_url)
    except ProfileError as exc:
        return exc.user_message
    return None


def blank_icon() -> QIcon:
    """A transparent icon, so names line up whether or not they carry the active mark."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    return QIcon(pixmap)


_NAME_ROLE = Qt.ItemDataRole.UserRole


class ProfileList(QListWidget):
    """The profiles by name, the active one in bold with a check mark."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("ProfileList", "Profiles"))
        self.setMinimumWidth(200)
        self.setIconSize(QSize(16, 16))

    def selected_name(self) -> str | None:
        item = self.currentItem()
        return None if item is None else str(item.data(_NAME_ROLE))

    def select(self, name: str) -> None:
        for row in range(self.count()):
            item = self.item(row)
            if item.data(_NAME_ROLE) == name:
                self.setCurrentItem(item)
                return

    def reload(self, profiles: list[Profile], active: str, *, select: str | None = None) -> None:
        """Show ``profiles``, keeping (or moving to) the selected one, without signals between."""
        select = select if select is not None else self.selected_name()
        self.blockSignals(True)
        self.clear()
        for profile in profiles:
            item = QListWidgetItem(profile.name)
            item.setData(_NAME_ROLE, profile.name)
            if profile.name == active:
                font = QFont(self.font())
                font.setBold(True)
                item.setFont(font)
                item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton))
                item.setToolTip(translate("ProfileList", "The active profile"))
            else:
                item.setIcon(blank_icon())
            self.addItem(item)
        self.blockSignals(False)
        if select is not None:
            self.select(select)
        if self.currentItem() is None and self.count():
            self.setCurrentRow(0)


__all__ = [
    "KeyEntry",
    "ProfileForm",
    "ProfileList",
    "ask",
    "blank_icon",
    "check_url",
    "plain_label",
]
