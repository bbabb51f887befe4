"""Following one submitted run: its SSE stream first, status polls as a fallback.

A :class:`RunTracker` reads the run's status stream and applies each event to the run (node
timeline, progress, current node, final outputs or error). A stream that drops is reconnected
with backoff; after every reconnect the first event (or ping) triggers ONE status call, which
re-synchronises whatever the stream missed. A fresh submit's first connect needs none: the run
was just created. After ``failures_before_polling`` failed connects in a row the tracker polls
the status at background priority, within the rate budget, and tries the stream again after
``stream_retry_interval``. A 404 marks the run as gone from the server; the local record stays.

No run shows progress it is not getting (decision 10): when nothing at all has been heard for
``lost_after`` (streams and status calls all failing), or the run's addresses point away from its
profile's API (the key is never sent there), the run is marked out of contact and the tracker
stops; the user checks again, cancels, forgets or runs it again. A run whose stream brings only
pings for several times its workflow's usual duration is checked with a status call.

State changes go through the :class:`TrackingHost` (the engine), which records and publishes
them; the tracker itself never writes history.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from fizzly_desktop.api.budget import Priority
from fizzly_desktop.api.errors import FizzlyError, NotFound, StreamInterrupted, UnsafeUrl
from fizzly_desktop.api.refs import RemoteStatus, RunRef
from fizzly_desktop.core.runs import Contact, Run, RunState, is_forward, parse_time

if TYPE_CHECKING:
    from fizzly_desktop.api.models import (
        CancelOutcome,
        RunResult,
        RunStatus,
        StreamEvent,
        Submission,
    )

log = logging.getLogger(__name__)


class EngineClient(Protocol):
    """What the engine needs of an API client (``fizzly_desktop.api.FizzlyClient`` has it)."""

    async def submit(
        self,
        owner: str,
        slug: str,
        inputs: Mapping[str, Any],
        webhook: str | None = None,
        *,
        priority: Priority = Priority.INTERACTIVE,
    ) -> Submission: ...

    async def status(
        self, run: RunRef, logs: bool = False, *, priority: Priority = Priority.TRACKING
    ) -> RunStatus: ...

    async def result(
        self, run: RunRef, *, priority: Priority = Priority.BACKGROUND
    ) -> RunResult: ...

    async def cancel(self, run: RunRef) -> CancelOutcome: ...

    def stream(
        self, run: RunRef, *, priority: Priority = Priority.TRACKING
    ) -> AsyncIterator[StreamEvent]: ...

    async def aclose(self) -> None: ...


class TrackingHost(Protocol):
    """The engine side of a tracker: every change to a run is reported through it."""

    def change_state(self, run: Run, state: RunState) -> bool:
        """Apply a state change (refused if illegal), record and publish it."""
        ...

    def touch(self, run: Run) -> None:
        """Record and publish a change that is not a change of state."""
        ...

    def mark_gone(self, run: Run) -> None:
        """The server answered 404 for this run."""
        ...

    def mark_lost(self, run: Run, reason: str) -> None:
        """Nothing is heard about this run any more (``reason`` says why, in plain words)."""
        ...

    def regain_contact(self, run: Run) -> None:
        """The server answered about a run that was out of contact."""
        ...

    def expected_duration(self, workflow: str) -> float | None:
        """How long runs of ``workflow`` usually take, in seconds, if known."""
        ...

    def node_count(self, workflow: str) -> int | None:
        """How many nodes runs of ``workflow`` have had, if known (for progress)."""
        ...


@dataclass(frozen=True)
class TrackingSettings:
    """Timings of tracking, in seconds."""

    backoff_initial: float = 0.5
    backoff_max: float = 30.0
    failures_before_polling: int = 3
    poll_interval: float = 5.0
    stream_retry_interval: float = 60.0
    result_attempts: int = 4
    #: A stream that brings only pings for this long is checked with one status call, in case
    #: the run ended while the stream was being opened and the server does not replay events.
    quiet_resync: float = 120.0
    #: ... or, once the workflow's usual duration is known, for this many times that duration
    #: (but never sooner than ``quiet_floor``): a run gone quiet is checked, not trusted.
    quiet_factor: float = 3.0
    quiet_floor: float = 10.0
    #: Nothing heard about a run for this long (every stream and status call failing): it is
    #: shown as "Lost contact" and no longer followed until the user checks again.
    lost_after: float = 45.0


#: Why a run is out of contact, in the words of the details panel.
LOST_UNREACHABLE = (
    "The server has not answered about this run for a while, so its progress is unknown. Check "
    "again once the server is back, or cancel, forget or run it again."
)
LOST_ADDRESS = (
    "This run's addresses no longer match its profile's server, so the app stopped asking "
    "about it (your key is only sent to the profile's server). Check again, or run it again."
)


def run_ref(run: Run) -> RunRef:
    """The reference the API client needs to follow ``run`` (it must have a request id)."""
    if run.request_id is None:
        raise ValueError(f"run {run.id} has no request id")
    wf = run.workflow_id
    return RunRef(
        wf.owner, wf.slug, run.request_id, run.status_url, run.response_url, run.cancel_url
    )


def _dump(value: Any) -> Any:
    """Pydantic models (and nested ones) to plain JSON-ready data."""
    dump = getattr(value, "model_dump", None)
    if callable(dump):
        return dump(mode="json", exclude_none=True)
    return value


def apply_result(run: Run, result: RunResult) -> None:
    """Copy a full result's outputs, metrics, logs and timestamps onto ``run`` (no state change)."""
    if result.outputs:
        run.outputs = dict(result.outputs)
    if result.metrics is not None:
        run.metrics = _dump(result.metrics)
        if result.metrics.credits_used is not None:
            run.credits_used = result.metrics.credits_used
    if result.logs:
        run.apply_logs([_dump(entry) for entry in result.logs])
    started = parse_time(result.started_at)
    completed = parse_time(result.completed_at)
    if started is not None:
        run.started_at = started
    if completed is not None and run.state.is_terminal:
        run.completed_at = completed
    if result.error and not run.error:
        run.error = result.error
    run.result_fetched = True
    run.updated_at = time.time()


class RunTracker:
    """Follows one run until it reaches a final state, the server forgets it, or it is cancelled.

    Args:
        run: the run (it must have a request id).
        client: the API client of the run's profile.
        host: where changes are reported.
        settings: timings.
        resync_first: True when following a run again (after a restart or a cancel): the
            first connect is then a reconnect and is re-synchronised with a status call.
    """

    def __init__(
        self,
        run: Run,
        client: EngineClient,
        host: TrackingHost,
        settings: TrackingSettings,
        *,
        resync_first: bool = False,
    ) -> None:
        self.run = run
        self._client = client
        self._host = host
        self._settings = settings
        self._resync_first = resync_first
        self._ref = run_ref(run)
        self.stream_opens = 0
        self.status_calls = 0
        # When the server last said anything about this run (an event, a ping, a status).
        self._heard = time.monotonic()

    def _finished(self) -> bool:
        return self.run.state.is_terminal or self.run.contact is not Contact.IN_TOUCH

    def _news(self) -> None:
        """The server answered: the run is in contact (again)."""
        self._heard = time.monotonic()
        if self.run.contact is Contact.LOST:
            self._host.regain_contact(self.run)

    def _silent_too_long(self) -> bool:
        """After a failure: mark the run lost if nothing was heard for ``lost_after``."""
        if time.monotonic() - self._heard < self._settings.lost_after:
            return False
        log.info(
            "Run %s: no answer for %.0f s, lost contact", self.run.id, self._settings.lost_after
        )
        self._host.mark_lost(self.run, LOST_UNREACHABLE)
        return True

    def _quiet_limit(self) -> float:
        s = self._settings
        expected = self._host.expected_duration(self.run.workflow)
        if not expected:
            return s.quiet_resync
        return min(s.quiet_resync, max(s.quiet_floor, s.quiet_factor * expected))

    async def follow(self) -> None:
        """Track the run to its end; returns when it is final or gone."""
        settings = self._settings
        failures = 0
        resync = self._resync_first
        while not self._finished():
            if failures >= settings.failures_before_polling:
                await self._poll_for(settings.stream_retry_interval)
                # One more failed connect sends the tracker straight back to polling.
                failures = settings.failures_before_polling - 1
                resync = True
                continue
            try:
                delivered = await self._stream_once(resync)
            except NotFound:
                self._host.mark_gone(self.run)
                return
            except UnsafeUrl as exc:
                log.info("Run %s: %s", self.run.id, exc)
                self._host.mark_lost(self.run, LOST_ADDRESS)
                return
            except StreamInterrupted as exc:
                log.info("Run %s: stream dropped (%s)", self.run.id, exc)
                delivered = exc.delivered if isinstance(exc, _Delivered) else 0
                failures = 0 if delivered else failures + 1
            except FizzlyError as exc:
                log.info("Run %s: stream could not be opened: %s", self.run.id, exc)
                failures += 1
            resync = True
            if self._finished() or self._silent_too_long():
                return
            await asyncio.sleep(self._backoff(max(failures, 1)))

    def _backoff(self, failures: int) -> float:
        s = self._settings
        delay = min(s.backoff_max, s.backoff_initial * 2.0 ** (failures - 1))
        return delay * random.uniform(0.75, 1.0)

    async def _stream_once(self, resync: bool) -> int:
        """Read one connection of the stream; returns how many run events it delivered."""
        from fizzly_desktop.api.models import PingEvent  # the stream's events are these

        delivered = 0
        need_resync = resync
        heard = time.monotonic()
        quiet_limit = self._quiet_limit()
        self.stream_opens += 1
        events = self._client.stream(self._ref, priority=Priority.TRACKING)
        try:
            async for event in events:
                now = time.monotonic()
                self._news()
                if self._finished():
                    return delivered
                if isinstance(event, PingEvent):
                    if now - heard >= quiet_limit:
                        need_resync = True
                else:
                    heard = now
                if need_resync:
                    heard = now
                    # The first byte proves the stream is connected: whatever happened before
                    # it is covered by this status call, whatever happens after by the stream.
                    need_resync = False
                    await self.resync()
                    if self._finished():
                        return delivered
                if not isinstance(event, PingEvent):
                    delivered += 1
                self.apply_event(event)
                if self._finished():
                    return delivered
        except StreamInterrupted as exc:
            raise _Delivered(exc, delivered) from exc
        finally:
            closer = getattr(events, "aclose", None)
            if closer is not None:
                with contextlib.suppress(Exception):
                    await closer()
        if not self._finished():
            raise _Delivered(
                StreamInterrupted("the stream ended before the final event"), delivered
            )
        return delivered

    async def resync(self, priority: Priority = Priority.TRACKING) -> bool:
        """One status call, applied; a 404 marks the run gone, an address that is not the
        profile's marks it lost, other failures are survived. Whether the server answered."""
        self.status_calls += 1
        try:
            status = await self._client.status(self._ref, priority=priority)
        except NotFound:
            self._host.mark_gone(self.run)
            return True
        except UnsafeUrl as exc:
            log.info("Run %s: %s", self.run.id, exc)
            self._host.mark_lost(self.run, LOST_ADDRESS)
            return False
        except FizzlyError as exc:
            log.info("Run %s: status call failed: %s", self.run.id, exc)
            return False
        self._news()
        await self.apply_status(status)
        return True

    async def _poll_for(self, duration: float) -> None:
        deadline = time.monotonic() + duration
        while not self._finished() and time.monotonic() < deadline:
            answered = await self.resync(Priority.BACKGROUND)
            if self._finished() or (not answered and self._silent_too_long()):
                return
            await asyncio.sleep(self._settings.poll_interval)

    # --- applying what the server says -------------------------------------------------------

    def apply_event(self, event: StreamEvent) -> None:
        # An event exists, so its module is loaded: this import only looks it up.
        from fizzly_desktop.api.models import CompletionEvent, ErrorEvent, OutputEvent, SubmitEvent

        run = self.run
        host = self._host
        if isinstance(event, SubmitEvent):
            run.node_started(event.node, parse_time(event.timestamp))
            if run.state in (RunState.PENDING, RunState.IN_QUEUE, RunState.UNCERTAIN):
                host.change_state(run, RunState.IN_PROGRESS)
            self._estimate_progress()
            host.touch(run)
        elif isinstance(event, CompletionEvent):
            run.node_completed(event.node, event.output, parse_time(event.timestamp))
            if run.state in (RunState.PENDING, RunState.IN_QUEUE, RunState.UNCERTAIN):
                host.change_state(run, RunState.IN_PROGRESS)
            self._estimate_progress()
            host.touch(run)
        elif isinstance(event, OutputEvent):
            run.outputs = dict(event.outputs)
            if event.credits_used is not None:
                run.credits_used = event.credits_used
            for entry in run.timeline:
                if entry.completed_at is None:
                    run.node_completed(entry.node)
            run.current_node = None
            host.change_state(run, RunState.COMPLETED)
        elif isinstance(event, ErrorEvent):
            said = str((event.model_extra or {}).get("status", "")).upper()
            if said in (RemoteStatus.CANCELLED, RemoteStatus.FAILED):
                cancelled = said == RemoteStatus.CANCELLED
            else:
                cancelled = run.state is RunState.CANCELLING
            if event.credits_used is not None:
                run.credits_used = event.credits_used
            run.error = event.error
            if event.node and not cancelled:
                run.node_failed(event.node)
            host.change_state(run, RunState.CANCELLED if cancelled else RunState.FAILED)

    def _estimate_progress(self) -> None:
        total = self._host.node_count(self.run.workflow)
        if not total:
            return
        done = sum(1 for e in self.run.timeline if e.completed_at is not None)
        self.run.progress = min(99.0, 100.0 * done / total)

    async def apply_status(self, status: RunStatus) -> None:
        run = self.run
        host = self._host
        remote = status.status
        if status.metrics is not None:
            run.metrics = _dump(status.metrics)
            if status.metrics.credits_used is not None:
                run.credits_used = status.metrics.credits_used
        if remote is RemoteStatus.COMPLETED:
            await self._complete_from_result()
            return
        if remote is RemoteStatus.FAILED:
            run.error = status.error or run.error or "The run failed on the server."
            host.change_state(run, RunState.FAILED)
            return
        if remote is RemoteStatus.CANCELLED:
            host.change_state(run, RunState.CANCELLED)
            return
        # Still running: while a cancel is pending the run keeps showing CANCELLING.
        target = RunState(remote.value)
        if run.state is not RunState.CANCELLING and run.state is not target:
            if is_forward(run.state, target):
                host.change_state(run, target)
            else:
                log.debug("Run %s: stale status %s ignored (%s)", run.id, target, run.state)
                return
        if remote is RemoteStatus.IN_QUEUE:
            run.set_queue_position(status.queue_position)
        elif remote is RemoteStatus.IN_PROGRESS:
            if status.progress is not None:
                run.progress = float(status.progress)
            if status.current_node:
                run.current_node = status.current_node
        host.touch(run)

    async def _complete_from_result(self) -> None:
        """The status says COMPLETED: fetch the outputs the stream did not deliver."""
        run = self.run
        for attempt in range(self._settings.result_attempts):
            try:
                result = await self._client.result(self._ref, priority=Priority.TRACKING)
            except NotFound:
                self._host.mark_gone(run)
                return
            except FizzlyError as exc:
                log.info("Run %s: result not fetched (attempt %d): %s", run.id, attempt + 1, exc)
                await asyncio.sleep(self._backoff(attempt + 1))
                continue
            apply_result(run, result)
            break
        run.current_node = None
        self._host.change_state(run, RunState.COMPLETED)


class _Delivered(StreamInterrupted):
    """A dropped stream, with how many run events it delivered before dropping."""

    def __init__(self, cause: StreamInterrupted, delivered: int) -> None:
        super().__init__(str(cause), user_message=cause.user_message)
        self.delivered = delivered
