"""What became of the runs the user cancelled, said in one line once each has settled."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from fizzly_desktop.core.formatting import plural_credits
from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from fizzly_desktop.core.runs import Run, RunState

#: States a cancelled run can still pass through before it settles.
_UNSETTLED = frozenset(
    {
        RunState.WAITING,
        RunState.SUBMITTING,
        RunState.PENDING,
        RunState.IN_QUEUE,
        RunState.IN_PROGRESS,
        RunState.CANCELLING,
    }
)


@dataclass
class _Request:
    """One cancel the user asked for (one click on one or many runs)."""

    pending: set[str]
    settled: list[Run] = field(default_factory=list)


def cancellable(run: Run) -> bool:
    """Whether a cancel does anything to ``run`` (as the engine's dispatcher decides)."""
    if run.state in (RunState.WAITING, RunState.SUBMITTING):
        return True
    return (
        run.state in (RunState.PENDING, RunState.IN_QUEUE, RunState.IN_PROGRESS)
        and run.request_id is not None
        and not run.gone_from_server
    )


_TOO_LATE = {
    RunState.COMPLETED: QT_TRANSLATE_NOOP(
        "Cancels", "Done before the cancel reached the server · charged as usual"
    ),
    RunState.FAILED: QT_TRANSLATE_NOOP("Cancels", "Failed before the cancel reached the server"),
    RunState.REJECTED: QT_TRANSLATE_NOOP("Cancels", "Refused by the server · nothing charged"),
    RunState.UNCERTAIN: QT_TRANSLATE_NOOP(
        "Cancels", "Sent, no answer: check the run before sending it again"
    ),
}


def settled(run: Run) -> bool:
    """True once a cancelled run's outcome is known, refund included.

    A run cancelled on the server settles when its refund is known: the cancel's answer
    carries it, and the state may be confirmed by the stream before that answer arrives.
    """
    if run.gone_from_server:
        return True
    if run.state in _UNSETTLED:
        return False
    if run.state is RunState.CANCELLED and run.request_id is not None:
        return run.credits_refunded is not None
    return True


def _credits(amount: float) -> str:
    return plural_credits(amount)


def describe(runs: Iterable[Run]) -> str:
    """``"Cancelled · 7 credits refunded"``, ``"Not sent · nothing charged"``, or for many
    runs ``"3 cancelled · 12 credits refunded; 2 not sent · nothing charged"``."""
    runs = list(runs)
    gone = [r for r in runs if r.gone_from_server and r.state is not RunState.CANCELLED]
    unsent = [r for r in runs if r.state is RunState.CANCELLED and r.request_id is None]
    cancelled = [r for r in runs if r.state is RunState.CANCELLED and r.request_id is not None]
    finished = [r for r in runs if r.state is not RunState.CANCELLED and r not in gone]
    refunded = sum(r.credits_refunded or 0.0 for r in cancelled)
    refund = (
        translate("Cancels", "{credits} refunded").format(credits=_credits(refunded))
        if refunded
        else translate("Cancels", "nothing refunded")
    )
    if len(runs) == 1:
        run = runs[0]
        if gone:
            return translate("Cancels", "Unknown to the server: it no longer knows this run")
        if unsent:
            return translate("Cancels", "Not sent · nothing charged")
        if cancelled:
            return translate("Cancels", "Cancelled · {refund}").format(refund=refund)
        return translate(
            "Cancels",
            _TOO_LATE.get(
                run.state,
                QT_TRANSLATE_NOOP("Cancels", "Finished before the cancel reached the server"),
            ),
        )
    parts = []
    if cancelled:
        parts.append(
            translate("Cancels", "{cancelled} cancelled · {refund}").format(
                cancelled=len(cancelled), refund=refund
            )
        )
    if unsent:
        parts.append(
            translate("Cancels", "{unsent} not sent · nothing charged").format(unsent=len(unsent))
        )
    if finished:
        parts.append(
            translate("Cancels", "{finished} finished before the cancel reached the server").format(
                finished=len(finished)
            )
        )
    if gone:
        parts.append(translate("Cancels", "{gone} unknown to the server").format(gone=len(gone)))
    return "; ".join(parts)


class CancelWatch:
    """Follows the runs of each cancel the user asked for until all of them have settled.

    ``watch`` a cancel's runs; feed every changed run to ``update``, which returns the line to
    show once the last run of a cancel has settled (refund known).
    """

    def __init__(self) -> None:
        self._requests: list[_Request] = []

    def watch(self, run_ids: Iterable[str]) -> None:
        ids = set(run_ids)
        if ids:
            self._requests.append(_Request(pending=ids))

    @property
    def watching(self) -> bool:
        return bool(self._requests)

    def update(self, runs: Iterable[Run], removed: Iterable[str] = ()) -> list[str]:
        """The lines of the cancels that settled with these changes, in the order asked.

        ``removed``: runs taken out of the history, of which nothing more will be heard.
        """
        done: list[str] = []
        changed = {run.id: run for run in runs}
        gone = set(removed)
        for request in list(self._requests):
            request.pending -= gone
            for run_id in list(request.pending):
                run = changed.get(run_id)
                if run is not None and settled(run):
                    request.pending.discard(run_id)
                    request.settled.append(run)
            if not request.pending:
                self._requests.remove(request)
                if request.settled:
                    done.append(describe(request.settled))
        return done
