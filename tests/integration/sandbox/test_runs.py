"""Run life over loopback: queue positions, progress, logs, results, failures, cancel refunds."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import httpx
import pytest

from fizzly_desktop.core.sandbox_process import SandboxInfo
from tests.fixtures.sandbox import SandboxFactory
from tests.integration.sandbox.support import (
    assert_error,
    client,
    submit,
    wait_finished,
    wait_status,
)

PROMPT = {"prompt": "a lighthouse at dawn", "seed": 11, "width": 256, "height": 256}


@pytest.fixture
def api(sandbox: SandboxInfo) -> Iterator[httpx.Client]:
    with client(sandbox.base_url, sandbox.demo_key) as c:
        yield c


@pytest.fixture
def slow(sandbox_factory: SandboxFactory) -> Iterator[tuple[SandboxInfo, httpx.Client]]:
    """A one-worker sandbox at demo speed: slow-render takes about 26 s, so runs stay put."""
    info = sandbox_factory(
        "--time-scale", "1", "--workers", "1", "--key", "fiz_test_counted:pro:100"
    )
    with client(info.base_url, "fiz_test_counted") as c:
        yield info, c


def parse_time(text: str) -> datetime:
    assert text.endswith("Z")
    return datetime.fromisoformat(text)


def test_completed_run_status_result_and_logs(api: httpx.Client, sandbox: SandboxInfo) -> None:
    run = submit(api, "demo/text-to-image", PROMPT)
    assert run["status"] == "PENDING"
    final = wait_finished(api, run["status_url"])
    assert set(final) == {"status", "metrics"}
    assert final["status"] == "COMPLETED"
    assert final["metrics"]["credits_used"] == 5
    assert final["metrics"]["total_time_ms"] >= 0

    with_logs = api.get(run["status_url"], params={"logs": 1}).json()
    assert [entry["node"] for entry in with_logs["logs"]] == [
        "prompt-encode",
        "image-generation",
        "upscale",
    ]
    assert {entry["status"] for entry in with_logs["logs"]} == {"completed"}

    result = api.get(run["response_url"]).json()
    assert set(result) == {"status", "outputs", "metrics", "logs", "started_at", "completed_at"}
    assert result["status"] == "COMPLETED"
    assert result["metrics"] == final["metrics"]
    assert result["outputs"]["prompt_used"] == PROMPT["prompt"]
    assert result["outputs"]["seed"] == 11
    image = result["outputs"]["generated_image"]
    assert (image["width"], image["height"]) == (256, 256)
    assert image["url"].startswith(sandbox.output_origin + "/outputs/")
    started, completed = parse_time(result["started_at"]), parse_time(result["completed_at"])
    assert started <= completed
    for entry in result["logs"]:
        assert started <= parse_time(entry["started_at"]) <= parse_time(entry["completed_at"])
        assert parse_time(entry["completed_at"]) <= completed


def test_text_only_workflow(api: httpx.Client) -> None:
    run = submit(api, "demo/prompt-enhancer", {"prompt": "a fox", "style": "watercolor"})
    assert wait_finished(api, run["status_url"])["status"] == "COMPLETED"
    outputs = api.get(run["response_url"]).json()["outputs"]
    assert list(outputs) == ["enhanced_prompt"]
    assert outputs["enhanced_prompt"].startswith("a fox, ")
    assert "watercolor" in outputs["enhanced_prompt"]


def test_failed_run_names_the_node_and_is_not_charged(api: httpx.Client) -> None:
    run = submit(api, "demo/broken-pipeline", {"prompt": "anything"})
    final = wait_finished(api, run["status_url"])
    assert final["status"] == "FAILED"
    assert final["error"].startswith("Safety check failed")
    assert final["metrics"]["credits_used"] == 0

    result = api.get(run["response_url"])
    assert result.status_code == 200
    body = result.json()
    assert body["status"] == "FAILED"
    assert "outputs" not in body
    assert body["error"] == final["error"]
    assert [(e["node"], e["status"]) for e in body["logs"]] == [
        ("prompt-encode", "completed"),
        ("safety-check", "failed"),
    ]
    again = assert_error(api.put(run["cancel_url"]), 400, "ALREADY_COMPLETED")
    assert again == {
        "error": "Cannot cancel a failed request",
        "code": "ALREADY_COMPLETED",
        "current_status": "FAILED",
    }


def test_queue_positions_and_progress(slow: tuple[SandboxInfo, httpx.Client]) -> None:
    _info, api = slow
    running = submit(api, "demo/slow-render", PROMPT)
    second = submit(api, "demo/slow-render", PROMPT)
    third = submit(api, "demo/prompt-enhancer", {"prompt": "x"})
    assert api.get(second["status_url"]).json() == {"status": "IN_QUEUE", "queue_position": 1}
    assert api.get(third["status_url"]).json() == {"status": "IN_QUEUE", "queue_position": 2}
    queued_logs = api.get(third["status_url"], params={"logs": "1"}).json()
    assert queued_logs["logs"] == []

    status = wait_status(api, running["status_url"], lambda b: b["status"] == "IN_PROGRESS")
    assert set(status) == {"status", "progress", "current_node"}
    assert 0 <= status["progress"] <= 100
    assert status["current_node"] in ("prompt-encode", "image-generation")
    later = wait_status(
        api, running["status_url"], lambda b: b.get("current_node") == "image-generation"
    )
    assert later["progress"] >= status["progress"]
    logs = api.get(running["status_url"], params={"logs": "1"}).json()["logs"]
    assert [(e["node"], e["status"]) for e in logs] == [
        ("prompt-encode", "completed"),
        ("image-generation", "running"),
    ]

    # Cancelling the first queued run moves the next one up.
    api.put(second["cancel_url"])
    assert api.get(third["status_url"]).json() == {"status": "IN_QUEUE", "queue_position": 1}


def test_cancel_refunds_in_each_state(slow: tuple[SandboxInfo, httpx.Client]) -> None:
    info, api = slow
    running = submit(api, "demo/slow-render", PROMPT)  # 8 credits: 1 + 5 + 2
    queued = submit(api, "demo/slow-render", PROMPT)

    outcome = api.put(queued["cancel_url"])
    assert outcome.status_code == 200
    assert outcome.json() == {
        "status": "CANCELLATION_REQUESTED",
        "message": "Request cancellation initiated",
        "previous_status": "IN_QUEUE",
        "credits_refunded": 8,
    }
    cancelled = api.get(queued["status_url"]).json()
    assert cancelled["status"] == "CANCELLED"
    assert cancelled["metrics"]["credits_used"] == 0
    result = api.get(queued["response_url"]).json()
    assert result["status"] == "CANCELLED"
    assert result["started_at"] is None

    wait_status(api, running["status_url"], lambda b: b.get("current_node") == "image-generation")
    outcome = api.put(running["cancel_url"]).json()
    # prompt-encode (1 credit) had completed; the interrupted node and the rest are refunded.
    assert outcome["previous_status"] == "IN_PROGRESS"
    assert outcome["credits_refunded"] == 7
    final = api.get(running["status_url"], params={"logs": 1}).json()
    assert final["status"] == "CANCELLED"
    assert final["metrics"]["credits_used"] == 1
    assert [(e["node"], e["status"]) for e in final["logs"]] == [
        ("prompt-encode", "completed"),
        ("image-generation", "cancelled"),
    ]

    again = assert_error(api.put(running["cancel_url"]), 400, "ALREADY_COMPLETED")
    assert again["current_status"] == "CANCELLED"

    # 100 - 1 charged: every other credit came back, so 12 slow renders (96) still fit.
    for _ in range(12):
        submit(api, "demo/slow-render", PROMPT)
    assert_error(
        api.post("/workflows/demo/slow-render", json={"inputs": PROMPT}),
        402,
        "INSUFFICIENT_CREDITS",
    )
    assert info.keys["fiz_test_counted"]["credits"] == 100


def test_cancel_finished_run_is_already_completed(api: httpx.Client) -> None:
    run = submit(api, "demo/prompt-enhancer", {"prompt": "kite"})
    wait_finished(api, run["status_url"])
    response = api.put(run["cancel_url"])
    body = assert_error(response, 400, "ALREADY_COMPLETED")
    assert body == {
        "error": "Cannot cancel a completed request",
        "code": "ALREADY_COMPLETED",
        "current_status": "COMPLETED",
    }


def test_workers_run_in_parallel(sandbox_factory: SandboxFactory) -> None:
    info = sandbox_factory("--time-scale", "1", "--workers", "2")
    with client(info.base_url, info.demo_key) as api:
        runs = [submit(api, "demo/slow-render", PROMPT) for _ in range(3)]
        for run in runs[:2]:
            wait_status(api, run["status_url"], lambda b: b["status"] == "IN_PROGRESS")
        assert api.get(runs[2]["status_url"]).json()["status"] == "IN_QUEUE"


def test_schema_of_every_workflow(api: httpx.Client, sandbox: SandboxInfo) -> None:
    assert set(sandbox.workflows) == {
        "demo/text-to-image",
        "demo/image-to-image",
        "demo/prompt-enhancer",
        "demo/broken-pipeline",
        "demo/slow-render",
        "demo/text-to-video",
        "demo/text-to-sound",
        "demo/text-to-mesh",
    }
    for workflow in sandbox.workflows:
        schema = api.get(f"/workflows/{workflow}/schema").json()
        assert schema["type"] == "object"
        assert "prompt" in schema["required"]
        for prop in schema["properties"].values():
            assert prop["title"]
            assert isinstance(prop["x-order"], int)
    t2i = api.get("/workflows/demo/text-to-image/schema").json()["properties"]
    assert t2i["output_format"]["enum"] == ["webp", "png"]
    assert (t2i["width"]["minimum"], t2i["width"]["maximum"]) == (64, 2048)
    assert t2i["prompt"]["maxLength"] >= 10000
    i2i = api.get("/workflows/demo/image-to-image/schema").json()["properties"]
    assert i2i["image"]["format"] == "uri"
