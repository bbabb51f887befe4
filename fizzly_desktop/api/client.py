"""FizzlyClient: the typed async client of the Workflows API, careful with the key and money."""

from __future__ import annotations

import asyncio
import datetime
import email.utils
import importlib.util
import json
import logging
import random
from collections.abc import AsyncGenerator, Generator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx
from httpx_sse import EventSource

from fizzly_desktop.api.budget import Priority, RateBudget
from fizzly_desktop.api.download import OutputDownloader
from fizzly_desktop.api.errors import (
    BadRequest,
    ConnectionFailed,
    FizzlyError,
    InvalidWebhookUrl,
    MalformedResponse,
    NotFound,
    RateLimited,
    StreamInterrupted,
    SubmitUncertain,
    UnsafeUrl,
    error_for_status,
)
from fizzly_desktop.api.models import (
    CancelOutcome,
    ErrorEvent,
    KeyCheck,
    KeyStatus,
    OutputEvent,
    RemoteStatus,
    RunRef,
    RunResult,
    RunStatus,
    StreamEvent,
    Submission,
    parse_payload,
)
from fizzly_desktop.api.sse import check_event_stream, to_event, watch_heartbeat
from fizzly_desktop.api.transport import skip_missing_sniffio, tls_context
from fizzly_desktop.api.urls import check_http_url, check_webhook_url, join_path, origin_of

__all__ = ["FizzlyClient"]

log = logging.getLogger(__name__)

USER_AGENT = "FizzlyDesktop"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_MAX_REDIRECTS = 5
_MAX_RATE_LIMITED = 6
#: Status streams hold a connection each under HTTP/1.1 (one per active run).
_MAX_STREAM_CONNECTIONS = 512
#: Requests are short; the rate budget, not the pool, is what paces them.
_MAX_REQUEST_CONNECTIONS = 32
_BACKOFF_CAP = 8.0
# A request id that is well formed but cannot exist: a key check asks for its status.
_KEY_CHECK_PATH = ("workflows", "fizzly-desktop", "key-check", "requests", "run_0", "status")
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


class _KeyAuth(httpx.Auth):
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


@dataclass(frozen=True, slots=True)
class _SubmitContext:
    owner: str
    slug: str
    inputs: Mapping[str, Any]
    webhook: str | None

    def uncertain(self, cause: BaseException) -> SubmitUncertain:
        return SubmitUncertain(self.owner, self.slug, self.inputs, self.webhook, cause)


class FizzlyClient:
    """An async client of the Fizzly Workflows API for one API key.

    Use it as ``async with FizzlyClient(base_url, key) as client: ...`` (or call ``aclose``).
    Every request first waits for the key's shared ``RateBudget``; GETs are retried on 5xx and
    connection errors; a submit is never re-sent unless the service certainly did not take it.

    Args:
        base_url: the service's address, e.g. ``https://queue.fizzly.ai``; the key is sent to
            this origin (scheme, host, port) and to no other.
        api_key: the key, sent as ``Authorization: Key ...``; never logged or shown.
        budget: the rate budget to draw from; by default the one shared by every client of
            this key and origin (``RateBudget.for_key``).
        timeout: wall-clock seconds allowed for each request attempt, from sending to the
            whole answer (for a stream: to its headers). Waiting for budget is not included.
        ping_interval: the service's keep-alive interval; a stream silent for 2.5 times this
            is treated as dropped.
        transport: an httpx transport to use instead of the network (tests).
        max_retries: extra attempts for a GET, cancel or stream open that met a 5xx or a
            connection failure, and for a submit whose connection failed before sending.
        backoff: first retry delay in seconds; doubles per attempt (capped at 8 s), with jitter.
        output_origins: where this service stores its outputs, when that may be on this
            computer or the local network (the sandbox's output origin); downloads from these
            and from ``base_url``'s origin may use local addresses. Never sent the key.
    """

    def __init__(
        self,
        base_url: str,
        api_key: str,
        *,
        budget: RateBudget | None = None,
        timeout: float = 30.0,
        ping_interval: float = 15.0,
        transport: httpx.AsyncBaseTransport | None = None,
        max_retries: int = 3,
        backoff: float = 0.5,
        output_origins: Sequence[str] = (),
    ) -> None:
        problem = check_http_url(base_url)
        if problem is not None:
            raise UnsafeUrl(f"unusable service address: {problem}", user_message=problem)
        if not api_key or not api_key.strip():
            raise ValueError("the API key is empty")
        if timeout <= 0 or ping_interval <= 0:
            raise ValueError("timeout and ping_interval must be positive")
        self.base_url = base_url.strip().rstrip("/")
        self._origin = origin_of(self.base_url)
        self.output_origins = tuple(o.strip().rstrip("/") for o in output_origins if o.strip())
        self._auth = _KeyAuth(api_key.strip(), self._origin)
        key = api_key.strip()
        self._fingerprint = key[-4:] if len(key) >= 12 else ""
        self.budget = budget if budget is not None else RateBudget.for_key(key, self.base_url)
        self.timeout = timeout
        self.ping_interval = ping_interval
        self.max_retries = max(0, max_retries)
        self.backoff = max(0.0, backoff)
        self._transport = transport
        # Two pools: httpcore walks every connection of a pool whenever a request starts or
        # ends, and a couple of hundred open status streams made each submit pay for them.
        self._http: httpx.AsyncClient | None = None
        self._stream_http: httpx.AsyncClient | None = None
        # Requests beyond the pool's connections wait here rather than in httpcore's pool,
        # which walks every waiting request against every connection whenever one starts or
        # ends: 200 runs cancelled or sent at once cost seconds of the event loop's thread.
        self._request_slots = asyncio.Semaphore(_MAX_REQUEST_CONNECTIONS)
        self._downloader: OutputDownloader | None = None

    def __repr__(self) -> str:
        key = f"…{self._fingerprint}" if self._fingerprint else "[hidden]"
        return f"<FizzlyClient {self.base_url} key={key}>"

    async def __aenter__(self) -> FizzlyClient:
        self._client()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close every connection (the API's and the downloads')."""
        clients = [self._http, self._stream_http]
        self._http = self._stream_http = None
        downloader, self._downloader = self._downloader, None
        for http in clients:
            if http is not None:
                await http.aclose()
        if downloader is not None:
            await downloader.aclose()

    # --- the API ---------------------------------------------------------------------------

    async def submit(
        self,
        owner: str,
        slug: str,
        inputs: Mapping[str, Any],
        webhook: str | None = None,
        *,
        priority: Priority = Priority.INTERACTIVE,
    ) -> Submission:
        """Queue a run of ``owner/slug`` with ``inputs``; returns its id and URLs.

        Raises:
            InvalidWebhookUrl: ``webhook`` breaks the reference's rules (nothing was sent).
            SubmitUncertain: the request was sent but its outcome is unknown (a timeout or a
                reset after sending, a 5xx, an unreadable success); it is never re-sent.
            ApiError: the service refused it (BadRequest, Unauthorized, Forbidden,
                InsufficientCredits, NotFound, RateLimited after repeated waits).
            ConnectionFailed: the service could not be reached (nothing was taken).
        """
        _check_name("owner", owner)
        _check_name("slug", slug)
        if webhook is not None:
            problem = check_webhook_url(webhook)
            if problem is not None:
                raise InvalidWebhookUrl(f"refused webhook address: {problem}", user_message=problem)
        try:
            body = json.dumps({"inputs": dict(inputs)}, allow_nan=False).encode()
        except (TypeError, ValueError) as exc:
            raise ValueError(f"the inputs cannot be sent as JSON: {exc}") from None
        context = _SubmitContext(owner, slug, dict(inputs), webhook)
        response = await self._exchange(
            "POST",
            join_path(self.base_url, "workflows", owner, slug),
            priority=priority,
            params={"webhook": webhook} if webhook else None,
            content=body,
            submit=context,
        )
        if not response.is_success:
            raise self._error(response, workflow=f"{owner}/{slug}")
        try:
            data = self._json(response, "submit answer")
            if not isinstance(data, dict):
                raise MalformedResponse("submit answer is not a JSON object", status=200)
            submission = parse_payload(
                Submission,
                {**data, "owner": owner, "slug": slug},
                what="submit answer",
                status=response.status_code,
            )
        except MalformedResponse as exc:
            raise context.uncertain(exc) from exc
        log.info("submitted %s/%s as %s", owner, slug, submission.request_id)
        return submission

    async def status(
        self, run: RunRef, logs: bool = False, *, priority: Priority = Priority.TRACKING
    ) -> RunStatus:
        """The run's current status (``logs=True`` asks for the execution logs too).

        Raises:
            NotFound: the run is gone from the service (or belongs to another key).
        """
        url = run.status_url or self._run_url(run, "status")
        response = await self._exchange(
            "GET", url, priority=priority, params={"logs": "1"} if logs else None
        )
        if not response.is_success:
            raise self._error(response, run=run)
        return parse_payload(
            RunStatus, self._json(response, "status"), what="status", status=response.status_code
        )

    async def result(self, run: RunRef, *, priority: Priority = Priority.BACKGROUND) -> RunResult:
        """The finished run's outputs, metrics, logs and timestamps.

        A FAILED or CANCELLED run gives a RunResult with that status (and ``error``), whether
        the service answers 200 or 400 for it.

        Raises:
            BadRequest: the run has not finished yet.
            NotFound: the run is gone from the service.
        """
        url = run.response_url or self._run_url(run)
        response = await self._exchange("GET", url, priority=priority)
        if response.is_success:
            return parse_payload(
                RunResult,
                self._json(response, "result"),
                what="result",
                status=response.status_code,
            )
        if response.status_code == 400:
            ended = self._ended_result(response)
            if ended is not None:
                return ended
            raise self._error(
                response,
                run=run,
                user_message="This run has not finished yet, so its result is not available.",
            )
        raise self._error(response, run=run)

    async def cancel(self, run: RunRef) -> CancelOutcome:
        """Ask the service to cancel the run (served before every other waiting request).

        A run that had already finished gives ``CancelOutcome(already_completed=True)``.

        Raises:
            NotFound: the run is gone from the service.
        """
        url = run.cancel_url or self._run_url(run, "cancel")
        response = await self._exchange("PUT", url, priority=Priority.CANCEL)
        if response.is_success:
            return parse_payload(
                CancelOutcome,
                self._json(response, "cancel answer"),
                what="cancel answer",
                status=response.status_code,
            )
        if response.status_code in (400, 409):
            data = self._json_or_none(response)
            if isinstance(data, dict) and data.get("code") == "ALREADY_COMPLETED":
                return parse_payload(
                    CancelOutcome,
                    {
                        "already_completed": True,
                        "current_status": data.get("current_status"),
                        "message": self._auth.scrub(str(data.get("error") or "")) or None,
                    },
                    what="cancel answer",
                    status=response.status_code,
                )
        raise self._error(response, run=run)

    async def stream(
        self, run: RunRef, *, priority: Priority = Priority.TRACKING
    ) -> AsyncGenerator[StreamEvent, None]:
        """The run's live events, ending after its ``output`` or ``error`` event.

        Use ``contextlib.aclosing`` when leaving the loop early, so the connection closes at
        once. Events of unknown types are skipped. A late subscriber may or may not receive
        earlier events: re-synchronise with one ``status`` call after (re)connecting.

        Raises:
            StreamInterrupted: the stream ended, broke, or stayed silent for 2.5 ping
                intervals before the final event; reconnect.
            ApiError: the service refused to open it (e.g. Unauthorized, NotFound).
        """
        base = run.status_url or self._run_url(run, "status")
        url = base.rstrip("/") + "/stream"
        response = await self._exchange("GET", url, priority=priority, stream=True)
        try:
            if not response.is_success:
                raise self._error(response, run=run)
            check_event_stream(response)
            watch_heartbeat(response, self.ping_interval)
            async for sse in EventSource(response).aiter_sse():
                event = to_event(sse, scrub=self._auth.scrub)
                if event is None:
                    continue
                if isinstance(event, OutputEvent | ErrorEvent):
                    # Close the connection here, in this task, while the body's generators are
                    # still held: once they are dropped, a close from the garbage collector's
                    # task would find it open and fail inside httpcore.
                    await response.aclose()
                    yield event
                    return
                try:
                    yield event
                except GeneratorExit:
                    # The caller stopped reading (``aclose``): close the connection now, for
                    # the same reason as above.
                    await response.aclose()
                    raise
        except httpx.HTTPError as exc:
            raise StreamInterrupted(
                f"status stream of {run.request_id} broke: {type(exc).__name__}: {exc}"
            ) from exc
        finally:
            await response.aclose()
        raise StreamInterrupted(f"status stream of {run.request_id} ended before the final event")

    async def workflow_schema(self, owner: str, slug: str) -> dict[str, Any] | None:
        """The JSON Schema of the workflow's inputs, or None when the service offers none."""
        _check_name("owner", owner)
        _check_name("slug", slug)
        url = join_path(self.base_url, "workflows", owner, slug, "schema")
        response = await self._exchange("GET", url, priority=Priority.INTERACTIVE)
        if response.status_code == 404:
            return None
        if not response.is_success:
            raise self._error(response, workflow=f"{owner}/{slug}")
        data = self._json(response, "workflow schema")
        if not isinstance(data, dict):
            raise MalformedResponse("workflow schema is not a JSON object", status=200)
        return data

    async def verify_key(self) -> KeyCheck:
        """Check the key with one cheap authenticated request (the status of a run that
        cannot exist: 404 means the key was accepted)."""
        url = join_path(self.base_url, *_KEY_CHECK_PATH)
        try:
            # Someone is waiting on this answer: one retry, not the full backoff.
            response = await self._exchange(
                "GET", url, priority=Priority.INTERACTIVE, retries=min(1, self.max_retries)
            )
        except ConnectionFailed:
            return KeyCheck(
                KeyStatus.UNREACHABLE,
                f"The service at {self.base_url} could not be reached; check the address and "
                "your internet connection.",
            )
        except FizzlyError as exc:
            return KeyCheck(KeyStatus.UNREACHABLE, exc.user_message)
        code = response.status_code
        data = self._json_or_none(response)
        looks_like_api = isinstance(data, dict)
        if code == 401:
            return KeyCheck(KeyStatus.INVALID, "The service did not accept this API key.")
        if code == 403:
            return KeyCheck(
                KeyStatus.NO_API_ACCESS,
                "The key is valid but its plan has no API access; a PRO or ULTIMATE "
                "subscription is needed.",
            )
        if looks_like_api and (code in (200, 402, 404) or code == 400):
            return KeyCheck(KeyStatus.VALID, "The key works.")
        if code >= 500:
            return KeyCheck(
                KeyStatus.UNREACHABLE,
                "The service is having trouble right now; try again in a moment.",
            )
        return KeyCheck(
            KeyStatus.UNREACHABLE,
            f"The address {self.base_url} does not answer like a Fizzly service; check it.",
        )

    async def download(self, url: str, dest: Path, *, max_bytes: int | None = None) -> Path:
        """Save an output file without credentials (see ``OutputDownloader``); returns ``dest``.

        Local addresses are allowed only on :attr:`download_origins`.
        """
        origins = self.download_origins
        if max_bytes is not None:
            async with OutputDownloader(max_bytes, transport=self._transport) as downloader:
                return await downloader.download(url, dest, trusted_origins=origins)
        if self._downloader is None:
            self._downloader = OutputDownloader(transport=self._transport)
        return await self._downloader.download(url, dest, trusted_origins=origins)

    @property
    def download_origins(self) -> tuple[str, ...]:
        """The service's own origins, from which outputs may come over local addresses."""
        return (self.base_url, *self.output_origins)

    # --- one request, through budget, retries and redirects ---------------------------------

    def _client(self, *, stream: bool = False) -> httpx.AsyncClient:
        """The pool for short requests, or (``stream``) the one for status streams."""
        http = self._stream_http if stream else self._http
        if http is None:
            http = self._new_client(_MAX_STREAM_CONNECTIONS if stream else _MAX_REQUEST_CONNECTIONS)
            if stream:
                self._stream_http = http
            else:
                self._http = http
        return http

    def _new_client(self, max_connections: int) -> httpx.AsyncClient:
        skip_missing_sniffio()
        http2 = self._transport is None and importlib.util.find_spec("h2") is not None
        return httpx.AsyncClient(
            http2=http2,
            verify=tls_context(http2),
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

    async def _exchange(
        self,
        method: str,
        url: str,
        *,
        priority: Priority,
        params: Mapping[str, str] | None = None,
        content: bytes | None = None,
        submit: _SubmitContext | None = None,
        stream: bool = False,
        retries: int | None = None,
    ) -> httpx.Response:
        """Send one API request and return the service's final answer (any status).

        The body is read, except for a successful ``stream=True`` answer, which the caller
        must close. Raises ConnectionFailed, RateLimited, UnsafeUrl, or SubmitUncertain.
        """
        http = self._client(stream=stream)
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
                            await _read_closed(response)
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
                await _read_closed(response)
                rate_limited += 1
                if rate_limited > _MAX_RATE_LIMITED:
                    raise self._error(response)
                log.warning("the service answered 429; waiting %.1f s before retrying", wait)
                continue

            if status in _REDIRECTS and "location" in response.headers:
                await _read_closed(response)
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
                    await _read_closed(response)
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
        _check_name("owner", run.owner)
        _check_name("slug", run.slug)
        _check_name("request id", run.request_id)
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
                return parse_payload(RunResult, payload, what="result", status=400)
        return None


async def _read_closed(response: httpx.Response) -> None:
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


def _check_name(what: str, value: str) -> None:
    if not isinstance(value, str) or not value.strip() or "/" in value:
        raise ValueError(f"the workflow {what} must be a non-empty name without '/'")


def _path(url: str) -> str:
    return httpx.URL(url).path


def _describe_body(response: httpx.Response) -> str:
    content_type = response.headers.get("content-type", "no content type").partition(";")[0]
    return f"{content_type}, {len(response.content)} bytes"
