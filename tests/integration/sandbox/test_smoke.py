"""The shared sandbox answers a submit, reports status and result, and serves the output."""

from __future__ import annotations

import io
import time

import httpx
from PIL import Image

from fizzly_desktop.core.sandbox_process import SandboxInfo


def wait_finished(api: httpx.Client, status_url: str, deadline_s: float = 10.0) -> dict:
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        body = api.get(status_url).json()
        if body["status"] in ("COMPLETED", "FAILED", "CANCELLED"):
            return body
    raise AssertionError(f"run did not finish within {deadline_s} s")


def test_submit_status_result_and_output(api: httpx.Client, sandbox: SandboxInfo) -> None:
    response = api.post(
        "/workflows/demo/text-to-image",
        json={"inputs": {"prompt": "A beautiful sunset", "seed": 7, "width": 256, "height": 192}},
    )
    assert response.status_code == 200
    submitted = response.json()
    run_id = submitted["request_id"]
    assert run_id.startswith("run_")
    assert submitted["status"] == "PENDING"
    base = f"{sandbox.base_url}/workflows/demo/text-to-image/requests/{run_id}"
    assert submitted["response_url"] == base
    assert submitted["status_url"] == base + "/status"
    assert submitted["cancel_url"] == base + "/cancel"

    final = wait_finished(api, submitted["status_url"])
    assert final == {"status": "COMPLETED", "metrics": final["metrics"]}
    assert final["metrics"]["credits_used"] == 5

    result = api.get(submitted["response_url"]).json()
    image = result["outputs"]["generated_image"]
    assert (image["width"], image["height"]) == (256, 192)
    assert image["url"].startswith(sandbox.output_origin + "/")
    assert result["outputs"]["prompt_used"] == "A beautiful sunset"

    picture = httpx.get(image["url"])
    assert picture.status_code == 200
    assert picture.headers["content-type"] == "image/webp"
    with Image.open(io.BytesIO(picture.content)) as decoded:
        assert decoded.format == "WEBP"
        assert decoded.size == (256, 192)
