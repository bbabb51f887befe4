"""The window benchmark's probe names product functions to time: they must still exist.

The benchmark runs outside the test suite (``make bench``); a renamed method would otherwise
only show when someone next runs it.
"""

from __future__ import annotations

import importlib

import pytest

from tests.bench.window_probe import TIMED


@pytest.mark.parametrize(("module_name", "class_name", "method_name"), TIMED)
def test_every_timed_function_exists(module_name: str, class_name: str, method_name: str) -> None:
    cls = getattr(importlib.import_module(module_name), class_name)
    assert callable(cls.__dict__.get(method_name)), f"{class_name}.{method_name} is gone"
