"""Fizzly Desktop: a desktop app for the Fizzly Workflows API."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence
    from importlib.machinery import ModuleSpec
    from types import ModuleType

__version__ = "0.1.0"
APP_NAME = "Fizzly Desktop"
APP_ID = "ai.fizzly.Desktop"

# httpx imports its command-line tool (httpx._main: rich, click, pygments, ~50 ms) whenever
# those happen to be installed, and falls back to a stub when the import fails. The app never
# runs httpx's command line, so it never loads it: a start-up cost only, httpx works the same.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]


def _defer_http2_machinery() -> None:
    """Load h2's protocol machinery on first use rather than when httpx is imported.

    httpcore imports h2 (its connection, events, settings: ~30 ms with hpack and hyperframe)
    whenever it is installed, yet only an https client that negotiates HTTP/2 uses it, and the
    local sandbox is plain http. These modules are found as usual and run when first touched
    (``importlib.util.LazyLoader``): on an HTTP/2 connection's first use. Their ``__spec__``
    reads without loading them (the import system reads it when a module is imported again).
    """
    import importlib.util

    lazy_module = getattr(importlib.util, "_LazyModule", None)
    if lazy_module is None:  # a Python without it: h2 loads with httpx, as it always did
        return

    class SpecReadableLazyModule(lazy_module):  # type: ignore[misc, valid-type]
        def __getattribute__(self, attr: str) -> object:
            if attr == "__spec__":
                return object.__getattribute__(self, "__dict__")["__spec__"]
            return super().__getattribute__(attr)

    class DeferringLoader(importlib.util.LazyLoader):
        def exec_module(self, module: ModuleType) -> None:
            super().exec_module(module)
            module.__class__ = SpecReadableLazyModule

    class DeferringFinder:
        names = frozenset({"h2.connection", "h2.events", "h2.exceptions", "h2.settings"})

        def find_spec(
            self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
        ) -> ModuleSpec | None:
            if name not in self.names:
                return None
            for finder in sys.meta_path:
                if finder is self or not hasattr(finder, "find_spec"):
                    continue
                spec = finder.find_spec(name, path, target)
                if spec is None:
                    continue
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = DeferringLoader(spec.loader)
                return spec
            return None

    sys.meta_path.insert(0, DeferringFinder())


if "h2.connection" not in sys.modules:
    _defer_http2_machinery()
