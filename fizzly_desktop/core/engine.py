"""The run engine: submits runs and batches within the rate budget, follows them, keeps history.

Driven by asyncio (in the app: qasync on Qt's loop); nothing here blocks the loop for long and
every task is owned, named, and cancelled and awaited by :meth:`RunEngine.close`.

Public interface (the window drives it)::

    engine = RunEngine(history: HistoryStore, client_factory: ClientFactory, *,
                       settings: EngineSettings | None = None,
                       scheduler: Scheduler | None = None,        # events flush; default: the loop
                       downloader: Downloader | None = None)      # default: api.OutputDownloader
    await engine.start()         # load history; SUBMITTING -> UNCERTAIN; follow in-flight runs
                                 # again; running batches come back PAUSED
    await engine.close()         # finish sends in flight (grace), cancel and await every task
    await engine.abort()         # stop at once as a crash would (tests)
    await engine.flush()         # every change so far committed to the history

    unsubscribe = engine.subscribe(listener)   # listener(RunsChanged | BatchesChanged | Notice)

    # queries (synchronous, in memory)
    engine.run(run_id) -> Run | None
    engine.runs(group=StateGroup.ALL, *, workflow=None, batch_id=None) -> list[Run]  # newest first
    engine.counts(*, workflow=None, batch_id=None) -> dict[StateGroup, int]
    engine.workflows() -> list[str]
    engine.batches() -> list[Batch];  engine.batch(batch_id) -> Batch | None
    engine.batch_runs(batch_id) -> list[Run]                                        # batch order
    engine.outputs_of(run_id) -> list[OutputRecord]
    engine.budget_state(profile) -> BudgetState | None
    engine.credits_used_this_session -> float;  engine.submissions_paused -> bool
    engine.history_complete -> bool   # the newest 200 + unfinished runs come first, then the rest

    # actions
    await engine.submit(workflow, inputs, *, profile, webhook=None) -> Run          # interactive
    await engine.submit_batch(name, workflow, input_sets, *, profile, max_active=None,
                              webhook=None) -> Batch                                # batch priority
    engine.cancel(run_ids)           # WAITING: dropped locally; remote: PUT .../cancel
    engine.cancel_batch(batch_id)
    await engine.retry(run_ids) -> list[Run]       # FAILED/REJECTED/CANCELLED/UNCERTAIN -> new runs
    engine.pause_batch(batch_id, reason=None); engine.resume_batch(batch_id)
    engine.pause_submissions(); engine.resume_submissions()
    engine.move(run_id, steps) -> bool             # waiting runs of a batch; negative = earlier
    await engine.remove_from_history(run_ids) -> list[str]
    engine.set_visible_runs(run_ids); engine.set_selected_run(run_id | None)
    engine.set_max_active_runs(n); engine.set_batch_max_active(batch_id, n)
    engine.set_outputs_folder(path | None)
    await engine.reconnect(profile)  # its key or address changed: make a new client

A run's row is committed before its submit leaves; a submit is never re-sent by the engine
(a lost answer leaves the run UNCERTAIN, and three in a row pause the batch); a 401/402/403
answer to a batch submit pauses the batch with the reason and puts the run back in line.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fizzly_desktop.api.budget import BudgetState, Priority, RateBudget
from fizzly_desktop.api.download import OutputDownloader
from fizzly_desktop.api.errors import (
    ApiError,
    ConnectionFailed,
    FizzlyError,
    Forbidden,
    InsufficientCredits,
    NotFound,
    RateLimited,
    SubmitUncertain,
    Unauthorized,
    UnsafeUrl,
)
from fizzly_desktop.api.models import RemoteStatus
from fizzly_desktop.core.batches import Batch, BatchState, build_batch
from fizzly_desktop.core.events import (
    ChangeCoalescer,
    Listener,
    Notice,
    NoticeLevel,
    Scheduler,
    Unsubscribe,
)
from fizzly_desktop.core.history import HistoryError, HistoryStore, OutputRecord
from fizzly_desktop.core.outputs import (
    Downloader,
    OutputSaver,
    image_outputs,
    save_summary,
    trusted_origins_of,
)
from fizzly_desktop.core.runs import (
    RETRYABLE_STATES,
    Run,
    RunState,
    StateGroup,
    StateTally,
    group_counts,
    is_forward,
)
from fizzly_desktop.core.tasks import TaskOwner
from fizzly_desktop.core.tracking import (
    EngineClient,
    RunTracker,
    TrackingSettings,
    apply_result,
    run_ref,
)

log = logging.getLogger(__name__)

UNCERTAIN_AFTER_RESTART = (
    "The app closed while this run was being sent, so it may or may not have reached Fizzly; "
    "check before sending it again."
)
PAUSED_AFTER_RESTART = "Paused when the app closed; resume to continue."
PAUSED_BY_USER = "Paused by you."
#: Submits in a row of one batch whose answers were lost before the batch pauses.
UNCERTAIN_STREAK_PAUSE = 3
PAUSED_UNCERTAIN = (
    "The last runs were sent but no answer came back, so they may have started; check the "
    "connection and the uncertain runs, then resume."
)
#: Runs loaded before the engine starts working; older finished ones follow in the background.
FIRST_LOAD = 200
GONE_FROM_SERVER = "The server no longer knows this run; the record here is kept."


@dataclass(frozen=True)
class ProfileConnection:
    """A profile's API client, and the fingerprint of its key for the history (never the key)."""

    client: EngineClient
    key_fingerprint: str = ""
    budget: RateBudget | None = None

    @classmethod
    def of(cls, client: Any, key_fingerprint: str = "") -> ProfileConnection:
        """Wrap a ``FizzlyClient`` (its ``budget`` is picked up for the status bar)."""
        budget = getattr(client, "budget", None)
        return cls(client, key_fingerprint, budget if isinstance(budget, RateBudget) else None)


#: Opens the API client of a profile (e.g. reading its key from the keyring); the engine owns
#: the client it gets and closes it. Raising says why the profile cannot be used.
ClientFactory = Callable[[str], Awaitable[ProfileConnection]]


@dataclass
class EngineSettings:
    """What the user (or a test) can tune. Times are in seconds."""

    max_active_runs: int = 8
    tracking: TrackingSettings = field(default_factory=TrackingSettings)
    download_outputs: bool = True
    outputs_folder: Path | None = None
    #: Background work (queue positions, full results) runs only while this share is free.
    spare_budget_fraction: float = 0.3
    enrich_interval: float = 1.0
    queue_refresh_interval: float = 10.0
    #: Fetch every finished run's full result, not only the visible or selected ones.
    fetch_all_results: bool = False
    connect_backoff_initial: float = 2.0
    connect_backoff_max: float = 60.0
    close_grace: float = 5.0
    concurrent_downloads: int = 3
    #: Waits before asking for the status of a run still CANCELLING after its cancel was taken.
    cancel_confirm_delays: tuple[float, ...] = (1.0, 2.0, 4.0, 8.0, 16.0)
    #: Changes that need not be on disk at once (progress, node events) are written this often.
    #: Each write serialises every changed run on the GUI thread: with 200 runs streaming,
    #: ten writes a second took 4 % of it. A restart re-synchronises progress from the service.
    history_flush_interval: float = 0.5


def _message(exc: BaseException) -> str:
    text = getattr(exc, "user_message", None)
    return text if isinstance(text, str) and text else str(exc) or type(exc).__name__


class RunEngine:
    """Submits, follows, cancels and retries runs, and keeps their history (see module doc)."""

    def __init__(
        self,
        history: HistoryStore,
        client_factory: ClientFactory,
        *,
        settings: EngineSettings | None = None,
        scheduler: Scheduler | None = None,
        downloader: Downloader | None = None,
    ) -> None:
        self._history = history
        self._factory = client_factory
        self.settings = settings or EngineSettings()
        self._runs: dict[str, Run] = {}
        # Every change of a run is published; the sidebar's counts follow those, not a recount.
        self._tally = StateTally(self._runs)
        self._events = ChangeCoalescer(scheduler, on_runs_marked=self._tally.mark)
        self._tasks = TaskOwner("engine")
        self._batches: dict[str, Batch] = {}
        self._outputs: dict[str, list[OutputRecord]] = {}
        self._singles: list[str] = []
        self._active: set[str] = set()
        self._sending: set[str] = set()
        self._cancel_after_submit: set[str] = set()
        self._connections: dict[str, ProfileConnection] = {}
        self._connect_locks: dict[str, asyncio.Lock] = {}
        self._trackers: dict[str, asyncio.Task[None]] = {}
        self._blocked_until: dict[str, float] = {}
        self._connect_failures: dict[str, int] = {}
        self._visible: list[str] = []
        self._selected: str | None = None
        self._queue_checked: dict[str, float] = {}
        self._enrich_failed: dict[str, float] = {}
        self._session_finished: set[str] = set()
        self._node_counts: dict[str, int] = {}
        self._wake = asyncio.Event()
        self._enrich_wake = asyncio.Event()
        self._send_done = asyncio.Event()
        self._paused = False
        self._started = False
        self._closing = False
        self._aborted = False
        self._dirty: dict[str, Run] = {}
        self._flush_handle: asyncio.TimerHandle | None = None
        self._downloader = downloader
        self._own_downloader: OutputDownloader | None = None
        self._download_slots = asyncio.Semaphore(max(1, self.settings.concurrent_downloads))
        #: Requests made by the engine, by kind (for the benchmark and the log).
        self.request_counts: dict[str, int] = {}
        #: False until the whole history is loaded (the newest runs come first).
        self.history_complete = False
        self._removed: set[str] = set()
        self._uncertain_streak: dict[str, int] = {}

    # --- life ---------------------------------------------------------------------------------

    async def start(self) -> None:
        """Load the history and pick up where the last session stopped."""
        if self._started:
            return
        self._started = True
        # The newest runs and every unfinished one first, so the window fills at once; the
        # rest of a long history follows in the background.
        runs, batches, outputs = await asyncio.to_thread(self._load_first)
        for run in sorted(runs, key=lambda r: r.created_at):
            self._runs[run.id] = run
        self._outputs = outputs
        for batch in batches:
            self._batches[batch.id] = batch
        changed_runs: list[Run] = []
        follow: list[Run] = []
        for run in self._runs.values():
            if run.state is RunState.SUBMITTING:
                # The request may have left before the app stopped: never send it again.
                run.transition(RunState.UNCERTAIN)
                run.error = UNCERTAIN_AFTER_RESTART
                changed_runs.append(run)
            elif run.state.is_remote and not run.gone_from_server:
                if run.request_id is None:
                    run.state = RunState.UNCERTAIN
                    run.error = UNCERTAIN_AFTER_RESTART
                    changed_runs.append(run)
                else:
                    self._active.add(run.id)
                    follow.append(run)
            elif run.state is RunState.WAITING and run.batch_id is None:
                self._singles.append(run.id)
            if run.state is RunState.COMPLETED:
                self._learn_nodes(run)
        changed_batches: list[Batch] = []
        for batch in self._batches.values():
            if batch.state is BatchState.RUNNING:
                if self._batch_done(batch):
                    batch.finish()
                else:
                    batch.pause(PAUSED_AFTER_RESTART)
                changed_batches.append(batch)
        if changed_runs:
            self._history.save_runs(changed_runs)
        for batch in changed_batches:
            self._history.save_batch(batch)
        await self._history.flush()
        for run in follow:
            if run.state is RunState.CANCELLING:
                self._send_cancel(run)
            self._start_tracker(run, resync=True)
        self._tasks.spawn("dispatcher", self._dispatch())
        self._tasks.spawn("enricher", self._enrich())
        self._tasks.spawn("load-older-runs", self._load_older())
        self._events.runs_added(self._runs)
        self._events.batches_added(self._batches)

    def _load_first(self) -> tuple[list[Run], list[Batch], dict[str, list[OutputRecord]]]:
        history = self._history
        runs = {r.id: r for r in history.recent_runs(FIRST_LOAD)}
        for run in history.unfinished_runs():
            runs.setdefault(run.id, run)
        return list(runs.values()), history.load_batches(), history.load_outputs(list(runs))

    async def _load_older(self) -> None:
        """Add the finished runs older than the first load (a long history) in the background."""
        history = self._history
        older, outputs = await asyncio.to_thread(
            lambda: (history.load_runs(), history.load_outputs())
        )
        added: list[str] = []
        for run in sorted(older, key=lambda r: r.created_at, reverse=True):
            # Everything unfinished came with the first load; what is missing now is final, or
            # was removed by the user meanwhile.
            if run.id in self._runs or run.id in self._removed or not run.state.is_terminal:
                continue
            self._runs[run.id] = run
            added.append(run.id)
            if run.state is RunState.COMPLETED:
                self._learn_nodes(run)
        for run_id, records in outputs.items():
            if run_id in self._runs and run_id not in self._outputs:
                self._outputs[run_id] = records
        self.history_complete = True
        if added:
            self._events.runs_added(added)

    async def close(self) -> None:
        """Let sends in flight finish (up to ``close_grace``), then stop every task.

        Runs on the server stay as they are and are followed again at the next start. The
        history is flushed but not closed: it belongs to whoever opened it.
        """
        if self._closing:
            return
        self._closing = True
        deadline = time.monotonic() + self.settings.close_grace
        while self._sending and (remaining := deadline - time.monotonic()) > 0:
            self._send_done.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._send_done.wait(), remaining)
        await self._tasks.close()
        self._events.close()
        self._flush_dirty()
        with contextlib.suppress(HistoryError):
            await self._history.flush()
        await self._close_clients()

    async def flush(self) -> None:
        """Return once every change made so far is committed to the history."""
        self._flush_dirty()
        await self._history.flush()

    async def abort(self) -> None:
        """Stop at once, as a crash would: tasks cancelled, nothing more recorded."""
        self._closing = True
        self._aborted = True
        if self._flush_handle is not None:
            self._flush_handle.cancel()
            self._flush_handle = None
        self._dirty.clear()
        await self._tasks.close()
        self._dirty.clear()
        self._events.close()
        await self._close_clients()

    async def reconnect(self, profile: str) -> None:
        """Drop the profile's client (its key or address changed); the next request makes one.

        Streams of the old client end and their trackers reconnect with the new one, which
        re-synchronises each run with one status call, so nothing is missed.
        """
        connection = self._connections.pop(profile, None)
        self._blocked_until.pop(profile, None)
        self._connect_failures.pop(profile, None)
        if connection is not None:
            try:
                await connection.client.aclose()
            except Exception:
                log.exception("Closing an API client failed")
        self._wake.set()

    async def _close_clients(self) -> None:
        connections, self._connections = list(self._connections.values()), {}
        for connection in connections:
            try:
                await connection.client.aclose()
            except Exception:
                log.exception("Closing an API client failed")
        if self._own_downloader is not None:
            downloader, self._own_downloader = self._own_downloader, None
            await downloader.aclose()

    def subscribe(self, listener: Listener) -> Unsubscribe:
        """``listener`` receives coalesced :class:`RunsChanged`, :class:`BatchesChanged` and
        :class:`Notice` events; returns the function that unsubscribes it."""
        return self._events.subscribe(listener)

    # --- queries ------------------------------------------------------------------------------

    def run(self, run_id: str) -> Run | None:
        """The run (the live object: read it, do not change it)."""
        return self._runs.get(run_id)

    def runs(
        self,
        group: StateGroup = StateGroup.ALL,
        *,
        workflow: str | None = None,
        batch_id: str | None = None,
    ) -> list[Run]:
        """Runs of a state group, newest first, optionally of one workflow or one batch."""
        found = [
            run
            for run in self._runs.values()
            if (workflow is None or run.workflow == workflow)
            and (batch_id is None or run.batch_id == batch_id)
            and group.contains(run)
        ]
        found.sort(key=lambda r: r.created_at, reverse=True)
        return found

    def counts(
        self, *, workflow: str | None = None, batch_id: str | None = None
    ) -> dict[StateGroup, int]:
        """How many runs each state group holds (for the sidebar)."""
        if workflow is None and batch_id is None:
            return self._tally.counts()
        return group_counts(
            run
            for run in self._runs.values()
            if (workflow is None or run.workflow == workflow)
            and (batch_id is None or run.batch_id == batch_id)
        )

    def workflows(self) -> list[str]:
        return sorted({run.workflow for run in self._runs.values()})

    def batches(self) -> list[Batch]:
        return list(self._batches.values())

    def batch(self, batch_id: str) -> Batch | None:
        return self._batches.get(batch_id)

    def batch_runs(self, batch_id: str) -> list[Run]:
        batch = self._batches.get(batch_id)
        if batch is None:
            return []
        return [self._runs[rid] for rid in batch.run_ids if rid in self._runs]

    def outputs_of(self, run_id: str) -> list[OutputRecord]:
        return list(self._outputs.get(run_id, ()))

    def budget_state(self, profile: str) -> BudgetState | None:
        connection = self._connections.get(profile)
        if connection is None or connection.budget is None:
            return None
        return connection.budget.state()

    @property
    def credits_used_this_session(self) -> float:
        """Credits charged for runs that finished since the engine started."""
        total = 0.0
        for rid in self._session_finished:
            run = self._runs.get(rid)
            if run is not None and run.credits_used:
                total += run.credits_used
        return total

    @property
    def submissions_paused(self) -> bool:
        return self._paused

    # --- actions ------------------------------------------------------------------------------

    def _check_open(self) -> None:
        if self._closing:
            raise RuntimeError("The run engine is closed.")
        if not self._started:
            raise RuntimeError("The run engine has not been started.")

    async def submit(
        self,
        workflow: str,
        inputs: Mapping[str, Any],
        *,
        profile: str,
        webhook: str | None = None,
    ) -> Run:
        """Queue one run at interactive priority; it is sent as soon as the limits allow.

        Raises ValueError for a workflow name that is not ``owner/slug`` and HistoryError when
        the history cannot be written (nothing is sent then).
        """
        self._check_open()
        run = Run.create(workflow, inputs, profile, webhook=webhook)
        known = self._connections.get(profile)
        if known is not None:
            run.key_fingerprint = known.key_fingerprint
        await self._history.save_run_durably(run)
        self._runs[run.id] = run
        self._singles.append(run.id)
        self._events.runs_added([run.id])
        self._pump_singles()
        return run

    async def submit_batch(
        self,
        name: str,
        workflow: str,
        input_sets: Iterable[Mapping[str, Any]],
        *,
        profile: str,
        max_active: int | None = None,
        webhook: str | None = None,
    ) -> Batch:
        """Queue a batch; its runs are sent in order at batch priority."""
        self._check_open()
        known = self._connections.get(profile)
        batch, runs = build_batch(
            name,
            workflow,
            input_sets,
            profile,
            key_fingerprint=known.key_fingerprint if known else "",
            max_active=max_active or self.settings.max_active_runs,
            webhook=webhook,
        )
        done = self._history.save_runs(runs)
        await asyncio.wrap_future(self._history.save_batch(batch))
        await asyncio.wrap_future(done)
        for run in runs:
            self._runs[run.id] = run
        self._batches[batch.id] = batch
        self._events.runs_added(run.id for run in runs)
        self._events.batches_added([batch.id])
        self._wake.set()
        return batch

    def cancel(self, run_ids: Iterable[str]) -> None:
        """Cancel runs: waiting ones locally (no request), remote ones with ``PUT .../cancel``."""
        touched_batches: set[str] = set()
        for rid in list(run_ids):
            run = self._runs.get(rid)
            if run is None:
                continue
            state = run.state
            if state is RunState.WAITING:
                run.error = None
                self.change_state(run, RunState.CANCELLED)
            elif state is RunState.SUBMITTING:
                self._cancel_after_submit.add(rid)
            elif (
                state in (RunState.PENDING, RunState.IN_QUEUE, RunState.IN_PROGRESS)
                and run.request_id is not None
                and not run.gone_from_server
            ):
                self.change_state(run, RunState.CANCELLING)
                self._send_cancel(run)
            if run.batch_id:
                touched_batches.add(run.batch_id)
        for bid in touched_batches:
            self._check_batch(bid)

    def cancel_batch(self, batch_id: str) -> None:
        batch = self._batches.get(batch_id)
        if batch is None:
            return
        # Waiting runs first, from the end, so that none is sent while the others are dropped.
        waiting = [rid for rid in reversed(batch.run_ids) if self._state(rid) is RunState.WAITING]
        self.cancel(waiting)
        self.cancel(batch.run_ids)

    async def retry(self, run_ids: Iterable[str]) -> list[Run]:
        """New runs with the same inputs, linked to the originals (``retry_of``)."""
        self._check_open()
        created: list[Run] = []
        touched: set[str] = set()
        for rid in run_ids:
            old = self._runs.get(rid)
            if old is None or old.state not in RETRYABLE_STATES:
                continue
            batch = self._batches.get(old.batch_id) if old.batch_id else None
            new = Run.create(
                old.workflow,
                old.inputs,
                old.profile,
                key_fingerprint=old.key_fingerprint,
                webhook=old.webhook,
                batch_id=batch.id if batch else None,
                retry_of=old.id,
            )
            created.append(new)
            if batch is not None:
                batch.run_ids.append(new.id)
                touched.add(batch.id)
        if not created:
            return []
        self._history.save_runs(created)
        for bid in touched:
            self._history.save_batch(self._batches[bid])
        await self._history.flush()
        for new in created:
            self._runs[new.id] = new
            if new.batch_id is None:
                self._singles.append(new.id)
        self._events.runs_added(r.id for r in created)
        for bid in touched:
            batch = self._batches[bid]
            if batch.state is BatchState.FINISHED:
                batch.resume()
                self._history.save_batch(batch)
            self._events.batches_updated([bid])
        self._pump_singles()
        self._wake.set()
        return created

    def pause_batch(self, batch_id: str, reason: str | None = None) -> None:
        batch = self._batches.get(batch_id)
        if batch is None or batch.state is BatchState.FINISHED:
            return
        batch.pause(reason or PAUSED_BY_USER)
        self._save_batch(batch)

    def resume_batch(self, batch_id: str) -> None:
        batch = self._batches.get(batch_id)
        if batch is None or batch.state is not BatchState.PAUSED:
            return
        batch.resume()
        self._save_batch(batch)
        self._check_batch(batch_id)
        self._wake.set()

    def pause_submissions(self) -> None:
        """Hold every waiting run (runs already sent go on)."""
        self._paused = True

    def resume_submissions(self) -> None:
        self._paused = False
        self._pump_singles()
        self._wake.set()

    def move(self, run_id: str, steps: int) -> bool:
        """Move a waiting run of a batch ``steps`` places among the waiting ones."""
        run = self._runs.get(run_id)
        if run is None or run.batch_id is None:
            return False
        batch = self._batches.get(run.batch_id)
        if batch is None or not batch.move(run_id, steps, self._runs):
            return False
        # Creation times follow the batch order (the history lists runs newest first), so the
        # waiting runs trade their times to match the new order and the queue shows it.
        waiting = [
            self._runs[rid]
            for rid in batch.run_ids
            if rid in self._runs and self._runs[rid].state is RunState.WAITING
        ]
        stamps = sorted(r.created_at for r in waiting)
        changed = [r for r, stamp in zip(waiting, stamps, strict=True) if r.created_at != stamp]
        for waiting_run, stamp in zip(waiting, stamps, strict=True):
            waiting_run.created_at = stamp
        if changed:
            self._history.save_runs(changed)
            self._events.runs_updated([r.id for r in changed])
        self._save_batch(batch)
        return True

    async def remove_from_history(self, run_ids: Iterable[str]) -> list[str]:
        """Forget runs that are not on their way (active runs are kept); returns those removed.

        Saved output files stay where they are: they belong to the user.
        """
        removed: list[str] = []
        for rid in run_ids:
            run = self._runs.get(rid)
            if run is None or (rid in self._active) or run.state is RunState.SUBMITTING:
                continue
            removed.append(rid)
        if not removed:
            return []
        gone = set(removed)
        self._removed |= gone
        for rid in removed:
            self._dirty.pop(rid, None)
            self._runs.pop(rid, None)
            self._outputs.pop(rid, None)
            self._trackers.pop(rid, None)
        self._singles = [rid for rid in self._singles if rid not in gone]
        await asyncio.wrap_future(self._history.delete_runs(removed))
        for batch in list(self._batches.values()):
            if gone.isdisjoint(batch.run_ids):
                continue
            batch.remove(gone)
            if batch.run_ids:
                self._save_batch(batch)
                self._check_batch(batch.id)
            else:
                del self._batches[batch.id]
                self._history.delete_batch(batch.id)
                self._events.batches_removed([batch.id])
        self._events.runs_removed(removed)
        return removed

    def set_visible_runs(self, run_ids: Sequence[str]) -> None:
        """Runs on screen: their queue positions and full results are fetched first."""
        self._visible = list(run_ids)
        self._enrich_wake.set()

    def set_selected_run(self, run_id: str | None) -> None:
        self._selected = run_id
        self._enrich_wake.set()

    def set_max_active_runs(self, count: int) -> None:
        self.settings.max_active_runs = max(1, count)
        self._pump_singles()
        self._wake.set()

    def set_batch_max_active(self, batch_id: str, count: int) -> None:
        batch = self._batches.get(batch_id)
        if batch is None:
            return
        batch.max_active = max(1, count)
        self._save_batch(batch)
        self._wake.set()

    def set_outputs_folder(self, folder: Path | None) -> None:
        self.settings.outputs_folder = folder

    # --- the tracking host --------------------------------------------------------------------

    def change_state(self, run: Run, state: RunState) -> bool:
        """Apply, record and publish a change of state (illegal ones are refused and logged)."""
        old = run.state
        if old is state:
            self.touch(run)
            return True
        if not run.transition(state):
            return False
        if state.is_active and not run.gone_from_server:
            self._active.add(run.id)
        else:
            self._active.discard(run.id)
        if state.is_terminal:
            self._session_finished.add(run.id)
            self._cancel_after_submit.discard(run.id)
            if state is RunState.COMPLETED:
                self._learn_nodes(run)
                self._maybe_download(run)
        self.touch(run)
        if old.is_active and not state.is_active:
            self._pump_singles()
            self._wake.set()
        if run.batch_id and (state.is_terminal or state is RunState.UNCERTAIN):
            self._check_batch(run.batch_id)
        return True

    def touch(self, run: Run) -> None:
        """Record (within ``history_flush_interval``) and publish a change of ``run``."""
        self._dirty[run.id] = run
        self._events.runs_updated([run.id])
        if self._flush_handle is None and not self._aborted:
            # A burst of stream events becomes one history write per run, not one per event.
            self._flush_handle = asyncio.get_running_loop().call_later(
                self.settings.history_flush_interval, self._flush_dirty
            )

    def _flush_dirty(self) -> None:
        if self._flush_handle is not None:
            self._flush_handle.cancel()
            self._flush_handle = None
        if self._dirty:
            runs = list(self._dirty.values())
            self._dirty.clear()
            self._history.save_runs(runs)

    def mark_gone(self, run: Run) -> None:
        if run.state is RunState.CANCELLING:
            run.transition(run.state_before_cancel or RunState.IN_PROGRESS)
        run.gone_from_server = True
        run.error = GONE_FROM_SERVER
        self._active.discard(run.id)
        self.touch(run)
        self._pump_singles()
        self._wake.set()
        if run.batch_id:
            self._check_batch(run.batch_id)

    def node_count(self, workflow: str) -> int | None:
        return self._node_counts.get(workflow)

    def _learn_nodes(self, run: Run) -> None:
        if run.timeline:
            self._node_counts[run.workflow] = len(run.timeline)

    # --- sending ------------------------------------------------------------------------------

    def _state(self, run_id: str) -> RunState | None:
        run = self._runs.get(run_id)
        return None if run is None else run.state

    def _blocked(self, profile: str) -> bool:
        return self._blocked_until.get(profile, 0.0) > time.monotonic()

    def _room(self) -> bool:
        return len(self._active) < self.settings.max_active_runs

    def _pump_singles(self) -> None:
        """Send waiting single runs while the limit allows (each in its own task)."""
        if self._paused or self._closing or not self._started:
            return
        while self._singles and self._room():
            rid = self._singles[0]
            run = self._runs.get(rid)
            if run is None or run.state is not RunState.WAITING:
                self._singles.pop(0)
                continue
            if self._blocked(run.profile):
                return
            self._singles.pop(0)
            self._begin_send(run)
            self._tasks.spawn(f"submit-{rid}", self._send_and_signal(run, None))

    def _begin_send(self, run: Run) -> None:
        self.change_state(run, RunState.SUBMITTING)
        self._sending.add(run.id)

    async def _send_and_signal(self, run: Run, batch: Batch | None) -> None:
        try:
            await self._send(run, batch)
        finally:
            self._sending.discard(run.id)
            self._send_done.set()

    def _next_batch_run(self) -> tuple[Run, Batch] | None:
        if self._paused or self._closing or not self._room():
            return None
        for batch in self._batches.values():
            if batch.state is not BatchState.RUNNING or self._blocked(batch.profile):
                continue
            active = sum(1 for rid in self._active if self._runs[rid].batch_id == batch.id)
            if active >= batch.max_active:
                continue
            run = batch.next_waiting(self._runs)
            if run is not None:
                return run, batch
        return None

    def _next_unblock(self) -> float | None:
        now = time.monotonic()
        waits = [until - now for until in self._blocked_until.values() if until > now]
        return min(waits) if waits else None

    async def _dispatch(self) -> None:
        """Sends batch runs one after another, in order; wakes when something changes."""
        while not self._closing:
            self._wake.clear()
            self._pump_singles()
            job = self._next_batch_run()
            if job is None:
                timeout = self._next_unblock()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout)
                continue
            run, batch = job
            self._begin_send(run)
            await self._send_and_signal(run, batch)

    async def _connection(self, profile: str) -> ProfileConnection:
        connection = self._connections.get(profile)
        if connection is not None:
            return connection
        lock = self._connect_locks.setdefault(profile, asyncio.Lock())
        async with lock:
            connection = self._connections.get(profile)
            if connection is None:
                connection = await self._factory(profile)
                if self._closing:
                    await connection.client.aclose()
                    raise asyncio.CancelledError
                self._connections[profile] = connection
            return connection

    def _count(self, kind: str) -> None:
        self.request_counts[kind] = self.request_counts.get(kind, 0) + 1

    async def _send(self, run: Run, batch: Batch | None) -> None:
        """Send one run already marked SUBMITTING; its row is committed before the request."""
        priority = Priority.INTERACTIVE if batch is None else Priority.BATCH
        try:
            connection = await self._connection(run.profile)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.warning("Profile %r cannot be used: %s", run.profile, exc)
            self._not_sent(run, batch, _message(exc), refused=True)
            return
        if connection.key_fingerprint:
            run.key_fingerprint = connection.key_fingerprint
        try:
            await self._history.save_run_durably(run)
        except HistoryError as exc:
            self._not_sent(run, batch, str(exc), refused=True)
            return
        wf = run.workflow_id
        self._count("submit")
        try:
            submission = await connection.client.submit(
                wf.owner, wf.slug, run.inputs, run.webhook, priority=priority
            )
        except SubmitUncertain as exc:
            self._uncertain(run, exc.user_message)
        except (InsufficientCredits, Forbidden, Unauthorized) as exc:
            self._not_sent(run, batch, exc.user_message, refused=True)
        except RateLimited as exc:
            self._block(run.profile, exc.retry_after or 30.0)
            self._not_sent(run, batch, exc.user_message, refused=False)
        except ConnectionFailed as exc:
            failures = self._connect_failures.get(run.profile, 0) + 1
            self._connect_failures[run.profile] = failures
            s = self.settings
            self._block(
                run.profile,
                min(s.connect_backoff_max, s.connect_backoff_initial * 2.0 ** (failures - 1)),
            )
            self._not_sent(run, batch, exc.user_message, refused=False)
        except UnsafeUrl as exc:
            self._reject(run, exc.user_message)
        except ApiError as exc:
            if exc.status >= 500:
                self._uncertain(run, exc.user_message)
            else:
                self._reject(run, _server_text(exc))
        except ValueError as exc:
            self._reject(run, f"The inputs cannot be sent: {exc}")
        except FizzlyError as exc:
            self._uncertain(run, exc.user_message)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.exception("Submit of run %s failed unexpectedly", run.id)
            self._uncertain(run, f"The submit ended with an unexpected error: {exc}")
        else:
            self._connect_failures[run.profile] = 0
            if run.batch_id:
                self._uncertain_streak.pop(run.batch_id, None)
            run.request_id = submission.request_id
            run.status_url = submission.status_url
            run.response_url = submission.response_url
            run.cancel_url = submission.cancel_url
            run.submitted_at = time.time()
            run.error = None
            self.change_state(run, RunState.PENDING)
            # Queued at once but not awaited: the writer commits in order, so the next run's
            # SUBMITTING row (which is awaited) cannot be on disk before this request id is.
            self._dirty.pop(run.id, None)
            self._history.save_run(run)
            if run.id in self._cancel_after_submit:
                self._cancel_after_submit.discard(run.id)
                self.change_state(run, RunState.CANCELLING)
                self._send_cancel(run)
            self._start_tracker(run, resync=False)

    def _block(self, profile: str, seconds: float) -> None:
        self._blocked_until[profile] = time.monotonic() + max(0.0, seconds)

    def _uncertain(self, run: Run, message: str) -> None:
        run.error = message
        self._cancel_after_submit.discard(run.id)
        self.change_state(run, RunState.UNCERTAIN)
        self._events.notice(Notice(message, NoticeLevel.WARNING, run_id=run.id))
        batch = self._batches.get(run.batch_id) if run.batch_id else None
        if batch is None:
            return
        streak = self._uncertain_streak.get(batch.id, 0) + 1
        self._uncertain_streak[batch.id] = streak
        if streak >= UNCERTAIN_STREAK_PAUSE and batch.state is BatchState.RUNNING:
            # Each lost answer may be a paid run: do not keep sending blind.
            self._uncertain_streak[batch.id] = 0
            batch.pause(PAUSED_UNCERTAIN)
            self._save_batch(batch)
            self._events.notice(
                Notice(
                    f"Batch “{batch.name}” paused: {PAUSED_UNCERTAIN}",
                    NoticeLevel.ERROR,
                    batch_id=batch.id,
                )
            )

    def _reject(self, run: Run, message: str) -> None:
        run.error = message
        self._cancel_after_submit.discard(run.id)
        self.change_state(run, RunState.REJECTED)

    def _not_sent(self, run: Run, batch: Batch | None, message: str, *, refused: bool) -> None:
        """The server certainly did not take the run.

        A refusal that would hit every run (no credits, no API access, a bad key) pauses the
        batch with the reason and puts the run back in line; a single run is rejected. A
        passing trouble (connection, rate) puts the run back in line with the message.
        """
        if run.id in self._cancel_after_submit:
            self._cancel_after_submit.discard(run.id)
            run.error = None
            self.change_state(run, RunState.WAITING)
            self.change_state(run, RunState.CANCELLED)
            return
        if batch is None and refused:
            self._reject(run, message)
            return
        run.error = message
        self.change_state(run, RunState.WAITING)
        if batch is None:
            self._singles.insert(0, run.id)
            return
        if refused:
            batch.pause(message)
            self._save_batch(batch)
            self._events.notice(
                Notice(
                    f"Batch “{batch.name}” paused: {message}", NoticeLevel.ERROR, batch_id=batch.id
                )
            )

    # --- tracking -----------------------------------------------------------------------------

    def _start_tracker(self, run: Run, *, resync: bool) -> None:
        current = self._trackers.get(run.id)
        if current is not None and not current.done():
            return
        if self._closing:
            return
        task = self._tasks.spawn(f"track-{run.id}", self._track(run, resync))
        self._trackers[run.id] = task

        def forget(done: asyncio.Task[None], rid: str = run.id) -> None:
            if self._trackers.get(rid) is done:
                del self._trackers[rid]

        task.add_done_callback(forget)

    async def _track(self, run: Run, resync: bool) -> None:
        attempt = 0
        while True:
            try:
                connection = await self._connection(run.profile)
                break
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                attempt += 1
                run.error = _message(exc)
                self.touch(run)
                s = self.settings
                await asyncio.sleep(
                    min(s.connect_backoff_max, s.connect_backoff_initial * 2.0 ** (attempt - 1))
                )
        tracker = RunTracker(
            run, connection.client, self, self.settings.tracking, resync_first=resync
        )
        try:
            await tracker.follow()
        finally:
            self._count_n("stream", tracker.stream_opens)
            self._count_n("status", tracker.status_calls)

    def _count_n(self, kind: str, n: int) -> None:
        if n:
            self.request_counts[kind] = self.request_counts.get(kind, 0) + n

    def _send_cancel(self, run: Run) -> None:
        if not self._closing:
            self._tasks.spawn(f"cancel-{run.id}", self._cancel_remote(run))

    async def _cancel_remote(self, run: Run) -> None:
        try:
            connection = await self._connection(run.profile)
            self._count("cancel")
            outcome = await connection.client.cancel(run_ref(run))
        except NotFound:
            self.mark_gone(run)
            return
        except (FizzlyError, ValueError) as exc:
            if run.state is RunState.CANCELLING:
                self.change_state(run, run.state_before_cancel or RunState.IN_PROGRESS)
            self._events.notice(
                Notice(
                    f"The run could not be cancelled: {_message(exc)}", NoticeLevel.ERROR, run.id
                )
            )
            return
        if outcome.already_completed:
            if run.state is RunState.CANCELLING:
                self.change_state(run, run.state_before_cancel or RunState.IN_PROGRESS)
        elif outcome.credits_refunded is not None:
            run.credits_refunded = outcome.credits_refunded
            self.touch(run)
        # The confirmation (or the final result) usually comes from the tracker's stream; a
        # server whose stream says nothing about a cancel is asked, a few times, with a status.
        if not run.state.is_terminal:
            self._start_tracker(run, resync=True)
        confirm = RunTracker(run, connection.client, self, self.settings.tracking)
        for delay in self.settings.cancel_confirm_delays:
            if run.state is not RunState.CANCELLING:
                return
            await asyncio.sleep(delay)
            if run.state is RunState.CANCELLING:
                self._count("status")
                await confirm.resync()

    # --- batches ------------------------------------------------------------------------------

    def _save_batch(self, batch: Batch) -> None:
        self._history.save_batch(batch)
        self._events.batches_updated([batch.id])

    def _batch_done(self, batch: Batch) -> bool:
        for rid in batch.run_ids:
            run = self._runs.get(rid)
            if run is None or run.gone_from_server:
                continue
            if run.state is RunState.WAITING or run.state.is_active:
                return False
        return True

    def _check_batch(self, batch_id: str) -> None:
        batch = self._batches.get(batch_id)
        if batch is None:
            return
        done = self._batch_done(batch)
        if done and batch.state is not BatchState.FINISHED:
            batch.finish()
            self._save_batch(batch)
            self._events.notice(Notice(f"Batch “{batch.name}” finished.", batch_id=batch.id))
        elif not done and batch.state is BatchState.FINISHED:
            batch.resume()
            self._save_batch(batch)
        else:
            self._events.batches_updated([batch.id])

    # --- spare-budget work --------------------------------------------------------------------

    def _spare(self, connection: ProfileConnection) -> bool:
        if connection.budget is None:
            return True
        state = connection.budget.state()
        return (
            state.waiting == 0
            and state.remaining > state.limit * self.settings.spare_budget_fraction
        )

    def _enrich_candidates(self) -> list[str]:
        ordered: list[str] = []
        if self._selected is not None:
            ordered.append(self._selected)
        ordered.extend(self._visible)
        if self.settings.fetch_all_results:
            ordered.extend(
                r.id
                for r in self._runs.values()
                if r.state in (RunState.COMPLETED, RunState.FAILED) and not r.result_fetched
            )
        unique: dict[str, None] = dict.fromkeys(ordered)
        return list(unique)

    async def _enrich(self) -> None:
        """Fetches queue positions and full results with spare budget, visible runs first."""
        while not self._closing:
            self._enrich_wake.clear()
            worked = await self._enrich_once()
            if not worked:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._enrich_wake.wait(), self.settings.enrich_interval)

    async def _enrich_once(self) -> bool:
        now = time.monotonic()
        for rid in self._enrich_candidates():
            run = self._runs.get(rid)
            if run is None or run.request_id is None or run.gone_from_server:
                continue
            if now - self._enrich_failed.get(rid, -1e9) < 30.0:
                continue
            wants_result = (
                run.state in (RunState.COMPLETED, RunState.FAILED) and not run.result_fetched
            )
            wants_queue = run.state in (RunState.PENDING, RunState.IN_QUEUE) and (
                now - self._queue_checked.get(rid, -1e9) >= self.settings.queue_refresh_interval
            )
            if not (wants_result or wants_queue):
                continue
            connection = self._connections.get(run.profile)
            if connection is None or not self._spare(connection):
                continue
            ref = run_ref(run)
            try:
                if wants_result:
                    self._count("result")
                    result = await connection.client.result(ref, priority=Priority.BACKGROUND)
                    apply_result(run, result)
                    self.touch(run)
                else:
                    self._queue_checked[rid] = now
                    self._count("status")
                    status = await connection.client.status(ref, priority=Priority.BACKGROUND)
                    self._apply_queue_status(run, status.status, status.queue_position)
            except NotFound:
                self.mark_gone(run)
            except FizzlyError as exc:
                log.info("Run %s: background fetch failed: %s", rid, exc)
                self._enrich_failed[rid] = now
            return True
        return False

    def _apply_queue_status(self, run: Run, remote: RemoteStatus, position: int | None) -> None:
        # Final states are left to the tracker, which fetches what they need.
        if remote.is_terminal or run.state is RunState.CANCELLING:
            return
        target = RunState(remote.value)
        if run.state is not target and is_forward(run.state, target):
            self.change_state(run, target)
        if run.state is RunState.IN_QUEUE:
            run.queue_position = position
        self.touch(run)

    # --- outputs ------------------------------------------------------------------------------

    def _maybe_download(self, run: Run) -> None:
        if not self.settings.download_outputs or self._closing or not image_outputs(run.outputs):
            return
        self._tasks.spawn(f"download-{run.id}", self._download(run))

    def _saver(self, run: Run) -> OutputSaver:
        downloader = self._downloader
        if downloader is None:
            if self._own_downloader is None:
                self._own_downloader = OutputDownloader()
            downloader = self._own_downloader
        if isinstance(downloader, OutputDownloader):
            # Only the run's own service (its API and output origins, e.g. the sandbox's) may
            # serve outputs from this computer or the local network.
            connection = self._connections.get(run.profile)
            client = connection.client if connection is not None else None
            downloader = downloader.trusting(trusted_origins_of(client))
        return OutputSaver(downloader, self.settings.outputs_folder)

    async def _download(self, run: Run) -> None:
        async with self._download_slots:
            try:
                records = await self._saver(run).save(run)
            except (FizzlyError, OSError) as exc:
                self._events.notice(
                    Notice(
                        f"The outputs of run {run.request_id or run.id} were not saved: "
                        f"{_message(exc)}",
                        NoticeLevel.WARNING,
                        run.id,
                    )
                )
                return
        for record in records:
            self._history.save_output(record)
        if records:
            self._outputs[run.id] = records
            self._events.runs_updated([run.id])
        summary = save_summary(records)
        if summary is not None:
            self._events.notice(
                Notice(f"Run {run.request_id or run.id}: {summary}", NoticeLevel.WARNING, run.id)
            )


def _server_text(exc: ApiError) -> str:
    """The refusal in plain words, with the server's own text when it says more."""
    message = exc.user_message
    if exc.server_message and exc.server_message not in message:
        message = f"{message} ({exc.server_message})"
    return message
