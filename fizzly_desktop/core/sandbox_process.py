"""Start the sandbox server as a child process and read where it listens (sync and asyncio).

The child is ``python -m fizzly_desktop.sandbox --exit-with-stdin ...``: it exits when its stdin
pipe closes, which happens when this process ends for any reason (even when killed), so the
sandbox never outlives the app. Its stderr is drained continuously (a full pipe would block it)
and the last lines are kept for error messages.

Given a data folder, the sandbox keeps its runs, credits and output files there and listens on
the same ports as last time when they are free; :attr:`SandboxInfo.address_changed` says when it
could not, and :attr:`SandboxInfo.attached` when another process already served that folder (this
child then shares that sandbox and takes over when it ends).
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    # Imported where used: app.py starts the sandbox (SandboxLaunch) before asyncio is loaded.
    import asyncio

SANDBOX_MODULE = "fizzly_desktop.sandbox"
_STDERR_TAIL_LINES = 40
_STOP_GRACE_SECONDS = 5.0


@dataclass(frozen=True)
class SandboxInfo:
    """What the sandbox printed once it was listening."""

    base_url: str
    output_origin: str
    demo_key: str
    keys: dict[str, dict[str, Any]]
    workflows: tuple[str, ...]
    ping_interval: float
    # Where the sandbox of the same data folder listened last time, when that differs from now.
    previous_base_url: str | None = None
    previous_output_origin: str | None = None
    # True when another sandbox already served the data folder and this line is that one's.
    attached: bool = False

    @property
    def address_changed(self) -> bool:
        """The sandbox came back at another address: links to the old one no longer work."""
        return self.previous_base_url is not None or self.previous_output_origin is not None

    @classmethod
    def from_json_line(cls, line: str) -> SandboxInfo:
        """Parse the sandbox's JSON line; raises :class:`SandboxError` if it is not one."""
        try:
            data = json.loads(line)
            return cls(
                base_url=str(data["base_url"]),
                output_origin=str(data["output_origin"]),
                demo_key=str(data["demo_key"]),
                keys={str(k): dict(v) for k, v in data["keys"].items()},
                workflows=tuple(str(w) for w in data["workflows"]),
                ping_interval=float(data["ping_interval"]),
                previous_base_url=_optional_str(data.get("previous_base_url")),
                previous_output_origin=_optional_str(data.get("previous_output_origin")),
                attached=data.get("attached") is True,
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise SandboxError(f"The sandbox printed an unexpected first line: {line!r}") from exc

    def __repr__(self) -> str:
        # Keys stay out of reprs and logs, even sandbox ones.
        return (
            f"SandboxInfo(base_url={self.base_url!r}, output_origin={self.output_origin!r}, "
            f"workflows={self.workflows!r}, ping_interval={self.ping_interval!r}, "
            f"previous_base_url={self.previous_base_url!r}, "
            f"previous_output_origin={self.previous_output_origin!r}, attached={self.attached!r})"
        )


# The output origin of each sandbox this process started, by its API base URL. Downloads may
# use this computer's addresses on it for clients of that API (decision 11): the origin comes
# from the sandbox's own first line, never from anything a server answers.
_OUTPUT_ORIGINS: dict[str, str] = {}


def sandbox_output_origins(base_url: str) -> tuple[str, ...]:
    """The output origin of the running sandbox serving the API at ``base_url``, if any."""
    origin = _OUTPUT_ORIGINS.get(base_url.strip().rstrip("/"))
    return (origin,) if origin else ()


def _remember(info: SandboxInfo) -> None:
    _OUTPUT_ORIGINS[info.base_url.strip().rstrip("/")] = info.output_origin


def _forget(info: SandboxInfo) -> None:
    _OUTPUT_ORIGINS.pop(info.base_url.strip().rstrip("/"), None)


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


class SandboxError(RuntimeError):
    """The sandbox did not start (it exited or took too long); the message has its last output."""


# The first argument that makes a frozen app run its bundled sandbox instead of the window
# (dispatched by fizzly_desktop.app.main before Qt is imported).
FROZEN_SANDBOX_FLAG = "--run-sandbox"


def sandbox_arguments(args: tuple[str, ...], data_dir: Path | None) -> tuple[str, ...]:
    """The command-line flags: ``args``, then the data folder when there is one."""
    return (*args, "--data-dir", str(data_dir)) if data_dir is not None else args


def sandbox_command(args: tuple[str, ...]) -> list[str]:
    if getattr(sys, "frozen", False):
        # A frozen build (PyInstaller) has no `python -m`: sys.executable is the app itself.
        return [sys.executable, FROZEN_SANDBOX_FLAG, "--exit-with-stdin", *args]
    return [sys.executable, "-m", SANDBOX_MODULE, "--exit-with-stdin", *args]


def sandbox_environment() -> dict[str, str] | None:
    """The child's environment: this process's, except in a frozen build (None = inherit)."""
    if getattr(sys, "frozen", False):
        # PyInstaller's bootloader takes a child that inherits its variables for a worker of
        # this same instance; the sandbox is a separate program run from the same executable.
        return {**os.environ, "PYINSTALLER_RESET_ENVIRONMENT": "1"}
    return None


def _failure(reason: str, stderr_tail: list[str]) -> SandboxError:
    tail = "\n".join(stderr_tail[-15:]).strip()
    return SandboxError(f"{reason}\n--- sandbox stderr ---\n{tail}" if tail else reason)


class SandboxHandle:
    """A running sandbox child process started with :func:`launch_sandbox`."""

    def __init__(self, process: subprocess.Popen[bytes], info: SandboxInfo, tail: _StderrTail):
        self._process = process
        self.info = info
        self._tail = tail
        _remember(info)

    @property
    def pid(self) -> int:
        return self._process.pid

    @property
    def running(self) -> bool:
        return self._process.poll() is None

    def stderr_tail(self) -> list[str]:
        return self._tail.lines()

    def stop(self) -> int:
        """Ask the sandbox to exit, wait for it (killing it after a grace period); exit code."""
        _forget(self.info)
        return _stop_popen(self._process, self._tail)

    def __enter__(self) -> SandboxHandle:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


class _StderrTail:
    """Drains a child's stderr in a thread, keeping the last lines."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._lines: collections.deque[str] = collections.deque(maxlen=_STDERR_TAIL_LINES)
        self._lock = threading.Lock()
        self._stream = stream
        self._thread = threading.Thread(target=self._drain, name="sandbox-stderr", daemon=True)
        self._thread.start()

    def _drain(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            for raw in self._stream:
                line = raw.decode("utf-8", "replace").rstrip()
                with self._lock:
                    self._lines.append(line)

    def lines(self) -> list[str]:
        with self._lock:
            return list(self._lines)

    def join(self, timeout: float) -> None:
        self._thread.join(timeout)


def _stop_popen(process: subprocess.Popen[bytes], tail: _StderrTail) -> int:
    # End of stdin is the polite request (the child exits on it); a signal only if it lingers,
    # so that a normal stop reports exit code 0 rather than death by signal.
    if process.stdin is not None and not process.stdin.closed:
        with contextlib.suppress(OSError):
            process.stdin.close()
    try:
        process.wait(_STOP_GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        process.terminate()
        try:
            process.wait(_STOP_GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    tail.join(_STOP_GRACE_SECONDS)
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            stream.close()
    return process.returncode


class _Spawned:
    """A sandbox child just started: threads drain its stderr and read its first line."""

    def __init__(self, args: tuple[str, ...], data_dir: Path | None) -> None:
        self.process = subprocess.Popen(
            sandbox_command(sandbox_arguments(args, data_dir)),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=sandbox_environment(),
        )
        assert self.process.stderr is not None
        self.tail = _StderrTail(self.process.stderr)
        #: The first line, decoded ("" when the child ended first); cancelled by a caller that
        #: stopped waiting.
        self.first_line: concurrent.futures.Future[str] = concurrent.futures.Future()
        threading.Thread(target=self._read_first_line, name="sandbox-stdout", daemon=True).start()

    def _read_first_line(self) -> None:
        assert self.process.stdout is not None
        raw = b""
        with contextlib.suppress(OSError, ValueError):
            raw = self.process.stdout.readline()
        with contextlib.suppress(concurrent.futures.InvalidStateError):
            self.first_line.set_result(raw.decode("utf-8", "replace"))

    def handle(self, line: str | None, timeout: float) -> SandboxHandle:
        """The handle for the child's first ``line`` (None: none came within ``timeout``).

        When the line is not a sandbox's, the child is stopped (this may wait a few seconds)
        and :class:`SandboxError` says why, with the child's last stderr lines.
        """
        reason = ""
        if line is None:
            reason = f"The sandbox did not start within {timeout:g} s."
        elif line.strip():
            try:
                return SandboxHandle(self.process, SandboxInfo.from_json_line(line), self.tail)
            except SandboxError as exc:
                reason = str(exc)
        self.stop()
        if not reason:
            reason = (
                f"The sandbox exited before it was ready (exit code {self.process.returncode})."
            )
        raise _failure(reason, self.tail.lines())

    def stop(self) -> int:
        return _stop_popen(self.process, self.tail)


def launch_sandbox(
    *args: str, timeout: float = 20.0, data_dir: Path | None = None
) -> SandboxHandle:
    """Start the sandbox with extra command-line ``args`` and wait for its JSON line.

    With ``data_dir`` the sandbox keeps its state there across restarts (see the module).

    Raises :class:`SandboxError` (with the child's last stderr lines) if it exits first or does
    not report within ``timeout`` seconds; the child is stopped in that case.
    """
    spawned = _Spawned(args, data_dir)
    try:
        line: str | None = spawned.first_line.result(timeout)
    except TimeoutError:
        line = None
    return spawned.handle(line, timeout)


class RunningSandbox(Protocol):
    """A running sandbox as the session uses it, however it was started."""

    info: SandboxInfo

    @property
    def pid(self) -> int: ...

    @property
    def running(self) -> bool: ...

    def stderr_tail(self) -> list[str]: ...

    async def stop(self) -> int: ...


class SandboxLaunch:
    """A sandbox child started before any event loop exists, to be taken by one later.

    ``--sandbox``: ``app.py`` starts it the moment the window has painted, before asyncio is
    loaded, so that the server boots on another core while the app loads its heavy modules.
    (At the app's own priority: the app soon waits for it, and a lower one let other busy
    programs hold its boot back by hundreds of milliseconds.)
    Threads read its first line and drain its stderr until :meth:`ready` takes it from the
    event loop; :meth:`abandon` stops a launch no one took.

    Raises :class:`OSError` when the child cannot be started at all.
    """

    def __init__(self, *args: str, data_dir: Path | None = None, timeout: float = 20.0) -> None:
        self._timeout = timeout
        self._deadline = time.monotonic() + timeout
        self._spawned = _Spawned(args, data_dir)
        self._taken = False

    @property
    def pid(self) -> int:
        return self._spawned.process.pid

    @property
    def running(self) -> bool:
        return self._spawned.process.poll() is None

    async def ready(self) -> LaunchedSandboxHandle:
        """Wait for the sandbox's first line; its handle, or :class:`SandboxError`.

        The ``timeout`` counts from the launch. A child that fails (or is cancelled while
        waiting) is stopped, as :func:`start_sandbox` does.
        """
        import asyncio

        if self._taken:
            raise RuntimeError("This sandbox launch was already taken")
        self._taken = True
        spawned = self._spawned
        remaining = max(0.0, self._deadline - time.monotonic())
        try:
            line: str | None = await asyncio.wait_for(
                asyncio.wrap_future(spawned.first_line), remaining
            )
        except TimeoutError:
            line = None
        except BaseException:
            await asyncio.to_thread(spawned.stop)
            raise
        return LaunchedSandboxHandle(await asyncio.to_thread(spawned.handle, line, self._timeout))

    def abandon(self) -> None:
        """Stop the child unless :meth:`ready` took it (the app ended before it asked)."""
        if not self._taken:
            self._taken = True
            self._spawned.first_line.cancel()
            self._spawned.stop()


class LaunchedSandboxHandle:
    """The sandbox a :class:`SandboxLaunch` started, stopped from a coroutine."""

    def __init__(self, handle: SandboxHandle) -> None:
        self._handle = handle
        self.info = handle.info

    @property
    def pid(self) -> int:
        return self._handle.pid

    @property
    def running(self) -> bool:
        return self._handle.running

    def stderr_tail(self) -> list[str]:
        return self._handle.stderr_tail()

    async def stop(self) -> int:
        """Ask the sandbox to exit, wait for it (killing it after a grace period); exit code."""
        import asyncio

        return await asyncio.to_thread(self._handle.stop)


class AsyncSandboxHandle:
    """A running sandbox child process started with :func:`start_sandbox`."""

    def __init__(
        self,
        process: asyncio.subprocess.Process,
        info: SandboxInfo,
        tail: collections.deque[str],
        drain: asyncio.Task[None],
    ) -> None:
        self._process = process
        self.info = info
        self._tail = tail
        self._drain = drain
        _remember(info)

    @property
    def pid(self) -> int:
        return self._process.pid

    @property
    def running(self) -> bool:
        return self._process.returncode is None

    def stderr_tail(self) -> list[str]:
        return list(self._tail)

    async def stop(self) -> int:
        """Ask the sandbox to exit, wait for it (killing it after a grace period); exit code."""
        _forget(self.info)
        return await _stop_async(self._process, self._drain)

    async def __aenter__(self) -> AsyncSandboxHandle:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()


async def _drain_stderr(stream: asyncio.StreamReader, tail: collections.deque[str]) -> None:
    while True:
        raw = await stream.readline()
        if not raw:
            return
        tail.append(raw.decode("utf-8", "replace").rstrip())


async def _stop_async(process: asyncio.subprocess.Process, drain: asyncio.Task[None]) -> int:
    import asyncio

    # As in _stop_popen: end of stdin first, a signal only if the child lingers.
    if process.stdin is not None and not process.stdin.is_closing():
        process.stdin.close()
    try:
        await asyncio.wait_for(process.wait(), _STOP_GRACE_SECONDS)
    except TimeoutError:
        with contextlib.suppress(ProcessLookupError):
            process.terminate()
        try:
            await asyncio.wait_for(process.wait(), _STOP_GRACE_SECONDS)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            await process.wait()
    # The pipes reach end of file once the child is gone; reading them lets the transport close.
    if process.stdout is not None:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(process.stdout.read(), _STOP_GRACE_SECONDS)
    try:
        await asyncio.wait_for(asyncio.shield(drain), _STOP_GRACE_SECONDS)
    except TimeoutError:
        drain.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await drain
    returncode = process.returncode
    assert returncode is not None
    return returncode


# The agreed signature mirrors launch_sandbox; the timeout covers only the start-up line.
async def start_sandbox(
    *args: str,
    timeout: float = 20.0,  # noqa: ASYNC109
    data_dir: Path | None = None,
) -> AsyncSandboxHandle:
    """Start the sandbox from a running event loop and wait for its JSON line.

    With ``data_dir`` the sandbox keeps its state there across restarts (see the module); the
    app passes ``app_paths().data_dir / "sandbox"``.

    Raises :class:`SandboxError` (with the child's last stderr lines) if it exits first or does
    not report within ``timeout`` seconds; the child is stopped in that case.
    """
    import asyncio

    command = sandbox_command(sandbox_arguments(args, data_dir))
    process = await asyncio.create_subprocess_exec(
        *command,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=sandbox_environment(),
    )
    assert process.stdout is not None
    assert process.stderr is not None
    tail: collections.deque[str] = collections.deque(maxlen=_STDERR_TAIL_LINES)
    drain = asyncio.create_task(_drain_stderr(process.stderr, tail), name="sandbox-stderr")
    try:
        raw = await asyncio.wait_for(process.stdout.readline(), timeout)
    except TimeoutError:
        await _stop_async(process, drain)
        raise _failure(f"The sandbox did not start within {timeout:g} s.", list(tail)) from None
    except BaseException:
        await _stop_async(process, drain)
        raise
    line = raw.decode("utf-8", "replace")
    if not line.strip():
        await _stop_async(process, drain)
        raise _failure(
            f"The sandbox exited before it was ready (exit code {process.returncode}).",
            list(tail),
        )
    try:
        info = SandboxInfo.from_json_line(line)
    except SandboxError as exc:
        await _stop_async(process, drain)
        raise _failure(str(exc), list(tail)) from None
    return AsyncSandboxHandle(process, info, tail, drain)
