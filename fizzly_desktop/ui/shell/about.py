"""The About dialog: what the app is, its version, and where its files are."""

from __future__ import annotations

import html
import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from fizzly_desktop import APP_NAME, __version__
from fizzly_desktop.core.paths import app_paths
from fizzly_desktop.ui.i18n import translate


def about_text() -> str:
    paths = app_paths()
    return translate(
        "About",
        "<h3>{APP_NAME} {version__}</h3><p>Launch Fizzly workflow runs, watch "
        "each node's progress live, and keep the images that come "
        "out.</p><p>Python {python_version} · PySide6 "
        "{pyside_version}</p><p>History: {escape}<br>Logs: {escape2}</p>",
    ).format(
        APP_NAME=APP_NAME,
        version__=__version__,
        python_version=platform.python_version(),
        pyside_version=pyside_version,
        escape=html.escape(str(paths.history_db)),
        escape2=html.escape(str(paths.log_file)),
    )


def show_about(parent: QWidget) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setWindowTitle(translate("About", "About {APP_NAME}").format(APP_NAME=APP_NAME))
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_text())
    icon = parent.windowIcon()
    if not icon.isNull():
        box.setIconPixmap(icon.pixmap(64, 64))
    box.exec()
