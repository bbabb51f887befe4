"""Sending runs: singles at once, batches in order, each outcome of a submit given its meaning."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

from fizzly_desktop.api.budget import Priority
from fizzly_desktop.api.errors import (
    ApiError,
    ConnectionFailed,
    FizzlyError,
    Forbidden,
    InsufficientCredits,
    RateLimited,
    SubmitUncertain,
    Unauthorized,
    UnsafeUrl,
)
from fizzly_desktop.core.batches import Batch, BatchState
from fizzly_desktop.core.engine.batch_book import BatchBook
from fizzly_desktop.core.engine.connections import Connections
from fizzly_desktop.core.engine.follow import Followers
from fizzly_desktop.core.engine.ledger import RunLedger
from fizzly_desktop.core.engine.life import EngineLife
from fizzly_desktop.core.engine.settings import EngineSettings, message_of, server_text
from fizzly_desktop.core.events import Notice, NoticeLevel
from fizzly_desktop.core.history import HistoryError
from fizzly_desktop.core.runs import Run, RunState
from fizzly_desktop.core.tasks import TaskOwner

if TYPE_CHECKING:
    # The typed payloads load with the first parsed answer, not with the engine.
    from fizzly_desktop.api.models import Submission

log = logging.getLogger(__name__)


class Dispatcher:
    """Sends waiting runs while ``max_active_runs`` and each batch's ``max_active`` allow.

    Single runs (interactive priority) are each sent in their own task as soon as there is
    room; batch runs are sent in batch order by the dispatcher loop. Until one of a batch's
    submits is answered (at its start, and again after a refusal or a lost answer), each waits
    for the previous one's answer or ``submit_patience``, so that a refusal that would hit every
    run (no credits, a bad key) pauses the batch before the next one leaves. Once answers come,
    the next run does not wait for the previous answer: up to ``batch_submits_in_flight`` are on
    their way at once, each with its row committed first, so that the rate budget's free slots
    are used as soon as they open instead of one round trip after another. A run's row is
    committed before its submit leaves, and a submit is never sent twice: a lost answer leaves
    the run UNCERTAIN, and a crash at most ``batch_submits_in_flight`` batch runs (plus the
    single runs being sent).
    """

    def __init__(
        self,
        ledger: RunLedger,
        batches: BatchBook,
        connections: Connections,
        followers: Followers,
        tasks: TaskOwner,
        settings: EngineSettings,
        life: EngineLife,
    ) -> None:
        self._ledger = ledger
        self._batches = batches
        self._connections = connections
        self._followers = followers
        self._tasks = tasks
        self._settings = settings
        self._life = life
        #: Waiting single runs, in the order they are sent.
        self.singles: list[str] = []
        #: Runs to cancel as soon as their submit is answered.
        self.cancel_after_submit: set[str] = set()
        self.paused = False
        self._sending: set[str] = set()
        #: Batch runs whose submit is waiting for its answer.
        self._batch_sends: set[str] = set()
        #: Batches whose last submit was answered: their next runs need not wait for answers.
        self._flowing: set[str] = set()
        self._send_done = asyncio.Event()
        self._wake = asyncio.Event()

    def wake(self) -> None:
        """Something changed that may let a batch run go: the loop looks again."""
        self._wake.set()

    def room_freed(self) -> None:
        self.pump_singles()
        self._wake.set()

    async def sends_finished(self, grace: float) -> None:
        """Return once no submit is in flight, or after ``grace`` seconds."""
        deadline = time.monotonic() + grace
        while self._sending and (remaining := deadline - time.monotonic()) > 0:
            self._send_done.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._send_done.wait(), remaining)

    def cancel(self, run_ids: Iterable[str]) -> None:
        """Cancel runs: waiting ones locally (no request), one being sent once it is answered,
        those on the server with ``PUT .../cancel``."""
        ledger = self._ledger
        touched_batches: set[str] = set()
        for rid in list(run_ids):
            run = ledger.runs.get(rid)
            if run is None:
                continue
            state = run.state
            if state is RunState.WAITING:
                run.error = None
                ledger.change_state(run, RunState.CANCELLED)
            elif state is RunState.SUBMITTING:
                self.cancel_after_submit.add(rid)
            elif (
                state in (RunState.PENDING, RunState.IN_QUEUE, RunState.IN_PROGRESS)
                and run.request_id is not None
                and not run.gone_from_server
            ):
                ledger.change_state(run, RunState.CANCELLING)
                self._followers.send_cancel(run)
            if run.batch_id:
                touched_batches.add(run.batch_id)
        for bid in touched_batches:
            self._batches.check(bid)

    # --- choosing what goes -------------------------------------------------------------------

    def _room(self) -> bool:
        return len(self._ledger.active) < self._settings.max_active_runs

    def pump_singles(self) -> None:
        """Send waiting single runs while the limit allows (each in its own task)."""
        if self.paused or self._life.closing or not self._life.started:
            return
        runs = self._ledger.runs
        while self.singles and self._room():
            rid = self.singles[0]
            run = runs.get(rid)
            if run is None or run.state is not RunState.WAITING:
                self.singles.pop(0)
                continue
            if self._connections.blocked(run.profile):
                return
            self.singles.pop(0)
            self._begin_send(run)
            self._tasks.spawn(f"submit-{rid}", self._send_and_signal(run, None))

    def _next_batch_run(self) -> tuple[Run, Batch] | None:
        if self.paused or self._life.closing or not self._room():
            return None
        runs = self._ledger.runs
        active = self._ledger.active
        for batch in self._batches.batches.values():
            if batch.state is not BatchState.RUNNING or self._connections.blocked(batch.profile):
                continue
            sent = sum(1 for rid in active if runs[rid].batch_id == batch.id)
            if sent >= batch.max_active:
                continue
            run = batch.next_waiting(runs)
            if run is not None:
                return run, batch
        return None

    async def run(self) -> None:
        """Sends batch runs in order, each once the previous one is answered or has waited
        ``submit_patience`` for its answer; wakes when something changes."""
        while not self._life.closing:
            self._wake.clear()
            self.pump_singles()
            job = None if self._batch_sends_full() else self._next_batch_run()
            if job is None:
                timeout = self._connections.next_unblock()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout)
                continue
            run, batch = job
            self._begin_send(run)
            self._batch_sends.add(run.id)
            task = self._tasks.spawn(f"submit-{run.id}", self._send_batch_run(run, batch))
            if batch.id in self._flowing:
                # Answers come: the next run goes without waiting for this one's (bounded by
                # batch_submits_in_flight, which the loop checks first).
                continue
            # Until an answer comes, batch submits go one after another, so that a refusal (no
            # credits, a bad key) pauses the batch before the next run leaves. A slow answer
            # does not hold the queue: its run waits on, up to the client's timeout (then
            # UNCERTAIN), while the next goes.
            await asyncio.wait({task}, timeout=self._settings.submit_patience)

    def _batch_sends_full(self) -> bool:
        return len(self._batch_sends) >= max(1, self._settings.batch_submits_in_flight)

    async def _send_batch_run(self, run: Run, batch: Batch) -> None:
        answered = False
        try:
            answered = await self._send_and_signal(run, batch)
        finally:
            if answered and batch.state is BatchState.RUNNING:
                self._flowing.add(batch.id)
            else:
                # A paused batch starts again one submit at a time, as does one after trouble.
                self._flowing.discard(batch.id)
            self._batch_sends.discard(run.id)
            self._wake.set()

    # --- sending ------------------------------------------------------------------------------

    def _begin_send(self, run: Run) -> None:
        self._ledger.change_state(run, RunState.SUBMITTING)
        self._sending.add(run.id)

    async def _send_and_signal(self, run: Run, batch: Batch | None) -> bool:
        try:
            return await self._send(run, batch)
        finally:
            self._sending.discard(run.id)
            self._send_done.set()

    async def _send(self, run: Run, batch: Batch | None) -> bool:
        """Send one run already marked SUBMITTING; its row is committed before the request.

        Returns whether the server answered that it took the run.
        """
        priority = Priority.INTERACTIVE if batch is None else Priority.BATCH
        try:
            connection = await self._connections.get(run.profile)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.warning("Profile %r cannot be used: %s", run.profile, exc)
            self._not_sent(run, batch, message_of(exc), refused=True)
            return False
        if connection.key_fingerprint:
            run.key_fingerprint = connection.key_fingerprint
        try:
            await self._ledger.history.save_run_durably(run)
        except HistoryError as exc:
            self._not_sent(run, batch, str(exc), refused=True)
            return False
        wf = run.workflow_id
        self._life.count("submit")
        try:
            submission = await connection.client.submit(
                wf.owner, wf.slug, run.inputs, run.webhook, priority=priority
            )
        except SubmitUncertain as exc:
            self._uncertain(run, exc.user_message)
        except (InsufficientCredits, Forbidden, Unauthorized) as exc:
            self._not_sent(run, batch, exc.user_message, refused=True)
        except RateLimited as exc:
            self._connections.block(run.profile, exc.retry_after or 30.0)
            self._not_sent(run, batch, exc.user_message, refused=False)
        except ConnectionFailed as exc:
            self._connections.connect_failed(run.profile)
            self._not_sent(run, batch, exc.user_message, refused=False)
        except UnsafeUrl as exc:
            self._reject(run, exc.user_message)
        except ApiError as exc:
            if exc.status >= 500:
                self._uncertain(run, exc.user_message)
            else:
                self._reject(run, server_text(exc))
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
            self._took(run, submission)
            return True
        return False

    def _took(self, run: Run, submission: Submission) -> None:
        """The server took the run: follow it."""
        self._connections.reached(run.profile)
        if run.batch_id:
            self._batches.answered(run.batch_id)
        run.request_id = submission.request_id
        run.status_url = submission.status_url
        run.response_url = submission.response_url
        run.cancel_url = submission.cancel_url
        run.submitted_at = time.time()
        run.error = None
        self._ledger.change_state(run, RunState.PENDING)
        # Queued at once but not awaited: the writer commits in order, and a batch's next run
        # takes this one's place among those in flight only after this line, so its
        # SUBMITTING row cannot be on disk before this request id is: at most
        # batch_submits_in_flight of a batch's rows are ever on disk as SUBMITTING.
        self._ledger.save_now(run)
        if run.id in self.cancel_after_submit:
            self.cancel_after_submit.discard(run.id)
            self._ledger.change_state(run, RunState.CANCELLING)
            self._followers.send_cancel(run)
        self._followers.follow(run, resync=False)

    # --- outcomes -----------------------------------------------------------------------------

    def _uncertain(self, run: Run, message: str) -> None:
        run.error = message
        self.cancel_after_submit.discard(run.id)
        self._ledger.change_state(run, RunState.UNCERTAIN)
        self._ledger.events.notice(Notice(message, NoticeLevel.WARNING, run_id=run.id))
        batch = self._batches.get(run.batch_id)
        if batch is not None:
            self._batches.answer_lost(batch)

    def _reject(self, run: Run, message: str) -> None:
        run.error = message
        self.cancel_after_submit.discard(run.id)
        self._ledger.change_state(run, RunState.REJECTED)

    def _not_sent(self, run: Run, batch: Batch | None, message: str, *, refused: bool) -> None:
        """The server certainly did not take the run.

        A refusal that would hit every run (no credits, no API access, a bad key) pauses the
        batch with the reason and puts the run back in line; a single run is rejected. A
        passing trouble (connection, rate) puts the run back in line with the message.
        """
        ledger = self._ledger
        if run.id in self.cancel_after_submit:
            self.cancel_after_submit.discard(run.id)
            run.error = None
            ledger.change_state(run, RunState.WAITING)
            ledger.change_state(run, RunState.CANCELLED)
            return
        if batch is None and refused:
            self._reject(run, message)
            return
        run.error = message
        ledger.change_state(run, RunState.WAITING)
        if batch is None:
            self.singles.insert(0, run.id)
            return
        if refused:
            self._batches.pause_with_notice(batch, message)
