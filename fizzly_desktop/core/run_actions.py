"""What a user can do with one run, by its state and contact: the details panel's buttons."""

from __future__ import annotations

import enum

from fizzly_desktop.core.runs import Contact, Run, RunState


class RunAction(enum.StrEnum):
    """An action on one run; the value is the button's words, the order the panel's."""

    CANCEL = "Cancel"
    CHECK_AGAIN = "Check again"
    #: A failed, cancelled or refused run: a new run with the same inputs.
    RETRY = "Retry"
    #: A run whose fate is unknown (uncertain, out of contact): a new run, the old one stays.
    RUN_AGAIN = "Run again"
    FORGET = "Forget"


_CANCELLABLE_REMOTE = frozenset({RunState.PENDING, RunState.IN_QUEUE, RunState.IN_PROGRESS})


def actions_for(run: Run) -> tuple[RunAction, ...]:
    """The actions that apply to ``run`` now, in the order the panel shows them."""
    found: list[RunAction] = []
    state = run.state
    if state in (RunState.WAITING, RunState.SUBMITTING) or (
        state in _CANCELLABLE_REMOTE
        and run.request_id is not None
        and run.contact is not Contact.UNKNOWN
    ):
        found.append(RunAction.CANCEL)
    if run.can_check_again:
        found.append(RunAction.CHECK_AGAIN)
    if state in (RunState.FAILED, RunState.CANCELLED, RunState.REJECTED):
        found.append(RunAction.RETRY)
    elif run.can_run_again:
        found.append(RunAction.RUN_AGAIN)
    if run.out_of_contact or state is RunState.UNCERTAIN:
        found.append(RunAction.FORGET)
    return tuple(found)


__all__ = ["RunAction", "actions_for"]
