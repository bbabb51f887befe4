"""The Profiles dialog's questions: a new profile, a new name or address, a confirmation."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from fizzly_desktop.core.profiles import (
    DEFAULT_BASE_URL,
    Profile,
    ProfileError,
    ProfileStore,
    normalize_base_url,
)
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.profiles.widgets import ProfileForm, ask, check_url


def ask_new_profile(parent: QWidget, store: ProfileStore) -> tuple[str, str] | None:
    """The name and address of a profile to add, checked before the form closes; None: cancel."""

    def check(name: str, base_url: str) -> str | None:
        problem = store.check_new_name(name)
        if problem is not None:
            return problem
        try:
            normalize_base_url(base_url)
        except ProfileError as exc:
            return exc.user_message
        return None

    form = ProfileForm(
        translate("Prompts", "Add profile"),
        check,
        name="",
        base_url=DEFAULT_BASE_URL,
        parent=parent,
    )
    return (form.name(), form.base_url()) if ask(form) else None


def ask_new_name(parent: QWidget, store: ProfileStore, profile: Profile) -> str | None:
    """A new name for ``profile``, or None when the user cancelled."""
    form = ProfileForm(
        translate("Prompts", "Rename profile"),
        lambda name, _url: store.check_new_name(name, renaming=profile.name),
        name=profile.name,
        parent=parent,
    )
    return form.name() if ask(form) else None


def ask_base_url(parent: QWidget, profile: Profile) -> str | None:
    """A new API address for ``profile``, or None when the user cancelled."""
    form = ProfileForm(
        translate("Prompts", "Change API address"),
        check_url,
        base_url=profile.base_url,
        parent=parent,
    )
    return form.base_url() if ask(form) else None


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Yes or Cancel (the default) to ``text``."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes
