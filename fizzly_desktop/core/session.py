"""The app's session, Qt-free: profiles and keys, the workflow library, history, engine, sandbox.

``AppSession`` is built cheaply by the composition root (``app.py``, or a test) and handed to
the UI. What takes time opens later, asynchronously: ``open()`` loads the history and starts the
engine; ``start_sandbox()`` starts the local server when the sandbox profile needs it, keeping
its state in ``data_dir / "sandbox"`` so that its runs outlive a restart; when it comes back at
another address, the sandbox profile's runs are pointed there before they are followed again.
``close()`` ends everything in order. The ``Connector`` is the only maker of API clients.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from fizzly_desktop.api import transport as http_transport
from fizzly_desktop.core.connector import Connector, SandboxEndpoint
from fizzly_desktop.core.engine import EngineSettings, RunEngine
from fizzly_desktop.core.history import HistoryStore
from fizzly_desktop.core.library import WorkflowLibrary
from fizzly_desktop.core.paths import AppPaths, app_paths
from fizzly_desktop.core.profiles import SANDBOX_PROFILE_NAME, ProfileStore
from fizzly_desktop.core.secrets import KeyVault

if TYPE_CHECKING:
    from fizzly_desktop.core.sandbox_process import RunningSandbox

log = logging.getLogger(__name__)

SANDBOX_NOT_RUNNING = "The local sandbox is not running."


class AppSession:
    """What the app works with, whatever shows it.

    Args:
        vault: where keys are kept (the OS keyring by default).
        engine_settings: the engine's tunables.
        sandbox_args: flags for the sandbox server, e.g. ``["--time-scale", "0.2"]``.
        paths: the app's folders; ``app_paths()`` by default.
        early_sandbox: a sandbox already starting (``--sandbox``: app.py starts it as soon as
            the window has painted); the first ``start_sandbox()`` takes it instead of another.
    """

    def __init__(
        self,
        *,
        vault: KeyVault | None = None,
        engine_settings: EngineSettings | None = None,
        sandbox_args: Sequence[str] = (),
        paths: AppPaths | None = None,
        early_sandbox: asyncio.Task[RunningSandbox] | None = None,
    ) -> None:
        self.paths = (paths or app_paths()).ensure()
        self.engine_settings = engine_settings or EngineSettings()
        self.sandbox_args = list(sandbox_args)
        self.profiles = ProfileStore(vault or KeyVault())
        self.library = WorkflowLibrary(self.profiles.active_name)
        self.connector = Connector(self.profiles, self._sandbox_endpoint)
        self.history: HistoryStore | None = None
        self.engine: RunEngine | None = None
        self.sandbox: RunningSandbox | None = None
        #: Why the sandbox did not start, the last time it was asked to (None once it runs).
        self.sandbox_problem: str | None = None
        self._sandbox_lock = asyncio.Lock()
        self._early_sandbox = early_sandbox

    @property
    def vault(self) -> KeyVault:
        return self.profiles.vault

    async def open(self) -> RunEngine:
        """Load the history and start the engine (following runs still in flight)."""
        if self.engine is not None:
            return self.engine
        # The HTTP clients' one-time set-up (TLS: the CA bundle) happens in workers, not in
        # their first request. The sandbox's clients need none of it (plain http): then it
        # waits for warm_up(), once the window can be used.
        opening = asyncio.to_thread(HistoryStore, self.paths.history_db)
        if self.profiles.active.is_sandbox:
            history = await opening
        else:
            history, _ = await asyncio.gather(opening, self.warm_up())
        self.history = history
        engine = RunEngine(history, self.connector.connect, settings=self.engine_settings)
        self.engine = engine
        await engine.start(moved=self._sandbox_move())
        return engine

    async def warm_up(self) -> None:
        """The HTTP clients' one-time set-up, in a worker; quick once done."""
        await asyncio.to_thread(_warm_up)

    async def start_sandbox(self) -> RunningSandbox | None:
        """Start the local sandbox unless it runs; None (and ``sandbox_problem``) if it cannot."""
        async with self._sandbox_lock:
            if self.sandbox is not None and self.sandbox.running:
                return self.sandbox
            from fizzly_desktop.core.sandbox_process import start_sandbox

            # A sandbox that ended under the app (it crashed, or was stopped) is started again
            # on the same data folder; the engine's client of the old one is then dropped.
            restarted = self.sandbox is not None
            early, self._early_sandbox = self._early_sandbox, None
            try:
                if early is not None:
                    self.sandbox = await early
                else:
                    self.sandbox = await start_sandbox(
                        *self.sandbox_args, data_dir=self.paths.data_dir / "sandbox"
                    )
            except Exception as error:  # the caller shows it; the log keeps the details
                log.exception("The local sandbox did not start")
                self.sandbox_problem = str(error) or SANDBOX_NOT_RUNNING
                return None
            self.sandbox_problem = None
            info = self.sandbox.info
            log.info("The local sandbox answers at %s", info.base_url)
            if self.engine is not None:
                # Before anything follows its runs: their trackers read the addresses once.
                for profile, old, new in self._sandbox_move():
                    moved = self.engine.move_addresses(profile, old, new)
                    log.info("Moved %d sandbox runs from %s to %s", len(moved), old, new)
                if restarted:
                    self.connector.forget(SANDBOX_PROFILE_NAME)
                    await self.engine.reconnect(SANDBOX_PROFILE_NAME)
            return self.sandbox

    def _sandbox_move(self) -> list[tuple[str, str, str]]:
        """The sandbox came back at another address: (profile, old base URL, new base URL).

        The sandbox keeps its runs in its data folder, so they are the same runs at a new
        address; their stored status, result and cancel addresses must follow.
        """
        sandbox = self.sandbox
        if sandbox is None or sandbox.info.previous_base_url is None:
            return []
        info = sandbox.info
        assert info.previous_base_url is not None
        return [(SANDBOX_PROFILE_NAME, info.previous_base_url, info.base_url)]

    def use_library_of(self, profile: str) -> WorkflowLibrary:
        """Switch to the workflow library of ``profile`` (each profile has its own)."""
        self.library = WorkflowLibrary(profile)
        return self.library

    async def reconnect(self, profile: str) -> None:
        """The profile's address or key changed: the next request makes a new client."""
        self.connector.forget(profile)
        if self.engine is not None:
            await self.engine.reconnect(profile)

    async def close(self) -> None:
        """Stop the engine, close the history, stop the sandbox (in that order)."""
        if self.engine is not None:
            engine, self.engine = self.engine, None
            await engine.close()
        self.connector.forget()
        if self.history is not None:
            history, self.history = self.history, None
            await asyncio.to_thread(history.close)
        early, self._early_sandbox = self._early_sandbox, None
        if early is not None:  # started early, then never asked for (another profile)
            with contextlib.suppress(Exception):
                await (await early).stop()
        if self.sandbox is not None:
            sandbox, self.sandbox = self.sandbox, None
            await sandbox.stop()

    async def _sandbox_endpoint(self) -> SandboxEndpoint:
        sandbox = self.sandbox
        if sandbox is None or not sandbox.running:
            sandbox = await self.start_sandbox()
        if sandbox is None:
            raise RuntimeError(SANDBOX_NOT_RUNNING)
        info = sandbox.info
        return SandboxEndpoint(info.base_url, info.demo_key, info.ping_interval)


__all__ = ["SANDBOX_NOT_RUNNING", "AppSession"]


def _warm_up() -> None:
    """Set up what the first requests use, off the GUI thread: TLS, the typed payloads, and
    jsonschema.

    A start is usable without the payloads' models (pydantic: the first payload parsed) and
    jsonschema (a form's thorough check, on Run): importing them here keeps the first answer
    parsed and the first Run from importing them on the GUI thread.
    """
    http_transport.warm_up()
    import fizzly_desktop.api.models  # noqa: F401
    from fizzly_desktop.core.schema import validation

    validation.warm_up()
