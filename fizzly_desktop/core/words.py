"""The words the window uses for runs: one phrase per state, position, wait and count.

The single word of each state is ``RunState.label`` and each sidebar group's name is
``StateGroup.label`` (core/runs.py); the phrases here build on them, so the queue table, the
sidebar, the run details, notices and the status bar all say the same thing. Views read these;
they do not compose state words of their own.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fizzly_desktop.core.batches import Batch, BatchState
from fizzly_desktop.core.formatting import format_count, format_duration, plural_credits
from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP, translate
from fizzly_desktop.core.runs import Contact, Run, RunState, StateGroup, group_of

if TYPE_CHECKING:
    # Only a type here: importing the API package at run time would load httpx and pydantic
    # before the window's first paint, which these words are part of.
    from fizzly_desktop.api.budget import BudgetState

#: A run the app can no longer reach the server of (shown in "Needs attention"); English here,
#: translated where shown (``Contact.LOST.label``).
LOST_CONTACT = "Lost contact"
#: A run the server answers 404 for: it no longer knows it (shown in "Needs attention").
UNKNOWN_TO_SERVER = "Unknown to the server"
#: What a queued run says where its place is not known, or was heard too long ago.
POSITION_UNKNOWN = QT_TRANSLATE_NOOP("Words", "position unknown")
#: A queue position heard longer ago than this may have moved on: it is shown as stale.
STALE_POSITION_AFTER = 30.0

#: Plurals that do not just add an "s".
_PLURALS = {"batch": "batches", "credit": "credits", "this": "these"}
#: The counted words the window uses, as phrases a translation gives every plural form of.
_COUNTED = {
    "run": QT_TRANSLATE_NOOP("Words", "%n run(s)"),
    "batch": QT_TRANSLATE_NOOP("Words", "%n batch(es)"),
    "file": QT_TRANSLATE_NOOP("Words", "%n file(s)"),
    "output": QT_TRANSLATE_NOOP("Words", "%n output(s)"),
    "item": QT_TRANSLATE_NOOP("Words", "%n item(s)"),
    "character": QT_TRANSLATE_NOOP("Words", "%n character(s)"),
    "saved file": QT_TRANSLATE_NOOP("Words", "%n saved file(s)"),
    "starred run": QT_TRANSLATE_NOOP("Words", "%n starred run(s)"),
    "credit": QT_TRANSLATE_NOOP("Words", "%n credit(s)"),
}


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 run``, ``2 runs``, ``1 batch``, ``3 batches``, ``1,200 outputs`` (translated)."""
    phrase = _COUNTED.get(word)
    if phrase is not None and many is None:
        text = translate("Words", phrase, None, count)
        # Qt writes %n without grouping; the count is written as the locale groups it.
        return text.replace(str(count), format_count(count), 1) if count >= 1000 else text
    form = word if count == 1 else (many or _PLURALS.get(word, f"{word}s"))
    return f"{format_count(count)} {form}"


def state_word(run: Run, *, lost_contact: bool = False) -> str:
    """The state column's word: the state's own, or why the run needs attention."""
    if not run.state.is_terminal:
        if run.out_of_contact:
            return run.contact.label  # "Lost contact" or "Unknown to the server"
        if lost_contact:
            return Contact.LOST.label
    return run.state.label


def position_age(run: Run, now: float | None = None) -> float | None:
    """Seconds since the run's queue position was heard, or None when it never was."""
    if run.queue_position is None or run.queue_position_at is None:
        return None
    return max(0.0, (time.time() if now is None else now) - run.queue_position_at)


def position_is_stale(run: Run, now: float | None = None) -> bool:
    """The position shown may have moved on (old, or of unknown age)."""
    age = position_age(run, now)
    return age is None or age > STALE_POSITION_AFTER


def position_text(run: Run, now: float | None = None) -> str:
    """``position 6`` as the server said it, or ``position unknown`` once it is stale."""
    if run.queue_position is None or position_is_stale(run, now):
        return translate("Words", POSITION_UNKNOWN)
    return translate("Words", "position {position}").format(position=run.queue_position)


def position_tooltip(run: Run, now: float | None = None) -> str:
    """Where the shown position comes from and how old it is."""
    if run.queue_position is None:
        return translate("Words", "The server has not said this run's place in its queue yet.")
    age = position_age(run, now)
    heard = (
        translate("Words", "some time ago")
        if age is None
        else translate("Words", "{duration} ago").format(duration=format_duration(age))
    )
    return translate(
        "Words",
        "The server said position {queue_position} {heard}. Positions are "
        "asked again while the run is on screen.",
    ).format(queue_position=run.queue_position, heard=heard)


def progress_text(run: Run) -> str:
    """The progress of a run being worked on: ``33 % · upscale`` (no percentage yet: the node)."""
    node = run.current_node or ""
    if run.progress:
        percent = translate("Words", "{percent} %").format(percent=int(run.progress))
        return f"{percent} · {node}" if node else percent
    return node


def cancelled_text(run: Run) -> str:
    """``Cancelled (refunded 4 credits)``, ``Cancelled (nothing charged)`` or ``Cancelled``."""
    if run.credits_refunded:
        return translate("Words", "Cancelled (refunded {plural_credits})").format(
            plural_credits=plural_credits(run.credits_refunded)
        )
    if not run.credits_used:
        return translate("Words", "Cancelled (nothing charged)")
    return translate("Words", "Cancelled")


def state_text(run: Run, *, now: float | None = None, lost_contact: bool = False) -> str:
    """The state in a full phrase, as the run details and notices say it."""
    word = state_word(run, lost_contact=lost_contact)
    if word != run.state.label:
        return word
    match run.state:
        case RunState.PENDING | RunState.IN_QUEUE:
            return f"{word} · {position_text(run, now)}"
        case RunState.IN_PROGRESS:
            progress = progress_text(run)
            return f"{word} · {progress}" if progress else word
        case RunState.FAILED:
            reason = run.error or translate("Words", "no reason given")
            where = f"{run.current_node}: " if run.current_node else ""
            return f"{word} · {where}{reason}"
        case RunState.CANCELLED:
            return cancelled_text(run)
        case RunState.UNCERTAIN:
            return translate("Words", "{word} (check or run again)").format(word=word)
        case RunState.REJECTED:
            return f"{word} · {run.error}" if run.error else word
    return word


@dataclass(frozen=True)
class WaitCauses:
    """What holds a run back that is not running yet, as the engine knows it."""

    #: The name of the run's batch when it is paused, with the pause's reason.
    paused_batch: str | None = None
    pause_reason: str = ""
    #: Sending is paused for every run (File > Pause sending).
    sending_paused: bool = False
    #: As many runs as allowed at once are already on the server.
    slots_full: bool = False
    #: The key's request budget is spent: requests wait for it to refill.
    rate_limited: bool = False


def waiting_seconds(run: Run, now: float | None = None) -> float | None:
    """How long a run not running yet has been waiting: since it was sent, or made."""
    if run.state.is_terminal or run.state in (RunState.IN_PROGRESS, RunState.CANCELLING):
        return None
    if run.started_at is not None:
        return None
    start = run.submitted_at or run.created_at
    return max(0.0, (time.time() if now is None else now) - start)


def waiting_reason(run: Run, causes: WaitCauses, now: float | None = None) -> str:
    """Why a run is not running yet, in a sentence; "" when it is not waiting."""
    if run.state in (RunState.PENDING, RunState.IN_QUEUE):
        if run.queue_position is not None and not position_is_stale(run, now):
            ahead = run.queue_position - 1
            if ahead <= 0:
                return translate("Words", "Next in the server's queue.")
            return translate("Words", "In the server's queue behind {plural}.").format(
                plural=plural(ahead, "run")
            )
        return translate("Words", "In the server's queue (its place there is not known just now).")
    if run.state is RunState.SUBMITTING:
        if causes.rate_limited:
            return translate(
                "Words", "Being sent; waiting for the key's request limit to allow it."
            )
        return translate("Words", "Being sent to the server.")
    if run.state is not RunState.WAITING:
        return ""
    if causes.paused_batch is not None:
        reason = f" {causes.pause_reason}" if causes.pause_reason else ""
        return translate("Words", "Its batch “{paused_batch}” is paused.{reason}").format(
            paused_batch=causes.paused_batch, reason=reason
        )
    if causes.sending_paused:
        return translate("Words", "Sending is paused: resume sending to let it go.")
    if causes.rate_limited:
        return translate("Words", "Waiting for the key's request limit to allow another send.")
    if causes.slots_full:
        return translate(
            "Words", "Waiting for a free slot: as many runs as allowed are already on the server."
        )
    return translate("Words", "Next to be sent.")


def waiting_text(run: Run, causes: WaitCauses, now: float | None = None) -> str:
    """``Waiting 1 min 5 s · In the server's queue behind 4 runs.`` ("" when not waiting)."""
    seconds = waiting_seconds(run, now)
    if seconds is None:
        return ""
    reason = waiting_reason(run, causes, now)
    waited = translate("Words", "Waiting {duration}").format(duration=format_duration(seconds))
    return f"{waited} · {reason}" if reason else waited


def wait_causes(
    run: Run,
    *,
    batch: Batch | None,
    batch_active: int,
    budget: BudgetState | None,
    active: int,
    max_active: int,
    sending_paused: bool,
    now: float | None = None,
) -> WaitCauses:
    """What holds ``run`` back, from what the engine reports (its batch, the key's budget, how
    many runs are on the server against how many may be)."""
    moment = time.time() if now is None else now
    paused = batch is not None and batch.state is BatchState.PAUSED
    rate_limited = budget is not None and (
        budget.waiting > 0
        or budget.remaining <= 0
        or (budget.paused_until is not None and budget.paused_until > moment)
    )
    batch_full = batch is not None and batch_active >= batch.max_active
    return WaitCauses(
        paused_batch=batch.name if paused and batch is not None else None,
        pause_reason=(batch.pause_reason or "") if paused and batch is not None else "",
        sending_paused=sending_paused,
        slots_full=active >= max_active or batch_full,
        rate_limited=rate_limited,
    )


def batch_summary(runs: Iterable[Run]) -> str:
    """``12 of 20 done, 1 failed, 2 cancelled, 1 needs attention`` (the batch bar, notices)."""
    runs = list(runs)
    groups = Counter(group_of(run) for run in runs)
    text = translate("Words", "{done} of {runs} done").format(
        done=format_count(groups[StateGroup.COMPLETED]), runs=plural(len(runs), "run")
    )
    for group, phrase in (
        (StateGroup.FAILED, QT_TRANSLATE_NOOP("Words", "%n failed")),
        (StateGroup.CANCELLED, QT_TRANSLATE_NOOP("Words", "%n cancelled")),
        (StateGroup.NEEDS_ATTENTION, QT_TRANSLATE_NOOP("Words", "%n [needs|need] attention")),
    ):
        count = groups[group]
        if count:
            text += translate("Words", ", ") + translate("Words", phrase, None, count)
    return text
