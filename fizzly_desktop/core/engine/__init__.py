"""The run engine: submits runs and batches within the rate budget, follows them, keeps history.

Driven by asyncio (in the app: qasync on Qt's loop); nothing here blocks the loop for long and
every task is owned, named, and cancelled and awaited by :meth:`RunEngine.close`.

A run's life, file by file:

1. ``facade.py`` - :class:`RunEngine` ``submit``/``submit_batch`` create the run, commit its row
   and queue it. The facade holds no run logic of its own: it wires the parts below.
2. ``dispatch.py`` - the :class:`Dispatcher` sends it when ``max_active_runs`` and its batch
   allow, through the profile's client from ``connections.py``; the answer makes it PENDING,
   UNCERTAIN (lost answer, never re-sent), REJECTED, or puts it back in line (not sent).
   ``batch_book.py`` says what outcomes mean for a batch (finished, paused after a streak).
3. ``follow.py`` - :class:`Followers` start one ``core.tracking.RunTracker`` per run on the
   server (stream first, polls as fallback) and send cancels.
4. ``ledger.py`` - every change the tracker sees ends in the :class:`RunLedger`, the only place
   a run changes: it records (history, coalesced), publishes and tallies; a final state hands
   the run to ``downloads.py`` (its images) and frees a slot for the next run.

Beside them: ``enrichment.py`` (queue positions and full results with spare budget),
``settings.py`` (:class:`EngineSettings` and the words the user sees), ``life.py`` (the
started/closing flags and request counts every part shares).

Public interface (the window drives it)::

    engine = RunEngine(history: HistoryStore, client_factory: ClientFactory, *,
                       settings: EngineSettings | None = None,
                       scheduler: Scheduler | None = None,        # events flush; default: the loop
                       downloader: Downloader | None = None)      # default: api.OutputDownloader
    await engine.start(moved=())  # load history; SUBMITTING -> UNCERTAIN; follow in-flight runs
                                 # again (lost ones checked once); running batches come back
                                 # PAUSED; moved: (profile, old base, new base) of servers that
                                 # came back elsewhere
    await engine.close()         # finish sends in flight (grace), cancel and await every task
    await engine.abort()         # stop at once as a crash would (tests)
    await engine.flush()         # every change so far committed to the history

    unsubscribe = engine.subscribe(listener)   # listener(RunsChanged | BatchesChanged | Notice)

    # queries (synchronous, in memory)
    engine.run(run_id) -> Run | None
    engine.runs(group=StateGroup.ALL, *, workflow=None, batch_id=None) -> list[Run]  # newest first
    engine.counts(*, workflow=None, batch_id=None) -> dict[StateGroup, int]
    engine.workflows() -> list[str]
    engine.expected_nodes(workflow) -> list[str]   # nodes of its latest completed run, in order
    engine.batches() -> list[Batch];  engine.batch(batch_id) -> Batch | None
    engine.batch_runs(batch_id) -> list[Run]                                        # batch order
    engine.held_batches() -> list[HeldBatch]   # paused, or running but unable to send, and why
    engine.expected_credits(workflow) -> float | None   # what its latest completed run cost
    engine.outputs_of(run_id) -> list[OutputRecord]
    engine.saved_outputs() -> list[OutputRecord]     # every saved file's record
    engine.budget_state(profile) -> BudgetState | None
    engine.credits_used_this_session -> float;  engine.submissions_paused -> bool
    engine.history_complete -> bool   # the newest 200 + unfinished runs come first, then the rest

    # actions
    await engine.submit(workflow, inputs, *, profile, webhook=None) -> Run          # interactive
    await engine.submit_batch(name, workflow, input_sets, *, profile, max_active=None,
                              webhook=None) -> Batch                                # batch priority
    engine.cancel(run_ids)           # WAITING: dropped locally; remote: PUT .../cancel
    engine.cancel_batch(batch_id)
    await engine.retry(run_ids) -> list[Run]       # FAILED/REJECTED/CANCELLED/UNCERTAIN or out
                                                   # of contact -> new runs
    await engine.check_again(run_ids) -> list[str] # one status call each; answered ones followed
    engine.move_addresses(profile, old_base, new_base) -> list[str]  # server came back elsewhere
    engine.pause_batch(batch_id, reason=None); engine.resume_batch(batch_id)
    engine.pause_submissions(); engine.resume_submissions()
    engine.move(run_id, steps) -> bool             # waiting runs of a batch; negative = earlier
    await engine.library.remove_from_history(run_ids) -> list[str]
    await engine.library.delete_runs(run_ids, holding) -> HeldDeletion | None  # files moved aside
    await engine.library.undo_delete(held, holding) -> list[Path]  # files that could not go back
    await engine.library.attach(workflow, request_id, *, profile) -> Run  # a run sent elsewhere
    await engine.library.search(SearchQuery) -> list[str]   # FTS5 over the whole history
    engine.marks: MarkBook   # stars/rejects: get, of_run, is_starred, set(keys, mark), press
    engine.set_visible_runs(run_ids); engine.set_selected_run(run_id | None)
    engine.set_max_active_runs(n); engine.set_batch_max_active(batch_id, n)
    engine.set_outputs_folder(path | None)
    engine.outputs_relocated({old_path: new_path}) -> list[str]   # files moved: records follow
    await engine.reconnect(profile)  # its key or address changed: make a new client

A run's row is committed before its submit leaves; a submit is never re-sent by the engine
(a lost answer leaves the run UNCERTAIN, and three in a row pause the batch); a 401/402/403
answer to a batch submit pauses the batch with the reason and puts the run back in line. A
batch's submits go one by one until one is answered (so that a refusal pauses the batch before
the next leaves), then overlap: the next goes without waiting for the previous answer, as does
one after an answer slower than ``submit_patience``; at most ``batch_submits_in_flight`` wait
for answers at once, each with its row committed first, which also bounds how many runs a
crash can leave UNCERTAIN.
"""

from __future__ import annotations

from fizzly_desktop.core.engine.connections import ClientFactory, ProfileConnection
from fizzly_desktop.core.engine.facade import RunEngine
from fizzly_desktop.core.engine.settings import (
    FIRST_LOAD,
    GONE_FROM_SERVER,
    PAUSED_AFTER_RESTART,
    PAUSED_BY_USER,
    PAUSED_UNCERTAIN,
    UNCERTAIN_AFTER_RESTART,
    UNCERTAIN_STREAK_PAUSE,
    EngineSettings,
)

__all__ = [
    "FIRST_LOAD",
    "GONE_FROM_SERVER",
    "PAUSED_AFTER_RESTART",
    "PAUSED_BY_USER",
    "PAUSED_UNCERTAIN",
    "UNCERTAIN_AFTER_RESTART",
    "UNCERTAIN_STREAK_PAUSE",
    "ClientFactory",
    "EngineSettings",
    "ProfileConnection",
    "RunEngine",
]
