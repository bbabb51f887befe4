"""Every way a call to the Workflows API can fail, as one exception hierarchy.

Each error carries ``user_message``: one plain sentence that tells a person who does not
program what happened and what to do. ``str(error)`` is the technical account for the log.
No error ever holds the API key: the client builds them from status codes, codes and server
text only, and server text is kept as data (never interpreted).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = [
    "ApiError",
    "BadRequest",
    "ConnectionFailed",
    "DownloadRejected",
    "FizzlyError",
    "Forbidden",
    "InsufficientCredits",
    "InvalidWebhookUrl",
    "MalformedResponse",
    "NotFound",
    "RateLimited",
    "ServerError",
    "StreamInterrupted",
    "SubmitUncertain",
    "Unauthorized",
    "UnsafeUrl",
    "error_for_status",
]


class FizzlyError(Exception):
    """Base of every error raised by ``fizzly_desktop.api``.

    Args:
        message: the technical account, for the log (``str(error)``).
        user_message: one sentence a non-programmer can act on; a class default when omitted.
    """

    default_user_message = "Something went wrong while talking to the Fizzly service."

    def __init__(self, message: str, *, user_message: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.user_message = user_message or self.default_user_message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r})"


class ApiError(FizzlyError):
    """The service answered with a documented error status and code.

    Attributes:
        status: the HTTP status code.
        code: the ``code`` field of the error body (``"UNAUTHORIZED"`` ...), or ``None``.
        server_message: the ``error`` field of the body, as plain text, or ``None``.
        details: the ``details`` object of the body (empty when absent).
    """

    default_code: str | None = None
    default_user_message = "The Fizzly service refused the request."

    def __init__(
        self,
        status: int,
        code: str | None = None,
        server_message: str | None = None,
        details: Mapping[str, Any] | None = None,
        *,
        user_message: str | None = None,
    ) -> None:
        self.status = status
        self.code = code if code is not None else self.default_code
        self.server_message = server_message
        self.details: dict[str, Any] = dict(details or {})
        text = f"HTTP {status}"
        if self.code:
            text += f" {self.code}"
        if server_message:
            text += f": {server_message}"
        if self.details:
            text += f" (details: {self.details})"
        super().__init__(text, user_message=user_message)


class BadRequest(ApiError):
    """400 ``BAD_REQUEST``: the service rejected the request's parameters (see ``details``)."""

    default_code = "BAD_REQUEST"
    default_user_message = "The service rejected the inputs; check the highlighted values."

    def __init__(
        self,
        status: int = 400,
        code: str | None = None,
        server_message: str | None = None,
        details: Mapping[str, Any] | None = None,
        *,
        user_message: str | None = None,
    ) -> None:
        if user_message is None and server_message:
            user_message = f"The service rejected the request: {server_message}"
        super().__init__(status, code, server_message, details, user_message=user_message)


class Unauthorized(ApiError):
    """401 ``UNAUTHORIZED``: the API key is missing or invalid."""

    default_code = "UNAUTHORIZED"
    default_user_message = (
        "The service did not accept the API key; enter a valid key in the profile settings."
    )


class InsufficientCredits(ApiError):
    """402 ``INSUFFICIENT_CREDITS``: the account has too few credits for the workflow."""

    default_code = "INSUFFICIENT_CREDITS"
    default_user_message = (
        "Your account does not have enough credits for this workflow; add credits and try again."
    )


class Forbidden(ApiError):
    """403 ``FORBIDDEN``: the key's plan has no API access (PRO or ULTIMATE is required)."""

    default_code = "FORBIDDEN"
    default_user_message = (
        "This key's plan does not include API access; a PRO or ULTIMATE subscription is needed."
    )


class NotFound(ApiError):
    """404 ``NOT_FOUND``: the workflow or the run is unknown to the service."""

    default_code = "NOT_FOUND"
    default_user_message = "The service does not know this workflow or run; check its name."


class RateLimited(ApiError):
    """429 ``RATE_LIMIT_EXCEEDED`` that persisted after waiting; ``retry_after`` in seconds."""

    default_code = "RATE_LIMIT_EXCEEDED"
    default_user_message = (
        "The service is receiving too many requests from this key; wait a minute."
    )

    def __init__(
        self,
        status: int = 429,
        code: str | None = None,
        server_message: str | None = None,
        details: Mapping[str, Any] | None = None,
        *,
        retry_after: float | None = None,
        user_message: str | None = None,
    ) -> None:
        self.retry_after = retry_after
        super().__init__(status, code, server_message, details, user_message=user_message)


class ServerError(ApiError):
    """5xx (``INTERNAL_ERROR``): the service failed; retrying later usually helps."""

    default_code = "INTERNAL_ERROR"
    default_user_message = "The Fizzly service had an internal problem; try again in a moment."


class MalformedResponse(FizzlyError):
    """The answer was not the documented JSON (an HTML proxy page, truncated JSON, a bad field).

    Attributes:
        status: the HTTP status code of the answer, when there was one.
        field: the dotted name of the malformed field, when one was named.
    """

    default_user_message = (
        "The service sent an answer the app could not read; try again later, and check for an "
        "app update if it keeps happening."
    )

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        field: str | None = None,
        user_message: str | None = None,
    ) -> None:
        self.status = status
        self.field = field
        super().__init__(message, user_message=user_message)


class ConnectionFailed(FizzlyError):
    """No usable answer: the service could not be reached, or did not answer in time."""

    default_user_message = (
        "The app could not reach the Fizzly service; check your internet connection and try again."
    )


class SubmitUncertain(FizzlyError):
    """A submit was sent but its outcome is unknown: the run may or may not exist and cost money.

    The client never re-sends such a submit; the person decides. Attributes carry what is known.

    Attributes:
        owner: the workflow owner.
        slug: the workflow slug.
        inputs: the inputs that were sent.
        webhook: the webhook URL that was sent, if any.
        cause: the error that left the outcome unknown (also ``__cause__``).
    """

    default_user_message = (
        "The app sent the run but lost the answer, so it may have started and used credits; "
        "check the run list before sending it again."
    )

    def __init__(
        self,
        owner: str,
        slug: str,
        inputs: Mapping[str, Any],
        webhook: str | None,
        cause: BaseException,
    ) -> None:
        self.owner = owner
        self.slug = slug
        self.inputs: dict[str, Any] = dict(inputs)
        self.webhook = webhook
        self.cause = cause
        super().__init__(
            f"outcome of the submit to {owner}/{slug} is unknown: {type(cause).__name__}: {cause}"
        )


class StreamInterrupted(FizzlyError):
    """The status stream ended or went silent before the run's final event; reconnect."""

    default_user_message = "Live updates for this run stopped; the app will reconnect and catch up."


class UnsafeUrl(FizzlyError):
    """A URL was refused: another origin than the API's, or a scheme other than http(s)."""

    default_user_message = (
        "The app refused an address that could expose your API key or is not a web address."
    )


class InvalidWebhookUrl(UnsafeUrl):
    """The webhook URL breaks the reference's rules (https, not a private or local address)."""

    default_user_message = "The webhook address is not allowed."


class DownloadRejected(FizzlyError):
    """An output file was not saved: too big, wrong type, bad address or failed transfer.

    Attributes:
        reason: a few plain words to show on the output itself ("refused: private address",
            "not a picture", "too large"); ``user_message`` is the whole sentence.
    """

    default_user_message = "The output file could not be downloaded."
    default_reason = "not saved"

    def __init__(
        self, message: str, *, user_message: str | None = None, reason: str | None = None
    ) -> None:
        super().__init__(message, user_message=user_message)
        self.reason = reason or self.default_reason


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequest,
    401: Unauthorized,
    402: InsufficientCredits,
    403: Forbidden,
    404: NotFound,
    429: RateLimited,
}

_BY_CODE: dict[str, type[ApiError]] = {
    "BAD_REQUEST": BadRequest,
    "UNAUTHORIZED": Unauthorized,
    "INSUFFICIENT_CREDITS": InsufficientCredits,
    "FORBIDDEN": Forbidden,
    "NOT_FOUND": NotFound,
    "RATE_LIMIT_EXCEEDED": RateLimited,
    "INTERNAL_ERROR": ServerError,
}


def error_for_status(
    status: int,
    code: str | None,
    server_message: str | None,
    details: Mapping[str, Any] | None,
    *,
    retry_after: float | None = None,
    user_message: str | None = None,
) -> ApiError:
    """The error for an error answer: by documented ``code`` first, else by HTTP status."""
    cls: type[ApiError] | None = _BY_CODE.get(code) if code else None
    if cls is None:
        cls = ServerError if status >= 500 else _BY_STATUS.get(status, ApiError)
    if cls is RateLimited:
        return RateLimited(
            status,
            code,
            server_message,
            details,
            retry_after=retry_after,
            user_message=user_message,
        )
    return cls(status, code, server_message, details, user_message=user_message)
