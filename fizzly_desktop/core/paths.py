"""Where the app keeps its files: data (history, outputs index), config (profiles, library), logs.

Every path comes from here so that tests and portable installs can relocate the whole app with
one environment variable, ``FIZZLY_DESKTOP_HOME``, and nothing ever writes outside it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from fizzly_desktop import APP_NAME

HOME_ENV = "FIZZLY_DESKTOP_HOME"


@dataclass(frozen=True)
class AppPaths:
    """The app's folders; each is created on first use by :meth:`ensure`."""

    data_dir: Path
    config_dir: Path
    log_dir: Path
    cache_dir: Path

    @property
    def history_db(self) -> Path:
        return self.data_dir / "history.sqlite3"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "fizzly-desktop.log"

    def ensure(self) -> AppPaths:
        for folder in (self.data_dir, self.config_dir, self.log_dir, self.cache_dir):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def app_paths() -> AppPaths:
    """The platform's folders for the app, or all under ``$FIZZLY_DESKTOP_HOME`` when it is set."""
    root = os.environ.get(HOME_ENV)
    if root:
        base = Path(root)
        return AppPaths(base / "data", base / "config", base / "logs", base / "cache")
    return AppPaths(
        Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
    )


def default_pictures_dir() -> Path:
    """Where output images go unless the user picks another folder: ``<Pictures>/Fizzly``."""
    root = os.environ.get(HOME_ENV)
    if root:
        return Path(root) / "Pictures" / "Fizzly"
    return Path(platformdirs.user_pictures_dir()) / "Fizzly"
