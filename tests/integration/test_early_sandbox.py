"""``--sandbox`` starts the local server as soon as the window has painted (before asyncio
loads): the session takes that server rather than starting another, and stops it even when no
profile asked for it; a sandbox start loads no TLS certificates on its way."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

from fizzly_desktop.api import transport as http_transport
from fizzly_desktop.core.paths import app_paths
from fizzly_desktop.core.profiles import SANDBOX_PROFILE_NAME
from fizzly_desktop.core.sandbox_process import (
    AsyncSandboxHandle,
    RunningSandbox,
    SandboxError,
    SandboxLaunch,
    start_sandbox,
)
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


def _launch(*args: str) -> SandboxLaunch:
    return SandboxLaunch(*args, data_dir=app_paths().ensure().data_dir / "sandbox")


async def test_the_session_takes_a_sandbox_launched_before_the_loop() -> None:
    # app.py starts the child before asyncio is loaded; the loop takes it later.
    launch = _launch(*FAST)
    assert launch.running
    early = asyncio.create_task(_ready(launch))
    session = AppSession(sandbox_args=FAST, early_sandbox=early)
    try:
        handle = await session.start_sandbox()
        assert handle is not None
        assert handle is early.result()
        assert handle.pid == launch.pid
        assert handle.running
        assert handle.info.base_url.startswith("http://127.0.0.1:")
        assert await session.start_sandbox() is handle
    finally:
        await session.close()
    assert not handle.running
    assert not launch.running
    launch.abandon()  # already taken: nothing to do, nothing raised


async def _ready(launch: SandboxLaunch) -> RunningSandbox:
    return await launch.ready()


def test_a_launch_no_one_took_is_stopped_when_abandoned() -> None:
    launch = _launch(*FAST)
    assert launch.running
    launch.abandon()
    assert not launch.running


async def test_a_launched_sandbox_that_fails_says_why_plainly() -> None:
    launch = _launch("--no-such-flag")
    with pytest.raises(SandboxError, match="exited before it was ready") as failure:
        await launch.ready()
    assert "--no-such-flag" in str(failure.value)  # the child's own complaint, from stderr
    assert not launch.running


async def test_a_sandbox_start_leaves_the_tls_set_up_for_later(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(http_transport, "warm_up", lambda: calls.append("warm-up"))
    session = AppSession(sandbox_args=FAST)
    session.profiles.set_active(SANDBOX_PROFILE_NAME)
    try:
        await session.open()
        assert calls == []  # its clients are plain http: nothing to load on the way
        await session.warm_up()
        assert calls == ["warm-up"]
    finally:
        await session.close()


async def test_an_account_start_sets_tls_up_before_its_first_client(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(http_transport, "warm_up", lambda: calls.append("warm-up"))
    session = AppSession(sandbox_args=FAST)
    session.profiles.add("Work", "https://api.fizzly.example")
    session.profiles.set_active("Work")
    try:
        await session.open()
        assert calls == ["warm-up"]
    finally:
        await session.close()


@pytest.mark.skipif(sys.platform == "win32", reason="stands in for the app with a shell script")
async def test_a_frozen_build_launches_its_bundled_sandbox(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A frozen app has no `python -m`: it runs itself with --run-sandbox (app.main dispatches
    # that before anything else). A script stands in for the bundled executable.
    app = tmp_path / "fizzly-desktop"
    app.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m fizzly_desktop "$@"\n')
    app.chmod(0o755)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app))
    launch = _launch(*FAST)
    handle = await launch.ready()
    try:
        assert handle.running
        assert handle.info.base_url.startswith("http://127.0.0.1:")
    finally:
        assert await handle.stop() == 0
