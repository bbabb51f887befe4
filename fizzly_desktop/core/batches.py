"""A batch: a named, ordered list of input sets for one workflow, sent in order with a limit.

Each input set becomes a run (``WAITING`` until sent); the batch keeps their order. Only runs
not yet sent can be moved; moving one swaps it with its nearest waiting neighbour, so runs already
on the server keep their place in the list.
"""

from __future__ import annotations

import enum
import time
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from fizzly_desktop.core.runs import Run, RunState

#: Runs of one batch active at once unless the user says otherwise.
DEFAULT_MAX_ACTIVE = 4


class BatchState(enum.StrEnum):
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


@dataclass
class Batch:
    """A batch of runs of one workflow, in the order they are sent."""

    id: str
    name: str
    workflow: str
    profile: str
    run_ids: list[str] = field(default_factory=list)
    state: BatchState = BatchState.RUNNING
    pause_reason: str | None = None
    max_active: int = DEFAULT_MAX_ACTIVE
    created_at: float = field(default_factory=time.time)
    updated_at: float = field(default_factory=time.time)

    @classmethod
    def create(
        cls, name: str, workflow: str, profile: str, *, max_active: int = DEFAULT_MAX_ACTIVE
    ) -> Batch:
        if max_active < 1:
            raise ValueError("A batch needs at least one run active at a time.")
        return cls(
            id=uuid.uuid4().hex,
            name=name.strip() or workflow,
            workflow=workflow,
            profile=profile,
            max_active=max_active,
        )

    @property
    def is_paused(self) -> bool:
        return self.state is BatchState.PAUSED

    def pause(self, reason: str) -> None:
        self.state = BatchState.PAUSED
        self.pause_reason = reason
        self.updated_at = time.time()

    def resume(self) -> None:
        self.state = BatchState.RUNNING
        self.pause_reason = None
        self.updated_at = time.time()

    def finish(self) -> None:
        self.state = BatchState.FINISHED
        self.pause_reason = None
        self.updated_at = time.time()

    def position(self, run_id: str) -> int:
        return self.run_ids.index(run_id)

    def next_waiting(self, runs: Mapping[str, Run]) -> Run | None:
        """The first run in order that has not been sent yet."""
        for run_id in self.run_ids:
            run = runs.get(run_id)
            if run is not None and run.state is RunState.WAITING:
                return run
        return None

    def active_count(self, runs: Mapping[str, Run]) -> int:
        return sum(
            1 for rid in self.run_ids if (r := runs.get(rid)) is not None and r.state.is_active
        )

    def is_done(self, runs: Mapping[str, Run]) -> bool:
        """Nothing left to send and nothing on its way: every run is final or needs the user."""
        for rid in self.run_ids:
            run = runs.get(rid)
            if run is None:
                continue
            if run.state is RunState.WAITING or run.state.is_active:
                return False
        return True

    def counts(self, runs: Mapping[str, Run]) -> dict[RunState, int]:
        result: dict[RunState, int] = {}
        for rid in self.run_ids:
            run = runs.get(rid)
            if run is not None:
                result[run.state] = result.get(run.state, 0) + 1
        return result

    def move(self, run_id: str, steps: int, runs: Mapping[str, Run]) -> bool:
        """Move a waiting run ``steps`` places among the waiting runs (negative = earlier).

        Returns whether anything moved; a run already sent never moves.
        """
        run = runs.get(run_id)
        if run is None or run.state is not RunState.WAITING or run_id not in self.run_ids:
            return False
        moved = False
        for _ in range(abs(steps)):
            index = self.run_ids.index(run_id)
            neighbour = self._waiting_neighbour(index, -1 if steps < 0 else 1, runs)
            if neighbour is None:
                break
            self.run_ids[index], self.run_ids[neighbour] = (
                self.run_ids[neighbour],
                self.run_ids[index],
            )
            moved = True
        if moved:
            self.updated_at = time.time()
        return moved

    def _waiting_neighbour(self, index: int, direction: int, runs: Mapping[str, Run]) -> int | None:
        i = index + direction
        while 0 <= i < len(self.run_ids):
            other = runs.get(self.run_ids[i])
            if other is not None and other.state is RunState.WAITING:
                return i
            i += direction
        return None

    def remove(self, run_ids: Iterable[str]) -> None:
        gone = set(run_ids)
        self.run_ids = [rid for rid in self.run_ids if rid not in gone]
        self.updated_at = time.time()


def build_batch(
    name: str,
    workflow: str,
    input_sets: Iterable[Mapping[str, object]],
    profile: str,
    *,
    key_fingerprint: str = "",
    max_active: int = DEFAULT_MAX_ACTIVE,
    webhook: str | None = None,
) -> tuple[Batch, list[Run]]:
    """A new batch and its runs (all ``WAITING``), in the order of ``input_sets``."""
    batch = Batch.create(name, workflow, profile, max_active=max_active)
    runs = [
        Run.create(
            workflow,
            dict(inputs),
            profile,
            key_fingerprint=key_fingerprint,
            webhook=webhook,
            batch_id=batch.id,
        )
        for inputs in input_sets
    ]
    if not runs:
        raise ValueError("A batch needs at least one set of inputs.")
    # Creation times one microsecond apart keep the history's newest-first order equal to the
    # batch order even when the clock does not move between runs.
    base = time.time()
    for offset, run in enumerate(runs):
        run.created_at = base + offset * 1e-6
    batch.run_ids = [run.id for run in runs]
    return batch, runs
