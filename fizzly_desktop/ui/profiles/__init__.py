"""The profile screens: the Profiles dialog, its key section, and the first-run welcome."""

from __future__ import annotations

from fizzly_desktop.ui.labels import plain_label
from fizzly_desktop.ui.profiles.dialog import ProfilesDialog
from fizzly_desktop.ui.profiles.key_section import KeySection
from fizzly_desktop.ui.profiles.welcome import ACCOUNT_PROFILE_NAME, API_KEYS_URL, WelcomeView
from fizzly_desktop.ui.profiles.widgets import KeyEntry, ProfileForm

__all__ = [
    "ACCOUNT_PROFILE_NAME",
    "API_KEYS_URL",
    "KeyEntry",
    "KeySection",
    "ProfileForm",
    "ProfilesDialog",
    "WelcomeView",
    "plain_label",
]
