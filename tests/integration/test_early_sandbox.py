"""``--sandbox`` starts the local server while the heavy modules load: the session takes that
server rather than starting another, and stops it even when no profile asked for it."""

from __future__ import annotations

import asyncio

from fizzly_desktop.core.paths import app_paths
from fizzly_desktop.core.sandbox_process import AsyncSandboxHandle, start_sandbox
from fizzly_desktop.core.session import AppSession

FAST = ("--time-scale", "0.05", "--ping-interval", "0.5")


def _early() -> asyncio.Task[AsyncSandboxHandle]:
    data_dir = app_paths().ensure().data_dir / "sandbox"
    return asyncio.create_task(start_sandbox(*FAST, data_dir=data_dir), name="sandbox-early")


async def test_the_session_takes_the_sandbox_started_early() -> None:
    early = _early()
    session = AppSession(sandbox_args=FAST, early_sandbox=early)
    try:
        handle = await session.start_sandbox()
        assert handle is not None
        assert handle is early.result()
        assert handle.running
        # Asked again, the same one: no second server.
        assert await session.start_sandbox() is handle
        assert session.connector is not None
    finally:
        await session.close()
    assert not handle.running


async def test_an_early_sandbox_no_one_asked_for_is_stopped_on_close() -> None:
    early = _early()
    session = AppSession(sandbox_args=FAST, early_sandbox=early)
    handle = await early
    assert handle.running
    await session.close()
    assert not handle.running
