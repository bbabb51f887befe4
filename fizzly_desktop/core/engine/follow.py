"""Following runs on the server: one tracker task per run, and cancels with their confirmation."""

from __future__ import annotations

import asyncio
import time

from fizzly_desktop.api.budget import Priority
from fizzly_desktop.api.errors import FizzlyError, NotFound
from fizzly_desktop.core.engine.connections import Connections, ProfileConnection
from fizzly_desktop.core.engine.ledger import RunLedger
from fizzly_desktop.core.engine.life import EngineLife
from fizzly_desktop.core.engine.settings import EngineSettings, message_of
from fizzly_desktop.core.events import Notice, NoticeLevel
from fizzly_desktop.core.runs import Contact, Run, RunState
from fizzly_desktop.core.tasks import TaskOwner
from fizzly_desktop.core.tracking import LOST_UNREACHABLE, RunTracker, run_ref


class Followers:
    """Starts a :class:`RunTracker` per run on the server (the ledger is its host) and sends
    cancels, asking for a status a few times when no confirmation comes."""

    def __init__(
        self,
        ledger: RunLedger,
        connections: Connections,
        tasks: TaskOwner,
        settings: EngineSettings,
        life: EngineLife,
    ) -> None:
        self._ledger = ledger
        self._connections = connections
        self._tasks = tasks
        self._settings = settings
        self._life = life
        self._trackers: dict[str, asyncio.Task[None]] = {}

    def follow(self, run: Run, *, resync: bool) -> None:
        """Follow ``run`` unless it is followed already; ``resync``: ask its status first."""
        current = self._trackers.get(run.id)
        if current is not None and not current.done():
            return
        if self._life.closing:
            return
        task = self._tasks.spawn(f"track-{run.id}", self._track(run, resync))
        self._trackers[run.id] = task

        def forget(done: asyncio.Task[None], rid: str = run.id) -> None:
            if self._trackers.get(rid) is done:
                del self._trackers[rid]

        task.add_done_callback(forget)

    def forget(self, run_ids: set[str]) -> None:
        """Runs removed from the history (their trackers, if any, end with the engine)."""
        for rid in run_ids:
            self._trackers.pop(rid, None)

    async def check_again(self, run: Run) -> bool:
        """One status call for a run out of contact (or uncertain); if the server answers about
        it, it is followed again. Whether it answered (a 404 is an answer: unknown to it)."""
        if run.request_id is None or self._life.closing:
            return False
        try:
            connection = await self._connections.get(run.profile)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            self._ledger.mark_lost(run, f"{LOST_UNREACHABLE} ({message_of(exc)})")
            return False
        tracker = RunTracker(run, connection.client, self._ledger, self._settings.tracking)
        self._life.count("status")
        was_unknown = run.contact is Contact.UNKNOWN
        if was_unknown:
            # It may have been a passing 404 (another key, a server restarting): ask again.
            self._ledger.regain_contact(run)
        answered = await tracker.resync(Priority.INTERACTIVE)
        if not answered:
            if run.contact is Contact.IN_TOUCH:
                self._ledger.mark_lost(run, LOST_UNREACHABLE)
            return False
        if run.contact is Contact.UNKNOWN:
            return True
        self._ledger.regain_contact(run)
        if not run.state.is_terminal:
            self.follow(run, resync=False)
        return True

    async def _track(self, run: Run, resync: bool) -> None:
        connection = await self._connect(run)
        if connection is None:
            return
        tracker = RunTracker(
            run, connection.client, self._ledger, self._settings.tracking, resync_first=resync
        )
        try:
            await tracker.follow()
        finally:
            self._life.count("stream", tracker.stream_opens)
            self._life.count("status", tracker.status_calls)

    async def _connect(self, run: Run) -> ProfileConnection | None:
        """The run's connection, retried with backoff; the run shows why it is not followed.

        None once no connection could be made for ``lost_after``: the run is then out of
        contact (its progress is unknown) until the user checks again.
        """
        attempt = 0
        since = time.monotonic()
        while True:
            try:
                return await self._connections.get(run.profile)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                attempt += 1
                if time.monotonic() - since >= self._settings.tracking.lost_after:
                    self._ledger.mark_lost(run, f"{LOST_UNREACHABLE} ({message_of(exc)})")
                    return None
                run.error = message_of(exc)
                self._ledger.touch(run)
                await asyncio.sleep(self._settings.connect_backoff(attempt))

    # --- cancelling ---------------------------------------------------------------------------

    def send_cancel(self, run: Run) -> None:
        """Ask the server to cancel ``run`` (already CANCELLING here)."""
        if not self._life.closing:
            self._tasks.spawn(f"cancel-{run.id}", self._cancel_remote(run))

    async def _cancel_remote(self, run: Run) -> None:
        ledger = self._ledger
        try:
            connection = await self._connections.get(run.profile)
            self._life.count("cancel")
            outcome = await connection.client.cancel(run_ref(run))
        except NotFound:
            ledger.mark_gone(run)
            return
        except (FizzlyError, ValueError) as exc:
            if run.state is RunState.CANCELLING:
                ledger.change_state(run, run.state_before_cancel or RunState.IN_PROGRESS)
            ledger.events.notice(
                Notice(
                    f"The run could not be cancelled: {message_of(exc)}", NoticeLevel.ERROR, run.id
                )
            )
            return
        if outcome.already_completed:
            if run.state is RunState.CANCELLING:
                ledger.change_state(run, run.state_before_cancel or RunState.IN_PROGRESS)
        elif outcome.credits_refunded is not None:
            run.credits_refunded = outcome.credits_refunded
            ledger.touch(run)
        # The confirmation (or the final result) usually comes from the tracker's stream; a
        # server whose stream says nothing about a cancel is asked, a few times, with a status.
        if not run.state.is_terminal:
            self.follow(run, resync=True)
        confirm = RunTracker(run, connection.client, ledger, self._settings.tracking)
        for delay in self._settings.cancel_confirm_delays:
            if run.state is not RunState.CANCELLING:
                return
            await asyncio.sleep(delay)
            if run.state is RunState.CANCELLING:
                self._life.count("status")
                await confirm.resync()
