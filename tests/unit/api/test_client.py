"""FizzlyClient over a scripted wire: parsing, errors, retries, money, and where the key goes."""

from __future__ import annotations

import asyncio
import datetime
import email.utils
import json
from collections.abc import Callable

import httpx
import pytest

from fizzly_desktop.api import (
    BadRequest,
    ConnectionFailed,
    FizzlyClient,
    Forbidden,
    InsufficientCredits,
    InvalidWebhookUrl,
    KeyStatus,
    MalformedResponse,
    NotFound,
    Priority,
    RateLimited,
    RemoteStatus,
    RunRef,
    ServerError,
    SubmitUncertain,
    Unauthorized,
    UnsafeUrl,
)
from fizzly_desktop.api.errors import ApiError
from tests.unit.api.conftest import ClientFactory, FakeClock
from tests.unit.api.wire import (
    API,
    KEY,
    Wire,
    error_answer,
    json_answer,
    submitted,
)

RUN = RunRef("demo", "text-to-image", "run_abc123xyz")
HTML_502 = httpx.Response(
    502,
    headers={"content-type": "text/html"},
    text="<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>",
)


# --- submit -------------------------------------------------------------------------------


async def test_submit_sends_inputs_with_the_key_and_returns_the_server_urls(
    make_client: ClientFactory,
) -> None:
    wire = Wire(submitted())
    client = make_client(wire)
    sub = await client.submit("demo", "text-to-image", {"prompt": "A beautiful sunset", "seed": 1})
    request = wire.requests[0]
    assert request.method == "POST"
    assert request.url == f"{API}/workflows/demo/text-to-image"
    assert request.headers["authorization"] == f"Key {KEY}"
    assert request.headers["content-type"] == "application/json"
    assert json.loads(request.content) == {"inputs": {"prompt": "A beautiful sunset", "seed": 1}}
    assert sub.request_id == "run_abc123xyz"
    assert sub.ref.status_url == f"{API}/workflows/demo/text-to-image/requests/run_abc123xyz/status"
    assert sub.ref.cancel_url is not None
    assert sub.ref.cancel_url.endswith("/cancel")


async def test_submit_passes_a_valid_webhook_as_query(make_client: ClientFactory) -> None:
    wire = Wire(submitted())
    client = make_client(wire)
    await client.submit("demo", "text-to-image", {"prompt": "p"}, "https://hooks.example.com/f")
    assert wire.requests[0].url.params["webhook"] == "https://hooks.example.com/f"


@pytest.mark.parametrize("webhook", ["http://hooks.example.com/f", "https://192.168.1.4/f"])
async def test_submit_refuses_a_bad_webhook_before_sending(
    make_client: ClientFactory, webhook: str
) -> None:
    wire = Wire(submitted())
    client = make_client(wire)
    with pytest.raises(InvalidWebhookUrl) as caught:
        await client.submit("demo", "text-to-image", {"prompt": "p"}, webhook)
    assert wire.requests == []
    assert "webhook" in caught.value.user_message


async def test_submit_is_resent_after_a_429_once_retry_after_passed(
    make_client: ClientFactory, clock: FakeClock
) -> None:
    wire = Wire(
        httpx.Response(
            429,
            json={"error": "Rate limit exceeded", "code": "RATE_LIMIT_EXCEEDED", "retry_after": 30},
            headers={"Retry-After": "30"},
        ),
        submitted(),
    )
    client = make_client(wire, budget=clock.budget())
    start = clock.now
    sub = await client.submit("demo", "text-to-image", {"prompt": "p"})
    assert sub.request_id == "run_abc123xyz"
    assert wire.methods() == ["POST", "POST"]
    assert clock.now - start >= 30.0


async def test_submit_is_resent_after_a_connect_failure(make_client: ClientFactory) -> None:
    wire = Wire(httpx.ConnectError("connection refused"), submitted())
    client = make_client(wire)
    sub = await client.submit("demo", "text-to-image", {"prompt": "p"})
    assert sub.request_id == "run_abc123xyz"
    assert wire.methods() == ["POST", "POST"]


async def test_submit_that_never_connects_is_a_connection_failure_not_uncertain(
    make_client: ClientFactory,
) -> None:
    wire = Wire(httpx.ConnectTimeout("no route"))
    client = make_client(wire, max_retries=2)
    with pytest.raises(ConnectionFailed):
        await client.submit("demo", "text-to-image", {"prompt": "p"})
    assert len(wire.requests) == 3


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ReadTimeout("timed out reading"),
        httpx.ReadError("connection reset by peer"),
        httpx.RemoteProtocolError("server disconnected without sending a response"),
        httpx.WriteTimeout("timed out writing"),
    ],
    ids=type,
)
async def test_submit_is_never_resent_after_it_may_have_arrived(
    make_client: ClientFactory, failure: Exception
) -> None:
    wire = Wire(failure, submitted())
    client = make_client(wire)
    with pytest.raises(SubmitUncertain) as caught:
        await client.submit("demo", "text-to-image", {"prompt": "p"}, "https://hooks.example.com/")
    assert wire.methods() == ["POST"]
    uncertain = caught.value
    assert (uncertain.owner, uncertain.slug) == ("demo", "text-to-image")
    assert uncertain.inputs == {"prompt": "p"}
    assert uncertain.webhook == "https://hooks.example.com/"
    assert isinstance(uncertain.cause, ConnectionFailed)
    assert "credits" in uncertain.user_message


@pytest.mark.parametrize(
    "answer",
    [error_answer(500, "INTERNAL_ERROR", "Server error, please retry"), HTML_502],
    ids=["500", "html-502"],
)
async def test_a_5xx_on_submit_is_uncertain_and_not_resent(
    make_client: ClientFactory, answer: httpx.Response
) -> None:
    wire = Wire(answer, submitted())
    client = make_client(wire)
    with pytest.raises(SubmitUncertain) as caught:
        await client.submit("demo", "text-to-image", {"prompt": "p"})
    assert len(wire.requests) == 1
    assert isinstance(caught.value.cause, ServerError | MalformedResponse)


async def test_an_unreadable_submit_success_is_uncertain(make_client: ClientFactory) -> None:
    wire = Wire(httpx.Response(200, text='{"request_id": "run_1", "status_u'))
    client = make_client(wire)
    with pytest.raises(SubmitUncertain) as caught:
        await client.submit("demo", "text-to-image", {"prompt": "p"})
    assert isinstance(caught.value.cause, MalformedResponse)


async def test_a_submit_past_its_deadline_is_uncertain(make_client: ClientFactory) -> None:
    async def never(request: httpx.Request) -> httpx.Response:
        await asyncio.Event().wait()
        raise AssertionError("unreachable")

    wire = Wire(never)
    client = make_client(wire, timeout=0.05)
    with pytest.raises(SubmitUncertain):
        await client.submit("demo", "text-to-image", {"prompt": "p"})
    assert len(wire.requests) == 1


async def test_inputs_that_are_not_json_are_refused_before_anything_is_sent(
    make_client: ClientFactory,
) -> None:
    wire = Wire(submitted())
    client = make_client(wire)
    with pytest.raises(ValueError):
        await client.submit("demo", "text-to-image", {"prompt": object()})
    with pytest.raises(ValueError):
        await client.submit("demo", "text-to-image", {"strength": float("nan")})
    assert wire.requests == []


# --- errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "code", "expected"),
    [
        (400, "BAD_REQUEST", BadRequest),
        (401, "UNAUTHORIZED", Unauthorized),
        (402, "INSUFFICIENT_CREDITS", InsufficientCredits),
        (403, "FORBIDDEN", Forbidden),
        (404, "NOT_FOUND", NotFound),
    ],
)
async def test_every_documented_refusal_raises_its_error(
    make_client: ClientFactory, status: int, code: str, expected: type[ApiError]
) -> None:
    wire = Wire(error_answer(status, code, "Human-readable error message", details={"f": "x"}))
    client = make_client(wire)
    with pytest.raises(expected) as caught:
        await client.submit("demo", "text-to-image", {"prompt": "p"})
    assert caught.value.status == status
    assert caught.value.code == code
    assert caught.value.details == {"f": "x"}
    assert len(wire.requests) == 1


async def test_a_persistent_429_ends_as_rate_limited(
    make_client: ClientFactory, clock: FakeClock
) -> None:
    wire = Wire(
        httpx.Response(
            429,
            json={"error": "Rate limit exceeded", "code": "RATE_LIMIT_EXCEEDED", "retry_after": 2},
            headers={"Retry-After": "2"},
        )
    )
    client = make_client(wire, budget=clock.budget())
    with pytest.raises(RateLimited) as caught:
        await client.status(RUN)
    assert caught.value.retry_after == 2
    assert len(wire.requests) == 7


async def test_internal_error_is_retried_then_raised(make_client: ClientFactory) -> None:
    wire = Wire(error_answer(500, "INTERNAL_ERROR", "Server error, please retry"))
    client = make_client(wire, max_retries=2)
    with pytest.raises(ServerError) as caught:
        await client.status(RUN)
    assert len(wire.requests) == 3
    assert "try again" in caught.value.user_message


async def test_gets_recover_from_5xx_and_connection_errors(make_client: ClientFactory) -> None:
    wire = Wire(
        HTML_502,
        httpx.ConnectError("refused"),
        httpx.ReadError("reset"),
        json_answer(200, {"status": "IN_QUEUE", "queue_position": 3}),
    )
    client = make_client(wire)
    status = await client.status(RUN)
    assert status.status is RemoteStatus.IN_QUEUE
    assert status.queue_position == 3
    assert len(wire.requests) == 4


async def test_an_html_error_page_is_malformed_with_a_plain_message(
    make_client: ClientFactory,
) -> None:
    wire = Wire(HTML_502)
    client = make_client(wire, max_retries=1)
    with pytest.raises(MalformedResponse) as caught:
        await client.status(RUN)
    assert caught.value.status == 502
    assert "text/html" in str(caught.value)
    assert "<html>" not in caught.value.user_message
    assert "try again" in caught.value.user_message


async def test_truncated_json_is_malformed(make_client: ClientFactory) -> None:
    wire = Wire(httpx.Response(200, text='{"status": "IN_PROGRESS", "progr'))
    client = make_client(wire)
    with pytest.raises(MalformedResponse) as caught:
        await client.status(RUN)
    assert "not JSON" in str(caught.value)


async def test_a_malformed_field_is_named(make_client: ClientFactory) -> None:
    wire = Wire(json_answer(200, {"status": "IN_PROGRESS", "progress": "sixty-five"}))
    client = make_client(wire)
    with pytest.raises(MalformedResponse) as caught:
        await client.status(RUN)
    assert caught.value.field == "progress"


async def test_unknown_fields_are_tolerated(make_client: ClientFactory) -> None:
    wire = Wire(
        json_answer(
            200,
            {"status": "COMPLETED", "metrics": {"credits_used": 5, "gpu": "h100"}, "region": "eu"},
        )
    )
    client = make_client(wire)
    status = await client.status(RUN)
    assert status.status is RemoteStatus.COMPLETED
    assert status.metrics is not None
    assert status.metrics.credits_used == 5


async def test_a_get_past_its_deadline_fails_plainly(make_client: ClientFactory) -> None:
    async def never(request: httpx.Request) -> httpx.Response:
        await asyncio.Event().wait()
        raise AssertionError("unreachable")

    wire = Wire(never)
    client = make_client(wire, timeout=0.05, max_retries=1)
    with pytest.raises(ConnectionFailed) as caught:
        await client.status(RUN)
    assert len(wire.requests) == 2
    assert "internet connection" in caught.value.user_message


# --- status, result, cancel ---------------------------------------------------------------


async def test_status_uses_the_server_url_and_asks_for_logs(make_client: ClientFactory) -> None:
    wire = Wire(
        json_answer(
            200,
            {
                "status": "FAILED",
                "error": "boom",
                "logs": [{"node": "safety-check", "status": "failed"}],
            },
        )
    )
    client = make_client(wire)
    ref = RunRef("demo", "x", "run_1", status_url=f"{API}/custom/status/path")
    status = await client.status(ref, logs=True)
    assert str(wire.requests[0].url) == f"{API}/custom/status/path?logs=1"
    assert status.logs[0].node == "safety-check"
    assert status.error == "boom"


async def test_urls_are_built_from_the_ids_when_absent(make_client: ClientFactory) -> None:
    wire = Wire(
        json_answer(200, {"status": "IN_QUEUE"}),
        json_answer(200, {"status": "COMPLETED", "outputs": {}}),
        json_answer(200, {"status": "CANCELLATION_REQUESTED", "previous_status": "PENDING"}),
    )
    client = make_client(wire)
    await client.status(RUN)
    await client.result(RUN)
    await client.cancel(RUN)
    base = f"{API}/workflows/demo/text-to-image/requests/run_abc123xyz"
    assert [(r.method, str(r.url)) for r in wire.requests] == [
        ("GET", f"{base}/status"),
        ("GET", base),
        ("PUT", f"{base}/cancel"),
    ]


async def test_a_known_run_that_is_gone_raises_not_found(make_client: ClientFactory) -> None:
    wire = Wire(error_answer(404, "NOT_FOUND", "Request not found"))
    client = make_client(wire)
    with pytest.raises(NotFound) as caught:
        await client.status(RUN)
    assert "unknown to the server" in caught.value.user_message
    assert len(wire.requests) == 1


@pytest.mark.parametrize(
    "answer",
    [
        json_answer(200, {"status": "FAILED", "error": "content policy violation"}),
        error_answer(400, "BAD_REQUEST", "content policy violation", current_status="FAILED"),
        json_answer(
            400,
            {
                "error": "content policy violation",
                "code": "BAD_REQUEST",
                "details": {"status": "FAILED"},
            },
        ),
    ],
    ids=["200", "400-current-status", "400-details"],
)
async def test_result_of_a_failed_run_is_a_result_under_200_or_400(
    make_client: ClientFactory, answer: httpx.Response
) -> None:
    client = make_client(Wire(answer))
    result = await client.result(RUN)
    assert result.status is RemoteStatus.FAILED
    assert result.error == "content policy violation"


async def test_result_of_an_unfinished_run_is_a_bad_request(make_client: ClientFactory) -> None:
    wire = Wire(
        error_answer(
            400,
            "BAD_REQUEST",
            "Request is not completed yet",
            details={"status": "The request is IN_PROGRESS"},
        )
    )
    client = make_client(wire)
    with pytest.raises(BadRequest) as caught:
        await client.result(RUN)
    assert "not finished yet" in caught.value.user_message


async def test_cancel_reports_the_refund(make_client: ClientFactory) -> None:
    wire = Wire(
        json_answer(
            200,
            {
                "status": "CANCELLATION_REQUESTED",
                "message": "Request cancellation initiated",
                "previous_status": "PENDING",
                "credits_refunded": 5,
            },
        )
    )
    client = make_client(wire)
    outcome = await client.cancel(RUN)
    assert not outcome.already_completed
    assert outcome.previous_status == "PENDING"
    assert outcome.credits_refunded == 5


@pytest.mark.parametrize("status", [400, 409])
async def test_cancel_of_a_finished_run_is_a_typed_outcome(
    make_client: ClientFactory, status: int
) -> None:
    wire = Wire(
        json_answer(
            status,
            {
                "error": "Cannot cancel a completed request",
                "code": "ALREADY_COMPLETED",
                "current_status": "COMPLETED",
            },
        )
    )
    client = make_client(wire)
    outcome = await client.cancel(RUN)
    assert outcome.already_completed
    assert outcome.current_status == "COMPLETED"
    assert outcome.message == "Cannot cancel a completed request"


async def test_cancel_jumps_the_queue(make_client: ClientFactory, clock: FakeClock) -> None:
    budget = clock.budget(limit=50)
    probe = await budget.acquire()
    wire = Wire(json_answer(200, {"status": "IN_QUEUE"}))
    client = make_client(wire, budget=budget)
    poll = asyncio.create_task(client.status(RUN, priority=Priority.BACKGROUND))
    cancel = asyncio.create_task(client.cancel(RUN))
    for _ in range(100):
        if budget.state().waiting == 2:
            break
        await asyncio.sleep(0)
    budget.observe(probe, {})
    await asyncio.gather(poll, cancel, return_exceptions=True)
    assert wire.methods()[0] == "PUT"


# --- schema and key check -------------------------------------------------------------------


async def test_schema_is_none_when_the_service_has_none(make_client: ClientFactory) -> None:
    schema = {"type": "object", "properties": {"prompt": {"type": "string"}}}
    wire = Wire(json_answer(200, schema), error_answer(404, "NOT_FOUND", "Workflow not found"))
    client = make_client(wire)
    assert await client.workflow_schema("demo", "text-to-image") == schema
    assert await client.workflow_schema("demo", "unknown") is None
    assert str(wire.requests[0].url) == f"{API}/workflows/demo/text-to-image/schema"


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (error_answer(404, "NOT_FOUND", "Workflow not found"), KeyStatus.VALID),
        (error_answer(401, "UNAUTHORIZED", "Invalid API key"), KeyStatus.INVALID),
        (error_answer(403, "FORBIDDEN", "PRO subscription required"), KeyStatus.NO_API_ACCESS),
        (httpx.ConnectError("refused"), KeyStatus.UNREACHABLE),
        (HTML_502, KeyStatus.UNREACHABLE),
        (httpx.Response(404, text="<html>Not Found</html>"), KeyStatus.UNREACHABLE),
    ],
    ids=["404", "401", "403", "refused", "502", "html-404"],
)
async def test_verify_key(
    make_client: ClientFactory, answer: httpx.Response | Exception, expected: KeyStatus
) -> None:
    wire = Wire(answer)
    client = make_client(wire, max_retries=0)
    check = await client.verify_key()
    assert check.status is expected
    assert check.message.endswith(".")
    assert len(wire.requests) == 1
    assert wire.requests[0].method == "GET"


# --- where the key goes -------------------------------------------------------------------


async def test_a_status_url_on_another_host_is_refused_without_sending(
    make_client: ClientFactory,
) -> None:
    wire = Wire(json_answer(200, {"status": "IN_QUEUE"}))
    client = make_client(wire)
    for ref in (
        RunRef("demo", "x", "r", status_url="https://evil.example/steal"),
        RunRef("demo", "x", "r", status_url="http://api.fizzly.test/workflows"),
        RunRef("demo", "x", "r", status_url="https://api.fizzly.test:8443/workflows"),
    ):
        with pytest.raises(UnsafeUrl) as caught:
            await client.status(ref)
        assert "did not send your key" in caught.value.user_message
    with pytest.raises(UnsafeUrl):
        await client.cancel(RunRef("demo", "x", "r", cancel_url="https://evil.example/c"))
    with pytest.raises(UnsafeUrl):
        await client.result(RunRef("demo", "x", "r", response_url="https://evil.example/r"))
    assert wire.requests == []


async def test_a_redirect_to_another_origin_is_not_followed(make_client: ClientFactory) -> None:
    wire = Wire(
        httpx.Response(302, headers={"Location": "https://evil.example/collect"}),
        json_answer(200, {"status": "IN_QUEUE"}),
    )
    client = make_client(wire)
    with pytest.raises(UnsafeUrl):
        await client.status(RUN)
    assert [r.url.host for r in wire.requests] == ["api.fizzly.test"]


async def test_a_same_origin_redirect_is_followed_with_the_key(
    make_client: ClientFactory,
) -> None:
    wire = Wire(
        httpx.Response(307, headers={"Location": "/v2/status"}),
        json_answer(200, {"status": "IN_QUEUE", "queue_position": 1}),
    )
    client = make_client(wire)
    status = await client.status(RUN)
    assert status.queue_position == 1
    assert str(wire.requests[1].url) == f"{API}/v2/status"
    assert wire.requests[1].headers["authorization"] == f"Key {KEY}"


async def test_a_see_other_redirect_on_submit_is_uncertain(make_client: ClientFactory) -> None:
    wire = Wire(httpx.Response(303, headers={"Location": "/elsewhere"}))
    client = make_client(wire)
    with pytest.raises(SubmitUncertain):
        await client.submit("demo", "text-to-image", {"prompt": "p"})
    assert len(wire.requests) == 1


async def test_a_non_web_base_url_is_refused() -> None:
    with pytest.raises(UnsafeUrl):
        FizzlyClient("file:///etc", KEY)
    with pytest.raises(ValueError):
        FizzlyClient(API, "   ")


async def test_a_cancelled_first_request_does_not_stall_the_budget(
    make_client: ClientFactory, clock: FakeClock
) -> None:
    arrived = asyncio.Event()

    async def hang(request: httpx.Request) -> httpx.Response:
        arrived.set()
        await asyncio.Event().wait()
        raise AssertionError("unreachable")

    wire = Wire(hang, json_answer(200, {"status": "IN_QUEUE"}))
    client = make_client(wire, budget=clock.budget())
    first = asyncio.create_task(client.status(RUN))
    await arrived.wait()
    first.cancel()
    with pytest.raises(asyncio.CancelledError):
        await first
    start = clock.now
    status = await client.status(RUN)
    assert status.status is RemoteStatus.IN_QUEUE
    assert clock.now == start
    assert client.budget.state().remaining == 58


async def test_retry_after_may_be_an_http_date(
    make_client: ClientFactory, clock: FakeClock
) -> None:
    later = email.utils.format_datetime(
        datetime.datetime.now(datetime.UTC) + datetime.timedelta(seconds=40), usegmt=True
    )
    wire = Wire(
        httpx.Response(429, headers={"Retry-After": later}),
        json_answer(200, {"status": "IN_QUEUE"}),
    )
    client = make_client(wire, budget=clock.budget())
    start = clock.now
    await client.status(RUN)
    assert 35 <= clock.now - start <= 41


async def test_a_key_check_gives_up_after_one_retry(make_client: ClientFactory) -> None:
    wire = Wire(httpx.ConnectError("refused"))
    client = make_client(wire)
    check = await client.verify_key()
    assert check.status is KeyStatus.UNREACHABLE
    assert len(wire.requests) == 2


async def test_a_429_holds_every_waiting_request(
    make_client: ClientFactory, clock: FakeClock
) -> None:
    sent_at: list[float] = []

    def answer(status: int) -> Callable[[httpx.Request], httpx.Response]:
        def reply(request: httpx.Request) -> httpx.Response:
            sent_at.append(clock.now)
            if status == 429:
                return httpx.Response(
                    429,
                    json={"error": "Rate limit exceeded", "code": "RATE_LIMIT_EXCEEDED"},
                    headers={"Retry-After": "30"},
                )
            return json_answer(200, {"status": "IN_QUEUE"})

        return reply

    wire = Wire(answer(429), answer(200))
    client = make_client(wire, budget=clock.budget())
    start = clock.now
    await asyncio.gather(client.status(RUN), client.status(RUN), client.status(RUN))
    assert sent_at[0] == start
    assert len(sent_at) == 4
    assert all(t >= start + 30 for t in sent_at[1:])


async def test_requests_beyond_the_pool_wait_in_line_rather_than_in_the_pool(
    make_client: ClientFactory,
) -> None:
    from fizzly_desktop.api import RateBudget
    from fizzly_desktop.api.channel import MAX_REQUEST_CONNECTIONS

    inside = most = 0
    release = asyncio.Event()

    async def slow_status(_request: httpx.Request) -> httpx.Response:
        nonlocal inside, most
        inside += 1
        most = max(most, inside)
        await release.wait()
        inside -= 1
        return json_answer(200, {"status": "IN_QUEUE", "queue_position": 1})

    quick = json_answer(200, {"status": "IN_QUEUE", "queue_position": 1})
    client = make_client(Wire(quick, slow_status), budget=RateBudget(limit=1000))
    await client.status(RUN)  # the budget sends freely once it has heard from the service
    # Two hundred status calls at once (as when 200 selected runs are cancelled or checked).
    calls = [asyncio.ensure_future(client.status(RUN)) for _ in range(200)]
    for _ in range(50):
        await asyncio.sleep(0)
    assert most == MAX_REQUEST_CONNECTIONS  # the rest wait for a slot, outside httpcore
    release.set()
    answers = await asyncio.gather(*calls)
    assert len(answers) == 200
    assert most == MAX_REQUEST_CONNECTIONS
