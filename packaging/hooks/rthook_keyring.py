"""Runtime hook of the frozen app: make sure keyring can see its OS backends.

keyring discovers backends through package entry points (``keyring.backends``). The build
bundles keyring's metadata so that works; should the metadata ever be missing (a changed hook, a
trimmed build), keyring would silently fall back to its "fail" backend and the app would say no
keyring exists. Importing the platform's backend modules registers their classes with keyring
directly, whatever the metadata says. Only done when discovery really lost them, because these
imports (D-Bus, cryptography) cost start-up time.
"""

import importlib
import importlib.metadata
import sys


def _ensure_keyring_backends() -> None:
    if sys.platform.startswith("linux"):
        wanted = {"SecretService": "keyring.backends.SecretService"}
    elif sys.platform == "darwin":
        wanted = {"macOS": "keyring.backends.macOS"}
    elif sys.platform == "win32":
        wanted = {"Windows": "keyring.backends.Windows"}
    else:
        return
    found = {ep.name for ep in importlib.metadata.entry_points(group="keyring.backends")}
    for name, module in wanted.items():
        if name not in found:
            try:
                importlib.import_module(module)
            except ImportError:
                # keyring itself reports the missing backend ("no keyring") to the app.
                pass


_ensure_keyring_backends()
