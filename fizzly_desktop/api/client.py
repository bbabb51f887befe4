"""FizzlyClient: the typed async client of the Workflows API, careful with the key and money."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncGenerator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import httpx
from httpx_sse import EventSource

from fizzly_desktop.api import payloads
from fizzly_desktop.api.budget import Priority, RateBudget
from fizzly_desktop.api.channel import (
    MAX_REQUEST_CONNECTIONS,
    ApiChannel,
    KeyAuth,
    SubmitContext,
    check_name,
)
from fizzly_desktop.api.download import OutputDownloader
from fizzly_desktop.api.errors import (
    ConnectionFailed,
    FizzlyError,
    InvalidWebhookUrl,
    MalformedResponse,
    StreamInterrupted,
    UnsafeUrl,
)
from fizzly_desktop.api.refs import KeyCheck, KeyStatus, RunRef
from fizzly_desktop.api.sse import check_event_stream, to_event, watch_heartbeat
from fizzly_desktop.api.urls import check_http_url, check_webhook_url, join_path, origin_of

if TYPE_CHECKING:
    from fizzly_desktop.api.models import (
        CancelOutcome,
        RunResult,
        RunStatus,
        StreamEvent,
        Submission,
    )

__all__ = ["FizzlyClient"]

log = logging.getLogger(__name__)


# A request id that is well formed but cannot exist: a key check asks for its status.
_KEY_CHECK_PATH = ("workflows", "fizzly-desktop", "key-check", "requests", "run_0", "status")


class FizzlyClient(ApiChannel):
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
        self._auth = KeyAuth(api_key.strip(), self._origin)
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
        self._stream_pools: list[httpx.AsyncClient] = []
        self._stream_load: list[int] = []
        # Requests beyond the pool's connections wait here rather than in httpcore's pool,
        # which walks every waiting request against every connection whenever one starts or
        # ends: 200 runs cancelled or sent at once cost seconds of the event loop's thread.
        self._request_slots = asyncio.Semaphore(MAX_REQUEST_CONNECTIONS)
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
        clients = [self._http, *self._stream_pools]
        self._http = None
        self._stream_pools, self._stream_load = [], []
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
        check_name("owner", owner)
        check_name("slug", slug)
        if webhook is not None:
            problem = check_webhook_url(webhook)
            if problem is not None:
                raise InvalidWebhookUrl(f"refused webhook address: {problem}", user_message=problem)
        try:
            body = json.dumps({"inputs": dict(inputs)}, allow_nan=False).encode()
        except (TypeError, ValueError) as exc:
            raise ValueError(f"the inputs cannot be sent as JSON: {exc}") from None
        context = SubmitContext(owner, slug, dict(inputs), webhook)
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
            submission = payloads.submission(
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
        return payloads.run_status(
            self._json(response, "status"), what="status", status=response.status_code
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
            return payloads.run_result(
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
            return payloads.cancel_outcome(
                self._json(response, "cancel answer"),
                what="cancel answer",
                status=response.status_code,
            )
        if response.status_code in (400, 409):
            data = self._json_or_none(response)
            if isinstance(data, dict) and data.get("code") == "ALREADY_COMPLETED":
                return payloads.cancel_outcome(
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
                if payloads.is_final_event(event):
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
        check_name("owner", owner)
        check_name("slug", slug)
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
