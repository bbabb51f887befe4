"""What quitting now would leave behind, said in one question (None: nothing to ask)."""

from __future__ import annotations

from collections.abc import Iterable

from fizzly_desktop.core.i18n import translate
from fizzly_desktop.core.runs import Run, RunState

#: Runs the server has (or is being sent): they go on without the app.
_ON_SERVER = frozenset(
    {
        RunState.SUBMITTING,
        RunState.PENDING,
        RunState.IN_QUEUE,
        RunState.IN_PROGRESS,
        RunState.CANCELLING,
    }
)


def _runs(count: int) -> str:
    return f"{count} run" if count == 1 else f"{count} runs"


def quit_question(runs: Iterable[Run]) -> str | None:
    """The words of "Quit now?" for these runs, or None when quitting loses nothing.

    ``"12 runs are still running on the server. They keep running and the app picks them up
    when you reopen it; 4 waiting batch runs are not sent until then."``
    """
    on_server = waiting = waiting_in_batches = 0
    for run in runs:
        if run.gone_from_server:
            continue
        if run.state in _ON_SERVER:
            on_server += 1
        elif run.state is RunState.WAITING:
            waiting += 1
            waiting_in_batches += run.batch_id is not None
    if not on_server and not waiting:
        return None
    if not on_server:
        return translate(
            "Quitting",
            "%n run(s) [is|are] waiting to be sent. "
            "[It is|They are] not sent until you reopen the app.",
            None,
            waiting,
        )
    text = translate(
        "Quitting",
        "%n run(s) [is|are] still running on the server. "
        "[It keeps|They keep] running and the app picks [it|them] up when you reopen it",
        None,
        on_server,
    )
    if waiting:
        if waiting == waiting_in_batches:
            unsent = translate(
                "Quitting", "%n waiting batch run(s) [is|are] not sent", None, waiting
            )
        else:
            unsent = translate("Quitting", "%n waiting run(s) [is|are] not sent", None, waiting)
        return translate("Quitting", "{text}; {unsent} until then.").format(
            text=text, unsent=unsent
        )
    return f"{text}."
