"""Typed payloads of the Workflows API, parsed with pydantic and tolerant of unknown fields."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from fizzly_desktop.api.errors import MalformedResponse
from fizzly_desktop.api.refs import KeyCheck, KeyStatus, RemoteStatus, RunRef

__all__ = [
    "CancelOutcome",
    "CompletionEvent",
    "ErrorEvent",
    "KeyCheck",
    "KeyStatus",
    "LogEntry",
    "Metrics",
    "OutputEvent",
    "PingEvent",
    "RemoteStatus",
    "RunRef",
    "RunResult",
    "RunStatus",
    "StreamEvent",
    "Submission",
    "SubmitEvent",
    "parse_payload",
]


class _Payload(BaseModel):
    """A server payload: unknown fields are kept (``model_extra``), instances are immutable."""

    model_config = ConfigDict(extra="allow", frozen=True)


class Submission(_Payload):
    """The answer to a submit: the run's id and the URLs to follow it."""

    owner: str
    slug: str
    request_id: str = Field(min_length=1)
    status: str = "PENDING"
    status_url: str | None = None
    response_url: str | None = None
    cancel_url: str | None = None

    @property
    def ref(self) -> RunRef:
        """The run reference to store and to pass to ``status``/``result``/``cancel``/``stream``."""
        return RunRef(
            owner=self.owner,
            slug=self.slug,
            request_id=self.request_id,
            status_url=self.status_url,
            response_url=self.response_url,
            cancel_url=self.cancel_url,
        )


class Metrics(_Payload):
    """Cost and duration of a run."""

    credits_used: float | None = None
    total_time_ms: float | None = None


class LogEntry(_Payload):
    """One node's line in a run's execution log."""

    node: str | None = None
    status: str | None = None
    started_at: datetime | None = None
    completed_at: datetime | None = None
    message: str | None = None


class RunStatus(_Payload):
    """A run's status: queue position, progress and current node, metrics, optional logs."""

    status: RemoteStatus
    queue_position: int | None = None
    progress: float | None = None
    current_node: str | None = None
    metrics: Metrics | None = None
    logs: list[LogEntry] = Field(default_factory=list)
    error: str | None = None


class RunResult(_Payload):
    """A finished run: outputs, metrics, logs and timestamps (``error`` for a failed run)."""

    status: RemoteStatus
    outputs: dict[str, Any] = Field(default_factory=dict)
    metrics: Metrics | None = None
    logs: list[LogEntry] = Field(default_factory=list)
    started_at: datetime | None = None
    completed_at: datetime | None = None
    error: str | None = None


class CancelOutcome(_Payload):
    """The answer to a cancel.

    ``already_completed`` is True when the run had already finished (the service's
    ``ALREADY_COMPLETED``, under 400 or 409); ``current_status`` then says how it ended.
    """

    already_completed: bool = False
    status: str | None = None
    message: str | None = None
    previous_status: str | None = None
    credits_refunded: float | None = None
    current_status: str | None = None


class SubmitEvent(_Payload):
    """Stream event ``submit``: a node started."""

    node: str
    timestamp: datetime | None = None


class CompletionEvent(_Payload):
    """Stream event ``completion``: a node finished, with its output."""

    node: str
    output: Any = None
    timestamp: datetime | None = None


class OutputEvent(_Payload):
    """Stream event ``output``: the run completed with its final outputs (final event)."""

    outputs: dict[str, Any] = Field(default_factory=dict)
    credits_used: float | None = None


class ErrorEvent(_Payload):
    """Stream event ``error``: the run failed (final event); ``node`` names where, if known."""

    error: str
    node: str | None = None
    code: str | None = None
    credits_used: float | None = None


class PingEvent(_Payload):
    """Stream event ``ping``: keep-alive."""

    timestamp: datetime | None = None


StreamEvent = SubmitEvent | CompletionEvent | OutputEvent | ErrorEvent | PingEvent
"""Any typed event of a run's status stream."""

STREAM_EVENT_TYPES: dict[str, type[_Payload]] = {
    "submit": SubmitEvent,
    "completion": CompletionEvent,
    "output": OutputEvent,
    "error": ErrorEvent,
    "ping": PingEvent,
}


_M = TypeVar("_M", bound=BaseModel)


def parse_payload(model: type[_M], data: Any, *, what: str, status: int | None = None) -> _M:
    """Validate ``data`` as ``model``; a mismatch raises MalformedResponse naming the field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False, include_input=False)[0]
        field = ".".join(str(part) for part in first["loc"]) or None
        where = f"field {field!r}" if field else "the payload"
        raise MalformedResponse(
            f"{what}: {where}: {first['msg']}", status=status, field=field
        ) from None
