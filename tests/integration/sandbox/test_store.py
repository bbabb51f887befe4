"""The sandbox's data folder: what it keeps, and what it does with what it cannot use."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fizzly_desktop.core.sandbox_process import SandboxError, launch_sandbox
from fizzly_desktop.sandbox.images import ImageSpec
from fizzly_desktop.sandbox.media.spec import MediaSpec
from fizzly_desktop.sandbox.store import DB_NAME, SandboxStore, plan_from_json, plan_to_json
from fizzly_desktop.sandbox.workflows import NodeStep, RunPlan
from tests.fixtures.sandbox import FAST_FLAGS
from tests.integration.sandbox.support import client, submit, wait_finished, wait_status


def test_a_plan_survives_its_encoding() -> None:
    spec = ImageSpec("a red kite", 42, 128, 96, "png", source_png=b"\x89PNG\x00\xff", strength=0.4)
    plan = RunPlan(
        steps=(
            NodeStep("load", 0.3, 1, {"width": 128}),
            NodeStep("paint", 2.0, 3, {"url": "http://127.0.0.1:9/outputs/x.png"}, (spec,)),
            NodeStep("check", 0.5, 1, error="refused"),
        ),
        outputs={"image": {"url": "http://127.0.0.1:9/outputs/x.png"}, "seed": 42},
    )
    assert plan_from_json(plan_to_json(plan)) == plan


def test_a_plan_with_a_clip_a_sound_and_a_mesh_survives_its_encoding() -> None:
    clip = MediaSpec("video", "a kite", 3, 256, 144, 2.5, 12)
    sound = MediaSpec("audio", "rain", 4, seconds=3.0)
    shape = MediaSpec("mesh", "a pebble", 5, detail="low")
    plan = RunPlan(
        steps=(
            NodeStep("film", 1.0, 4, {"url": "http://127.0.0.1:9/outputs/c.mp4"}, (clip,)),
            NodeStep("media", 1.0, 2, {}, (sound, shape)),
        ),
        outputs={"video": {"url": "http://127.0.0.1:9/outputs/c.mp4"}},
    )
    again = plan_from_json(plan_to_json(plan))
    assert again == plan
    assert [spec.file_name for spec in again.steps[1].publish] == [
        sound.file_name,
        shape.file_name,
    ]


def test_a_folder_of_a_newer_sandbox_is_refused_plainly(tmp_path: Path) -> None:
    SandboxStore(tmp_path).close()
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(SandboxError, match="could not start") as caught:
        launch_sandbox(*FAST_FLAGS, data_dir=tmp_path)
    assert "newer sandbox" in str(caught.value)
    assert "Traceback" not in str(caught.value)


def test_a_run_that_cannot_resume_fails_with_the_reason_and_its_credits_back(
    tmp_path: Path,
) -> None:
    flags = (*FAST_FLAGS, "--key", "fiz_k:pro:50")
    first = launch_sandbox(*flags, "--time-scale", "0.1", data_dir=tmp_path)
    with first, client(first.info.base_url, "fiz_k") as api:
        run = submit(api, "demo/slow-render", {"prompt": "dunes", "seed": 2})
        wait_status(api, run["status_url"], lambda b: b["status"] == "IN_PROGRESS")
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        db.execute("UPDATE runs SET plan = 'not a plan'")
    db.close()
    with launch_sandbox(*flags, data_dir=tmp_path) as second:
        assert second.info.keys["fiz_k"]["credits"] == 50
        with client(second.info.base_url, "fiz_k") as api:
            body = wait_finished(api, run["status_url"])
    assert body["status"] == "FAILED"
    assert body["error"].startswith("The sandbox restarted and could not resume this request")
    assert body["metrics"]["credits_used"] == 0


def test_a_restart_after_the_last_node_neither_repeats_nor_charges_it_again(
    tmp_path: Path,
) -> None:
    flags = (*FAST_FLAGS, "--key", "fiz_k:pro:50")
    first = launch_sandbox(*flags, data_dir=tmp_path)
    with first, client(first.info.base_url, "fiz_k") as api:
        run = submit(api, "demo/prompt-enhancer", {"prompt": "a fox"})
        wait_finished(api, run["status_url"])
        before = api.get(run["response_url"]).json()
    # As if killed after the last node's completion was saved, before the run's end was.
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        db.execute(
            "UPDATE runs SET status = 'IN_PROGRESS', completed_at = NULL,"
            " step_index = step_index - 1"
        )
        db.execute("DELETE FROM events WHERE event = 'output'")
    db.close()
    second = launch_sandbox(*flags, data_dir=tmp_path)
    with second, client(second.info.base_url, "fiz_k") as api:
        assert wait_finished(api, run["status_url"])["status"] == "COMPLETED"
        after = api.get(run["response_url"]).json()
    assert after["logs"] == before["logs"]
    assert after["outputs"] == before["outputs"]
    assert after["metrics"]["credits_used"] == before["metrics"]["credits_used"]
    assert second.info.keys["fiz_k"]["credits"] == 50 - before["metrics"]["credits_used"]
