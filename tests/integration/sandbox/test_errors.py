"""Authentication, plans, credits, unknown things and bad input get the documented errors."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from fizzly_desktop.core.sandbox_process import SandboxInfo, launch_sandbox
from tests.fixtures.sandbox import FAST_FLAGS
from tests.integration.sandbox.support import (
    RATE_HEADERS,
    assert_error,
    auth,
    client,
    submit,
    wait_finished,
)

T2I = "/workflows/demo/text-to-image"
PROMPT = {"prompt": "a lighthouse"}


@pytest.fixture
def api(sandbox: SandboxInfo) -> Iterator[httpx.Client]:
    with client(sandbox.base_url, sandbox.demo_key) as c:
        yield c


@pytest.fixture(scope="module")
def strict() -> Iterator[SandboxInfo]:
    """Demo speed on one worker (runs stay unfinished), a 1000-byte body cap, a 7-credit key."""
    with launch_sandbox(
        *FAST_FLAGS,
        "--time-scale",
        "1",
        "--workers",
        "1",
        "--max-body-bytes",
        "1000",
        "--key",
        "fiz_test_poor:pro:7",
    ) as handle:
        yield handle.info


def test_missing_key_is_401(sandbox: SandboxInfo) -> None:
    with client(sandbox.base_url, None) as anonymous:
        body = assert_error(anonymous.post(T2I, json={"inputs": PROMPT}), 401, "UNAUTHORIZED")
        assert body["error"] == "Missing API key"
        assert_error(anonymous.get(T2I + "/schema"), 401, "UNAUTHORIZED")


@pytest.mark.parametrize(
    "header",
    ["Key fiz_not_a_real_key", "Bearer fiz_sandbox_demo_key", "Key", "fiz_sandbox_demo_key"],
)
def test_invalid_key_or_scheme_is_401(sandbox: SandboxInfo, header: str) -> None:
    response = httpx.get(sandbox.base_url + T2I + "/schema", headers={"Authorization": header})
    body = assert_error(response, 401, "UNAUTHORIZED")
    assert body["error"] == "Invalid API key"
    # No key was identified, so there is no budget to report.
    assert "x-ratelimit-limit" not in response.headers


def test_free_plan_is_403_with_rate_headers(sandbox: SandboxInfo) -> None:
    free = next(k for k, v in sandbox.keys.items() if v["plan"] == "free")
    with client(sandbox.base_url, free) as c:
        response = c.post(T2I, json={"inputs": PROMPT})
    body = assert_error(response, 403, "FORBIDDEN")
    assert body["error"] == "PRO subscription required"
    assert all(h in response.headers for h in RATE_HEADERS)


def test_ultimate_plan_has_access(sandbox: SandboxInfo) -> None:
    ultimate = next(k for k, v in sandbox.keys.items() if v["plan"] == "ultimate")
    with client(sandbox.base_url, ultimate) as c:
        assert c.get(T2I + "/schema").status_code == 200


def test_insufficient_credits_is_402_and_refunds_restore_access(strict: SandboxInfo) -> None:
    info = strict
    assert info.keys["fiz_test_poor"] == {"plan": "pro", "credits": 7}
    with client(info.base_url, "fiz_test_poor") as poor:
        first = submit(poor, "demo/text-to-image", PROMPT)  # 5 of 7 credits reserved
        body = assert_error(poor.post(T2I, json={"inputs": PROMPT}), 402, "INSUFFICIENT_CREDITS")
        assert body["details"] == {"required": 5, "available": 2}
        # A cheaper workflow still fits in what is left.
        submit(poor, "demo/prompt-enhancer", {"prompt": "cat"})
        cancelled = poor.put(first["cancel_url"]).json()
        assert cancelled["credits_refunded"] == 5
        submit(poor, "demo/text-to-image", PROMPT)


def test_unknown_workflow_is_404(api: httpx.Client) -> None:
    body = assert_error(api.post("/workflows/demo/nope", json={"inputs": PROMPT}), 404, "NOT_FOUND")
    assert body["details"] == {"workflow": "demo/nope"}
    assert_error(api.get("/workflows/someone/text-to-image/schema"), 404, "NOT_FOUND")
    assert_error(api.get("/workflows/demo/nope/requests/run_x/status"), 404, "NOT_FOUND")


def test_unknown_request_is_404_on_every_request_endpoint(api: httpx.Client) -> None:
    base = T2I + "/requests/run_doesnotexist"
    for response in (
        api.get(base + "/status"),
        api.get(base),
        api.put(base + "/cancel"),
        api.get(base + "/status/stream"),
    ):
        body = assert_error(response, 404, "NOT_FOUND")
        assert body["error"] == "Request not found"


def test_another_keys_run_is_404(api: httpx.Client, sandbox: SandboxInfo) -> None:
    run = submit(api, "demo/text-to-image", PROMPT)
    ultimate = next(k for k, v in sandbox.keys.items() if v["plan"] == "ultimate")
    with client(sandbox.base_url, ultimate) as other:
        for response in (
            other.get(run["status_url"]),
            other.get(run["response_url"]),
            other.get(run["status_url"] + "/stream"),
            other.put(run["cancel_url"]),
        ):
            assert_error(response, 404, "NOT_FOUND")
    # The owner still sees it, and the other key's cancel did nothing.
    assert wait_finished(api, run["status_url"])["status"] == "COMPLETED"


def test_run_under_another_workflow_path_is_404(api: httpx.Client) -> None:
    run = submit(api, "demo/prompt-enhancer", {"prompt": "owl"})
    response = api.get(f"/workflows/demo/text-to-image/requests/{run['request_id']}/status")
    assert_error(response, 404, "NOT_FOUND")


@pytest.mark.parametrize(
    ("inputs", "field"),
    [
        ({}, "prompt"),
        ({"prompt": ""}, "prompt"),
        ({"prompt": 12}, "prompt"),
        ({"prompt": "x", "width": 4096}, "width"),
        ({"prompt": "x", "height": 10}, "height"),
        ({"prompt": "x", "steps": "many"}, "steps"),
        ({"prompt": "x", "output_format": "gif"}, "output_format"),
        ({"prompt": "x", "seed": -1}, "seed"),
        ({"prompt": "x", "colour": "red"}, "colour"),
    ],
)
def test_invalid_inputs_are_400_naming_the_field(
    api: httpx.Client, inputs: dict[str, object], field: str
) -> None:
    body = assert_error(api.post(T2I, json={"inputs": inputs}), 400, "BAD_REQUEST")
    assert field in body["details"]
    assert field in body["details"][field]


def test_several_bad_fields_are_all_named(api: httpx.Client) -> None:
    body = assert_error(
        api.post(T2I, json={"inputs": {"width": 1, "steps": 0}}), 400, "BAD_REQUEST"
    )
    assert set(body["details"]) == {"prompt", "width", "steps"}


@pytest.mark.parametrize(
    "content",
    [b"{", b"not json", b"[1, 2]", b'"text"', b"\xff\xfe", b'{"inputs": [1]}', b"{}"],
)
def test_malformed_bodies_are_400(api: httpx.Client, content: bytes) -> None:
    response = api.post(T2I, content=content, headers={"Content-Type": "application/json"})
    assert_error(response, 400, "BAD_REQUEST")


def test_wrong_content_type_is_400(api: httpx.Client) -> None:
    response = api.post(
        T2I, content=b"inputs=prompt", headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    body = assert_error(response, 400, "BAD_REQUEST")
    assert "content_type" in body["details"]


def test_body_over_ten_megabytes_is_400(api: httpx.Client) -> None:
    prompt = "a" * (10 * 1024 * 1024 + 10)
    response = api.post(T2I, json={"inputs": {"prompt": prompt}})
    body = assert_error(response, 400, "BAD_REQUEST")
    assert body["error"] == "Request body is too large"


def test_body_over_limit_without_content_length_is_400(strict: SandboxInfo) -> None:
    info = strict

    def chunks():  # streamed: no Content-Length, so the cap applies while reading
        for _ in range(10):
            yield b" " * 200

    with client(info.base_url, info.demo_key) as c:
        response = c.post(T2I, content=chunks(), headers={"Content-Type": "application/json"})
    assert_error(response, 400, "BAD_REQUEST")


def test_unknown_path_and_wrong_method_answer_json(api: httpx.Client) -> None:
    assert_error(api.get("/nothing/here"), 404, "NOT_FOUND")
    response = api.delete(T2I)
    body = assert_error(response, 405, "METHOD_NOT_ALLOWED")
    assert "POST" in body["details"]["allowed"]


def test_result_before_completion_is_400(strict: SandboxInfo) -> None:
    info = strict
    with client(info.base_url, info.demo_key) as c:
        run = submit(c, "demo/slow-render", PROMPT)
        body = assert_error(c.get(run["response_url"]), 400, "BAD_REQUEST")
        assert "IN_" in body["details"]["status"]


def test_every_authenticated_error_carries_rate_headers(api: httpx.Client) -> None:
    for response in (
        api.post("/workflows/demo/nope", json={"inputs": PROMPT}),
        api.post(T2I, json={"inputs": {}}),
        api.post(T2I, content=b"{", headers={"Content-Type": "application/json"}),
        api.get(T2I + "/requests/run_missing/status"),
    ):
        assert response.status_code >= 400
        assert all(h in response.headers for h in RATE_HEADERS), response.headers


def test_key_header_is_case_insensitive_on_scheme(sandbox: SandboxInfo) -> None:
    response = httpx.get(sandbox.base_url + T2I + "/schema", headers=auth(sandbox.demo_key))
    assert response.status_code == 200
    lower = httpx.get(
        sandbox.base_url + T2I + "/schema", headers={"authorization": f"key {sandbox.demo_key}"}
    )
    assert lower.status_code == 200
