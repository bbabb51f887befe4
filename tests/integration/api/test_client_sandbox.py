"""FizzlyClient against the real sandbox over loopback: every method, every error code."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from pathlib import Path

import pytest
from PIL import Image

from fizzly_desktop.api import (
    BadRequest,
    CompletionEvent,
    ErrorEvent,
    FizzlyClient,
    FizzlyError,
    Forbidden,
    InsufficientCredits,
    KeyStatus,
    NotFound,
    OutputEvent,
    RemoteStatus,
    RunRef,
    ServerError,
    StreamEvent,
    StreamInterrupted,
    SubmitEvent,
    Unauthorized,
)
from fizzly_desktop.core.sandbox_process import SandboxInfo
from tests.fixtures.sandbox import SandboxFactory
from tests.integration.api.conftest import ClientMaker

LOW_CREDITS_KEY = "fiz_sandbox_low_credits_key"
FREE_KEY = "fiz_sandbox_free_key"
OTHER_KEY = "fiz_sandbox_ultimate_key"


async def events_of(client: FizzlyClient, run: RunRef) -> list[StreamEvent]:
    async with contextlib.aclosing(client.stream(run)) as events:
        return [event async for event in events]


async def wait_for_event(client: FizzlyClient, run: RunRef, kind: type[StreamEvent]) -> None:
    """Follow the run's stream until an event of ``kind`` arrives."""
    async with asyncio.timeout(20), contextlib.aclosing(client.stream(run)) as events:
        async for event in events:
            if isinstance(event, kind):
                return
    raise AssertionError(f"the run ended without a {kind.__name__}")


async def until_finished(client: FizzlyClient, run: RunRef) -> RemoteStatus:
    """Follow a run by its stream (reconnecting if dropped) and return its final status."""
    async with asyncio.timeout(30):
        while True:
            with contextlib.suppress(StreamInterrupted):
                await events_of(client, run)
            status = await client.status(run)
            if status.status.is_terminal:
                return status.status


async def test_a_run_from_submit_to_downloaded_image(
    sandbox: SandboxInfo, connect: ClientMaker, tmp_path: Path
) -> None:
    client, counter = connect(sandbox)
    sub = await client.submit(
        "demo",
        "text-to-image",
        {"prompt": "a lighthouse at dusk", "seed": 7, "width": 256, "height": 192},
    )
    assert sub.ref.status_url is not None
    assert sub.ref.status_url.startswith(sandbox.base_url)
    events = await events_of(client, sub.ref)
    nodes = [e.node for e in events if isinstance(e, SubmitEvent)]
    assert nodes == ["prompt-encode", "image-generation", "upscale"]
    assert [e.node for e in events if isinstance(e, CompletionEvent)] == nodes
    final = events[-1]
    assert isinstance(final, OutputEvent)
    assert final.credits_used == 5

    result = await client.result(sub.ref)
    assert result.status is RemoteStatus.COMPLETED
    assert result.outputs == final.outputs
    assert result.outputs["prompt_used"] == "a lighthouse at dusk"
    assert [entry.node for entry in result.logs] == nodes
    assert result.started_at is not None
    assert result.completed_at is not None
    assert result.started_at <= result.completed_at

    image = result.outputs["generated_image"]
    assert image["url"].startswith(sandbox.output_origin)
    saved = await client.download(image["url"], tmp_path / "lighthouse.webp")
    with Image.open(saved) as picture:
        assert picture.size == (image["width"], image["height"]) == (256, 192)
    assert counter.statuses[429] == 0
    # Submit, stream, result: the download went through the key-less client.
    api_requests = [r for r in counter.requests if "authorization" in r.headers]
    assert len(api_requests) == 3
    assert all(r.url.host == "127.0.0.1" for r in counter.requests)
    download = counter.requests[-1]
    assert "authorization" not in download.headers


async def test_status_shows_queue_progress_and_logs(
    sandbox_factory: SandboxFactory, connect: ClientMaker
) -> None:
    info = sandbox_factory("--workers", "1", "--time-scale", "0.2")
    client, _ = connect(info)
    first = await client.submit("demo", "slow-render", {"prompt": "one"})
    second = await client.submit("demo", "slow-render", {"prompt": "two"})
    queued = await client.status(second.ref)
    assert queued.status in (RemoteStatus.IN_QUEUE, RemoteStatus.PENDING)
    assert queued.queue_position is not None
    assert queued.queue_position >= 1
    await wait_for_event(client, first.ref, SubmitEvent)
    running = await client.status(first.ref, logs=True)
    assert running.status is RemoteStatus.IN_PROGRESS
    assert running.progress is not None
    assert running.current_node in ("prompt-encode", "image-generation", "upscale")
    await client.cancel(second.ref)
    await client.cancel(first.ref)


async def test_early_and_late_subscribers_both_get_the_final_event(
    sandbox: SandboxInfo, connect: ClientMaker
) -> None:
    client, _ = connect(sandbox)
    sub = await client.submit("demo", "slow-render", {"prompt": "a slow one"})
    early = await events_of(client, sub.ref)
    late = await events_of(client, sub.ref)
    assert isinstance(early[-1], OutputEvent)
    assert isinstance(late[-1], OutputEvent)
    assert early[-1].outputs == late[-1].outputs
    assert any(isinstance(e, SubmitEvent) for e in early)


async def test_a_failing_workflow_ends_with_an_error_event(
    sandbox: SandboxInfo, connect: ClientMaker
) -> None:
    client, _ = connect(sandbox)
    sub = await client.submit("demo", "broken-pipeline", {"prompt": "anything"})
    events = await events_of(client, sub.ref)
    error = events[-1]
    assert isinstance(error, ErrorEvent)
    assert error.node == "safety-check"
    assert error.error
    status = await client.status(sub.ref, logs=True)
    assert status.status is RemoteStatus.FAILED
    assert status.error == error.error
    result = await client.result(sub.ref)
    assert result.status is RemoteStatus.FAILED
    assert result.error == error.error


async def test_text_only_outputs(sandbox: SandboxInfo, connect: ClientMaker) -> None:
    client, _ = connect(sandbox)
    sub = await client.submit("demo", "prompt-enhancer", {"prompt": "cat"})
    assert await until_finished(client, sub.ref) is RemoteStatus.COMPLETED
    result = await client.result(sub.ref)
    assert isinstance(result.outputs["enhanced_prompt"], str)
    assert "cat" in result.outputs["enhanced_prompt"]


async def test_cancel_in_each_state(sandbox_factory: SandboxFactory, connect: ClientMaker) -> None:
    info = sandbox_factory("--workers", "1", "--time-scale", "0.5")
    client, _ = connect(info)
    running = await client.submit("demo", "slow-render", {"prompt": "running"})
    queued = await client.submit("demo", "slow-render", {"prompt": "queued"})
    # Past its first node, so that one node's credits are spent.
    await wait_for_event(client, running.ref, CompletionEvent)

    from_queue = await client.cancel(queued.ref)
    assert not from_queue.already_completed
    assert from_queue.previous_status in ("PENDING", "IN_QUEUE")
    assert from_queue.credits_refunded == 8  # everything reserved comes back

    from_run = await client.cancel(running.ref)
    assert not from_run.already_completed
    assert from_run.previous_status == "IN_PROGRESS"
    assert from_run.credits_refunded is not None
    assert from_run.credits_refunded == 7  # prompt-encode (1 credit) was processed

    for ref in (queued.ref, running.ref):
        assert await until_finished(client, ref) is RemoteStatus.CANCELLED
        result = await client.result(ref)
        assert result.status is RemoteStatus.CANCELLED
        again = await client.cancel(ref)
        assert again.already_completed
        assert again.current_status == "CANCELLED"


async def test_cancel_of_a_completed_run(sandbox: SandboxInfo, connect: ClientMaker) -> None:
    client, _ = connect(sandbox)
    sub = await client.submit("demo", "prompt-enhancer", {"prompt": "done"})
    assert await until_finished(client, sub.ref) is RemoteStatus.COMPLETED
    outcome = await client.cancel(sub.ref)
    assert outcome.already_completed
    assert outcome.current_status == "COMPLETED"


async def test_result_of_an_unfinished_run_is_refused(
    sandbox: SandboxInfo, connect: ClientMaker
) -> None:
    client, _ = connect(sandbox)
    sub = await client.submit("demo", "slow-render", {"prompt": "not yet"})
    with pytest.raises(BadRequest) as caught:
        await client.result(sub.ref)
    assert "not finished" in caught.value.user_message
    await client.cancel(sub.ref)


async def test_every_error_code(
    sandbox: SandboxInfo, sandbox_factory: SandboxFactory, connect: ClientMaker
) -> None:
    client, _ = connect(sandbox)
    with pytest.raises(BadRequest) as bad:
        await client.submit("demo", "text-to-image", {"negative_prompt": "no prompt"})
    assert "prompt" in bad.value.details
    assert "prompt" in bad.value.user_message

    with pytest.raises(NotFound) as missing:
        await client.submit("demo", "no-such-workflow", {"prompt": "x"})
    assert "demo/no-such-workflow" in missing.value.user_message

    stranger, _ = connect(sandbox, OTHER_KEY)
    sub = await client.submit("demo", "prompt-enhancer", {"prompt": "mine"})
    with pytest.raises(NotFound) as gone:
        await stranger.status(sub.ref)
    assert "unknown to the server" in gone.value.user_message

    intruder, _ = connect(sandbox, "fiz_not_a_key_at_all_000000")
    with pytest.raises(Unauthorized):
        await intruder.status(sub.ref)

    free, _ = connect(sandbox, FREE_KEY)
    with pytest.raises(Forbidden):
        await free.submit("demo", "prompt-enhancer", {"prompt": "x"})

    poor, _ = connect(sandbox, LOW_CREDITS_KEY)
    with pytest.raises(InsufficientCredits) as broke:
        await poor.submit("demo", "slow-render", {"prompt": "x"})
    assert broke.value.details.get("required") == 8

    failing = sandbox_factory("--get-error-rate", "1.0")
    flaky, counter = connect(failing, max_retries=2)
    with pytest.raises(ServerError):
        await flaky.workflow_schema("demo", "text-to-image")
    assert counter.statuses[500] == 3


async def test_a_429_is_waited_out_and_retried(
    sandbox_factory: SandboxFactory, connect: ClientMaker
) -> None:
    info = sandbox_factory("--rate-limit", "1", "--rate-window", "1")
    # Two budgets for one key: each thinks it has the window to itself.
    first, _ = connect(info)
    second, counter = connect(info)
    assert await first.workflow_schema("demo", "prompt-enhancer") is not None
    assert await second.workflow_schema("demo", "prompt-enhancer") is not None
    assert counter.statuses[429] == 1
    assert counter.statuses[200] == 1


async def test_gets_ride_out_random_server_errors(
    sandbox_factory: SandboxFactory, connect: ClientMaker
) -> None:
    info = sandbox_factory("--get-error-rate", "0.4", "--fault-seed", "3")
    client, counter = connect(info, max_retries=6)
    sub = await client.submit("demo", "prompt-enhancer", {"prompt": "flaky"})
    for _ in range(8):
        status = await client.status(sub.ref)
        assert status.status in tuple(RemoteStatus)
    assert counter.statuses[500] > 0


async def test_a_dropped_stream_is_reported_and_a_reconnect_catches_up(
    sandbox_factory: SandboxFactory, connect: ClientMaker
) -> None:
    info = sandbox_factory("--drop-stream-after", "2")
    client, _ = connect(info)
    sub = await client.submit("demo", "text-to-image", {"prompt": "drop me"})
    with pytest.raises(StreamInterrupted):
        await events_of(client, sub.ref)
    assert await until_finished(client, sub.ref) is RemoteStatus.COMPLETED


async def test_workflow_schema(sandbox: SandboxInfo, connect: ClientMaker) -> None:
    client, _ = connect(sandbox)
    schema = await client.workflow_schema("demo", "text-to-image")
    assert schema is not None
    assert "prompt" in schema["properties"]
    assert "prompt" in schema.get("required", [])
    assert await client.workflow_schema("demo", "no-such-workflow") is None


async def test_verify_key(sandbox: SandboxInfo, connect: ClientMaker) -> None:
    expectations = {
        sandbox.demo_key: KeyStatus.VALID,
        LOW_CREDITS_KEY: KeyStatus.VALID,
        FREE_KEY: KeyStatus.NO_API_ACCESS,
        "fiz_not_a_key_at_all_000000": KeyStatus.INVALID,
    }
    for key, expected in expectations.items():
        client, counter = connect(sandbox, key)
        check = await client.verify_key()
        assert check.status is expected, key[-6:]
        assert counter.total == 1

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    nowhere = FizzlyClient(f"http://127.0.0.1:{port}", sandbox.demo_key, max_retries=0)
    async with nowhere:
        check = await nowhere.verify_key()
    assert check.status is KeyStatus.UNREACHABLE


async def test_the_key_is_absent_from_every_log_line(
    sandbox: SandboxInfo, connect: ClientMaker, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client, _ = connect(sandbox)
    sub = await client.submit("demo", "prompt-enhancer", {"prompt": "quiet"})
    await until_finished(client, sub.ref)
    await client.result(sub.ref)
    await client.cancel(sub.ref)
    with pytest.raises(FizzlyError) as caught:
        await client.submit("demo", "nope", {"prompt": "x"})
    assert caplog.records, "debug logging was captured"
    assert sandbox.demo_key not in caplog.text
    assert sandbox.demo_key not in repr(caught.value) + str(caught.value)
    assert sandbox.demo_key not in repr(client)
