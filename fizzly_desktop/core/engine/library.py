"""ResultsLibrary: the history as a library of results, beside the run's life.

Search over the whole history, stars and rejects (``MarkBook``), where a chained run's input
came from (``SourceBook``), removing runs and deleting them with their files (with undo), and
following a run sent elsewhere once the server confirms it knows it. The facade builds it and
the views reach it as ``engine.library``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from pathlib import Path

from fizzly_desktop.api.budget import Priority
from fizzly_desktop.api.errors import FizzlyError, NotFound
from fizzly_desktop.api.refs import RunRef
from fizzly_desktop.core.attach import AttachError, check_attach
from fizzly_desktop.core.chain import SourceBook
from fizzly_desktop.core.deletion import HeldDeletion, Holding, saved_files
from fizzly_desktop.core.engine.batch_book import BatchBook
from fizzly_desktop.core.engine.connections import Connections
from fizzly_desktop.core.engine.dispatch import Dispatcher
from fizzly_desktop.core.engine.downloads import OutputKeeper
from fizzly_desktop.core.engine.follow import Followers
from fizzly_desktop.core.engine.ledger import RunLedger
from fizzly_desktop.core.engine.life import EngineLife
from fizzly_desktop.core.history import HistoryStore
from fizzly_desktop.core.library_search import SearchQuery, search_runs
from fizzly_desktop.core.marks import MarkBook, MarkKey
from fizzly_desktop.core.runs import Run, RunState


class ResultsLibrary:
    """What can be done to the history's runs besides running them (see the module doc)."""

    def __init__(
        self,
        history: HistoryStore,
        ledger: RunLedger,
        connections: Connections,
        followers: Followers,
        dispatcher: Dispatcher,
        outputs: OutputKeeper,
        book: BatchBook,
        life: EngineLife,
        check_open: Callable[[], None],
    ) -> None:
        self._history = history
        self._ledger = ledger
        self._connections = connections
        self._followers = followers
        self._dispatcher = dispatcher
        self._outputs = outputs
        self._book = book
        self._life = life
        self._check_open = check_open
        #: Runs removed this session (the history's older pages must not bring them back).
        self.removed: set[str] = set()
        #: Stars and rejects of runs and outputs, in memory; a change repaints their runs.
        self.marks = MarkBook(history, on_change=ledger.events.runs_updated)
        #: The output each chained run's input came from ("Use as input").
        self.sources = SourceBook(history)

    async def remove_from_history(self, run_ids: Iterable[str]) -> list[str]:
        """Forget runs that are not on their way (active runs are kept); returns those removed.

        Saved output files stay where they are: they belong to the user.
        """
        removed = self._ledger.removable(run_ids)
        if not removed:
            return []
        gone = set(removed)
        self.removed |= gone
        self._ledger.forget(removed)
        self._outputs.forget(removed)
        self.marks.forget(removed)
        self.sources.forget(removed)
        self._followers.forget(gone)
        dispatcher = self._dispatcher
        dispatcher.singles = [rid for rid in dispatcher.singles if rid not in gone]
        await asyncio.wrap_future(self._history.delete_runs(removed))
        self._book.remove_runs(gone)
        self._ledger.events.runs_removed(removed)
        return removed

    async def delete_runs(self, run_ids: Iterable[str], holding: Holding) -> HeldDeletion | None:
        """Remove runs (not those on their way) and move their saved files and sidecars into
        ``holding``; returns what :meth:`undo_delete` needs, or None when nothing was removed."""
        wanted = [
            self._ledger.runs[rid] for rid in dict.fromkeys(run_ids) if rid in self._ledger.runs
        ]
        outputs = {run.id: self._outputs.of(run.id) for run in wanted}
        marks = {
            MarkKey(run.id, output): mark
            for run in wanted
            for output, mark in self.marks.of_run(run.id).items()
        }
        batches = self._book.snapshot(run.id for run in wanted)
        removed = set(await self.remove_from_history([run.id for run in wanted]))
        if not removed:
            return None
        runs = [run for run in wanted if run.id in removed]
        kept_outputs = {rid: records for rid, records in outputs.items() if rid in removed}
        kept_marks = {key: mark for key, mark in marks.items() if key.run_id in removed}
        files = saved_files(kept_outputs)
        return await asyncio.to_thread(holding.hold, runs, kept_outputs, kept_marks, files, batches)

    async def undo_delete(self, held: HeldDeletion, holding: Holding) -> list[Path]:
        """Bring a deletion back: files to their places, runs, records and marks to the
        history and the window. Returns the files that could not be put back."""
        failed = await asyncio.to_thread(holding.restore, held)
        runs = [run for run in held.runs if run.id not in self._ledger.runs]
        if not runs:
            return failed
        ids = [run.id for run in runs]
        self.removed.difference_update(ids)
        await asyncio.wrap_future(self._history.save_runs(runs))
        for run in runs:
            for record in held.outputs.get(run.id, ()):
                self._history.save_output(record)
        self._ledger.add(sorted(runs, key=lambda r: r.created_at))
        self._outputs.add_loaded({rid: list(records) for rid, records in held.outputs.items()})
        self.marks.restore(held.marks)
        self._ledger.events.runs_added(ids)
        self._book.restore_runs(held.batches, ids)
        return failed

    async def attach(self, workflow: str, request_id: str, *, profile: str) -> Run:
        """Follow a run sent elsewhere, once the server confirms it knows it (one status call
        with ``profile``'s key). Raises :class:`AttachError` saying why and what to do."""
        self._check_open()
        workflow, request_id = check_attach(
            workflow, request_id, list(self._ledger.runs.values()), profile
        )
        try:
            connection = await self._connections.get(profile)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            raise AttachError(
                f"The server of {profile} cannot be reached ({exc}); try again once it can."
            ) from exc
        owner, _, slug = workflow.partition("/")
        try:
            self._life.count("status")
            await connection.client.status(
                RunRef(owner, slug, request_id), priority=Priority.INTERACTIVE
            )
        except NotFound as exc:
            raise AttachError(
                f"The server knows no run {request_id} of {workflow}. Check the request ID and "
                f"the workflow, and that the run was sent with the key of {profile}."
            ) from exc
        except FizzlyError as exc:
            raise AttachError(
                f"The server could not be asked about {request_id}: {exc.user_message}"
            ) from exc
        run = Run.create(workflow, {}, profile, key_fingerprint=connection.key_fingerprint)
        run.request_id = request_id
        run.state = RunState.PENDING  # a new object: its first state, not a change
        await self._history.save_run_durably(run)
        self._ledger.add([run])
        self._ledger.events.runs_added([run.id])
        # The status is asked again by the tracker and applied (it may be finished already).
        self._followers.follow(run, resync=True)
        return run

    async def search(self, query: SearchQuery) -> list[str]:
        """IDs of the runs in the history that match ``query``, newest first (in a worker)."""
        history = self._history
        return await asyncio.to_thread(history.read, lambda conn: search_runs(conn, query))
