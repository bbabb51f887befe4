"""Command line entry: start both servers, print the JSON line, run until told to stop."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import logging
import os
import signal
import sys
import threading
from typing import TYPE_CHECKING

from fizzly_desktop.sandbox.config import SandboxConfig, config_from_args

if TYPE_CHECKING:
    from aiohttp import web

log = logging.getLogger("fizzly_desktop.sandbox")


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


async def _start_site(runner: web.AppRunner, host: str, port: int) -> int:
    from aiohttp import web

    await runner.setup()
    site = web.TCPSite(runner, host, port, shutdown_timeout=2.0)
    await site.start()
    addresses = runner.addresses
    return int(addresses[0][1])


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


async def serve(config: SandboxConfig) -> None:
    # Imported here so that a bad flag is reported before the server's imports are paid for.
    from aiohttp import web

    from fizzly_desktop.sandbox.server import Sandbox, create_api_app, create_output_app

    sandbox = Sandbox(config)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(NotImplementedError):  # not on Windows
            loop.add_signal_handler(signum, stop.set)
    if config.exit_with_stdin:
        threading.Thread(
            target=_watch_stdin, args=(loop, stop), name="stdin-watch", daemon=True
        ).start()

    access_log = logging.getLogger("aiohttp.access")
    api_runner = web.AppRunner(create_api_app(sandbox), access_log=access_log)
    output_runner = web.AppRunner(create_output_app(sandbox), access_log=access_log)
    try:
        api_port = await _start_site(api_runner, config.host, config.port)
        output_port = await _start_site(output_runner, config.host, config.output_port)
        sandbox.base_url = _origin(config.host, api_port)
        sandbox.output_origin = _origin(config.host, output_port)
        await sandbox.start()
        sys.stdout.write(json.dumps(sandbox.info()) + "\n")
        sys.stdout.flush()
        log.info("sandbox API on %s, outputs on %s", sandbox.base_url, sandbox.output_origin)
        await stop.wait()
        log.info("sandbox stopping")
    finally:
        await sandbox.close()
        await api_runner.cleanup()
        await output_runner.cleanup()


def main(argv: list[str] | None = None) -> int:
    config = config_from_args(argv)
    logging.basicConfig(
        stream=sys.stderr,
        level=config.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        asyncio.run(serve(config))
    except OSError as exc:
        # Typically the port is taken; say so plainly instead of a traceback.
        log.error("sandbox could not start: %s", exc)
        return 1
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
