"""The sandbox as a process: its one JSON line, flags, start failures, and clean exits."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from fizzly_desktop.api import FizzlyClient
from fizzly_desktop.core.outputs import trusted_origins_of
from fizzly_desktop.core.sandbox_process import (
    SandboxError,
    SandboxInfo,
    launch_sandbox,
    sandbox_output_origins,
    start_sandbox,
)
from tests.integration.sandbox.support import client

INFO_FIELDS = {"base_url", "output_origin", "demo_key", "keys", "workflows", "ping_interval"}


def run_module(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "fizzly_desktop.sandbox", "--log-level", "warning", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("how", ["sigterm", "sigint", "stdin"])
def test_prints_one_json_line_and_exits_cleanly(how: str) -> None:
    process = run_module("--exit-with-stdin")
    try:
        assert process.stdout is not None
        assert process.stdin is not None
        assert process.stderr is not None
        line = process.stdout.readline()
        info = json.loads(line)
        assert set(info) == INFO_FIELDS
        assert info["base_url"].startswith("http://127.0.0.1:")
        assert info["output_origin"].startswith("http://127.0.0.1:")
        assert info["base_url"] != info["output_origin"]
        assert info["keys"][info["demo_key"]]["plan"] in ("pro", "ultimate")
        assert httpx.get(info["base_url"] + "/workflows/demo/text-to-image/schema").status_code
        if how == "sigterm":
            process.send_signal(signal.SIGTERM)
        elif how == "sigint":
            process.send_signal(signal.SIGINT)
        else:
            process.stdin.close()
        process.wait(10)
        out, err = process.stdout.read(), process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream is not None:
                stream.close()
    assert process.returncode == 0, err
    assert out == ""  # nothing after the one line
    assert "Traceback" not in err


def test_launcher_reports_info_and_stops_with_reference_defaults() -> None:
    handle = launch_sandbox("--log-level", "info")
    with handle:
        assert handle.info.ping_interval == 15.0
        with client(handle.info.base_url, handle.info.demo_key) as api:
            response = api.get("/workflows/demo/text-to-image/schema")
        # 60 requests per 60 s unless configured otherwise.
        assert response.headers["x-ratelimit-limit"] == "60"
        assert response.headers["x-ratelimit-remaining"] == "59"
        reset = int(response.headers["x-ratelimit-reset"])
        assert time.time() + 55 <= reset <= time.time() + 62
        assert handle.running
        info = handle.info
        assert isinstance(info, SandboxInfo)
        assert "demo/slow-render" in info.workflows
        assert info.demo_key not in repr(info)
        with client(info.base_url, info.demo_key) as api:
            assert api.get("/workflows/demo/prompt-enhancer/schema").status_code == 200
    assert not handle.running
    assert handle.stop() == 0  # stopping twice is harmless
    assert any("sandbox API on" in line for line in handle.stderr_tail())


async def test_async_launcher_reports_info_and_stops() -> None:
    handle = await start_sandbox("--time-scale", "0.02")
    try:
        async with httpx.AsyncClient(
            base_url=handle.info.base_url,
            headers={"Authorization": f"Key {handle.info.demo_key}"},
        ) as api:
            response = await api.get("/workflows/demo/text-to-image/schema")
            assert response.status_code == 200
    finally:
        assert await handle.stop() == 0
    assert not handle.running


async def test_async_launcher_reports_a_bad_flag() -> None:
    with pytest.raises(SandboxError, match="exited before it was ready") as caught:
        await start_sandbox("--rate-limit", "zero")
    assert "--rate-limit" in str(caught.value)


def test_bad_flag_is_reported_with_the_sandboxes_message() -> None:
    with pytest.raises(SandboxError, match="exited before it was ready") as caught:
        launch_sandbox("--workers", "0")
    assert "--workers: must be 1 or more" in str(caught.value)


def test_taken_port_is_reported_plainly(sandbox: SandboxInfo) -> None:
    port = sandbox.base_url.rsplit(":", 1)[1]
    with pytest.raises(SandboxError) as caught:
        launch_sandbox("--port", port)
    assert "could not start" in str(caught.value)
    assert "Traceback" not in str(caught.value)


def test_start_timeout_stops_the_child() -> None:
    with pytest.raises(SandboxError, match="did not start within"):
        launch_sandbox(timeout=0.001)


def test_keys_from_config_file_and_flags(tmp_path: Path) -> None:
    config = tmp_path / "keys.json"
    config.write_text(
        json.dumps(
            {
                "keys": {
                    "fiz_team": {"plan": "ultimate", "credits": 50},
                    "fiz_trial": {"plan": "free"},
                }
            }
        )
    )
    with launch_sandbox("--config", str(config), "--key", "fiz_extra:pro:9") as handle:
        keys = handle.info.keys
        assert keys == {
            "fiz_team": {"plan": "ultimate", "credits": 50},
            "fiz_trial": {"plan": "free", "credits": 1000},
            "fiz_extra": {"plan": "pro", "credits": 9},
        }
        # Without the default keys, the first key with API access is the demo key.
        assert handle.info.demo_key == "fiz_team"
        with client(handle.info.base_url, "fiz_sandbox_demo_key") as api:
            assert api.get("/workflows/demo/text-to-image/schema").status_code == 401


def test_bad_config_file_is_reported(tmp_path: Path) -> None:
    config = tmp_path / "keys.json"
    config.write_text('{"keys": {"k": {"plan": "gold"}}}')
    with pytest.raises(SandboxError, match=r"config file .* unknown plan 'gold'"):
        launch_sandbox("--config", str(config))


def test_default_keys_cover_every_plan(sandbox: SandboxInfo) -> None:
    plans = {value["plan"] for value in sandbox.keys.values()}
    assert plans == {"free", "pro", "ultimate"}
    assert sandbox.keys[sandbox.demo_key]["credits"] >= 100_000
    assert any(v["credits"] < 10 and v["plan"] != "free" for v in sandbox.keys.values())


async def test_a_started_sandbox_lends_its_output_origin_to_its_clients_until_it_stops() -> None:
    handle = await start_sandbox("--log-level", "warning")
    info = handle.info
    client = FizzlyClient(info.base_url + "/", info.demo_key)
    try:
        assert sandbox_output_origins(info.base_url) == (info.output_origin,)
        # What the engine gives the downloader for this profile: the API and its outputs.
        assert trusted_origins_of(client) == (info.base_url, info.output_origin)
        assert trusted_origins_of(None) == ()
    finally:
        await client.aclose()
        await handle.stop()
    assert sandbox_output_origins(info.base_url) == ()
    assert trusted_origins_of(client) == (info.base_url,)
