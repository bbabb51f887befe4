"""After a session that stored and used a key, the key is nowhere on disk, in reprs or in logs.

A whole session through the app's own parts: the key is stored in the keyring by the profile
store, checked, read back by the client factory (as the app does), used for a sandbox run that
finishes and saves its image, and a wrong key is used for a run that is refused. Then every
file under the app's home (history, profiles, settings, logs, saved pictures, cache) is
searched for both keys, as are the reprs of everything that held them and every log record
before the log file's own masking.

The keys are deliberately not ``fiz_``-shaped: the log file masks ``fiz_…`` tokens, and that
safety net must not be what makes this test pass.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from fizzly_desktop.api import FizzlyClient
from fizzly_desktop.core.engine import EngineSettings, ProfileConnection, RunEngine
from fizzly_desktop.core.history import HistoryStore
from fizzly_desktop.core.logs import configure_logging
from fizzly_desktop.core.paths import app_paths
from fizzly_desktop.core.profiles import KeyCheckStatus, ProfileStore, verify_key
from fizzly_desktop.core.runs import RunState
from fizzly_desktop.core.secrets import SERVICE_NAME, KeyVault, fingerprint
from tests.fixtures.keyring import MemoryKeyring
from tests.fixtures.sandbox import SandboxFactory

WORKFLOW = "demo/text-to-image"


@pytest.fixture
def app_log_file() -> Iterator[Path]:
    """The app's own log file set-up, removed again after the test."""
    root = logging.getLogger()
    level = root.level
    quiet = {name: logging.getLogger(name).level for name in ("httpx", "httpcore")}
    before = set(root.handlers)
    log_file = app_paths().log_file
    configure_logging(log_file, verbose=True)
    try:
        yield log_file
    finally:
        for handler in set(root.handlers) - before:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)
        for name, old in quiet.items():
            logging.getLogger(name).setLevel(old)


def files_containing(folder: Path, needle: str) -> list[Path]:
    """Every file under ``folder`` whose bytes contain ``needle`` (UTF-8 or UTF-16)."""
    forms = [needle.encode(), needle.encode("utf-16-le")]
    return [
        path
        for path in sorted(folder.rglob("*"))
        if path.is_file() and any(form in path.read_bytes() for form in forms)
    ]


async def until(condition: object, within: float = 60.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    while not condition():  # type: ignore[operator]
        assert loop.time() < deadline, "condition not reached in time"
        await asyncio.sleep(0.02)


async def test_key_appears_nowhere_after_a_finished_run(
    memory_keyring: MemoryKeyring,
    sandbox_factory: SandboxFactory,
    app_home: Path,
    app_log_file: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    key = "live" + secrets.token_hex(16)
    wrong_key = "live" + secrets.token_hex(16)
    info = sandbox_factory("--key", f"{key}:pro:1000")

    store = ProfileStore(KeyVault())
    store.add("Studio", info.base_url)
    store.add("Mistyped", info.base_url)
    await asyncio.to_thread(store.set_key, "Studio", f"  {key}\n")
    await asyncio.to_thread(store.set_key, "Mistyped", wrong_key)
    store.set_active("Studio")
    assert memory_keyring.entries[(SERVICE_NAME, "Studio")] == key

    check = await verify_key(info.base_url, await asyncio.to_thread(store.get_key, "Studio"))
    assert check.status is KeyCheckStatus.VALID

    connections: list[ProfileConnection] = []

    async def connect(profile_name: str) -> ProfileConnection:
        # As the app does: the key comes from the keyring at the moment a client is opened.
        profile = store.get(profile_name)
        stored = await asyncio.to_thread(store.get_key, profile_name)
        assert stored is not None
        client = FizzlyClient(
            profile.base_url,
            stored,
            ping_interval=info.ping_interval,
            output_origins=(info.output_origin,),
        )
        connection = ProfileConnection.of(client, fingerprint(stored))
        connections.append(connection)
        return connection

    history = HistoryStore.open_default()
    engine = RunEngine(history, connect, settings=EngineSettings(download_outputs=True))
    await engine.start()
    try:
        good = await engine.submit(
            WORKFLOW,
            {"prompt": "a lighthouse at dusk", "width": 64, "height": 64},
            profile="Studio",
        )
        refused = await engine.submit(
            WORKFLOW,
            {"prompt": "a lighthouse at dawn", "width": 64, "height": 64},
            profile="Mistyped",
        )
        await until(lambda: good.state.is_terminal and refused.state.is_terminal)
        await until(lambda: bool(engine.outputs_of(good.id)))
        assert good.state is RunState.COMPLETED, good.error
        assert refused.state is RunState.REJECTED
        assert good.key_fingerprint == fingerprint(key)
        reprs = [repr(good), repr(refused), repr(store), repr(store.vault), repr(engine)]
        reprs += [repr(connection) for connection in connections]
        reprs += [repr(connection.client) for connection in connections]
    finally:
        await engine.close()
        await asyncio.to_thread(history.close)
    for handler in logging.getLogger().handlers:
        handler.flush()

    await asyncio.to_thread(assert_no_trace, app_home, app_log_file, store, (key, wrong_key))
    for secret in (key, wrong_key):
        for text in reprs:
            assert secret not in text
        assert secret not in caplog.text
        for record in caplog.records:
            if record.exc_info and record.exc_info[1] is not None:
                assert secret not in logging.Formatter().formatException(record.exc_info)


def assert_no_trace(
    app_home: Path, log_file: Path, store: ProfileStore, keys: tuple[str, ...]
) -> None:
    """No file under the app's home holds a key, though the session did leave files there."""
    saved = [p for p in app_home.rglob("*") if p.is_file()]
    assert app_paths().history_db in saved
    assert store.path in saved
    assert log_file in saved
    assert log_file.stat().st_size > 0
    assert any(p.suffix in (".webp", ".png") for p in saved)
    for key in keys:
        assert files_containing(app_home, key) == []
    # The fingerprint is what the app keeps instead of the key.
    assert fingerprint(keys[0]) in store.path.read_text()
