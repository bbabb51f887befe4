"""The run ledger: the only place a run changes; it records, publishes and tallies each change."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterable

from fizzly_desktop.core.batches import Batch
from fizzly_desktop.core.engine.life import EngineLife
from fizzly_desktop.core.engine.settings import (
    FIRST_LOAD,
    GONE_FROM_SERVER,
    OLDER_PAGE,
    OLDER_STEP,
    UNCERTAIN_AFTER_RESTART,
    EngineSettings,
)
from fizzly_desktop.core.events import ChangeCoalescer, Scheduler
from fizzly_desktop.core.history import HistoryStore, OutputRecord
from fizzly_desktop.core.runs import (
    Contact,
    Run,
    RunState,
    StateGroup,
    StateTally,
    group_counts,
)
from fizzly_desktop.core.tracking import LOST_ADDRESS, LOST_UNREACHABLE


def _ignore(_: object) -> None:
    return None


def _nothing() -> None:
    return None


class RunLedger:
    """Holds every run in memory and is the host of their trackers (``TrackingHost``).

    A change of state is applied, tallied (the sidebar's counts follow it, not a recount),
    published through the event coalescer, and written to the history within
    ``history_flush_interval``. What a change means for the rest of the engine (a slot freed,
    a batch to check, outputs to download) is told through the three hooks given to
    :meth:`bind`: one call per change of state, none per progress event.
    """

    def __init__(
        self,
        history: HistoryStore,
        settings: EngineSettings,
        life: EngineLife,
        scheduler: Scheduler | None,
    ) -> None:
        self.history = history
        self._settings = settings
        self._life = life
        self.runs: dict[str, Run] = {}
        #: Runs on their way (sending or on the server, and still known to it).
        self.active: set[str] = set()
        #: Runs that finished since the engine started (for the credits spent).
        self.session_finished: set[str] = set()
        self.tally = StateTally(self.runs)
        self.events = ChangeCoalescer(scheduler, on_runs_marked=self.tally.mark)
        self._dirty: dict[str, Run] = {}
        self._flush_handle: asyncio.TimerHandle | None = None
        self._nodes: dict[str, list[str]] = {}
        self._durations: dict[str, float] = {}
        self._credits: dict[str, float] = {}
        self._on_finished: Callable[[Run], None] = _ignore
        self._on_room_freed: Callable[[], None] = _nothing
        self._on_batch_settled: Callable[[str], None] = _ignore

    def bind(
        self,
        *,
        on_finished: Callable[[Run], None],
        on_room_freed: Callable[[], None],
        on_batch_settled: Callable[[str], None],
    ) -> None:
        """Hooks: a run reached a final state; a slot for another run opened; a run of a batch
        settled (final or uncertain), so the batch may be finished."""
        self._on_finished = on_finished
        self._on_room_freed = on_room_freed
        self._on_batch_settled = on_batch_settled

    # --- changes ------------------------------------------------------------------------------

    def change_state(self, run: Run, state: RunState) -> bool:
        """Apply, record and publish a change of state (illegal ones are refused and logged)."""
        old = run.state
        if old is state:
            self.touch(run)
            return True
        if not run.transition(state):
            return False
        if state.is_active and run.contact is Contact.IN_TOUCH:
            self.active.add(run.id)
        else:
            self.active.discard(run.id)
        if state.is_terminal:
            self.session_finished.add(run.id)
            if state is RunState.COMPLETED:
                self.learn_nodes(run)
            self._on_finished(run)
        self.touch(run)
        if old.is_active and not state.is_active:
            self._on_room_freed()
        if run.batch_id and (state.is_terminal or state is RunState.UNCERTAIN):
            self._on_batch_settled(run.batch_id)
        return True

    def writable(self, run: Run) -> Run:
        """The record of ``run`` to change: itself, or, once it was shared with the views, a
        copy that takes its place (they keep the one they hold until a change brings this)."""
        if not run.shared or self.runs.get(run.id) is not run:
            return run
        record = self.runs[run.id] = run.copy()
        return record

    def touch(self, run: Run) -> None:
        """Record (within ``history_flush_interval``) and publish a change of ``run``."""
        self._dirty[run.id] = run
        self.events.runs_updated([run.id])
        if self._flush_handle is None and not self._life.aborted:
            # A burst of stream events becomes one history write per run, not one per event.
            self._flush_handle = asyncio.get_running_loop().call_later(
                self._settings.history_flush_interval, self.flush_dirty
            )

    def save_now(self, run: Run) -> None:
        """Queue ``run``'s row for writing at once (the writer keeps the order of writes)."""
        self._dirty.pop(run.id, None)
        self.history.save_run(run)

    def flush_dirty(self) -> None:
        """Queue the rows of every run changed since the last write."""
        if self._flush_handle is not None:
            self._flush_handle.cancel()
            self._flush_handle = None
        if self._dirty:
            runs = list(self._dirty.values())
            self._dirty.clear()
            self.history.save_runs(runs)

    def drop_dirty(self) -> None:
        """Forget unwritten changes, as a crash would."""
        if self._flush_handle is not None:
            self._flush_handle.cancel()
            self._flush_handle = None
        self._dirty.clear()

    def mark_gone(self, run: Run) -> None:
        """The server answered 404 for this run: keep the record, stop counting it as active."""
        self._lose_contact(run, Contact.UNKNOWN, GONE_FROM_SERVER)

    def mark_lost(self, run: Run, reason: str) -> None:
        """Nothing is heard about this run any more: say so, stop counting it as active."""
        self._lose_contact(run, Contact.LOST, reason)

    def _lose_contact(self, run: Run, contact: Contact, reason: str) -> None:
        if run.state is RunState.CANCELLING:
            run.transition(run.state_before_cancel or RunState.IN_PROGRESS)
        run.lose_contact(contact)
        run.error = reason
        # Written at once: after a crash the run must come back out of contact, not running.
        self.touch(run)
        self.save_now(run)
        self.active.discard(run.id)
        self._on_room_freed()
        if run.batch_id:
            self._on_batch_settled(run.batch_id)

    def regain_contact(self, run: Run) -> None:
        """The server answered about a run out of contact: it counts as on its way again."""
        if run.contact is Contact.IN_TOUCH:
            return
        run.regain_contact()
        if run.error and run.error.startswith((GONE_FROM_SERVER, LOST_UNREACHABLE, LOST_ADDRESS)):
            run.error = None
        if run.state.is_active:
            self.active.add(run.id)
        self.touch(run)
        if run.batch_id:
            self._on_batch_settled(run.batch_id)

    # --- queries ------------------------------------------------------------------------------

    def select(self, group: StateGroup, *, workflow: str | None, batch_id: str | None) -> list[Run]:
        """Runs of a state group, newest first, optionally of one workflow or one batch."""
        found = [
            run
            for run in self.runs.values()
            if (workflow is None or run.workflow == workflow)
            and (batch_id is None or run.batch_id == batch_id)
            and group.contains(run)
        ]
        found.sort(key=lambda r: r.created_at, reverse=True)
        return found

    def counts(self, *, workflow: str | None, batch_id: str | None) -> dict[StateGroup, int]:
        """Runs per state group: the running tally, or a count when filtered."""
        if workflow is None and batch_id is None:
            return self.tally.counts()
        return group_counts(
            run
            for run in self.runs.values()
            if (workflow is None or run.workflow == workflow)
            and (batch_id is None or run.batch_id == batch_id)
        )

    def credits_used_this_session(self) -> float:
        total = 0.0
        for rid in self.session_finished:
            run = self.runs.get(rid)
            if run is not None and run.credits_used:
                total += run.credits_used
        return total

    # --- adding and removing ------------------------------------------------------------------

    def add(self, runs: Iterable[Run]) -> list[str]:
        """Take new runs in (already in the history); returns their ids, in order."""
        added: list[str] = []
        for run in runs:
            self.runs[run.id] = run
            added.append(run.id)
        return added

    def forget(self, run_ids: Iterable[str]) -> None:
        """Drop runs removed from the history (their unwritten changes too)."""
        for rid in run_ids:
            self._dirty.pop(rid, None)
            self.runs.pop(rid, None)

    def removable(self, run_ids: Iterable[str]) -> list[str]:
        """Of ``run_ids``, the runs that may be forgotten: known, and not on their way."""
        return [
            rid
            for rid in run_ids
            if (run := self.runs.get(rid)) is not None
            and rid not in self.active
            and run.state is not RunState.SUBMITTING
        ]

    def lost_runs_of(self, profiles: set[str], *, besides: set[str]) -> list[Run]:
        """The runs of ``profiles`` out of contact, except those in ``besides``."""
        return [
            run
            for run in self.runs.values()
            if run.profile in profiles and run.contact is Contact.LOST and run.id not in besides
        ]

    def move_addresses(self, profile: str, old_base: str, new_base: str) -> list[str]:
        """The profile's server came back at ``new_base``: point its runs' status, result and
        cancel addresses that began with ``old_base`` there, in the history file too (runs not
        loaded yet are moved there), and return the ids of the loaded runs moved.

        Call it before the runs are followed again (their trackers read the addresses once).
        """
        old_base, new_base = old_base.rstrip("/"), new_base.rstrip("/")
        if old_base == new_base:
            return []
        self.history.move_addresses(profile, old_base, new_base)
        moved: list[str] = []
        for run in list(self.runs.values()):
            if run.profile != profile:
                continue
            moves = {
                name: new_base + url[len(old_base) :]
                for name in ("status_url", "response_url", "cancel_url")
                if (url := getattr(run, name))
                and (url == old_base or url.startswith(old_base + "/"))
            }
            if moves:
                record = self.writable(run)
                for name, url in moves.items():
                    setattr(record, name, url)
                moved.append(run.id)
                self.touch(record)
        self.flush_dirty()
        return moved

    def state(self, run_id: str) -> RunState | None:
        run = self.runs.get(run_id)
        return None if run is None else run.state

    # --- loading ------------------------------------------------------------------------------

    def load_first(self) -> tuple[list[Run], list[Batch], dict[str, list[OutputRecord]]]:
        """The newest runs and every unfinished one, their batches and outputs (in a worker)."""
        history = self.history
        runs = {r.id: r for r in history.recent_runs(FIRST_LOAD)}
        for run in history.unfinished_runs():
            runs.setdefault(run.id, run)
        return list(runs.values()), history.load_batches(), history.load_outputs(list(runs))

    async def load_older(
        self, removed: set[str]
    ) -> AsyncIterator[tuple[list[str], dict[str, list[OutputRecord]]]]:
        """Add the finished runs older than the first load, a page at a time, newest first;
        yields the ids each page added and the output records of its runs.

        Each page is read in a worker while the one before is taken in. Runs in ``removed``
        were removed by the user meanwhile and stay out.
        """
        history = self.history

        def read(
            before: tuple[float, str] | None,
        ) -> tuple[list[Run], dict[str, list[OutputRecord]]]:
            page = history.older_runs(before, OLDER_PAGE)
            return page, history.load_outputs([run.id for run in page])

        ahead = asyncio.ensure_future(asyncio.to_thread(read, None))
        try:
            while True:
                page, outputs = await ahead
                if len(page) == OLDER_PAGE:
                    last = page[-1]
                    ahead = asyncio.ensure_future(
                        asyncio.to_thread(read, (last.created_at, last.id))
                    )
                added: list[str] = []
                for index, run in enumerate(page):
                    if index and index % OLDER_STEP == 0:
                        await asyncio.sleep(0)  # a page is taken in without holding a frame
                    # Everything unfinished came with the first load; what is missing now is
                    # final, or was removed by the user meanwhile.
                    if run.id in self.runs or run.id in removed or not run.state.is_terminal:
                        continue
                    self.runs[run.id] = run
                    added.append(run.id)
                    if run.state is RunState.COMPLETED and run.workflow not in self._nodes:
                        # Newer runs were learned first: an older one must not replace them.
                        self.learn_nodes(run)
                yield added, outputs
                if len(page) < OLDER_PAGE:
                    return
        finally:
            ahead.cancel()

    def pick_up_after_restart(self) -> tuple[list[Run], list[str]]:
        """Settle the runs just loaded (saving those changed); returns those to follow again
        and the single runs still to send.

        A run that was being sent may have left before the app stopped: it becomes UNCERTAIN,
        never sent again. Runs on the server with a request id are followed again (those out of
        contact are among them: the caller checks each once before following it).
        """
        changed: list[Run] = []
        follow: list[Run] = []
        singles: list[str] = []
        for run in self.runs.values():
            if run.state is RunState.SUBMITTING:
                run.transition(RunState.UNCERTAIN)
                run.error = UNCERTAIN_AFTER_RESTART
                changed.append(run)
            elif run.state.is_remote and not run.gone_from_server:
                if run.request_id is None:
                    run.state = RunState.UNCERTAIN
                    run.error = UNCERTAIN_AFTER_RESTART
                    changed.append(run)
                else:
                    # A run out of contact is checked once by the caller, not trusted.
                    if run.contact is Contact.IN_TOUCH:
                        self.active.add(run.id)
                    follow.append(run)
            elif run.state is RunState.WAITING and run.batch_id is None:
                singles.append(run.id)
            if run.state is RunState.COMPLETED:
                self.learn_nodes(run)
        if changed:
            self.history.save_runs(changed)
        return follow, singles

    # --- what a workflow's runs go through ----------------------------------------------------

    def learn_nodes(self, run: Run) -> None:
        """Remember the nodes of a completed run as its workflow's (the latest one wins), and
        how long it took."""
        if run.timeline:
            self._nodes[run.workflow] = [entry.node for entry in run.timeline]
        took = run.elapsed()
        if took is not None and took > 0:
            self._durations[run.workflow] = took
        if run.credits_used is not None:
            self._credits[run.workflow] = run.credits_used

    def expected_credits(self, workflow: str) -> float | None:
        """What the workflow's latest completed run cost, if known."""
        return self._credits.get(workflow)

    def expected_duration(self, workflow: str) -> float | None:
        """How long the workflow's latest completed run took, in seconds, if known."""
        return self._durations.get(workflow)

    def expected_nodes(self, workflow: str) -> list[str]:
        """The nodes of the workflow's latest completed run, in order; empty if none is known."""
        return list(self._nodes.get(workflow, ()))

    def node_count(self, workflow: str) -> int | None:
        """How many nodes runs of ``workflow`` have had, if known (for progress)."""
        nodes = self._nodes.get(workflow)
        return len(nodes) if nodes is not None else None
