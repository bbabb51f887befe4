"""RunEngine: the run engine's one public object; it starts, wires and stops its collaborators.

The queries read the ledger; the actions hand each run to the collaborator that owns that part
of its life (see the package docstring for the walk through the files).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from fizzly_desktop.api.budget import BudgetState
from fizzly_desktop.core.batches import Batch, build_batch
from fizzly_desktop.core.engine.batch_book import BatchBook
from fizzly_desktop.core.engine.connections import ClientFactory, Connections
from fizzly_desktop.core.engine.dispatch import Dispatcher
from fizzly_desktop.core.engine.downloads import OutputKeeper
from fizzly_desktop.core.engine.enrichment import Enricher
from fizzly_desktop.core.engine.follow import Followers
from fizzly_desktop.core.engine.ledger import RunLedger
from fizzly_desktop.core.engine.library import ResultsLibrary
from fizzly_desktop.core.engine.life import EngineLife
from fizzly_desktop.core.engine.settings import OLDER_PER_FRAME, PAUSED_BY_USER, EngineSettings
from fizzly_desktop.core.events import FRAME_INTERVAL, Listener, Scheduler, Unsubscribe
from fizzly_desktop.core.held_batches import HeldBatch, held_batches
from fizzly_desktop.core.history import HistoryError, HistoryStore, OutputRecord
from fizzly_desktop.core.outputs import Downloader
from fizzly_desktop.core.runs import Contact, Run, RunState, StateGroup
from fizzly_desktop.core.tasks import TaskOwner


class RunEngine:
    """Submits, follows, cancels and retries runs, and keeps their history (see package doc)."""

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
        self.settings = settings = settings or EngineSettings()
        self._life = life = EngineLife()
        self._tasks = TaskOwner("engine")
        self._ledger = ledger = RunLedger(history, settings, life, scheduler)
        self._runs = ledger.runs
        self._events = ledger.events
        self._connections = Connections(client_factory, settings, life)
        self._book = BatchBook(ledger)
        self._batches = self._book.batches
        self._followers = Followers(ledger, self._connections, self._tasks, settings, life)
        self._dispatcher = Dispatcher(
            ledger, self._book, self._connections, self._followers, self._tasks, settings, life
        )
        self._enricher = Enricher(ledger, self._connections, settings, life)
        self._outputs = OutputKeeper(
            ledger, self._connections, self._tasks, settings, life, downloader
        )
        ledger.bind(
            on_finished=self._on_run_finished,
            on_room_freed=self._dispatcher.room_freed,
            on_batch_settled=self._book.check,
        )
        #: Requests made by the engine, by kind (for the benchmark and the log).
        self.request_counts = life.request_counts
        #: False until the whole history is loaded (the newest runs come first).
        self.history_complete = False
        #: The history as a library of results: search, marks, sources of chained runs,
        #: remove and delete (with undo), attach a run sent elsewhere (core/engine/library.py).
        self.library = ResultsLibrary(
            history,
            ledger,
            self._connections,
            self._followers,
            self._dispatcher,
            self._outputs,
            self._book,
            life,
            self._check_open,
        )
        self.marks, self.sources = self.library.marks, self.library.sources

    def _on_run_finished(self, run: Run) -> None:
        self._dispatcher.cancel_after_submit.discard(run.id)
        if run.state is RunState.COMPLETED:
            self._outputs.maybe_download(run)

    # --- life ---------------------------------------------------------------------------------

    async def start(self, *, moved: Sequence[tuple[str, str, str]] = ()) -> None:
        """Load the history and pick up where the last session stopped.

        ``moved``: (profile, old base URL, new base URL) of servers that came back at another
        address; their runs' addresses are moved (``move_addresses``) before they are followed.
        """
        if self._life.started:
            return
        self._life.started = True
        # The newest runs and every unfinished one first, so the window fills at once; the
        # rest of a long history follows in the background.
        runs, batches, outputs = await asyncio.to_thread(self._ledger.load_first)
        await asyncio.to_thread(self.marks.load)
        await asyncio.to_thread(self.sources.load)
        self._ledger.add(sorted(runs, key=lambda r: r.created_at))
        for profile, old_base, new_base in moved:
            self.move_addresses(profile, old_base, new_base)
        self._outputs.outputs = outputs
        self._batches.update((batch.id, batch) for batch in batches)
        follow, singles = self._ledger.pick_up_after_restart()
        self._dispatcher.singles.extend(singles)
        self._book.pick_up_after_restart()
        await self._history.flush()
        for run in follow:
            if run.contact is Contact.LOST:
                # Out of contact when the app closed: one status call says whether it is back.
                self._tasks.spawn(f"check-{run.id}", self._followers.check_again(run))
                continue
            if run.state is RunState.CANCELLING:
                self._followers.send_cancel(run)
            self._followers.follow(run, resync=True)
        self._tasks.spawn("dispatcher", self._dispatcher.run())
        self._tasks.spawn("enricher", self._enricher.run())
        self._tasks.spawn("load-older-runs", self._load_older())
        self._events.runs_added(self._runs)
        self._events.batches_added(self._batches)

    async def _load_older(self) -> None:
        """Add the finished runs older than the first load (a long history) in the background."""
        first = True
        async for added, outputs in self._ledger.load_older(self.library.removed):
            self._outputs.add_loaded(outputs)
            # Newest first, a frame's worth at a time: every view takes its share in each frame.
            for start in range(0, len(added), OLDER_PER_FRAME):
                if not first:
                    await asyncio.sleep(FRAME_INTERVAL)
                first = False
                self._events.runs_added(added[start : start + OLDER_PER_FRAME])
        self.history_complete = True

    async def close(self) -> None:
        """Let sends in flight finish (up to ``close_grace``), then stop every task.

        Runs on the server stay as they are and are followed again at the next start. The
        history is flushed but not closed: it belongs to whoever opened it.
        """
        if self._life.closing:
            return
        self._life.closing = True
        await self._dispatcher.sends_finished(self.settings.close_grace)
        await self._tasks.close()
        self._events.close()
        self._ledger.flush_dirty()
        with contextlib.suppress(HistoryError):
            await self._history.flush()
        await self._close_clients()

    async def flush(self) -> None:
        """Return once every change made so far is committed to the history."""
        self._ledger.flush_dirty()
        await self._history.flush()

    async def abort(self) -> None:
        """Stop at once, as a crash would: tasks cancelled, nothing more recorded."""
        self._life.closing = True
        self._life.aborted = True
        self._ledger.drop_dirty()
        await self._tasks.close()
        self._ledger.drop_dirty()
        self._events.close()
        await self._close_clients()

    async def reconnect(self, profile: str) -> None:
        """Drop the profile's client (its key or address changed); the next request makes one.

        Streams of the old client end and their trackers reconnect with the new one, which
        re-synchronises each run with one status call, so nothing is missed.
        """
        await self._connections.drop(profile)
        self._dispatcher.wake()

    async def _close_clients(self) -> None:
        await self._connections.close_all()
        await self._outputs.aclose()

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
        return self._ledger.select(group, workflow=workflow, batch_id=batch_id)

    def counts(
        self, *, workflow: str | None = None, batch_id: str | None = None
    ) -> dict[StateGroup, int]:
        """How many runs each state group holds (for the sidebar)."""
        return self._ledger.counts(workflow=workflow, batch_id=batch_id)

    def workflows(self) -> list[str]:
        return sorted({run.workflow for run in self._runs.values()})

    def expected_nodes(self, workflow: str) -> list[str]:
        """The nodes runs of ``workflow`` go through, in order, as its latest completed run
        went through them; empty while no run of it has completed (a fresh list each call)."""
        return self._ledger.expected_nodes(workflow)

    def node_count(self, workflow: str) -> int | None:
        return self._ledger.node_count(workflow)

    def expected_credits(self, workflow: str) -> float | None:
        """What a run of ``workflow`` costs, as its latest completed run did; None if unknown."""
        return self._ledger.expected_credits(workflow)

    def batches(self) -> list[Batch]:
        return list(self._batches.values())

    def batch(self, batch_id: str) -> Batch | None:
        return self._batches.get(batch_id)

    def batch_runs(self, batch_id: str) -> list[Run]:
        return self._book.runs_of(batch_id)

    def held_batches(self) -> list[HeldBatch]:
        """Batches with runs not sent yet that are not being sent, and why (paused, or a
        reason such as no key or no answer from the server), oldest first."""
        batches = sorted(self._batches.values(), key=lambda b: b.created_at)
        return held_batches(batches, self._runs, sending_paused=self._dispatcher.paused)

    def outputs_of(self, run_id: str) -> list[OutputRecord]:
        return self._outputs.of(run_id)

    def download_progress(self, run_id: str) -> dict[str, tuple[int, int | None]]:
        """The files of ``run_id`` arriving now: output name → (bytes received, expected)."""
        return self._outputs.progress_of(run_id)

    def saved_outputs(self) -> list[OutputRecord]:
        """The records of every output file saved (of the runs loaded so far)."""
        return self._outputs.saved()

    def outputs_relocated(self, moves: Mapping[Path, Path]) -> list[str]:
        """Saved files were moved (old path → new path, sidecars along): update their records
        so thumbnails and "open" find them; returns the runs concerned."""
        return self._outputs.relocated(moves)

    def budget_state(self, profile: str) -> BudgetState | None:
        return self._connections.budget_state(profile)

    @property
    def credits_used_this_session(self) -> float:
        """Credits charged for runs that finished since the engine started."""
        return self._ledger.credits_used_this_session()

    @property
    def submissions_paused(self) -> bool:
        return self._dispatcher.paused

    # --- actions ------------------------------------------------------------------------------

    def _check_open(self) -> None:
        if self._life.closing:
            raise RuntimeError("The run engine is closed.")
        if not self._life.started:
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
        if (known := self._connections.known(profile)) is not None:
            run.key_fingerprint = known.key_fingerprint
        await self._history.save_run_durably(run)
        self._ledger.add([run])
        self._dispatcher.singles.append(run.id)
        self._events.runs_added([run.id])
        self._dispatcher.pump_singles()
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
        known = self._connections.known(profile)
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
        added = self._ledger.add(runs)
        self._batches[batch.id] = batch
        self._events.runs_added(added)
        self._events.batches_added([batch.id])
        self._dispatcher.wake()
        return batch

    def cancel(self, run_ids: Iterable[str]) -> None:
        """Cancel runs: waiting ones locally (no request), remote ones with ``PUT .../cancel``."""
        self._dispatcher.cancel(run_ids)

    def cancel_batch(self, batch_id: str) -> None:
        for run_ids in self._book.cancel_order(batch_id):
            self.cancel(run_ids)

    async def retry(self, run_ids: Iterable[str]) -> list[Run]:
        """New runs with the same inputs, linked to the originals (``retry_of``)."""
        self._check_open()
        created, touched = self._book.retries_of(run_ids)
        if not created:
            return []
        self._history.save_runs(created)
        for bid in touched:
            self._history.save_batch(self._batches[bid])
        await self._history.flush()
        self._ledger.add(created)
        self._dispatcher.singles.extend(r.id for r in created if r.batch_id is None)
        self._events.runs_added(r.id for r in created)
        self._book.reopen(touched)
        self._dispatcher.room_freed()
        return created

    async def check_again(self, run_ids: Iterable[str]) -> list[str]:
        """One status call for each run out of contact or uncertain; those that answer are
        followed again. Returns the ids of the runs the server answered about."""
        self._check_open()
        runs = [run for rid in run_ids if (run := self._runs.get(rid)) and run.can_check_again]
        answers = await asyncio.gather(*(self._followers.check_again(run) for run in runs))
        answered = [run for run, heard in zip(runs, answers, strict=True) if heard]
        # A server that answers about one run is back: its other lost runs are checked too.
        back = {run.profile for run in answered}
        for run in self._ledger.lost_runs_of(back, besides={run.id for run in runs}):
            self._tasks.spawn(f"check-{run.id}", self._followers.check_again(run))
        return [run.id for run in answered]

    def move_addresses(self, profile: str, old_base: str, new_base: str) -> list[str]:
        """The profile's server came back at another address (see RunLedger.move_addresses)."""
        return self._ledger.move_addresses(profile, old_base, new_base)

    def pause_batch(self, batch_id: str, reason: str | None = None) -> None:
        self._book.pause(batch_id, reason or PAUSED_BY_USER)

    def resume_batch(self, batch_id: str) -> None:
        if self._book.resume(batch_id):
            self._dispatcher.wake()

    def pause_submissions(self) -> None:
        """Hold every waiting run (runs already sent go on)."""
        self._dispatcher.paused = True
        # What is said about held batches changes with it.
        self._events.batches_updated(self._batches)

    def resume_submissions(self) -> None:
        self._dispatcher.paused = False
        self._events.batches_updated(self._batches)
        self._dispatcher.room_freed()

    def move(self, run_id: str, steps: int) -> bool:
        """Move a waiting run of a batch ``steps`` places among the waiting ones."""
        run = self._runs.get(run_id)
        batch = self._book.get(run.batch_id) if run is not None else None
        return batch is not None and self._book.move(batch, run_id, steps)

    def set_visible_runs(self, run_ids: Sequence[str]) -> None:
        """Runs on screen: their queue positions and full results are fetched first."""
        self._enricher.set_visible(run_ids)

    def set_selected_run(self, run_id: str | None) -> None:
        self._enricher.set_selected(run_id)

    def set_max_active_runs(self, count: int) -> None:
        self.settings.max_active_runs = max(1, count)
        self._dispatcher.room_freed()

    def set_batch_max_active(self, batch_id: str, count: int) -> None:
        if self._book.set_max_active(batch_id, count):
            self._dispatcher.wake()

    def set_outputs_folder(self, folder: Path | None) -> None:
        self.settings.outputs_folder = folder

    def download_again(self, run_id: str) -> bool:
        """Fetch a finished run's output files once more (after the size cap was raised)."""
        return self._outputs.download_again(run_id)

    def set_max_download_bytes(self, size: int) -> None:
        """The largest output file downloaded from now on (the user's setting)."""
        self.settings.max_download_bytes = max(1, size)

    def touch(self, run: Run) -> None:
        """Record and publish a change of ``run`` made outside the engine (tests, tools)."""
        self._ledger.touch(run)
