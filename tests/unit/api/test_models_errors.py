"""Payload models (tolerant, naming bad fields) and the error hierarchy (every documented code)."""

from __future__ import annotations

import pytest

from fizzly_desktop.api import errors
from fizzly_desktop.api.models import (
    RemoteStatus,
    RunResult,
    RunStatus,
    Submission,
    parse_payload,
)


def test_status_keeps_unknown_fields_and_reads_documented_ones() -> None:
    status = parse_payload(
        RunStatus,
        {"status": "IN_PROGRESS", "progress": 65, "current_node": "upscale", "eta_s": 12},
        what="status",
    )
    assert status.status is RemoteStatus.IN_PROGRESS
    assert status.progress == 65
    assert status.current_node == "upscale"
    assert status.model_extra == {"eta_s": 12}


def test_result_parses_the_reference_example() -> None:
    result = parse_payload(
        RunResult,
        {
            "status": "COMPLETED",
            "outputs": {"generated_image": {"url": "https://cdn.fizzly.ai/o.webp", "width": 1024}},
            "metrics": {"credits_used": 5, "total_time_ms": 12500},
            "logs": [
                {
                    "node": "image-generation",
                    "status": "completed",
                    "started_at": "2026-01-17T12:00:00Z",
                    "completed_at": "2026-01-17T12:00:12Z",
                }
            ],
            "started_at": "2026-01-17T12:00:00Z",
            "completed_at": "2026-01-17T12:00:12Z",
        },
        what="result",
    )
    assert result.outputs["generated_image"]["width"] == 1024
    assert result.metrics is not None
    assert result.metrics.credits_used == 5
    assert result.logs[0].node == "image-generation"
    assert result.completed_at is not None
    assert result.completed_at.second == 12
    assert result.status.is_terminal


def test_malformed_payload_names_the_field() -> None:
    with pytest.raises(errors.MalformedResponse) as caught:
        parse_payload(RunStatus, {"status": "IN_QUEUE", "queue_position": "third"}, what="status")
    assert caught.value.field == "queue_position"
    assert "queue_position" in str(caught.value)
    assert "could not read" in caught.value.user_message


def test_nested_malformed_field_is_named_with_its_path() -> None:
    with pytest.raises(errors.MalformedResponse) as caught:
        parse_payload(
            RunResult,
            {"status": "COMPLETED", "logs": [{"node": "a"}, {"started_at": "yesterday-ish"}]},
            what="result",
        )
    assert caught.value.field == "logs.1.started_at"


def test_missing_required_field_is_named() -> None:
    with pytest.raises(errors.MalformedResponse) as caught:
        parse_payload(Submission, {"owner": "demo", "slug": "x"}, what="submit answer")
    assert caught.value.field == "request_id"


def test_unknown_status_value_is_a_named_malformed_field() -> None:
    with pytest.raises(errors.MalformedResponse) as caught:
        parse_payload(RunStatus, {"status": "EXPLODED"}, what="status")
    assert caught.value.field == "status"


def test_submission_gives_a_run_reference_with_the_server_urls() -> None:
    sub = parse_payload(
        Submission,
        {
            "owner": "demo",
            "slug": "x",
            "request_id": "run_1",
            "status_url": "https://a/s",
            "response_url": "https://a/r",
            "cancel_url": "https://a/c",
        },
        what="submit",
    )
    ref = sub.ref
    assert (ref.owner, ref.slug, ref.request_id) == ("demo", "x", "run_1")
    assert (ref.status_url, ref.response_url, ref.cancel_url) == (
        "https://a/s",
        "https://a/r",
        "https://a/c",
    )


@pytest.mark.parametrize(
    ("status", "code", "expected"),
    [
        (400, "BAD_REQUEST", errors.BadRequest),
        (401, "UNAUTHORIZED", errors.Unauthorized),
        (402, "INSUFFICIENT_CREDITS", errors.InsufficientCredits),
        (403, "FORBIDDEN", errors.Forbidden),
        (404, "NOT_FOUND", errors.NotFound),
        (429, "RATE_LIMIT_EXCEEDED", errors.RateLimited),
        (500, "INTERNAL_ERROR", errors.ServerError),
        # Without a code, the status decides.
        (401, None, errors.Unauthorized),
        (503, None, errors.ServerError),
        (418, None, errors.ApiError),
    ],
)
def test_every_documented_code_maps_to_its_error(
    status: int, code: str | None, expected: type[errors.ApiError]
) -> None:
    error = errors.error_for_status(status, code, "Human-readable error message", {"f": "x"})
    assert type(error) is expected
    assert error.status == status
    assert error.details == {"f": "x"}
    assert error.server_message == "Human-readable error message"
    assert isinstance(error, errors.FizzlyError)


def test_rate_limited_carries_retry_after() -> None:
    error = errors.error_for_status(429, "RATE_LIMIT_EXCEEDED", "slow down", None, retry_after=30)
    assert isinstance(error, errors.RateLimited)
    assert error.retry_after == 30


ALL_ERRORS: list[errors.FizzlyError] = [
    errors.FizzlyError("x"),
    errors.ApiError(418),
    errors.BadRequest(),
    errors.Unauthorized(401),
    errors.InsufficientCredits(402),
    errors.Forbidden(403),
    errors.NotFound(404),
    errors.RateLimited(retry_after=3),
    errors.ServerError(500),
    errors.MalformedResponse("bad"),
    errors.ConnectionFailed("down"),
    errors.SubmitUncertain("demo", "x", {"prompt": "p"}, None, TimeoutError()),
    errors.StreamInterrupted("gone"),
    errors.UnsafeUrl("elsewhere"),
    errors.InvalidWebhookUrl("http"),
    errors.DownloadRejected("big"),
]


@pytest.mark.parametrize("error", ALL_ERRORS, ids=lambda e: type(e).__name__)
def test_every_error_has_one_plain_sentence(error: errors.FizzlyError) -> None:
    message = error.user_message
    assert message
    assert message[0].isupper()
    assert message.endswith(".")
    assert message.count(". ") == 0, "one sentence"
    assert "HTTP" not in message
    assert "Error" not in message


def test_submit_uncertain_keeps_what_is_known() -> None:
    cause = TimeoutError("read")
    error = errors.SubmitUncertain(
        "demo", "text-to-image", {"prompt": "p"}, "https://h.example/", cause
    )
    assert (error.owner, error.slug, error.inputs, error.webhook) == (
        "demo",
        "text-to-image",
        {"prompt": "p"},
        "https://h.example/",
    )
    assert error.cause is cause
    assert "demo/text-to-image" in str(error)
