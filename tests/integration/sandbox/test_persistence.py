"""A sandbox with a data folder outlives restarts: address, runs, queue, credits, files, limits."""

from __future__ import annotations

import os
import signal
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from fizzly_desktop.core.sandbox_process import SandboxHandle, launch_sandbox, start_sandbox
from tests.fixtures.sandbox import FAST_FLAGS
from tests.integration.sandbox.support import (
    client,
    read_stream,
    submit,
    wait_finished,
    wait_status,
)

KEY = "fiz_persist_key"
CREDITS = 100
# Later flags win: a key of our own with a small balance, so that credits are easy to follow.
FLAGS = (*FAST_FLAGS, "--key", f"{KEY}:pro:{CREDITS}")
# Slow enough that a run is still running (and one still queued) when the sandbox goes away.
SLOW = ("--time-scale", "0.1", "--workers", "1")
PROMPT = {"prompt": "a lighthouse at sunset", "width": 128, "height": 128, "seed": 7}


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "sandbox"


@pytest.fixture
def handles() -> Iterator[list[SandboxHandle]]:
    """Handles started by a test; whatever is still running at its end is stopped."""
    started: list[SandboxHandle] = []
    yield started
    for handle in started:
        handle.stop()


def start(handles: list[SandboxHandle], data_dir: Path, *flags: str) -> SandboxHandle:
    handle = launch_sandbox(*FLAGS, *flags, data_dir=data_dir)
    handles.append(handle)
    return handle


def stop(handle: SandboxHandle, how: str) -> None:
    if how == "kill":
        os.kill(handle.pid, signal.SIGKILL)
        assert handle.stop() == -signal.SIGKILL
    else:
        assert handle.stop() == 0


def result(api: httpx.Client, run: dict[str, Any]) -> dict[str, Any]:
    response = api.get(run["response_url"])
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.mark.parametrize("how", ["graceful", "kill"])
def test_runs_queue_credits_and_files_outlive_a_restart(
    handles: list[SandboxHandle], data_dir: Path, how: str
) -> None:
    # 1. A completed run and its file.
    first = start(handles, data_dir).info
    assert first.keys[KEY]["credits"] == CREDITS
    with client(first.base_url, KEY) as api:
        done = submit(api, "demo/text-to-image", PROMPT)
        assert wait_finished(api, done["status_url"])["status"] == "COMPLETED"
        done_result = result(api, done)
        image_url = done_result["outputs"]["generated_image"]["url"]
        image = httpx.get(image_url)
        assert image.status_code == 200
    stop(handles[-1], "graceful")

    # 2. The same address; one run mid-way through its nodes, one queued behind it.
    second = start(handles, data_dir, *SLOW).info
    assert (second.base_url, second.output_origin) == (first.base_url, first.output_origin)
    assert not second.address_changed
    with client(second.base_url, KEY) as api:
        running = submit(api, "demo/slow-render", {"prompt": "a slow river", "seed": 3})
        queued = submit(api, "demo/text-to-image", {**PROMPT, "seed": 8})
        before = wait_status(
            api,
            running["status_url"] + "?logs=1",
            lambda b: b.get("current_node") == "image-generation",
        )
        assert api.get(queued["status_url"]).json()["status"] == "IN_QUEUE"
    stop(handles[-1], how)

    # 3. Back on the same address: everything continues and the old results are served.
    third = start(handles, data_dir).info
    assert (third.base_url, third.output_origin) == (first.base_url, first.output_origin)
    with client(third.base_url, KEY) as api:
        assert result(api, done) == done_result
        again = httpx.get(image_url)
        assert again.status_code == 200
        assert again.content == image.content
        assert again.headers["etag"] == image.headers["etag"]
        for run in (running, queued):
            assert wait_finished(api, run["status_url"])["status"] == "COMPLETED"
        resumed = result(api, running)
        queued_result = result(api, queued)
        # The interrupted node ran again from its start; the node before it kept its record.
        assert [entry["node"] for entry in resumed["logs"]] == [
            "prompt-encode",
            "image-generation",
            "upscale",
        ]
        assert resumed["logs"][0] == before["logs"][0]
        assert all(entry["status"] == "completed" for entry in resumed["logs"])
        assert resumed["metrics"]["credits_used"] == 8
        resumed_image = httpx.get(resumed["outputs"]["generated_image"]["url"])
        assert resumed_image.status_code == 200
        # A late subscriber replays the whole run, events numbered without a gap.
        _response, events = read_stream(api, running["status_url"])
        assert [event.id for event in events] == [str(i) for i in range(len(events))]
        assert events[-1].event == "output"
        assert [e.data["node"] for e in events if e.event == "completion"] == [
            "prompt-encode",
            "image-generation",
            "upscale",
        ]
    spent = sum(r["metrics"]["credits_used"] for r in (done_result, resumed, queued_result))
    assert third.keys[KEY]["credits"] == CREDITS - spent


def test_a_taken_port_gives_a_new_address_and_says_so(
    handles: list[SandboxHandle], data_dir: Path
) -> None:
    first = start(handles, data_dir).info
    with client(first.base_url, KEY) as api:
        done = submit(api, "demo/text-to-image", PROMPT)
        wait_finished(api, done["status_url"])
    stop(handles[-1], "graceful")
    api_port = int(first.base_url.rsplit(":", 1)[1])
    output_port = int(first.output_origin.rsplit(":", 1)[1])
    with (
        socket.create_server(("127.0.0.1", api_port)),
        socket.create_server(("127.0.0.1", output_port)),
    ):
        second = start(handles, data_dir).info
    assert second.base_url != first.base_url
    assert second.output_origin != first.output_origin
    assert second.address_changed
    assert second.previous_base_url == first.base_url
    assert second.previous_output_origin == first.output_origin
    with client(second.base_url, KEY) as api:
        moved = result(
            api, {"response_url": done["response_url"].replace(first.base_url, second.base_url)}
        )
    # Output links follow the output origin to its new port, and the file is served there.
    url = moved["outputs"]["generated_image"]["url"]
    assert url.startswith(second.output_origin + "/outputs/")
    assert httpx.get(url).status_code == 200
    stop(handles[-1], "graceful")
    # The new address is the one remembered from now on.
    third = start(handles, data_dir).info
    assert third.base_url == second.base_url
    assert not third.address_changed


def test_the_rate_limit_window_outlives_a_restart(
    handles: list[SandboxHandle], data_dir: Path
) -> None:
    first = start(handles, data_dir, "--rate-limit", "3").info
    with client(first.base_url, KEY) as api:
        for _ in range(3):
            assert api.get("/workflows/demo/text-to-image/schema").status_code == 200
    stop(handles[-1], "kill")
    second = start(handles, data_dir, "--rate-limit", "3").info
    with client(second.base_url, KEY) as api:
        response = api.get("/workflows/demo/text-to-image/schema")
    assert response.status_code == 429
    assert int(response.headers["retry-after"]) >= 1


def test_a_second_instance_shares_the_first_and_takes_over_after_it(
    handles: list[SandboxHandle], data_dir: Path
) -> None:
    owner = start(handles, data_dir, *SLOW)
    guest = start(handles, data_dir)
    assert guest.info.attached
    assert not owner.info.attached
    assert guest.info.base_url == owner.info.base_url
    assert guest.info.output_origin == owner.info.output_origin
    assert guest.running
    # A guest that leaves while the owner runs just leaves; the owner keeps serving.
    passer_by = start(handles, data_dir)
    assert passer_by.info.attached
    assert passer_by.stop() == 0
    assert owner.running
    with client(guest.info.base_url, KEY) as api:
        run = submit(api, "demo/text-to-image", PROMPT)
        wait_status(api, run["status_url"], lambda b: b["status"] == "IN_PROGRESS")
    stop(owner, "graceful")
    # The guest takes over the folder, on the same address, and finishes the run.
    with client(guest.info.base_url, KEY) as api:
        body = wait_finished_through_restart(api, run["status_url"])
    assert body["status"] == "COMPLETED"
    assert guest.running
    assert (data_dir / "sandbox.json").is_file()
    assert guest.stop() == 0
    assert not (data_dir / "sandbox.json").exists()


def wait_finished_through_restart(
    api: httpx.Client, status_url: str, deadline_s: float = 15.0
) -> dict[str, Any]:
    """The run's final status, retrying while nothing listens (as support.wait_status polls)."""
    deadline = time.monotonic() + deadline_s
    while True:
        try:
            return wait_finished(api, status_url)
        except httpx.TransportError:
            assert time.monotonic() < deadline, "the sandbox never came back"
            time.sleep(0.02)


async def test_start_sandbox_passes_the_data_folder_and_reuses_the_port(data_dir: Path) -> None:
    first = await start_sandbox(*FLAGS, data_dir=data_dir)
    try:
        assert (data_dir / "sandbox.sqlite3").is_file()
        async with httpx.AsyncClient(
            base_url=first.info.base_url, headers={"Authorization": f"Key {KEY}"}
        ) as api:
            response = await api.post(
                "/workflows/demo/prompt-enhancer", json={"inputs": {"prompt": "a fox"}}
            )
            assert response.status_code == 200
    finally:
        assert await first.stop() == 0
    second = await start_sandbox(*FLAGS, data_dir=data_dir)
    try:
        assert second.info.base_url == first.info.base_url
        assert second.info.keys[KEY]["credits"] < CREDITS
    finally:
        assert await second.stop() == 0
