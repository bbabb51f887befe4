"""What names a run and what a key check found: plain types, with no payload parsing.

Everything that only refers to runs (the history, the engine, the client's URLs) imports these
from here; parsing a server payload (``api.models``, with pydantic) loads only when a payload
is first parsed.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

__all__ = ["KeyCheck", "KeyStatus", "RemoteStatus", "RunRef"]


class RemoteStatus(enum.StrEnum):
    """A run's status as the service reports it."""

    PENDING = "PENDING"
    IN_QUEUE = "IN_QUEUE"
    IN_PROGRESS = "IN_PROGRESS"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"

    @property
    def is_terminal(self) -> bool:
        """True for COMPLETED, FAILED and CANCELLED: the run will not change again."""
        return self in (RemoteStatus.COMPLETED, RemoteStatus.FAILED, RemoteStatus.CANCELLED)


@dataclass(frozen=True, slots=True)
class RunRef:
    """What identifies a run on the service, enough to resume following it from history.

    The URLs are the ones the service returned at submit; when absent (an old history row)
    the client builds them from ``owner``, ``slug`` and ``request_id``.
    """

    owner: str
    slug: str
    request_id: str
    status_url: str | None = None
    response_url: str | None = None
    cancel_url: str | None = None


class KeyStatus(enum.Enum):
    """What checking an API key found."""

    VALID = "valid"
    INVALID = "invalid"
    NO_API_ACCESS = "no_api_access"
    UNREACHABLE = "unreachable"


@dataclass(frozen=True, slots=True)
class KeyCheck:
    """The outcome of ``FizzlyClient.verify_key``, with a plain message to show."""

    status: KeyStatus
    message: str

    @property
    def ok(self) -> bool:
        """True when the key was accepted."""
        return self.status is KeyStatus.VALID
