"""The plumbing under FizzlyClient: the key's auth, one request through budget, retries and
redirects, and reading the service's answers (JSON, errors, Retry-After) into typed errors.

``ApiChannel`` is the base class of :class:`fizzly_desktop.api.client.FizzlyClient`, which sets
its fields and adds the API's verbs; nothing else uses it.
"""

from __future__ import annotations

import asyncio
import datetime
import email.utils
import importlib.util
import json
import logging
import random
from collections.abc import AsyncIterator, Callable, Generator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx

from fizzly_desktop.api import payloads
from fizzly_desktop.api.budget import Priority, RateBudget
from fizzly_desktop.api.errors import (
    BadRequest,
    ConnectionFailed,
    FizzlyError,
    MalformedResponse,
    NotFound,
    RateLimited,
    SubmitUncertain,
    UnsafeUrl,
    error_for_status,
)
from fizzly_desktop.api.refs import RemoteStatus, RunRef
from fizzly_desktop.api.transport import skip_missing_sniffio, tls_context, untrusting_context
from fizzly_desktop.api.urls import join_path, origin_of

if TYPE_CHECKING:
    from fizzly_desktop.api.models import RunResult

log = logging.getLogger("fizzly_desktop.api.client")
USER_AGENT = "FizzlyDesktop"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_MAX_REDIRECTS = 5
_MAX_RATE_LIMITED = 6
#: Status streams hold a connection each under HTTP/1.1 (one per active run).
MAX_STREAM_CONNECTIONS = 512
#: Streams are spread over pools of at most this many connections, each new one to the pool
#: holding the fewest: httpcore walks every connection of a pool whenever a stream opens or
#: ends (and asks each idle one whether the server closed it, a system call each), so with
#: 500 streams in one pool every open and close cost a millisecond of the GUI thread.
STREAM_POOL_CONNECTIONS = 64
#: Requests are short; the rate budget, not the pool, is what paces them.
MAX_REQUEST_CONNECTIONS = 32
_BACKOFF_CAP = 8.0
# Failures that happen before any byte of the request left: the service certainly has nothing.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class _Secret:
    """Holds the key so that no repr, str or ``vars()`` of any object shows it."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def __repr__(self) -> str:
        return "[hidden]"

    __str__ = __repr__

    def reveal(self) -> str:
        return self._value


class KeyAuth(httpx.Auth):
    """Adds ``Authorization: Key ...`` to requests for the API's origin, and to nothing else."""

    def __init__(self, api_key: str, origin: tuple[str, str, int]) -> None:
        self._key = _Secret(api_key)
        self._origin = origin

    def __repr__(self) -> str:
        return "<KeyAuth [hidden]>"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if _origin_or_none(str(request.url)) == self._origin:
            request.headers["Authorization"] = f"Key {self._key.reveal()}"
        else:
            request.headers.pop("Authorization", None)
        yield request

    def scrub(self, text: str) -> str:
        """``text`` with any copy of the key replaced: server text may echo it."""
        key = self._key.reveal()
        return text.replace(key, "[api key]") if key in text else text

    def scrub_data(self, data: Any) -> Any:
        if isinstance(data, str):
            return self.scrub(data)
        if isinstance(data, dict):
            return {self.scrub(str(k)): self.scrub_data(v) for k, v in data.items()}
        if isinstance(data, list):
            return [self.scrub_data(v) for v in data]
        return data


def _origin_or_none(url: str) -> tuple[str, str, int] | None:
    try:
        return origin_of(url)
    except ValueError:
        return None


class _ClosingStream(httpx.AsyncByteStream):
    """A response body that says once when it is closed."""

    def __init__(
        self, inner: httpx.SyncByteStream | httpx.AsyncByteStream, closed: Callable[[], None]
    ) -> None:
        self._inner = inner
        self._closed: Callable[[], None] | None = closed

    def __aiter__(self) -> AsyncIterator[bytes]:
        # The body's own iterator: no extra step per chunk.
        if not isinstance(self._inner, httpx.AsyncByteStream):
            raise TypeError("a streamed answer must have an asynchronous body")
        return self._inner.__aiter__()

    async def aclose(self) -> None:
        closed, self._closed = self._closed, None
        try:
            if isinstance(self._inner, httpx.AsyncByteStream):
                await self._inner.aclose()
        finally:
            if closed is not None:
                closed()


@dataclass(frozen=True, slots=True)
class SubmitContext:
    owner: str
    slug: str
    inputs: Mapping[str, Any]
    webhook: str | None

    def uncertain(self, cause: BaseException) -> SubmitUncertain:
        return SubmitUncertain(self.owner, self.slug, self.inputs, self.webhook, cause)


class ApiChannel:
    """Sends one request of the API for one key and reads its answer (see the module doc)."""

    base_url: str
    budget: RateBudget
    timeout: float
    max_retries: int
    backoff: float
    _origin: tuple[str, str, int]
    _auth: KeyAuth
    _transport: httpx.AsyncBaseTransport | None
    _http: httpx.AsyncClient | None
    #: The pools of status streams, and how many open streams each holds.
    _stream_pools: list[httpx.AsyncClient]
    _stream_load: list[int]
    _request_slots: asyncio.Semaphore

    # --- one request, through budget, retries and redirects ---------------------------------

    def _client(self) -> httpx.AsyncClient:
        """The pool for short requests."""
        if self._http is None:
            self._http = self._new_client(MAX_REQUEST_CONNECTIONS)
        return self._http

    def _stream_pool(self) -> int:
        """The stream pool a new stream goes to, counted in it from now on: the one holding
        the fewest (made on demand). Counted before its connection is made, so that hundreds
        of streams opened at once spread over the pools instead of queueing in one."""
        load = self._stream_load
        chosen = -1
        if load:
            fewest = min(range(len(load)), key=load.__getitem__)
            if load[fewest] < STREAM_POOL_CONNECTIONS:
                chosen = fewest
        if chosen < 0 and len(load) * STREAM_POOL_CONNECTIONS < MAX_STREAM_CONNECTIONS:
            self._stream_pools.append(self._new_client(STREAM_POOL_CONNECTIONS))
            load.append(0)
            chosen = len(load) - 1
        if chosen < 0:
            chosen = min(range(len(load)), key=load.__getitem__)  # all full: the emptiest
        load[chosen] += 1
        return chosen

    def _stream_done(self, pool: int, client: httpx.AsyncClient) -> Callable[[], None]:
        """What to call once the stream counted in ``pool`` (of ``client``) has ended."""

        def done() -> None:
            # The pools may have been closed and made again since (aclose).
            pools = self._stream_pools
            if pool < len(pools) and pools[pool] is client:
                self._stream_load[pool] -= 1

        return done

    async def _exchange(
        self,
        method: str,
        url: str,
        *,
        priority: Priority,
        params: Mapping[str, str] | None = None,
        content: bytes | None = None,
        submit: SubmitContext | None = None,
        stream: bool = False,
        retries: int | None = None,
    ) -> httpx.Response:
        """Send one API request and return the service's final answer (any status).

        The body is read, except for a successful ``stream=True`` answer, which the caller
        must close. Raises ConnectionFailed, RateLimited, UnsafeUrl, or SubmitUncertain.
        """
        if not stream:
            return await self._send(
                self._client(),
                method,
                url,
                priority=priority,
                params=params,
                content=content,
                submit=submit,
                stream=False,
                retries=retries,
            )
        pool = self._stream_pool()
        http = self._stream_pools[pool]
        done = self._stream_done(pool, http)
        try:
            response = await self._send(
                http,
                method,
                url,
                priority=priority,
                params=params,
                content=content,
                submit=submit,
                stream=True,
                retries=retries,
            )
        except BaseException:
            done()
            raise
        response.stream = _ClosingStream(response.stream, done)
        return response

    def _new_client(self, max_connections: int) -> httpx.AsyncClient:
        skip_missing_sniffio()
        # Every request goes to the API's own origin (_check_origin): a plain-http one never
        # makes a TLS connection, and its client needs no CA bundle loaded (~20 ms). HTTP/2 is
        # negotiated in the TLS handshake (ALPN): only an https client asks for it.
        https = self._origin[0] == "https"
        http2 = https and self._transport is None and importlib.util.find_spec("h2") is not None
        return httpx.AsyncClient(
            http2=http2,
            verify=tls_context(http2) if https else untrusting_context(),
            transport=self._transport,
            auth=self._auth,
            timeout=httpx.Timeout(self.timeout),
            limits=httpx.Limits(
                max_connections=max_connections,
                max_keepalive_connections=min(32, max_connections),
            ),
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            event_hooks={"request": [self._guard]},
        )

    async def _guard(self, request: httpx.Request) -> None:
        # Last line of defence: nothing below the auth flow may carry the key elsewhere.
        if "authorization" in request.headers and _origin_or_none(str(request.url)) != self._origin:
            del request.headers["authorization"]
            raise UnsafeUrl(f"refused to send the API key to {request.url.host}")

    def _check_origin(self, url: str) -> None:
        if _origin_or_none(url) != self._origin:
            host = _origin_or_none(url)
            where = host[1] if host else "a non-web address"
            raise UnsafeUrl(
                f"refused to send the API key to {where} (the API is at {self.base_url})",
                user_message=f"The service pointed this run at another address ({where}); the "
                "app did not send your key there.",
            )

    async def _send(
        self,
        http: httpx.AsyncClient,
        method: str,
        url: str,
        *,
        priority: Priority,
        params: Mapping[str, str] | None,
        content: bytes | None,
        submit: SubmitContext | None,
        stream: bool,
        retries: int | None,
    ) -> httpx.Response:
        """``_exchange`` through the pool ``http``."""
        headers = {"Content-Type": "application/json"} if content is not None else {}
        if stream:
            headers = {"Accept": "text/event-stream", "Cache-Control": "no-store"}
        max_retries = self.max_retries if retries is None else retries
        attempt = rate_limited = redirects = 0
        while True:
            self._check_origin(url)
            request = http.build_request(
                method,
                url,
                params=params,
                content=content,
                headers=headers,
                timeout=httpx.Timeout(self.timeout, read=None) if stream else None,
            )
            slot = await self.budget.acquire(priority)
            try:
                async with asyncio.timeout(self.timeout):
                    if stream:
                        response = await http.send(request, stream=True)
                        if not response.is_success:
                            await read_closed(response)
                    else:
                        # After the budget, as waiting for a pooled connection was before.
                        async with self._request_slots:
                            response = await http.send(request)
            except _NOT_SENT as exc:
                self.budget.release(slot)
                failure = ConnectionFailed(
                    f"{method} {_path(url)}: could not connect: {type(exc).__name__}: {exc}"
                )
                if attempt >= max_retries:
                    raise failure from exc
                attempt += 1
                await self._back_off(attempt, failure)
                continue
            except (httpx.TransportError, TimeoutError) as exc:
                self.budget.observe(slot, {})
                reason = "no answer in time" if isinstance(exc, TimeoutError) else "broken"
                failure = ConnectionFailed(
                    f"{method} {_path(url)}: connection {reason} after sending: "
                    f"{type(exc).__name__}: {exc}"
                )
                if submit is not None:
                    raise submit.uncertain(failure) from exc
                if attempt >= max_retries:
                    raise failure from exc
                attempt += 1
                await self._back_off(attempt, failure)
                continue
            except httpx.HTTPError as exc:
                self.budget.observe(slot, {})
                raise MalformedResponse(
                    f"{method} {_path(url)}: unreadable answer: {type(exc).__name__}: {exc}"
                ) from exc
            except BaseException:
                # Cancelled by the caller: the request may have arrived, so its slot stays
                # counted, but the budget must not wait for an answer that will never come.
                self.budget.observe(slot, {})
                raise

            status = response.status_code
            if status == 429:
                # Paused before the slot is handed back, so that no waiter slips through.
                wait = self._retry_after(response)
                self.budget.pause(wait)
            self.budget.observe(slot, response.headers, counted=status != 429)
            log.debug("%s %s -> %d", method, _path(url), status)

            if status == 429:
                await read_closed(response)
                rate_limited += 1
                if rate_limited > _MAX_RATE_LIMITED:
                    raise self._error(response)
                log.warning("the service answered 429; waiting %.1f s before retrying", wait)
                continue

            if status in _REDIRECTS and "location" in response.headers:
                await read_closed(response)
                target = str(response.url.join(response.headers["location"]))
                keeps_method = status in (307, 308)
                if redirects >= _MAX_REDIRECTS or not (keeps_method or method == "GET"):
                    odd = MalformedResponse(
                        f"{method} {_path(url)}: unexpected redirect {status}", status=status
                    )
                    if submit is not None:
                        raise submit.uncertain(odd)
                    raise odd
                self._check_origin(target)
                redirects += 1
                url, params = target, None
                continue

            if status >= 500:
                if submit is not None:
                    raise submit.uncertain(self._error(response))
                if attempt < max_retries:
                    attempt += 1
                    await read_closed(response)
                    await self._back_off(attempt, self._error(response))
                    continue
            return response

    async def _back_off(self, attempt: int, failure: FizzlyError) -> None:
        delay = min(_BACKOFF_CAP, self.backoff * 2 ** (attempt - 1))
        delay *= random.uniform(0.5, 1.0)
        log.info("retrying in %.2f s (attempt %d) after: %s", delay, attempt + 1, failure)
        await asyncio.sleep(delay)

    # --- reading answers -------------------------------------------------------------------

    def _run_url(self, run: RunRef, *tail: str) -> str:
        check_name("owner", run.owner)
        check_name("slug", run.slug)
        check_name("request id", run.request_id)
        return join_path(
            self.base_url, "workflows", run.owner, run.slug, "requests", run.request_id, *tail
        )

    def _json(self, response: httpx.Response, what: str) -> Any:
        try:
            return json.loads(response.content)
        except ValueError:
            raise MalformedResponse(
                f"{what}: HTTP {response.status_code} with a body that is not JSON "
                f"({_describe_body(response)})",
                status=response.status_code,
            ) from None

    @staticmethod
    def _json_or_none(response: httpx.Response) -> Any:
        try:
            return json.loads(response.content)
        except ValueError:
            return None

    def _retry_after(self, response: httpx.Response) -> float:
        raw = response.headers.get("retry-after")
        data = self._json_or_none(response)
        candidates: list[Any] = [raw]
        if isinstance(data, dict):
            candidates.append(data.get("retry_after"))
        for value in candidates:
            seconds: float | None
            try:
                seconds = float(value)
            except (TypeError, ValueError):
                seconds = _seconds_until_http_date(value)
            if seconds is not None and 0 <= seconds < 3600:
                return seconds
        return 1.0

    def _error(
        self,
        response: httpx.Response,
        *,
        run: RunRef | None = None,
        workflow: str | None = None,
        user_message: str | None = None,
    ) -> FizzlyError:
        status = response.status_code
        data = self._json_or_none(response)
        if not isinstance(data, dict):
            if status >= 500:
                plain = (
                    "The Fizzly service (or a proxy in front of it) is having trouble; try again "
                    "in a moment."
                )
            else:
                plain = (
                    f"The service answered with an unexpected page (error {status}); check the "
                    "service address, or try again later."
                )
            return MalformedResponse(
                f"HTTP {status} with a body that is not the documented error JSON "
                f"({_describe_body(response)})",
                status=status,
                user_message=plain,
            )
        code = data.get("code") if isinstance(data.get("code"), str) else None
        server_message = data.get("error")
        text = self._auth.scrub(str(server_message)) if server_message is not None else None
        details = data.get("details")
        safe_details = self._auth.scrub_data(details) if isinstance(details, dict) else None
        retry_after = self._retry_after(response) if status == 429 else None
        error = error_for_status(status, code, text, safe_details, retry_after=retry_after)
        if user_message is not None:
            error.user_message = user_message
        elif isinstance(error, NotFound):
            if run is not None:
                error.user_message = (
                    "This run is unknown to the server: gone from it, or run with another "
                    "key. Its local record is kept."
                )
            elif workflow is not None:
                error.user_message = (
                    f"The workflow {workflow} was not found; check its owner and name."
                )
        elif isinstance(error, BadRequest) and safe_details:
            problems = "; ".join(f"{k}: {v}" for k, v in safe_details.items())
            error.user_message = f"The service rejected the inputs ({problems})."
        elif isinstance(error, RateLimited):
            error.user_message = (
                "The service keeps refusing requests for being too many; wait a minute and "
                "try again."
            )
        return error

    def _ended_result(self, response: httpx.Response) -> RunResult | None:
        data = self._json_or_none(response)
        if not isinstance(data, dict):
            return None
        raw_details = data.get("details")
        details: dict[str, Any] = raw_details if isinstance(raw_details, dict) else {}
        for candidate in (
            data.get("status"),
            data.get("current_status"),
            details.get("status"),
            details.get("current_status"),
        ):
            if candidate in (RemoteStatus.FAILED, RemoteStatus.CANCELLED):
                payload = {k: v for k, v in data.items() if k not in ("code", "details")}
                payload["status"] = candidate
                if "error" in payload:
                    payload["error"] = self._auth.scrub(str(payload["error"]))
                return payloads.run_result(payload, status=400)
        return None


async def read_closed(response: httpx.Response) -> None:
    try:
        await response.aread()
    finally:
        await response.aclose()


def _seconds_until_http_date(value: Any) -> float | None:
    """Seconds from now until an HTTP-date ``Retry-After`` (the header's other form)."""
    if not isinstance(value, str):
        return None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.UTC)
    return max(0.0, (when - datetime.datetime.now(datetime.UTC)).total_seconds())


def check_name(what: str, value: str) -> None:
    if not isinstance(value, str) or not value.strip() or "/" in value:
        raise ValueError(f"the workflow {what} must be a non-empty name without '/'")


def _path(url: str) -> str:
    return httpx.URL(url).path


def _describe_body(response: httpx.Response) -> str:
    content_type = response.headers.get("content-type", "no content type").partition(";")[0]
    return f"{content_type}, {len(response.content)} bytes"
