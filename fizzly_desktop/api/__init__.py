"""The Workflows API on the wire: client, typed payloads, errors, rate budget, SSE. No Qt.

The typed payloads (``api.models``, built on pydantic) load on first use: a name of theirs
read from this package imports them then, and the client parses through ``api.payloads``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fizzly_desktop.api import errors
from fizzly_desktop.api.budget import BudgetState, Priority, RateBudget
from fizzly_desktop.api.client import FizzlyClient
from fizzly_desktop.api.download import OutputDownloader
from fizzly_desktop.api.errors import (
    ApiError,
    BadRequest,
    ConnectionFailed,
    DownloadRejected,
    FizzlyError,
    Forbidden,
    InsufficientCredits,
    InvalidWebhookUrl,
    MalformedResponse,
    NotFound,
    RateLimited,
    ServerError,
    StreamInterrupted,
    SubmitUncertain,
    Unauthorized,
    UnsafeUrl,
)
from fizzly_desktop.api.refs import KeyCheck, KeyStatus, RemoteStatus, RunRef
from fizzly_desktop.api.urls import check_webhook_url

if TYPE_CHECKING:
    from fizzly_desktop.api.models import (
        CancelOutcome,
        CompletionEvent,
        ErrorEvent,
        LogEntry,
        Metrics,
        OutputEvent,
        PingEvent,
        RunResult,
        RunStatus,
        StreamEvent,
        Submission,
        SubmitEvent,
    )

_MODEL_NAMES = frozenset(
    {
        "CancelOutcome",
        "CompletionEvent",
        "ErrorEvent",
        "LogEntry",
        "Metrics",
        "OutputEvent",
        "PingEvent",
        "RunResult",
        "RunStatus",
        "StreamEvent",
        "Submission",
        "SubmitEvent",
    }
)


def __getattr__(name: str) -> Any:
    """The typed payloads, imported when first asked for."""
    if name in _MODEL_NAMES:
        from fizzly_desktop.api import models

        return getattr(models, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ApiError",
    "BadRequest",
    "BudgetState",
    "CancelOutcome",
    "CompletionEvent",
    "ConnectionFailed",
    "DownloadRejected",
    "ErrorEvent",
    "FizzlyClient",
    "FizzlyError",
    "Forbidden",
    "InsufficientCredits",
    "InvalidWebhookUrl",
    "KeyCheck",
    "KeyStatus",
    "LogEntry",
    "MalformedResponse",
    "Metrics",
    "NotFound",
    "OutputDownloader",
    "OutputEvent",
    "PingEvent",
    "Priority",
    "RateBudget",
    "RateLimited",
    "RemoteStatus",
    "RunRef",
    "RunResult",
    "RunStatus",
    "ServerError",
    "StreamEvent",
    "StreamInterrupted",
    "Submission",
    "SubmitEvent",
    "SubmitUncertain",
    "Unauthorized",
    "UnsafeUrl",
    "check_webhook_url",
    "errors",
]
