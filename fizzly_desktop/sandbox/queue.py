"""Runs and the worker queue: states, progress, node logs, stream events, cancel and refunds.

Run life: PENDING (accepted) -> IN_QUEUE -> IN_PROGRESS -> COMPLETED | FAILED | CANCELLED.

Credits: a run's whole cost is reserved at submit. A completed run uses all of it. A failed run
is not charged (credits_used 0, everything refunded), as the reference's error webhook shows.
Cancelling a queued run refunds everything; cancelling a running run charges only the nodes that
had completed and refunds the rest, including the node that was interrupted.

Stream events are kept per run so that late subscribers can replay them. A failed run ends with
an ``error`` event ``{"node", "error", "status": "FAILED", "timestamp"}``; a cancelled run ends
with an ``error`` event ``{"node", "error", "status": "CANCELLED", "timestamp"}`` too, since the
reference has no event of its own for it and a stream must end with a final event.

With a journal (the data folder's store) every change of a run is saved as it happens; runs
restored from it continue: queued ones wait in their old order, and a run interrupted mid-node
(the sandbox stopped or was killed) starts that node again, ahead of the queue.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from fizzly_desktop.sandbox.config import Account
from fizzly_desktop.sandbox.outputs import OutputStore
from fizzly_desktop.sandbox.workflows import RunPlan, Workflow

log = logging.getLogger(__name__)

PENDING = "PENDING"
IN_QUEUE = "IN_QUEUE"
IN_PROGRESS = "IN_PROGRESS"
COMPLETED = "COMPLETED"
FAILED = "FAILED"
CANCELLED = "CANCELLED"
FINISHED = frozenset({COMPLETED, FAILED, CANCELLED})

CANCELLED_MESSAGE = "Request was cancelled by the user"
NOT_RESUMABLE_MESSAGE = "The sandbox restarted and could not resume this request: {reason}"


def iso_now() -> str:
    """Current UTC time as RFC 3339 with milliseconds and a ``Z``."""
    return iso(time.time())


def iso(ts: float) -> str:
    moment = datetime.fromtimestamp(ts, UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


@dataclass
class StreamEvent:
    index: int
    event: str
    data: dict[str, Any]


@dataclass
class Run:
    """One submitted run; mutated only on the event loop thread."""

    request_id: str
    account: Account
    workflow: Workflow
    plan: RunPlan
    webhook: str | None
    time_scale: float = 1.0
    status: str = PENDING
    reserved: int = 0
    charged: int = 0
    step_index: int = -1
    step_started: float = 0.0  # monotonic
    started_mono: float = 0.0
    started_at: float | None = None  # wall clock
    completed_at: float | None = None
    total_time_ms: int = 0
    error: str | None = None
    error_node: str | None = None
    logs: list[dict[str, Any]] = field(default_factory=list)
    events: list[StreamEvent] = field(default_factory=list)
    cancel_requested: asyncio.Event = field(default_factory=asyncio.Event)
    _changed: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    @property
    def credits_used(self) -> int:
        return self.charged

    def changed(self) -> asyncio.Event:
        """An event set at the next change (new stream event or end of the run)."""
        return self._changed

    def notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    def emit(self, event: str, data: dict[str, Any]) -> None:
        self.events.append(StreamEvent(len(self.events), event, data))
        self.notify()

    def progress(self) -> int:
        """0-100 by node durations, including the elapsed part of the current node."""
        total = sum(step.seconds for step in self.plan.steps) or 1.0
        done = sum(step.seconds for step in self.plan.steps[: max(0, self.step_index)])
        if 0 <= self.step_index < len(self.plan.steps):
            step = self.plan.steps[self.step_index]
            elapsed = (time.monotonic() - self.step_started) / self.time_scale
            done += min(step.seconds, elapsed)
        return max(0, min(99, int(100 * done / total)))

    @property
    def current_node(self) -> str | None:
        if 0 <= self.step_index < len(self.plan.steps):
            return self.plan.steps[self.step_index].node
        return None

    def metrics(self) -> dict[str, int]:
        return {"credits_used": self.credits_used, "total_time_ms": self.total_time_ms}


def completed_steps(run: Run) -> int:
    """How many of the run's nodes completed (nodes run in order, one log entry each)."""
    return sum(1 for entry in run.logs if entry.get("status") == "completed")


class RunJournal(Protocol):
    """Where a run's every change is written (the data folder's store)."""

    def save(self, run: Run) -> None: ...


class RunQueue:
    """N workers taking runs in submission order and playing their plans out in time."""

    def __init__(
        self,
        outputs: OutputStore,
        *,
        workers: int,
        time_scale: float,
        on_finished: Callable[[Run], None] | None = None,
        journal: RunJournal | None = None,
    ) -> None:
        self.outputs = outputs
        self._journal = journal
        self.time_scale = time_scale
        self.runs: dict[str, Run] = {}
        self._waiting: list[Run] = []
        self._ready = asyncio.Queue[Run | None]()
        self._stopping = False
        self._worker_count = workers
        self._workers: list[asyncio.Task[None]] = []
        self._on_finished = on_finished

    def start(self) -> None:
        for number in range(self._worker_count):
            self._workers.append(
                asyncio.create_task(self._worker(), name=f"sandbox-worker-{number}")
            )

    async def stop(self) -> None:
        """End the workers: running runs stop at once (left as they are), queued ones stay."""
        self._stopping = True
        for run in self.runs.values():
            if run.status == IN_PROGRESS:
                run.cancel_requested.set()
        for _ in self._workers:
            self._ready.put_nowait(None)
        if self._workers:
            _done, pending = await asyncio.wait(self._workers, timeout=2.0)
            for task in pending:
                task.cancel()
        self._workers.clear()

    def restore(self, runs: list[Run], broken: list[tuple[Run, str]]) -> None:
        """Take back saved runs (before :meth:`start`): republish outputs, requeue the rest.

        ``broken`` runs cannot be resumed; they fail with the reason, their credits refunded.
        """
        resumed: list[Run] = []
        for run in runs:
            self.runs[run.request_id] = run
            for step in run.plan.steps[: completed_steps(run)]:
                for spec in step.publish:
                    self.outputs.publish(spec)
            if any(run is bad for bad, _reason in broken):
                continue
            if run.status == IN_PROGRESS:
                resumed.append(run)
            elif run.status in (PENDING, IN_QUEUE):
                run.status = IN_QUEUE
                self._waiting.append(run)
        # Interrupted runs go first: they had a worker before the restart.
        for run in [*resumed, *self._waiting]:
            self._ready.put_nowait(run)
        for run, reason in broken:
            with contextlib.suppress(ValueError):
                self._waiting.remove(run)
            self._fail(run, run.current_node, NOT_RESUMABLE_MESSAGE.format(reason=reason))
        if resumed or self._waiting:
            log.info("resuming %d running and %d queued runs", len(resumed), len(self._waiting))

    def _save(self, run: Run) -> None:
        if self._journal is not None:
            self._journal.save(run)

    def submit(
        self,
        account: Account,
        workflow: Workflow,
        plan: RunPlan,
        webhook: str | None,
    ) -> Run:
        """Reserve the plan's credits (the caller checked the balance) and queue the run."""
        run = Run(
            request_id="run_" + secrets.token_urlsafe(12).replace("-", "x").replace("_", "z"),
            account=account,
            workflow=workflow,
            plan=plan,
            webhook=webhook,
            time_scale=self.time_scale,
            reserved=plan.credits,
        )
        account.credits -= plan.credits
        self.runs[run.request_id] = run
        run.status = IN_QUEUE
        self._waiting.append(run)
        self._ready.put_nowait(run)
        self._save(run)
        return run

    def queue_position(self, run: Run) -> int:
        """1-based place among the runs waiting for a worker."""
        try:
            return self._waiting.index(run) + 1
        except ValueError:
            return 1

    def cancel(self, run: Run) -> tuple[str, int]:
        """Cancel a queued or running run at once; returns (previous status, credits refunded)."""
        previous = run.status
        if previous in (PENDING, IN_QUEUE):
            with contextlib.suppress(ValueError):
                self._waiting.remove(run)
            node = None
        else:
            node = run.current_node
            if 0 <= run.step_index < len(run.plan.steps):
                run.logs[-1].update(status="cancelled", completed_at=iso_now())
        refund = run.reserved - run.charged
        run.account.credits += refund
        run.status = CANCELLED
        run.error = CANCELLED_MESSAGE
        self._finish(run)
        run.cancel_requested.set()
        run.emit(
            "error",
            {"node": node, "error": CANCELLED_MESSAGE, "status": CANCELLED, "timestamp": iso_now()},
        )
        self._save(run)
        return previous, refund

    def _finish(self, run: Run) -> None:
        now = time.time()
        run.completed_at = now
        if run.started_at is not None:
            run.total_time_ms = round((time.monotonic() - run.started_mono) * 1000)
        run.step_index = -1 if run.status != COMPLETED else len(run.plan.steps)

    async def _worker(self) -> None:
        while True:
            run = await self._ready.get()
            if run is None or self._stopping:
                return
            # A run restored IN_PROGRESS was interrupted by a restart; anything else but
            # IN_QUEUE was cancelled while waiting.
            resume = run.status == IN_PROGRESS
            if run.status != IN_QUEUE and not resume:
                continue
            with contextlib.suppress(ValueError):
                self._waiting.remove(run)
            try:
                await self._execute(run, resume=resume)
            except Exception:
                log.exception("run %s crashed", run.request_id)
                if not run.finished:
                    self._fail(run, run.current_node, "Internal error while running the workflow")

    async def _execute(self, run: Run, *, resume: bool = False) -> None:
        first = 0
        if resume:
            # The interrupted node starts again from its beginning, under a fresh log entry.
            # Counted from the completed entries, not step_index: a restart between one node's
            # completion and the next one's start must neither repeat nor charge it twice.
            if run.logs and run.logs[-1]["status"] == "running":
                run.logs.pop()
            first = completed_steps(run)
            log.info("run %s resumes at node %d", run.request_id, first)
        else:
            run.status = IN_PROGRESS
            run.started_at = time.time()
            run.started_mono = time.monotonic()
        for index in range(first, len(run.plan.steps)):
            step = run.plan.steps[index]
            run.step_index = index
            run.step_started = time.monotonic()
            started = iso_now()
            # completed_at is null while the node runs, as in the reference's log entries.
            entry = {"node": step.node, "status": "running", "started_at": started}
            run.logs.append({**entry, "completed_at": None})
            run.emit("submit", {"node": step.node, "timestamp": started})
            self._save(run)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(
                    run.cancel_requested.wait(), timeout=step.seconds * self.time_scale
                )
            if run.cancel_requested.is_set():
                return  # cancel() did the bookkeeping, or the server is stopping
            if step.error is not None:
                self._fail(run, step.node, step.error)
                return
            for spec in step.publish:
                self.outputs.publish(spec)
            run.charged += step.credits
            run.logs[-1].update(status="completed", completed_at=iso_now())
            run.emit("completion", {"node": step.node, "output": step.output})
            self._save(run)
        run.status = COMPLETED
        self._finish(run)
        run.emit("output", {"outputs": run.plan.outputs, "credits_used": run.credits_used})
        self._save(run)
        if self._on_finished is not None:
            self._on_finished(run)

    def _fail(self, run: Run, node: str | None, message: str) -> None:
        if run.logs and run.logs[-1]["status"] == "running":
            run.logs[-1].update(status="failed", completed_at=iso_now(), error=message)
        run.account.credits += run.reserved
        run.charged = 0
        run.status = FAILED
        run.error = message
        run.error_node = node
        self._finish(run)
        run.emit(
            "error", {"node": node, "error": message, "status": FAILED, "timestamp": iso_now()}
        )
        self._save(run)
        if self._on_finished is not None:
            self._on_finished(run)
