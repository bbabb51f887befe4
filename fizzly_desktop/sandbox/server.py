"""HTTP routes of the sandbox: the Workflows API on one origin, output files on another.

Every error is a JSON body ``{"error", "code", "details"}`` (the 429 and ALREADY_COMPLETED bodies
are exactly the reference's, with ``retry_after`` / ``current_status`` instead of ``details``).
Bad input of any kind (wrong content type, malformed JSON, a body over the size cap, invalid
inputs, a bad webhook) is 400 BAD_REQUEST with ``details`` naming the problem.

The result endpoint answers 400 while a run is queued or running. For a FAILED or CANCELLED run
it answers 200 with ``{"status", "error", "metrics", "logs", "started_at", "completed_at"}``
(no ``outputs``): the run is over, and the client learns why from the same call.

Extension: ``GET /workflows/{username}/{slug}/schema`` answers the JSON Schema of the inputs.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import re
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from fizzly_desktop.sandbox.config import Account, SandboxConfig
from fizzly_desktop.sandbox.outputs import OutputStore
from fizzly_desktop.sandbox.queue import (
    COMPLETED,
    FINISHED,
    IN_PROGRESS,
    IN_QUEUE,
    PENDING,
    Run,
    RunQueue,
    iso,
    iso_now,
)
from fizzly_desktop.sandbox.ratelimit import RateDecision, SlidingWindowLimiter
from fizzly_desktop.sandbox.store import SandboxStore
from fizzly_desktop.sandbox.webhooks import WebhookSender, check_webhook_url
from fizzly_desktop.sandbox.workflows import (
    WORKFLOWS,
    InputError,
    PlanContext,
    Workflow,
    validate_inputs,
)

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

RATE_KEY = web.RequestKey("rate", RateDecision)
ACCOUNT_KEY = web.RequestKey("account", Account)


class ApiError(Exception):
    """An error answer in the documented format."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        details: dict[str, Any] | None = None,
        *,
        body: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.body = body or {"error": message, "code": code, "details": details or {}}
        self.headers = headers or {}

    def response(self) -> web.Response:
        return web.json_response(self.body, status=self.status, headers=self.headers)


def bad_request(message: str, details: dict[str, Any] | None = None) -> ApiError:
    return ApiError(400, "BAD_REQUEST", message, details)


def not_found(message: str, details: dict[str, Any] | None = None) -> ApiError:
    return ApiError(404, "NOT_FOUND", message, details)


def internal_error(message: str = "Internal server error, please retry") -> ApiError:
    return ApiError(500, "INTERNAL_ERROR", message)


class Sandbox:
    """The server's state: accounts, rate limiter, queue, outputs, webhooks, fault dice.

    With a ``store`` (the data folder's), that state is kept there and :meth:`restore` takes
    it back; the sandbox closes the store when it closes.
    """

    def __init__(self, config: SandboxConfig, store: SandboxStore | None = None) -> None:
        self.config = config
        self.store = store
        configured = config.accounts()
        self.accounts = store.accounts(configured) if store is not None else configured
        self.limiter = SlidingWindowLimiter(
            config.rate_limit,
            config.rate_window,
            on_hit=store.record_hit if store is not None else None,
        )
        self.outputs = OutputStore(directory=store.outputs_dir if store is not None else None)
        self.webhooks = WebhookSender(
            backoff_scale=config.webhook_backoff_scale, timeout=config.webhook_timeout
        )
        self.queue = RunQueue(
            self.outputs,
            workers=config.workers,
            time_scale=config.time_scale,
            on_finished=self.webhooks.send,
            journal=store,
        )
        self.fault_dice = random.Random(config.fault_seed)
        self.base_url = ""
        self.output_origin = ""
        self.closing = False

    def plan_context(self) -> PlanContext:
        return PlanContext(self.output_origin, self.outputs.image_spec)

    def info(self) -> dict[str, Any]:
        """The JSON line printed once both servers listen."""
        return {
            "base_url": self.base_url,
            "output_origin": self.output_origin,
            "demo_key": self.config.demo_key,
            "keys": {
                key: {"plan": account.plan, "credits": account.credits}
                for key, account in self.accounts.items()
            },
            "workflows": list(WORKFLOWS),
            "ping_interval": self.config.ping_interval,
        }

    def restore(self) -> None:
        """Take back the saved runs and rate-limit window (call before :meth:`start`)."""
        if self.store is None:
            return
        self.limiter.restore(self.store.rate_hits(time.time() - self.config.rate_window))
        runs, broken = self.store.load_runs(self.accounts, WORKFLOWS, self.config.time_scale)
        self.queue.restore(runs, broken)

    async def start(self) -> None:
        self.queue.start()

    async def close(self) -> None:
        self.closing = True
        for run in self.queue.runs.values():
            run.notify()
        await self.queue.stop()
        await self.webhooks.close()
        if self.store is not None:
            self.store.close()


SANDBOX_KEY = web.AppKey("sandbox", Sandbox)


# --- middleware --------------------------------------------------------------------------


@web.middleware
async def error_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every failure becomes a documented JSON error; nothing leaks a traceback."""
    try:
        return await handler(request)
    except ApiError as exc:
        return exc.response()
    except web.HTTPException as exc:
        return _http_exception_response(exc)
    except asyncio.CancelledError:
        raise
    except Exception:
        log.exception("unexpected error answering %s %s", request.method, request.path)
        return internal_error().response()


def _http_exception_response(exc: web.HTTPException) -> web.Response:
    status = exc.status
    if status == 404:
        return not_found("Not found", {"path": "No such endpoint"}).response()
    if status == 405:
        allowed = getattr(exc, "allowed_methods", None) or set()
        return ApiError(
            405,
            "METHOD_NOT_ALLOWED",
            "Method not allowed",
            {"allowed": sorted(allowed)},
            headers={"Allow": ", ".join(sorted(allowed))},
        ).response()
    if status == 413:
        return bad_request("Request body is too large").response()
    if 400 <= status < 500:
        return bad_request(exc.reason or "Bad request").response()
    if 300 <= status < 400:
        return web.Response(status=status, headers=exc.headers)
    return internal_error().response()


def _sandbox(request: web.Request) -> Sandbox:
    return request.app[SANDBOX_KEY]


@web.middleware
async def latency_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    delay = _sandbox(request).config.latency_ms
    if delay:
        await asyncio.sleep(delay / 1000)
    return await handler(request)


@web.middleware
async def auth_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """API key, then the rate limit (every authenticated request counts), then the plan."""
    sandbox = _sandbox(request)
    header = request.headers.get("Authorization", "").strip()
    if not header:
        raise ApiError(
            401,
            "UNAUTHORIZED",
            "Missing API key",
            {"authorization": "Send the header 'Authorization: Key <your API key>'"},
        )
    scheme, _, token = header.partition(" ")
    token = token.strip()
    if scheme.lower() != "key" or not token:
        raise ApiError(
            401,
            "UNAUTHORIZED",
            "Invalid API key",
            {"authorization": "The header must have the form 'Authorization: Key <your API key>'"},
        )
    account = sandbox.accounts.get(token)
    if account is None:
        raise ApiError(401, "UNAUTHORIZED", "Invalid API key")
    decision = sandbox.limiter.hit(account.key)
    request[RATE_KEY] = decision
    request[ACCOUNT_KEY] = account
    if not decision.allowed:
        raise ApiError(
            429,
            "RATE_LIMIT_EXCEEDED",
            "Rate limit exceeded",
            body={
                "error": "Rate limit exceeded",
                "code": "RATE_LIMIT_EXCEEDED",
                "retry_after": decision.retry_after,
            },
            headers={"Retry-After": str(decision.retry_after)},
        )
    if not account.has_api_access:
        raise ApiError(403, "FORBIDDEN", "PRO subscription required", {"plan": account.plan})
    error_rate = sandbox.config.get_error_rate
    if request.method == "GET" and error_rate > 0 and sandbox.fault_dice.random() < error_rate:
        raise internal_error()
    return await handler(request)


async def _add_rate_headers(request: web.Request, response: web.StreamResponse) -> None:
    decision = request.get(RATE_KEY)
    if decision is not None:
        response.headers.update(decision.headers())


# --- API handlers ------------------------------------------------------------------------


def _workflow(request: web.Request) -> Workflow:
    owner = request.match_info["owner"]
    slug = request.match_info["slug"]
    workflow = WORKFLOWS.get(f"{owner}/{slug}")
    if workflow is None:
        raise not_found("Workflow not found", {"workflow": f"{owner}/{slug}"})
    return workflow


def _run(request: web.Request) -> Run:
    workflow = _workflow(request)
    request_id = request.match_info["request_id"]
    run = _sandbox(request).queue.runs.get(request_id)
    # Another key's run, or a run of another workflow, is indistinguishable from no run at all.
    if run is None or run.account is not request[ACCOUNT_KEY] or run.workflow is not workflow:
        raise not_found("Request not found", {"request_id": request_id})
    return run


async def _json_body(request: web.Request) -> dict[str, Any]:
    sandbox = _sandbox(request)
    if request.content_type != "application/json":
        raise bad_request(
            "Request body must be JSON",
            {"content_type": f"Expected application/json, got {request.content_type or 'none'}"},
        )
    limit = sandbox.config.max_body_bytes
    if request.content_length is not None and request.content_length > limit:
        raise bad_request("Request body is too large", {"body": f"At most {limit} bytes"})
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        raise bad_request("Request body is too large", {"body": f"At most {limit} bytes"}) from None
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise bad_request("Request body is not valid JSON", {"body": str(exc)}) from None
    if not isinstance(body, dict):
        raise bad_request("Request body must be a JSON object", {"body": 'Send {"inputs": {...}}'})
    return body


def _urls(sandbox: Sandbox, run: Run) -> dict[str, str]:
    base = f"{sandbox.base_url}/workflows/{run.workflow.owner}/{run.workflow.slug}"
    response_url = f"{base}/requests/{run.request_id}"
    return {
        "status_url": f"{response_url}/status",
        "response_url": response_url,
        "cancel_url": f"{response_url}/cancel",
    }


async def submit(request: web.Request) -> web.Response:
    sandbox = _sandbox(request)
    workflow = _workflow(request)
    account = request[ACCOUNT_KEY]
    webhook = request.query.get("webhook")
    if webhook is not None:
        problem = check_webhook_url(webhook, allow_http_loopback=sandbox.config.allow_http_webhooks)
        if problem is not None:
            raise bad_request("Invalid webhook URL", {"webhook": problem})
    body = await _json_body(request)
    inputs = body.get("inputs")
    if not isinstance(inputs, dict):
        raise bad_request(
            "Invalid request parameters", {"inputs": "inputs must be an object of input values"}
        )
    problems = validate_inputs(workflow, inputs)
    if problems:
        raise bad_request("Invalid request parameters", problems)
    filled = workflow.with_defaults(inputs)
    loop = asyncio.get_running_loop()
    try:
        plan = await loop.run_in_executor(None, workflow.plan, filled, sandbox.plan_context())
    except InputError as exc:
        raise bad_request("Invalid request parameters", {exc.field: exc.message}) from None
    if account.credits < plan.credits:
        raise ApiError(
            402,
            "INSUFFICIENT_CREDITS",
            "Not enough credits for workflow",
            {"required": plan.credits, "available": account.credits},
        )
    run = sandbox.queue.submit(account, workflow, plan, webhook)
    log.info("submitted %s to %s", run.request_id, workflow.workflow_id)
    return web.json_response(
        {"request_id": run.request_id, "status": PENDING, **_urls(sandbox, run)}
    )


def _wants_logs(request: web.Request) -> bool:
    return request.query.get("logs", "").lower() in ("1", "true", "yes")


async def status(request: web.Request) -> web.Response:
    run = _run(request)
    body: dict[str, Any] = {"status": run.status}
    if run.status in (PENDING, IN_QUEUE):
        body["queue_position"] = _sandbox(request).queue.queue_position(run)
    elif run.status == IN_PROGRESS:
        body["progress"] = run.progress()
        body["current_node"] = run.current_node
    else:
        if run.error is not None:
            body["error"] = run.error
        body["metrics"] = run.metrics()
    if _wants_logs(request):
        body["logs"] = [dict(entry) for entry in run.logs]
    return web.json_response(body)


async def result(request: web.Request) -> web.Response:
    run = _run(request)
    if not run.finished:
        raise bad_request(
            "Request is not completed yet", {"status": f"The request is {run.status}"}
        )
    body: dict[str, Any] = {"status": run.status}
    if run.status == COMPLETED:
        body["outputs"] = run.plan.outputs
    else:
        body["error"] = run.error
    body["metrics"] = run.metrics()
    body["logs"] = [dict(entry) for entry in run.logs]
    body["started_at"] = iso(run.started_at) if run.started_at is not None else None
    body["completed_at"] = iso(run.completed_at) if run.completed_at is not None else None
    return web.json_response(body)


async def cancel(request: web.Request) -> web.Response:
    run = _run(request)
    if run.status in FINISHED:
        raise ApiError(
            400,
            "ALREADY_COMPLETED",
            f"Cannot cancel a {run.status.lower()} request",
            body={
                "error": f"Cannot cancel a {run.status.lower()} request",
                "code": "ALREADY_COMPLETED",
                "current_status": run.status,
            },
        )
    previous, refunded = _sandbox(request).queue.cancel(run)
    log.info("cancelled %s (was %s, refunded %d)", run.request_id, previous, refunded)
    return web.json_response(
        {
            "status": "CANCELLATION_REQUESTED",
            "message": "Request cancellation initiated",
            "previous_status": previous,
            "credits_refunded": refunded,
        }
    )


def _sse(event: str, data: dict[str, Any], event_id: int | None = None) -> bytes:
    lines = [f"event: {event}", f"data: {json.dumps(data)}"]
    if event_id is not None:
        lines.append(f"id: {event_id}")
    return ("\n".join(lines) + "\n\n").encode("utf-8")


async def status_stream(request: web.Request) -> web.StreamResponse:
    """Replays the run's events, then follows it live; pings keep the connection alive.

    Each run event carries an SSE ``id`` (its index), and ``Last-Event-ID`` resumes after it.
    """
    sandbox = _sandbox(request)
    run = _run(request)
    if sandbox.config.disable_stream:
        raise internal_error("Status streaming is unavailable, please poll the status endpoint")
    index = 0
    last_id = request.headers.get("Last-Event-ID", "").strip()
    if last_id.isdigit():
        index = int(last_id) + 1
    response = web.StreamResponse(
        headers={
            "Content-Type": "text/event-stream",
            "Cache-Control": "no-cache",
            "X-Accel-Buffering": "no",
        }
    )
    await response.prepare(request)
    loop = asyncio.get_running_loop()
    interval = sandbox.config.ping_interval
    drop_after = sandbox.config.drop_stream_after
    next_ping = loop.time() + interval
    sent = 0
    try:
        while not sandbox.closing:
            while index < len(run.events):
                event = run.events[index]
                await response.write(_sse(event.event, event.data, event.index))
                index += 1
                sent += 1
                if event.event in ("output", "error"):
                    return response
                if drop_after is not None and sent >= drop_after:
                    response.force_close()
                    return response
            wait = next_ping - loop.time()
            if wait <= 0:
                await response.write(_sse("ping", {"timestamp": iso_now()}))
                next_ping += interval
                continue
            changed = run.changed()
            try:
                await asyncio.wait_for(changed.wait(), timeout=wait)
            except TimeoutError:
                pass
    except ConnectionResetError:
        log.debug("stream subscriber of %s went away", run.request_id)
    return response


async def schema(request: web.Request) -> web.Response:
    workflow = _workflow(request)
    return web.json_response(workflow.schema)


def create_api_app(sandbox: Sandbox) -> web.Application:
    app = web.Application(
        middlewares=[error_middleware, latency_middleware, auth_middleware],
        client_max_size=sandbox.config.max_body_bytes,
    )
    app[SANDBOX_KEY] = sandbox
    prefix = "/workflows/{owner}/{slug}"
    requests = prefix + "/requests/{request_id}"
    app.router.add_post(prefix, submit)
    app.router.add_get(prefix + "/schema", schema)
    app.router.add_get(requests + "/status", status)
    app.router.add_get(requests + "/status/stream", status_stream)
    app.router.add_get(requests, result)
    app.router.add_put(requests + "/cancel", cancel)
    app.on_response_prepare.append(_add_rate_headers)
    return app


# --- output origin -----------------------------------------------------------------------


async def output_file(request: web.Request) -> web.Response:
    sandbox = _sandbox(request)
    name = request.match_info["name"]
    spec = sandbox.outputs.spec(name)
    if spec is None:
        raise not_found("Output not found", {"file": name})
    etag = f'"{spec.digest}"'
    headers = {
        "Cache-Control": "public, max-age=31536000, immutable",
        "ETag": etag,
        "Access-Control-Allow-Origin": "*",
    }
    if request.headers.get("If-None-Match") == etag:
        return web.Response(status=304, headers=headers)
    loop = asyncio.get_running_loop()
    data = await loop.run_in_executor(None, sandbox.outputs.file_bytes, name)
    if data is None:
        raise not_found("Output not found", {"file": name})
    headers["Accept-Ranges"] = "bytes"
    wanted = _byte_range(request.headers.get("Range"), len(data))
    if wanted is None:
        return web.Response(body=data, content_type=spec.content_type, headers=headers)
    if not wanted:
        headers["Content-Range"] = f"bytes */{len(data)}"
        return web.Response(status=416, headers=headers)
    headers["Content-Range"] = f"bytes {wanted.start}-{wanted.stop - 1}/{len(data)}"
    return web.Response(
        status=206,
        body=data[wanted.start : wanted.stop],
        content_type=spec.content_type,
        headers=headers,
    )


_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _byte_range(header: str | None, size: int) -> range | None:
    """The one byte range asked for (empty if it cannot be served); None for the whole file
    (no header, or one this server answers in full, such as several ranges)."""
    match = _RANGE.match(header.strip()) if header else None
    if match is None or match.group(1) == match.group(2) == "":
        return None
    first_text, last_text = match.groups()
    if first_text == "":  # the last N bytes
        length = int(last_text)
        return range(max(0, size - length), size) if length else range(0)
    first = int(first_text)
    last = min(int(last_text), size - 1) if last_text else size - 1
    return range(first, last + 1) if first < size else range(0)


def create_output_app(sandbox: Sandbox) -> web.Application:
    app = web.Application(middlewares=[error_middleware])
    app[SANDBOX_KEY] = sandbox
    app.router.add_get("/outputs/{name}", output_file)
    return app
