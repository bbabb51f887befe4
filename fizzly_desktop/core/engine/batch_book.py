"""Batch bookkeeping of the run engine: saving, finishing, pausing and reordering batches."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from fizzly_desktop.core.batches import Batch, BatchState
from fizzly_desktop.core.engine.ledger import RunLedger
from fizzly_desktop.core.engine.settings import (
    PAUSED_AFTER_RESTART,
    PAUSED_UNCERTAIN,
    UNCERTAIN_STREAK_PAUSE,
)
from fizzly_desktop.core.events import Notice, NoticeLevel
from fizzly_desktop.core.runs import Run, RunState


class BatchBook:
    """The batches, and what their runs' outcomes mean for them (finished, paused, resumed)."""

    def __init__(self, ledger: RunLedger) -> None:
        self._ledger = ledger
        self.batches: dict[str, Batch] = {}
        #: Lost answers in a row per batch; a batch pauses at UNCERTAIN_STREAK_PAUSE.
        self._uncertain_streak: dict[str, int] = {}

    def get(self, batch_id: str | None) -> Batch | None:
        return self.batches.get(batch_id) if batch_id else None

    def save(self, batch: Batch) -> None:
        """Record and publish a change of ``batch``."""
        self._ledger.history.save_batch(batch)
        self._ledger.events.batches_updated([batch.id])
        self.mark_held(batch)

    def runs_of(self, batch_id: str) -> list[Run]:
        """The batch's runs that are loaded, in its order."""
        batch = self.batches.get(batch_id)
        runs = self._ledger.runs
        return [runs[rid] for rid in batch.run_ids if rid in runs] if batch else []

    def cancel_order(self, batch_id: str) -> list[list[str]]:
        """The batch's runs to cancel, in the order to cancel them: the waiting ones first,
        from the end, so that none is sent while the others are dropped; then all of them."""
        batch = self.batches.get(batch_id)
        if batch is None:
            return []
        state = self._ledger.state
        waiting = [rid for rid in reversed(batch.run_ids) if state(rid) is RunState.WAITING]
        return [waiting, list(batch.run_ids)]

    def pause(self, batch_id: str, reason: str) -> None:
        """The user (or ``reason``) holds the batch's waiting runs; a finished batch stays so."""
        batch = self.batches.get(batch_id)
        if batch is None or batch.state is BatchState.FINISHED:
            return
        batch.pause(reason)
        self.save(batch)

    def resume(self, batch_id: str) -> bool:
        """Let a paused batch send again; returns whether it was paused."""
        batch = self.batches.get(batch_id)
        if batch is None or batch.state is not BatchState.PAUSED:
            return False
        batch.resume()
        self.save(batch)
        self.check(batch_id)
        return True

    def set_max_active(self, batch_id: str, count: int) -> bool:
        """How many of the batch's runs may be active at once (at least one)."""
        batch = self.batches.get(batch_id)
        if batch is None:
            return False
        batch.max_active = max(1, count)
        self.save(batch)
        return True

    def mark_held(self, batch: Batch) -> None:
        """Mark the batch's waiting runs as held while it is paused (they need attention)."""
        runs = self._ledger.runs
        changed: list[str] = []
        for rid in batch.run_ids:
            run = runs.get(rid)
            if run is not None and run.held != batch.is_paused:
                self._ledger.writable(run).held = batch.is_paused
                changed.append(rid)
        if changed:
            self._ledger.events.runs_updated(changed)

    def is_done(self, batch: Batch) -> bool:
        """No run of the batch is waiting or on its way (runs gone from the server aside)."""
        runs = self._ledger.runs
        for rid in batch.run_ids:
            run = runs.get(rid)
            if run is None or run.gone_from_server:
                continue
            if run.state is RunState.WAITING or run.state.is_active:
                return False
        return True

    def check(self, batch_id: str) -> None:
        """Finish a batch whose runs are all done, or reopen a finished one that has more."""
        batch = self.batches.get(batch_id)
        if batch is None:
            return
        done = self.is_done(batch)
        if done and batch.state is not BatchState.FINISHED:
            batch.finish()
            self.save(batch)
            self._ledger.events.notice(Notice(f"Batch “{batch.name}” finished.", batch_id=batch.id))
        elif not done and batch.state is BatchState.FINISHED:
            batch.resume()
            self.save(batch)
        else:
            self._ledger.events.batches_updated([batch.id])

    def pause_with_notice(self, batch: Batch, reason: str) -> None:
        """Pause ``batch`` because of something that would hit each of its runs, and say why."""
        batch.pause(reason)
        self.save(batch)
        self._ledger.events.notice(
            Notice(f"Batch “{batch.name}” paused: {reason}", NoticeLevel.ERROR, batch_id=batch.id)
        )

    def pick_up_after_restart(self) -> None:
        """Batches that were running come back paused (or finished, if nothing is left)."""
        for batch in self.batches.values():
            if batch.state is BatchState.RUNNING:
                if self.is_done(batch):
                    batch.finish()
                else:
                    batch.pause(PAUSED_AFTER_RESTART)
                self._ledger.history.save_batch(batch)
            self.mark_held(batch)

    def answer_lost(self, batch: Batch) -> None:
        """A submit of ``batch`` got no answer: a few in a row pause the batch."""
        streak = self._uncertain_streak.get(batch.id, 0) + 1
        self._uncertain_streak[batch.id] = streak
        if streak >= UNCERTAIN_STREAK_PAUSE and batch.state is BatchState.RUNNING:
            # Each lost answer may be a paid run: do not keep sending blind.
            self._uncertain_streak[batch.id] = 0
            self.pause_with_notice(batch, PAUSED_UNCERTAIN)

    def answered(self, batch_id: str) -> None:
        """A submit of the batch was answered: the streak of lost answers ends."""
        self._uncertain_streak.pop(batch_id, None)

    def retries_of(self, run_ids: Iterable[str]) -> tuple[list[Run], set[str]]:
        """New runs with the same inputs as the retryable ones of ``run_ids``, linked to them
        (``retry_of``) and appended to their batches; returns them and the batches touched."""
        runs = self._ledger.runs
        created: list[Run] = []
        touched: set[str] = set()
        for rid in run_ids:
            old = runs.get(rid)
            if old is None or not old.can_run_again:
                continue
            batch = self.get(old.batch_id)
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
        return created, touched

    def reopen(self, batch_ids: Iterable[str]) -> None:
        """Batches that got new runs: a finished one runs again."""
        for bid in batch_ids:
            batch = self.batches[bid]
            if batch.state is BatchState.FINISHED:
                batch.resume()
                self._ledger.history.save_batch(batch)
            self._ledger.events.batches_updated([bid])

    def move(self, batch: Batch, run_id: str, steps: int) -> bool:
        """Move a waiting run ``steps`` places among the batch's waiting runs."""
        runs = self._ledger.runs
        if not batch.move(run_id, steps, runs):
            return False
        # Creation times follow the batch order (the history lists runs newest first), so the
        # waiting runs trade their times to match the new order and the queue shows it.
        waiting = [
            runs[rid]
            for rid in batch.run_ids
            if rid in runs and runs[rid].state is RunState.WAITING
        ]
        stamps = sorted(r.created_at for r in waiting)
        changed = [r for r, stamp in zip(waiting, stamps, strict=True) if r.created_at != stamp]
        for waiting_run, stamp in zip(waiting, stamps, strict=True):
            waiting_run.created_at = stamp
        if changed:
            self._ledger.history.save_runs(changed)
            self._ledger.events.runs_updated([r.id for r in changed])
        self.save(batch)
        return True

    def remove_runs(self, gone: set[str]) -> None:
        """Take removed runs out of their batches; a batch left empty is removed too."""
        for batch in list(self.batches.values()):
            if gone.isdisjoint(batch.run_ids):
                continue
            batch.remove(gone)
            if batch.run_ids:
                self.save(batch)
                self.check(batch.id)
            else:
                del self.batches[batch.id]
                self._ledger.history.delete_batch(batch.id)
                self._ledger.events.batches_removed([batch.id])

    def snapshot(self, run_ids: Iterable[str]) -> dict[str, Batch]:
        """Copies of the batches these runs belong to, as they are now (for an undo)."""
        wanted = set(run_ids)
        return {
            batch.id: replace(batch, run_ids=list(batch.run_ids))
            for batch in self.batches.values()
            if not wanted.isdisjoint(batch.run_ids)
        }

    def restore_runs(self, snapshots: Mapping[str, Batch], restored: Iterable[str]) -> None:
        """Put ``restored`` runs back in the batches of ``snapshots`` at their places; a batch
        removed since (its last run was deleted) comes back as it was."""
        back = set(restored)
        for batch_id, before in snapshots.items():
            batch = self.batches.get(batch_id)
            present = set(batch.run_ids) if batch is not None else set()
            order = [rid for rid in before.run_ids if rid in back or rid in present]
            if batch is None:
                if not order:
                    continue
                batch = replace(before, run_ids=order)
                self.batches[batch_id] = batch
                self._ledger.history.save_batch(batch)
                self._ledger.events.batches_added([batch_id])
                self.mark_held(batch)
            else:
                # Runs added since (retries) keep their places after the restored order.
                known = set(before.run_ids)
                batch.run_ids = order + [rid for rid in batch.run_ids if rid not in known]
                self.save(batch)
            self.check(batch_id)
