"""Parsing the service's payloads into typed answers: pydantic loads when the first one is parsed.

Start-up parses nothing (a sandbox start shows its window, connects and lists the history
before any payload arrives), so the typed models (``api.models``, ~65 ms of pydantic and model
building) load on first use here instead of with the client. A mismatch raises
MalformedResponse naming the field, in plain words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fizzly_desktop.api.models import (
        CancelOutcome,
        PingEvent,
        RunResult,
        RunStatus,
        StreamEvent,
        Submission,
    )

__all__ = [
    "cancel_outcome",
    "is_final_event",
    "ping",
    "run_result",
    "run_status",
    "stream_event",
    "submission",
]


def submission(data: Any, *, what: str = "submit", status: int | None = None) -> Submission:
    """The answer to a submit."""
    from fizzly_desktop.api import models

    return models.parse_payload(models.Submission, data, what=what, status=status)


def run_status(data: Any, *, what: str = "status", status: int | None = None) -> RunStatus:
    """A run's status."""
    from fizzly_desktop.api import models

    return models.parse_payload(models.RunStatus, data, what=what, status=status)


def run_result(data: Any, *, what: str = "result", status: int | None = None) -> RunResult:
    """A finished run's result."""
    from fizzly_desktop.api import models

    return models.parse_payload(models.RunResult, data, what=what, status=status)


def cancel_outcome(data: Any, *, what: str = "cancel", status: int | None = None) -> CancelOutcome:
    """The answer to a cancel."""
    from fizzly_desktop.api import models

    return models.parse_payload(models.CancelOutcome, data, what=what, status=status)


def stream_event(
    kind: str, data: Any, *, what: str, scrub: Callable[[str], str] = str
) -> StreamEvent:
    """One stream event of a known ``kind`` (submit, completion, output, error, ping).

    An error event's message goes through ``scrub`` (to take out what must not be shown).
    """
    from fizzly_desktop.api import models

    match kind:
        case "submit":
            return models.parse_payload(models.SubmitEvent, data, what=what)
        case "completion":
            return models.parse_payload(models.CompletionEvent, data, what=what)
        case "output":
            return models.parse_payload(models.OutputEvent, data, what=what)
        case "error":
            event = models.parse_payload(models.ErrorEvent, data, what=what)
            return event.model_copy(update={"error": scrub(event.error)})
        case _:
            return models.parse_payload(models.PingEvent, data, what=what)


def ping() -> PingEvent:
    """A keep-alive event with no data."""
    from fizzly_desktop.api import models

    return models.PingEvent()


def is_final_event(event: StreamEvent) -> bool:
    """True for the events that end a run's stream (its outputs, or its error)."""
    from fizzly_desktop.api import models

    return isinstance(event, models.OutputEvent | models.ErrorEvent)
