"""Fizzly Desktop: a desktop app for the Fizzly Workflows API."""

import sys

__version__ = "0.1.0"
APP_NAME = "Fizzly Desktop"
APP_ID = "ai.fizzly.Desktop"

# httpx imports its command-line tool (httpx._main: rich, click, pygments, ~50 ms) whenever
# those happen to be installed, and falls back to a stub when the import fails. The app never
# runs httpx's command line, so it never loads it: a start-up cost only, httpx works the same.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
