"""Command line entry: start both servers, print the JSON line, run until told to stop."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import logging
import os
import signal
import socket
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fizzly_desktop.sandbox.config import SandboxConfig, config_from_args
from fizzly_desktop.sandbox.instance import (
    FolderLock,
    StoreError,
    read_info,
    remove_info,
    write_info,
)

if TYPE_CHECKING:
    from aiohttp import web

log = logging.getLogger("fizzly_desktop.sandbox")

_ATTACH_POLL_SECONDS = 0.2


def _origin(host: str, port: int) -> str:
    # A wildcard listen address is not something a client can connect to; loopback is.
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return f"http://{host}:{port}"
    if address.is_unspecified:
        return f"http://127.0.0.1:{port}" if address.version == 4 else f"http://[::1]:{port}"
    if address.version == 6:
        return f"http://[{host}]:{port}"
    return f"http://{host}:{port}"


def _listen(host: str, port: int) -> socket.socket:
    family, _type, _proto, _name, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    )[0]
    # create_server sets SO_REUSEADDR on POSIX: a port left in TIME_WAIT by a killed sandbox
    # can be listened on again at once.
    return socket.create_server(address, family=family)


def _listen_again(host: str, wanted: int, remembered: int) -> socket.socket:
    """Listen on ``wanted``; with 0 (any port), on the port of last time if it is free."""
    if wanted == 0 and remembered:
        try:
            return _listen(host, remembered)
        except OSError as exc:
            log.warning(
                "port %d of last time is not free (%s); listening elsewhere",
                remembered,
                exc.strerror,
            )
    return _listen(host, wanted)


async def _start_site(runner: web.AppRunner, sock: socket.socket) -> int:
    from aiohttp import web

    await runner.setup()
    site = web.SockSite(runner, sock, shutdown_timeout=2.0)
    await site.start()
    return int(sock.getsockname()[1])


def _watch_stdin(loop: asyncio.AbstractEventLoop, stop: asyncio.Event) -> None:
    """Block on stdin in a thread; end of file (the parent went away) stops the server."""
    # os.read takes no lock, so a thread still blocked here cannot stall interpreter shutdown.
    try:
        while os.read(0, 65536):
            pass
    except OSError:
        pass
    with contextlib.suppress(RuntimeError):  # loop already closed
        loop.call_soon_threadsafe(stop.set)


def _print_line(info: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(info) + "\n")
    sys.stdout.flush()


async def _stopped_within(stop: asyncio.Event, seconds: float) -> bool:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)
    return stop.is_set()


async def _attach(data_dir: Path, lock: FolderLock, stop: asyncio.Event) -> tuple[bool, bool]:
    """Another sandbox runs on this data folder: share it until it ends, then take over.

    Prints the running sandbox's JSON line (with ``"attached": true``) so that this process's
    parent talks to that one, then waits for the folder's lock. Returns (holds the lock, printed
    a line): (True, True) once the other one ended (serve in its place, on the same ports);
    (True, False) if it ended before its line could be read; (False, ...) if told to stop first.
    """
    info: dict[str, Any] | None = None
    while info is None:
        if lock.try_acquire():
            return True, False
        info = read_info(data_dir, lock.owner_pid())
        if info is None and await _stopped_within(stop, _ATTACH_POLL_SECONDS):
            return False, False
    log.info("another sandbox serves %s at %s; sharing it", data_dir, info.get("base_url"))
    _print_line({**info, "attached": True})
    while not lock.try_acquire():
        if await _stopped_within(stop, _ATTACH_POLL_SECONDS):
            return False, True
    log.info("the other sandbox of %s ended; taking over", data_dir)
    return True, True


async def serve(config: SandboxConfig) -> None:
    # Imported here so that a bad flag is reported before the server's imports are paid for.
    from aiohttp import web

    from fizzly_desktop.sandbox.server import Sandbox, create_api_app, create_output_app
    from fizzly_desktop.sandbox.store import Address, SandboxStore

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError):  # not on Windows
            loop.add_signal_handler(signum, stop.set)
    if config.exit_with_stdin:
        threading.Thread(
            target=_watch_stdin, args=(loop, stop), name="stdin-watch", daemon=True
        ).start()

    data_dir = config.data_dir
    lock = FolderLock(data_dir) if data_dir is not None else None
    printed = False
    if data_dir is not None and lock is not None and not lock.try_acquire():
        owned, printed = await _attach(data_dir, lock, stop)
        if not owned:
            return
    store = SandboxStore(data_dir) if data_dir is not None else None
    previous = store.address() if store is not None else Address()
    sandbox = Sandbox(config, store)
    access_log = logging.getLogger("aiohttp.access")
    api_runner = web.AppRunner(create_api_app(sandbox), access_log=access_log)
    output_runner = web.AppRunner(create_output_app(sandbox), access_log=access_log)
    try:
        api_socket = _listen_again(config.host, config.port, previous.api_port)
        output_socket = _listen_again(config.host, config.output_port, previous.output_port)
        api_port = int(api_socket.getsockname()[1])
        output_port = int(output_socket.getsockname()[1])
        sandbox.base_url = _origin(config.host, api_port)
        sandbox.output_origin = _origin(config.host, output_port)
        if store is not None:
            address = Address(api_port, output_port, sandbox.base_url, sandbox.output_origin)
            store.set_address(address, previous)
            # Runs come back before the first request can arrive: nothing listens yet.
            sandbox.restore()
        # After the restore: balances include what runs that could not resume gave back.
        info = sandbox.info()
        if store is not None:
            if previous.base_url and previous.base_url != sandbox.base_url:
                info["previous_base_url"] = previous.base_url
            if previous.output_origin and previous.output_origin != sandbox.output_origin:
                info["previous_output_origin"] = previous.output_origin
        await _start_site(api_runner, api_socket)
        await _start_site(output_runner, output_socket)
        await sandbox.start()
        if data_dir is not None:
            write_info(data_dir, info)
        if printed:
            # The parent read the other sandbox's line, whose address this one took over.
            if "previous_base_url" in info or "previous_output_origin" in info:
                log.warning("took over %s at a new address %s", data_dir, sandbox.base_url)
        else:
            _print_line(info)
        log.info("sandbox API on %s, outputs on %s", sandbox.base_url, sandbox.output_origin)
        await stop.wait()
        log.info("sandbox stopping")
    finally:
        await sandbox.close()
        await api_runner.cleanup()
        await output_runner.cleanup()
        if data_dir is not None and lock is not None:
            remove_info(data_dir)
            lock.release()


def main(argv: list[str] | None = None) -> int:
    config = config_from_args(argv)
    logging.basicConfig(
        stream=sys.stderr,
        level=config.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        asyncio.run(serve(config))
    except (OSError, StoreError) as exc:
        # Typically the port is taken, or the data folder is unusable; say so plainly instead
        # of a traceback.
        log.error("sandbox could not start: %s", exc)
        return 1
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
