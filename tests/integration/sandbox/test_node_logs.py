"""Node log entries have the reference's shape while a node runs, too."""

from __future__ import annotations

from fizzly_desktop.core.sandbox_process import SandboxInfo
from tests.integration.sandbox.support import client, submit, wait_finished, wait_status


def test_a_running_nodes_entry_has_completed_at_null(sandbox: SandboxInfo) -> None:
    with client(sandbox.base_url, sandbox.demo_key) as api:
        run = submit(api, "demo/slow-render", {"prompt": "fog over a valley", "seed": 1})
        body = wait_status(
            api,
            run["status_url"] + "?logs=1",
            lambda b: b.get("current_node") == "image-generation",
        )
        encode, generation = body["logs"]
        assert set(generation) == {"node", "status", "started_at", "completed_at"}
        assert generation["node"] == "image-generation"
        assert generation["status"] == "running"
        assert generation["completed_at"] is None
        assert encode["status"] == "completed"
        assert isinstance(encode["completed_at"], str)
        wait_finished(api, run["status_url"])
        finished = api.get(run["response_url"]).json()
        assert all(isinstance(entry["completed_at"], str) for entry in finished["logs"])
