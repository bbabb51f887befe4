"""What a run of a workflow costs: the newest completed runs, kept up to date run by run."""

from __future__ import annotations

from fizzly_desktop.core.recent_costs import RecentCosts
from fizzly_desktop.core.runs import Run, RunState

FOX = "demo/text-to-image"
OWL = "demo/prompt-enhancer"


def make_run(created_at: float, credits: float | None, workflow: str = FOX) -> Run:
    run = Run.create(workflow, {"prompt": "a fox"}, "Local sandbox")
    run.state = RunState.COMPLETED
    run.created_at = created_at
    run.credits_used = credits
    return run


class History:
    """The engine's completed runs, counting how often they were read whole."""

    def __init__(self, runs: list[Run]) -> None:
        self.runs = runs
        self.reads = 0

    def completed(self, workflow: str) -> list[Run]:
        self.reads += 1
        return [r for r in self.runs if r.workflow == workflow and r.state is RunState.COMPLETED]


def test_the_newest_runs_that_say_their_cost_are_averaged() -> None:
    history = History(
        [make_run(1.0, 100.0), make_run(2.0, 4.0), make_run(3.0, None), make_run(4.0, 2.0)]
    )
    costs = RecentCosts(history.completed, newest=3)
    # The oldest run's 100 credits are beyond the newest three; the unpriced one is skipped.
    assert costs.per_run(FOX) == 3.0
    assert costs.per_run(OWL) is None


def test_a_finished_run_moves_the_figure_without_reading_the_history_again() -> None:
    history = History([make_run(1.0, 2.0), make_run(2.0, 4.0)])
    costs = RecentCosts(history.completed, newest=2)
    assert costs.per_run(FOX) == 3.0
    newer = make_run(3.0, 10.0)
    history.runs.append(newer)
    assert costs.note([newer, make_run(0.5, 50.0), make_run(5.0, 1.0, OWL)]) == {FOX}
    assert costs.per_run(FOX) == 7.0  # 4 and 10: the oldest gave way, the older one never came
    assert history.reads == 1


def test_runs_of_a_workflow_not_asked_for_yet_are_read_whole_later() -> None:
    history = History([make_run(1.0, 2.0)])
    costs = RecentCosts(history.completed)
    assert costs.note([make_run(2.0, 8.0)]) == set()
    history.runs.append(make_run(3.0, 4.0))
    assert costs.per_run(FOX) == 3.0


def test_a_removed_or_no_longer_completed_run_stops_counting() -> None:
    kept = make_run(1.0, 2.0)
    gone = make_run(2.0, 10.0)
    history = History([kept, gone])
    costs = RecentCosts(history.completed)
    assert costs.per_run(FOX) == 6.0
    history.runs.remove(gone)
    assert costs.forget({gone.id, "unknown"}) == {FOX}
    assert costs.per_run(FOX) == 2.0
    kept.state = RunState.FAILED
    assert costs.note([kept]) == {FOX}
    assert costs.per_run(FOX) is None


def test_a_repriced_run_replaces_its_old_cost_and_clear_reads_again() -> None:
    run = make_run(1.0, 2.0)
    history = History([run])
    costs = RecentCosts(history.completed)
    assert costs.per_run(FOX) == 2.0
    repriced = make_run(1.0, 6.0)
    repriced.id = run.id
    assert costs.note([repriced]) == {FOX}
    assert costs.note([repriced]) == set()
    assert costs.per_run(FOX) == 6.0
    costs.clear()
    assert costs.per_run(FOX) == 2.0  # the history's own copy again
    assert history.reads == 2
