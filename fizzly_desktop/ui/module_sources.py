"""Letting go of the module sources PySide6 reads at every import (linecache keeps them).

Once PySide6 is loaded, each module imported after it is read whole by
``inspect.getsource`` to see whether it names PySide6 (its "feature" switch, PYSIDE-2029), and
``linecache`` keeps every line of every such file: ~9 MiB of strings in this app, held for
good, for nothing the app reads. Clearing the cache costs nothing: a traceback reads the few
lines it shows again.
"""

from __future__ import annotations

import linecache


def forget_module_sources() -> int:
    """Drop the source lines cached so far; returns how many files' lines were dropped."""
    count = len(linecache.cache)
    linecache.clearcache()
    return count
