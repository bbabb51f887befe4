"""An in-memory stand-in for the API client: runs progress when the test says so."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fizzly_desktop.api.budget import Priority
from fizzly_desktop.api.errors import ConnectionFailed, NotFound, StreamInterrupted
from fizzly_desktop.api.models import (
    CancelOutcome,
    CompletionEvent,
    ErrorEvent,
    OutputEvent,
    PingEvent,
    RemoteStatus,
    RunRef,
    RunResult,
    RunStatus,
    StreamEvent,
    Submission,
    SubmitEvent,
)

NODES = ("prompt-encode", "image-generation")


@dataclass
class RemoteRun:
    request_id: str
    owner: str
    slug: str
    inputs: dict[str, Any]
    status: RemoteStatus = RemoteStatus.PENDING
    events: list[StreamEvent] = field(default_factory=list)
    changed: asyncio.Event = field(default_factory=asyncio.Event)
    credits: float = 5.0

    def emit(self, event: StreamEvent) -> None:
        self.events.append(event)
        self.changed.set()


class FakeClient:
    """Speaks the engine's client protocol; records every call in ``calls``.

    With ``auto_finish`` a run completes (two nodes, then an image output) as soon as it is
    submitted; otherwise the test moves it with :meth:`start_node` / :meth:`finish` / :meth:`fail`.
    """

    def __init__(self, *, auto_finish: bool = True, fail_with: str | None = None) -> None:
        self.auto_finish = auto_finish
        self.fail_with = fail_with
        self.runs: dict[str, RemoteRun] = {}
        self.calls: list[tuple[str, str]] = []
        self.submitted_inputs: list[dict[str, Any]] = []
        self.submit_errors: list[BaseException] = []
        self.before_submit: Callable[[Mapping[str, Any]], None] | None = None
        #: When set, a submit waits for it after it has been received (the answer is late).
        self.submit_gate: asyncio.Event | None = None
        self.stream_open_errors: list[BaseException] = []
        self.drop_stream_after: int | None = None
        self.replay = True
        self.cancel_emits = True
        self.ping_every: float | None = None
        self.gone: set[str] = set()
        #: While set, the server cannot be reached: streams and status calls fail to connect.
        self.down = False
        self.closed = False
        self._ids = itertools.count(1)

    # --- test controls ------------------------------------------------------------------------

    def start_node(self, request_id: str, node: str) -> None:
        run = self.runs[request_id]
        run.status = RemoteStatus.IN_PROGRESS
        run.emit(SubmitEvent(node=node))

    def finish(self, request_id: str) -> None:
        run = self.runs[request_id]
        for node in NODES:
            if not any(isinstance(e, SubmitEvent) and e.node == node for e in run.events):
                run.emit(SubmitEvent(node=node))
            run.emit(CompletionEvent(node=node, output={"node": node}))
        run.status = RemoteStatus.COMPLETED
        run.emit(OutputEvent(outputs=_outputs(request_id), credits_used=run.credits))

    def fail(self, request_id: str, message: str = "safety check failed") -> None:
        run = self.runs[request_id]
        run.status = RemoteStatus.FAILED
        run.emit(
            ErrorEvent.model_validate({"error": message, "node": "safety", "status": "FAILED"})
        )

    def go_down(self) -> None:
        """The server stops answering: open streams drop, new requests fail to connect."""
        self.down = True
        for run in self.runs.values():
            run.changed.set()

    def count(self, kind: str) -> int:
        return sum(1 for k, _ in self.calls if k == kind)

    # --- the protocol -------------------------------------------------------------------------

    async def submit(
        self,
        owner: str,
        slug: str,
        inputs: Mapping[str, Any],
        webhook: str | None = None,
        *,
        priority: Priority = Priority.INTERACTIVE,
    ) -> Submission:
        await asyncio.sleep(0)
        if self.before_submit is not None:
            self.before_submit(inputs)
        self.calls.append(("submit", f"{owner}/{slug}"))
        if self.submit_gate is not None:
            await self.submit_gate.wait()
        if self.submit_errors:
            raise self.submit_errors.pop(0)
        request_id = f"run_{next(self._ids)}"
        self.runs[request_id] = RemoteRun(request_id, owner, slug, dict(inputs))
        self.submitted_inputs.append(dict(inputs))
        if self.auto_finish:
            if self.fail_with:
                self.fail(request_id, self.fail_with)
            else:
                self.finish(request_id)
        base = f"http://fake/workflows/{owner}/{slug}/requests/{request_id}"
        return Submission(
            owner=owner,
            slug=slug,
            request_id=request_id,
            status_url=base + "/status",
            response_url=base,
            cancel_url=base + "/cancel",
        )

    def _remote(self, ref: RunRef) -> RemoteRun:
        if ref.request_id in self.gone or ref.request_id not in self.runs:
            raise NotFound(404, server_message="Request not found")
        return self.runs[ref.request_id]

    async def status(
        self, run: RunRef, logs: bool = False, *, priority: Priority = Priority.TRACKING
    ) -> RunStatus:
        await asyncio.sleep(0)
        self.calls.append(("status", run.request_id))
        if self.down:
            raise ConnectionFailed("the fake server is down")
        remote = self._remote(run)
        return RunStatus(
            status=remote.status, queue_position=2 if remote.status == "IN_QUEUE" else None
        )

    async def result(self, run: RunRef, *, priority: Priority = Priority.BACKGROUND) -> RunResult:
        await asyncio.sleep(0)
        self.calls.append(("result", run.request_id))
        remote = self._remote(run)
        return RunResult(
            status=remote.status,
            outputs=_outputs(run.request_id) if remote.status == "COMPLETED" else {},
            metrics={"credits_used": remote.credits, "total_time_ms": 1200},
            logs=[
                {
                    "node": node,
                    "status": "completed",
                    "started_at": "2026-01-17T12:00:00Z",
                    "completed_at": "2026-01-17T12:00:02Z",
                }
                for node in NODES
            ],
        )

    async def cancel(self, run: RunRef) -> CancelOutcome:
        await asyncio.sleep(0)
        self.calls.append(("cancel", run.request_id))
        remote = self._remote(run)
        if remote.status.is_terminal:
            return CancelOutcome(already_completed=True, current_status=remote.status.value)
        previous = remote.status
        remote.status = RemoteStatus.CANCELLED
        if self.cancel_emits:
            remote.emit(
                ErrorEvent.model_validate(
                    {"error": "Request was cancelled by the user", "status": "CANCELLED"}
                )
            )
        refund = remote.credits if previous in ("PENDING", "IN_QUEUE") else 0.0
        return CancelOutcome(
            status="CANCELLATION_REQUESTED", previous_status=previous.value, credits_refunded=refund
        )

    def stream(
        self, run: RunRef, *, priority: Priority = Priority.TRACKING
    ) -> AsyncIterator[StreamEvent]:
        return self._stream(run)

    async def _stream(self, run: RunRef) -> AsyncIterator[StreamEvent]:
        self.calls.append(("stream", run.request_id))
        await asyncio.sleep(0)
        if self.stream_open_errors:
            raise self.stream_open_errors.pop(0)
        if self.down:
            raise ConnectionFailed("the fake server is down")
        remote = self._remote(run)
        index = 0 if self.replay else len(remote.events)
        sent = 0
        while True:
            while index < len(remote.events):
                event = remote.events[index]
                index += 1
                yield event
                sent += 1
                if isinstance(event, OutputEvent | ErrorEvent):
                    return
                if self.drop_stream_after is not None and sent >= self.drop_stream_after:
                    raise StreamInterrupted("dropped by the fake")
            if self.down:
                raise StreamInterrupted("the fake server went down")
            remote.changed.clear()
            if self.ping_every is None:
                await remote.changed.wait()
                continue
            try:
                await asyncio.wait_for(remote.changed.wait(), self.ping_every)
            except TimeoutError:
                yield PingEvent()

    async def aclose(self) -> None:
        self.closed = True


def _outputs(request_id: str) -> dict[str, Any]:
    return {
        "generated_image": {
            "url": f"http://fake-cdn/outputs/{request_id}.png",
            "width": 8,
            "height": 8,
            "content_type": "image/png",
        },
        "prompt_used": "a fox",
    }


class FakeDownloader:
    """Writes a few bytes where the image would go, and remembers the URLs."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    async def download(self, url: str, dest: Path) -> Path:
        self.urls.append(url)
        await asyncio.to_thread(_write_fake_image, dest)
        return dest


def _write_fake_image(dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(b"\x89PNG fake")
