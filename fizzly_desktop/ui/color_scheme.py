"""Light or dark: as the system's colour scheme is (live), or as chosen in View ▸ Appearance.

The platform is asked first (``QStyleHints.setColorScheme``), so native styles draw their own
dark look where they have one; where the palette it gives is not the scheme wanted (Fusion on a
desktop without a dark theme, or an old platform), the app's own palette from ``colors`` is set.
Either way secondary text, links and selections are made readable (``colors.readable_palette``).
"""

from __future__ import annotations

import enum
import logging

import shiboken6
from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMenu

from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP
from fizzly_desktop.ui import colors
from fizzly_desktop.ui.i18n import translate

log = logging.getLogger(__name__)

#: Where the choice is kept in the app's settings (window.ini).
SETTINGS_KEY = "look/color_scheme"


class SchemeChoice(enum.Enum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


_MENU_TEXT = {
    SchemeChoice.SYSTEM: QT_TRANSLATE_NOOP("ColorScheme", "Same as the &System"),
    SchemeChoice.LIGHT: QT_TRANSLATE_NOOP("ColorScheme", "&Light"),
    SchemeChoice.DARK: QT_TRANSLATE_NOOP("ColorScheme", "&Dark"),
}
_REQUEST = {
    SchemeChoice.SYSTEM: Qt.ColorScheme.Unknown,
    SchemeChoice.LIGHT: Qt.ColorScheme.Light,
    SchemeChoice.DARK: Qt.ColorScheme.Dark,
}

# The application palette is one for the process: whether the app set it (and must take it
# back before reading the platform's) is kept here, not per window.
_palette_is_ours = False
_follower: ColorSchemeFollower | None = None


def apply_palette(dark: bool | None) -> None:
    """Give the application the platform's palette if it is ``dark`` as wanted, else the app's.

    None takes the platform's palette, light or dark, as it is.
    """
    global _palette_is_ours
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    if _palette_is_ours:
        QApplication.setPalette(QPalette())  # back to the platform's, to read it
        _palette_is_ours = False
    platform = QApplication.palette()
    if dark is not None and colors.is_dark(platform) != dark:
        palette: QPalette | None = colors.dark_palette() if dark else colors.light_palette()
    else:
        palette = colors.readable_palette(platform)
    if palette is not None:
        QApplication.setPalette(palette)
        _palette_is_ours = True


def forget_palette() -> None:
    """Back to the platform's palette (tests end with it)."""
    global _palette_is_ours
    if _palette_is_ours:
        QApplication.setPalette(QPalette())
        _palette_is_ours = False


def color_scheme_follower() -> ColorSchemeFollower:
    """The application's one follower (the palette is one for the process, as the choice is)."""
    global _follower
    if _follower is None or not shiboken6.isValid(_follower):
        _follower = ColorSchemeFollower(QApplication.instance())
    return _follower


class ColorSchemeFollower(QObject):
    """Keeps the app light or dark: as the system is (live), or as the user chose.

    One per application (``color_scheme_follower``); each window's View menu shows its actions.
    Signals: none; the palette change itself reaches every widget (``QEvent.PaletteChange``).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings: QSettings | None = None
        self.choice = SchemeChoice.SYSTEM
        hints = QGuiApplication.styleHints()
        self._system = hints.colorScheme()
        hints.colorSchemeChanged.connect(self._on_hints_color_scheme_changed)
        self._applying = False
        self.actions: dict[SchemeChoice, QAction] = {}
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        for choice, text in _MENU_TEXT.items():
            action = QAction(translate("ColorScheme", text), self)
            action.setCheckable(True)
            action.setData(choice.value)
            action.triggered.connect(lambda _checked=False, c=choice: self.choose(c))
            self._group.addAction(action)
            self.actions[choice] = action
        self.actions[self.choice].setChecked(True)

    def forget(self) -> None:
        """Back to following the system as the process started (for tests); nothing is kept."""
        self._settings = None
        self._system = Qt.ColorScheme.Unknown
        self._set(SchemeChoice.SYSTEM)

    def add_menu(self, parent: QMenu) -> QMenu:
        """An Appearance submenu in ``parent`` with the three choices."""
        menu = parent.addMenu(translate("ColorSchemeFollower", "&Appearance"))
        for action in self.actions.values():
            menu.addAction(action)
        return menu

    def restore(self, settings: QSettings) -> None:
        """Take the choice kept in ``settings`` (the system's if none) and apply it."""
        self._settings = settings
        value = settings.value(SETTINGS_KEY, SchemeChoice.SYSTEM.value)
        try:
            choice = SchemeChoice(value)
        except ValueError:
            log.warning("Unknown colour scheme %r in the settings: following the system", value)
            choice = SchemeChoice.SYSTEM
        self._set(choice)

    def choose(self, choice: SchemeChoice) -> None:
        """The user's choice: applied now and kept for the next start."""
        self._set(choice)
        if self._settings is not None:
            self._settings.setValue(SETTINGS_KEY, choice.value)
            self._settings.sync()

    def wants_dark(self) -> bool | None:
        """Whether the scheme asked for is dark; None when the system does not say."""
        if self.choice is SchemeChoice.SYSTEM:
            if self._system == Qt.ColorScheme.Unknown:
                return None
            return self._system == Qt.ColorScheme.Dark
        return self.choice is SchemeChoice.DARK

    def _set(self, choice: SchemeChoice) -> None:
        self.choice = choice
        self.actions[choice].setChecked(True)
        self._apply()

    def _apply(self) -> None:
        self._applying = True
        hints = QGuiApplication.styleHints()
        try:
            # Native styles (Windows 11, macOS, a portal-backed Linux theme) follow this request
            # with their own look; it does nothing where the platform cannot change its scheme.
            hints.setColorScheme(_REQUEST[self.choice])
        finally:
            self._applying = False
        if self.choice is SchemeChoice.SYSTEM and hints.colorScheme() != Qt.ColorScheme.Unknown:
            self._system = hints.colorScheme()
        apply_palette(self.wants_dark())

    def _on_hints_color_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        if self._applying or self.choice is not SchemeChoice.SYSTEM:
            return  # our own request, or a choice that does not follow the system (yet)
        self._system = scheme
        self._apply()
