"""View ▸ Language: the system's language or one the app ships, remembered for the next start."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from fizzly_desktop import APP_NAME
from fizzly_desktop.ui.i18n import LANGUAGE_KEY, LANGUAGES, saved_language, translate


def add_language_menu(
    menu: QMenu, settings: QSettings, current: str, notify: Callable[[str], None]
) -> QMenu:
    """Add the Language submenu to ``menu``; a choice is saved and applies at the next start.

    ``current`` is the language in use now; ``notify`` tells the user when the choice differs.
    """
    submenu = menu.addMenu(translate("LanguageMenu", "&Language"))
    submenu.setObjectName("language_menu")
    group = QActionGroup(submenu)
    group.setExclusive(True)
    saved = saved_language(settings)
    entries = [("", translate("LanguageMenu", "System Default")), *LANGUAGES.items()]
    for code, name in entries:
        action = QAction(name, submenu)
        action.setCheckable(True)
        action.setChecked(code == saved)
        action.setData(code)
        group.addAction(action)
        submenu.addAction(action)

    def choose(action: QAction) -> None:
        code = str(action.data() or "")
        settings.setValue(LANGUAGE_KEY, code)
        settings.sync()
        if code != current:
            notify(
                translate(
                    "LanguageMenu", "The language changes the next time you start {app}."
                ).format(app=APP_NAME)
            )

    group.triggered.connect(choose)
    return submenu
