"""Webhooks: which URLs are accepted, the documented payloads, delivery with retries.

Delivery follows the reference: one attempt plus up to 3 retries after 1, 2 and 4 seconds
(multiplied by ``--webhook-backoff-scale``, default 1); a 2xx answer is success; 4xx answers
other than 429 are not retried; each attempt times out after 30 s. Redirects are not followed.
Cancelled runs send no webhook: the reference defines payloads only for success and failure.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import logging
import socket
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import aiohttp

from fizzly_desktop.sandbox.queue import COMPLETED, Run, iso

log = logging.getLogger(__name__)

USER_AGENT = "Fizzly-Webhook/1.0"
RETRY_DELAYS = (1.0, 2.0, 4.0)
MAX_URL_LENGTH = 2048


def check_webhook_url(url: str, *, allow_http_loopback: bool = False) -> str | None:
    """None if the URL may receive webhooks, else the reason it may not (plain words)."""
    if not url:
        return "The webhook URL is empty."
    if len(url) > MAX_URL_LENGTH:
        return f"The webhook URL is longer than {MAX_URL_LENGTH} characters."
    try:
        parts = urlsplit(url)
        host = parts.hostname
        _ = parts.port  # raises on a bad port
    except ValueError:
        return "The webhook URL is not a valid URL."
    if parts.scheme not in ("https", "http") or not host:
        return "The webhook URL must be an https:// URL with a host."
    if parts.username or parts.password:
        return "The webhook URL must not contain a user name or password."
    loopback = _is_loopback(host)
    if parts.scheme == "http" and not (allow_http_loopback and loopback):
        return "The webhook URL must use HTTPS (HTTP URLs are rejected)."
    if loopback:
        if allow_http_loopback:
            return None
        return "The webhook URL cannot point to an internal or private address."
    if host.lower().endswith((".local", ".internal", ".localdomain")):
        return "The webhook URL cannot point to an internal or private address."
    address = _literal_address(host)
    if address is not None and (
        not address.is_global
        or address.is_multicast
        or address.is_reserved
        or address.is_link_local
        or address.is_private
    ):
        return "The webhook URL cannot point to an internal or private address."
    return None


def _literal_address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        # Old-style forms such as "127.1" or "2130706433" still reach an address.
        try:
            packed = socket.inet_aton(host)
        except OSError:
            return None
        address = ipaddress.IPv4Address(packed)
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _is_loopback(host: str) -> bool:
    lowered = host.lower().rstrip(".")
    if lowered == "localhost" or lowered.endswith(".localhost"):
        return True
    address = _literal_address(host)
    return address is not None and (address.is_loopback or address.is_unspecified)


def webhook_payload(run: Run) -> dict[str, Any]:
    completed_at = iso(run.completed_at) if run.completed_at is not None else None
    if run.status == COMPLETED:
        return {
            "request_id": run.request_id,
            "status": "OK",
            "payload": run.plan.outputs,
            "metrics": run.metrics(),
            "completed_at": completed_at,
        }
    return {
        "request_id": run.request_id,
        "status": "ERROR",
        "error": run.error,
        "metrics": run.metrics(),
        "completed_at": completed_at,
    }


@dataclass
class DeliveryAttempt:
    request_id: str
    attempt: int
    status: int | None
    error: str | None


class WebhookSender:
    """Delivers webhooks in background tasks that are kept and cancelled on close."""

    def __init__(self, *, backoff_scale: float = 1.0, timeout: float = 30.0) -> None:
        self._backoff_scale = backoff_scale
        self._timeout = timeout
        self._session: aiohttp.ClientSession | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self.attempts: list[DeliveryAttempt] = []

    def send(self, run: Run) -> None:
        if run.webhook is None:
            return
        task = asyncio.create_task(
            self._deliver(run.webhook, run.request_id, webhook_payload(run)),
            name=f"webhook-{run.request_id}",
        )
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self._session is not None:
            await self._session.close()
            self._session = None

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=self._timeout),
                headers={"User-Agent": USER_AGENT},
            )
        return self._session

    async def _deliver(self, url: str, request_id: str, payload: dict[str, Any]) -> None:
        body = json.dumps(payload).encode("utf-8")
        headers = {
            "User-Agent": USER_AGENT,
            "X-Fizzly-Request-ID": request_id,
            "Content-Type": "application/json",
        }
        delays = (0.0, *RETRY_DELAYS)
        for attempt, delay in enumerate(delays):
            if delay:
                await asyncio.sleep(delay * self._backoff_scale)
            status: int | None = None
            error: str | None = None
            try:
                async with self._client().post(
                    url, data=body, headers=headers, allow_redirects=False
                ) as response:
                    status = response.status
                    await response.read()
            except (aiohttp.ClientError, TimeoutError, OSError) as exc:
                error = type(exc).__name__
            self.attempts.append(DeliveryAttempt(request_id, attempt, status, error))
            if status is not None and 200 <= status < 300:
                log.info("webhook for %s delivered (attempt %d)", request_id, attempt + 1)
                return
            if status is not None and 400 <= status < 500 and status != 429:
                log.info("webhook for %s refused with %d; not retried", request_id, status)
                return
            log.info(
                "webhook for %s failed (attempt %d: %s)", request_id, attempt + 1, status or error
            )
        log.warning("webhook for %s gave up after %d attempts", request_id, len(delays))
