"""Helpers for talking to the sandbox over loopback with plain httpx."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from fizzly_desktop.core.sandbox_process import SandboxInfo


def auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Key {key}"}


@pytest.fixture
def api(sandbox: SandboxInfo) -> Iterator[httpx.Client]:
    """A client on the shared sandbox, authenticated with the demo key."""
    with httpx.Client(base_url=sandbox.base_url, headers=auth(sandbox.demo_key), timeout=10) as c:
        yield c
