"""HTTP/2 (h2) is asked for by https clients only, and its machinery loads on first use."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from fizzly_desktop.api import FizzlyClient

HAS_H2 = importlib.util.find_spec("h2") is not None

PROBE = """
import sys
import fizzly_desktop.api.client
import httpx
heavy = ("hpack", "hyperframe")
print("at import", sorted(name for name in heavy if name in sys.modules))
# An HTTP/2 connection as httpcore makes one: the deferred modules load and work.
import httpcore
from httpcore._async.http2 import AsyncHTTP2Connection
connection = AsyncHTTP2Connection(httpcore.Origin(b"https", b"api.example", 443), stream=None)
state = connection._h2_state
state.initiate_connection()
print("preface", state.data_to_send()[:16])
import h2.events, h2.exceptions, h2.settings
print("events", h2.events.DataReceived.__name__, h2.settings.SettingCodes.ENABLE_PUSH.name)
print("after use", sorted(name for name in heavy if name in sys.modules))
"""


@pytest.mark.skipif(not HAS_H2, reason="h2 is not installed here")
def test_h2_machinery_loads_on_first_use_and_then_works() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.splitlines() == [
        "at import []",
        "preface b'PRI * HTTP/2.0\\r\\n'",
        "events DataReceived ENABLE_PUSH",
        "after use ['hpack', 'hyperframe']",
    ]


async def test_only_an_https_client_asks_for_http2() -> None:
    plain = FizzlyClient("http://127.0.0.1:8765", "fiz_test_key")
    secure = FizzlyClient("https://api.fizzly.example", "fiz_test_key")
    try:
        plain_pool = plain._client()._transport._pool  # type: ignore[attr-defined]
        secure_pool = secure._client()._transport._pool  # type: ignore[attr-defined]
        assert plain_pool._http2 is False
        assert plain_pool._http1 is True
        assert secure_pool._http2 is HAS_H2
    finally:
        await plain.aclose()
        await secure.aclose()
