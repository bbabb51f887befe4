"""Batches whose runs are waiting and not being sent, and what the window says about them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from fizzly_desktop.core.batches import Batch, BatchState
from fizzly_desktop.core.formatting import count_words
from fizzly_desktop.core.runs import Run, RunState

#: Why a resumed batch sends nothing while every run is held by Run ▸ Pause Sending.
SENDING_PAUSED = "sending is paused (Run ▸ Pause Sending turns it back on)"


@dataclass(frozen=True)
class HeldBatch:
    """A batch with runs not sent yet that are not on their way, and why.

    ``paused``: the batch is paused (the banner offers Resume); otherwise it runs but cannot
    send, and ``reason`` says why (the banner offers to pause or cancel it).
    """

    batch_id: str
    name: str
    waiting: int
    paused: bool
    reason: str | None

    @property
    def text(self) -> str:
        """``Batch “Slow render × 12” is paused: 4 runs not sent yet.`` and why, if known."""
        runs = count_words(self.waiting, "run")
        if self.paused:
            text = f"Batch “{self.name}” is paused: {runs} not sent yet."
            return f"{text} {self.reason}" if self.reason else text
        return f"Batch “{self.name}” cannot send its {runs} not sent yet: {self.reason}"


def held_batches(
    batches: Iterable[Batch], runs: Mapping[str, Run], *, sending_paused: bool
) -> list[HeldBatch]:
    """The batches whose waiting runs are not being sent: paused ones, and running ones whose
    next run came back unsent with a reason (no key, key refused, server unreachable...)."""
    held: list[HeldBatch] = []
    for batch in batches:
        if batch.state is BatchState.FINISHED:
            continue
        waiting = [
            run
            for rid in batch.run_ids
            if (run := runs.get(rid)) is not None and run.state is RunState.WAITING
        ]
        if not waiting:
            continue
        if batch.is_paused:
            held.append(HeldBatch(batch.id, batch.name, len(waiting), True, batch.pause_reason))
            continue
        if sending_paused:
            reason: str | None = SENDING_PAUSED
        else:
            # A run put back in line keeps the reason it was not sent, until it is sent.
            reason = next((run.error for run in waiting if run.error), None)
        if reason:
            held.append(HeldBatch(batch.id, batch.name, len(waiting), False, reason))
    return held


__all__ = ["SENDING_PAUSED", "HeldBatch", "held_batches"]
