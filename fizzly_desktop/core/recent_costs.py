"""What a run of each workflow costs, from its newest completed runs, kept up to date run by run."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable

from fizzly_desktop.core.runs import Run, RunState

#: How many of a workflow's newest completed runs the figure is taken from.
NEWEST = 50


class RecentCosts:
    """The average credits of each workflow's newest completed runs.

    Asking the engine for a workflow's completed runs walks and sorts the whole history, which
    at tens of thousands of runs takes longer than a frame; a figure asked for on every
    finished run is therefore kept here and brought up to date from the runs that change.

    Args:
        completed_runs: the completed runs of a workflow, in any order (the engine's), read
            once per workflow when its figure is first asked for.
        newest: how many of the newest completed runs count.
    """

    def __init__(
        self, completed_runs: Callable[[str], Iterable[Run]], *, newest: int = NEWEST
    ) -> None:
        self._completed_runs = completed_runs
        self._newest = newest
        # Per workflow: run id -> (created_at, credits) of at most ``newest`` runs.
        self._kept: dict[str, dict[str, tuple[float, float | None]]] = {}

    def per_run(self, workflow: str) -> float | None:
        """Average credits over the newest completed runs that say what they cost, or None."""
        kept = self._kept.get(workflow)
        if kept is None:
            newest = heapq.nlargest(
                self._newest, self._completed_runs(workflow), key=lambda r: r.created_at
            )
            kept = self._kept[workflow] = {r.id: (r.created_at, r.credits_used) for r in newest}
        used = [credits for _, credits in kept.values() if credits is not None]
        return sum(used) / len(used) if used else None

    def note(self, runs: Iterable[Run]) -> set[str]:
        """Take in runs that were added or changed; returns the workflows whose figure moved."""
        moved: set[str] = set()
        for run in runs:
            kept = self._kept.get(run.workflow)
            if kept is None:
                continue  # read whole when first asked for
            if run.state is not RunState.COMPLETED:
                if kept.pop(run.id, None) is not None:
                    self._kept.pop(run.workflow)  # one fewer: the next oldest is not kept here
                    moved.add(run.workflow)
                continue
            entry = (run.created_at, run.credits_used)
            if kept.get(run.id) == entry:
                continue
            if run.id not in kept and len(kept) >= self._newest:
                oldest = min(kept, key=lambda rid: kept[rid][0])
                if kept[oldest][0] >= run.created_at:
                    continue  # older than every run that counts
                del kept[oldest]
            kept[run.id] = entry
            moved.add(run.workflow)
        return moved

    def forget(self, run_ids: Iterable[str]) -> set[str]:
        """Runs removed from the history: workflows that held one are read whole again."""
        gone = set(run_ids)
        moved = {workflow for workflow, kept in self._kept.items() if gone & kept.keys()}
        for workflow in moved:
            del self._kept[workflow]
        return moved

    def clear(self) -> None:
        """Read every workflow whole again (another engine, another history)."""
        self._kept.clear()
