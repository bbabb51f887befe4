"""Webhook delivery to a local receiver: payloads, headers, retries and when not to retry."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
from aiohttp import web

from fizzly_desktop.core.sandbox_process import SandboxInfo, launch_sandbox
from tests.fixtures.sandbox import FAST_FLAGS
from tests.integration.sandbox.support import assert_error, auth

BACKOFF = 0.1  # --webhook-backoff-scale: retries after 0.1, 0.2 and 0.4 s


@dataclass
class Delivery:
    at: float
    headers: dict[str, str]
    body: dict[str, Any]


@dataclass
class Receiver:
    """A webhook endpoint that answers scripted statuses, then 200, and records every call."""

    statuses: list[int] = field(default_factory=list)
    stall_first: float = 0.0
    deliveries: list[Delivery] = field(default_factory=list)
    url: str = ""
    _arrived: asyncio.Event = field(default_factory=asyncio.Event)

    async def handle(self, request: web.Request) -> web.Response:
        self.deliveries.append(
            Delivery(time.monotonic(), dict(request.headers), await request.json())
        )
        self._arrived.set()
        if self.stall_first and len(self.deliveries) == 1:
            await asyncio.sleep(self.stall_first)
        index = len(self.deliveries) - 1
        status = self.statuses[index] if index < len(self.statuses) else 200
        return web.json_response({"ok": status == 200}, status=status)

    async def wait_for(self, count: int, within: float = 10.0) -> list[Delivery]:
        async def arrived() -> None:
            while len(self.deliveries) < count:
                self._arrived.clear()
                await self._arrived.wait()

        await asyncio.wait_for(arrived(), within)
        return self.deliveries


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    hook = Receiver()
    app = web.Application()
    app.router.add_post("/hook", hook.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    hook.url = f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
    try:
        yield hook
    finally:
        await runner.cleanup()


@pytest.fixture(scope="module")
def hooks_sandbox() -> Iterator[SandboxInfo]:
    """One sandbox for this module; each test has its own receiver, so runs do not mix."""
    with launch_sandbox(
        *FAST_FLAGS,
        "--allow-http-webhooks",
        "--webhook-backoff-scale",
        str(BACKOFF),
        "--webhook-timeout",
        "0.5",
    ) as handle:
        yield handle.info


async def submit_with_hook(
    info: SandboxInfo, workflow: str, inputs: dict[str, Any], webhook: str
) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=info.base_url, headers=auth(info.demo_key)) as api:
        response = await api.post(
            f"/workflows/{workflow}", params={"webhook": webhook}, json={"inputs": inputs}
        )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_success_payload_and_headers(hooks_sandbox: SandboxInfo, receiver: Receiver) -> None:
    run = await submit_with_hook(
        hooks_sandbox, "demo/text-to-image", {"prompt": "a bridge", "seed": 4}, receiver.url
    )
    [delivery] = await receiver.wait_for(1)
    assert delivery.headers["User-Agent"] == "Fizzly-Webhook/1.0"
    assert delivery.headers["X-Fizzly-Request-ID"] == run["request_id"]
    assert delivery.headers["Content-Type"] == "application/json"
    body = delivery.body
    assert set(body) == {"request_id", "status", "payload", "metrics", "completed_at"}
    assert body["request_id"] == run["request_id"]
    assert body["status"] == "OK"
    assert body["payload"]["prompt_used"] == "a bridge"
    assert body["payload"]["generated_image"]["url"].startswith(hooks_sandbox.output_origin)
    assert body["metrics"]["credits_used"] == 5
    assert body["completed_at"].endswith("Z")


async def test_failure_payload(hooks_sandbox: SandboxInfo, receiver: Receiver) -> None:
    run = await submit_with_hook(
        hooks_sandbox, "demo/broken-pipeline", {"prompt": "x"}, receiver.url
    )
    [delivery] = await receiver.wait_for(1)
    assert set(delivery.body) == {"request_id", "status", "error", "metrics", "completed_at"}
    assert delivery.body["request_id"] == run["request_id"]
    assert delivery.body["status"] == "ERROR"
    assert delivery.body["error"].startswith("Safety check failed")
    assert delivery.body["metrics"]["credits_used"] == 0


async def test_retries_back_off_then_succeed(
    hooks_sandbox: SandboxInfo, receiver: Receiver
) -> None:
    receiver.statuses = [500, 503, 429]
    await submit_with_hook(hooks_sandbox, "demo/prompt-enhancer", {"prompt": "x"}, receiver.url)
    deliveries = await receiver.wait_for(4)
    gaps = [b.at - a.at for a, b in itertools.pairwise(deliveries)]
    # 1, 2 and 4 s scaled by --webhook-backoff-scale; lower bounds only (slowness is not a bug).
    for gap, expected in zip(gaps, (1, 2, 4), strict=True):
        assert gap >= expected * BACKOFF * 0.9, gaps
    assert gaps[0] < gaps[2]
    assert len({d.body["request_id"] for d in deliveries}) == 1


async def test_gives_up_after_three_retries(hooks_sandbox: SandboxInfo, receiver: Receiver) -> None:
    receiver.statuses = [500] * 10
    await submit_with_hook(hooks_sandbox, "demo/prompt-enhancer", {"prompt": "x"}, receiver.url)
    await receiver.wait_for(4)
    # A fifth attempt would come 8 backoff units later at the earliest; wait well past that.
    await asyncio.sleep(12 * BACKOFF)
    assert len(receiver.deliveries) == 4


@pytest.mark.parametrize("status", [400, 404, 410])
async def test_client_errors_are_not_retried(
    hooks_sandbox: SandboxInfo, receiver: Receiver, status: int
) -> None:
    receiver.statuses = [status] * 4
    await submit_with_hook(hooks_sandbox, "demo/prompt-enhancer", {"prompt": "x"}, receiver.url)
    await receiver.wait_for(1)
    # The first retry would come 1 backoff unit later; wait well past it.
    await asyncio.sleep(4 * BACKOFF)
    assert len(receiver.deliveries) == 1


async def test_slow_receiver_times_out_and_is_retried(
    hooks_sandbox: SandboxInfo, receiver: Receiver
) -> None:
    receiver.stall_first = 1.0  # beyond the sandbox's --webhook-timeout 0.5
    await submit_with_hook(hooks_sandbox, "demo/prompt-enhancer", {"prompt": "x"}, receiver.url)
    deliveries = await receiver.wait_for(2)
    assert deliveries[1].at - deliveries[0].at >= 0.5


async def test_no_webhook_for_a_cancelled_run(
    hooks_sandbox: SandboxInfo, receiver: Receiver
) -> None:
    info = hooks_sandbox
    run = await submit_with_hook(info, "demo/slow-render", {"prompt": "x"}, receiver.url)
    async with httpx.AsyncClient(headers=auth(info.demo_key)) as api:
        assert (await api.put(run["cancel_url"])).status_code == 200
    # Then a run that does send one: deliveries arrive in order, so the first is this one.
    second = await submit_with_hook(info, "demo/prompt-enhancer", {"prompt": "y"}, receiver.url)
    await receiver.wait_for(1, within=15)
    assert [d.body["request_id"] for d in receiver.deliveries] == [second["request_id"]]


@pytest.mark.parametrize(
    "webhook",
    [
        "http://hooks.example.com/fizzly",
        "https://127.0.0.1/hook",
        "https://localhost/hook",
        "https://api.localhost/hook",
        "https://10.1.2.3/hook",
        "https://172.16.0.5/hook",
        "https://192.168.1.20/hook",
        "https://169.254.169.254/latest",
        "https://100.64.0.1/hook",
        "https://0.0.0.0/hook",
        "https://[::1]/hook",
        "https://[fe80::1]/hook",
        "https://[fd00::1]/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://2130706433/hook",
        "https://127.1/hook",
        "https://user:secret@hooks.example.com/hook",
        "ftp://hooks.example.com/hook",
        "not a url",
        "",
    ],
)
def test_unsafe_webhooks_are_rejected(sandbox: SandboxInfo, webhook: str) -> None:
    response = httpx.post(
        sandbox.base_url + "/workflows/demo/prompt-enhancer",
        params={"webhook": webhook},
        json={"inputs": {"prompt": "x"}},
        headers=auth(sandbox.demo_key),
    )
    body = assert_error(response, 400, "BAD_REQUEST")
    assert "webhook" in body["details"]


def test_http_loopback_needs_the_flag(sandbox: SandboxInfo) -> None:
    response = httpx.post(
        sandbox.base_url + "/workflows/demo/prompt-enhancer",
        params={"webhook": "http://127.0.0.1:9/hook"},
        json={"inputs": {"prompt": "x"}},
        headers=auth(sandbox.demo_key),
    )
    body = assert_error(response, 400, "BAD_REQUEST")
    assert "HTTPS" in body["details"]["webhook"]
