"""Write a long history fast: finished runs with timelines and saved pictures, in one transaction.

Rows are made by the history's own ``run_row``/``node_rows``/``output_row``, so the file is what
the app writes, with the search index kept by its triggers; only the writing is batched
(``executemany`` in one transaction instead of the writer thread's commits per burst).
"""

from __future__ import annotations

import random
import sqlite3
import time
from pathlib import Path

#: Workflows and nodes of the sandbox's demo, as real runs of it have them.
NODES = ("prompt-encode", "image-generation", "upscale")
FAILED_ERROR = "Safety check failed: the prompt was flagged by the content filter"
PICTURE_SIDE = 192


def make_pictures(folder: Path, count: int) -> list[Path]:
    """``count`` distinct small PNG pictures (each decodes to a different thumbnail)."""
    from PIL import Image, ImageDraw

    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(3)
    paths = []
    for i in range(count):
        path = folder / f"picture-{i:05d}.png"
        if not path.exists():
            image = Image.new("RGB", (PICTURE_SIDE, PICTURE_SIDE), (rng.randrange(256), 90, 160))
            ImageDraw.Draw(image).ellipse((30, 30, 160, 160), fill=(240, rng.randrange(256), 60))
            image.save(path, compress_level=1)
        paths.append(path)
    return paths


def fill_history(path: Path, count: int, pictures: list[Path], profile: str) -> None:
    """Write ``count`` finished runs, newest last; completed ones show ``pictures`` in turn."""
    from fizzly_desktop.core.history import HistoryStore
    from fizzly_desktop.core.history.rows import (
        RUN_UPSERT,
        OutputRecord,
        node_rows,
        output_row,
        run_row,
    )
    from fizzly_desktop.core.runs import NodeEntry, NodeState, Run, RunState, new_run_id

    HistoryStore(path).close()  # the schema, as the app makes it
    rng = random.Random(7)
    now = time.time()
    run_rows, timeline_rows, output_rows = [], [], []
    for i in range(count):
        created = now - (count - i) * 30.0
        roll = rng.random()
        state = (
            RunState.COMPLETED
            if roll < 0.85
            else RunState.FAILED
            if roll < 0.95
            else RunState.CANCELLED
        )
        started, done = created + 1.0, created + 1.0 + rng.uniform(3.0, 30.0)
        step = (done - started) / len(NODES)
        timeline = []
        for n, name in enumerate(NODES):
            failed = state is RunState.FAILED and n == 1
            timeline.append(
                NodeEntry(
                    name,
                    NodeState.FAILED if failed else NodeState.COMPLETED,
                    started + n * step,
                    started + (n + 1) * step,
                )
            )
            if failed or (state is RunState.CANCELLED and n == 1):
                break
        run = Run(
            id=new_run_id(),
            workflow="demo/slow-render" if i % 4 == 0 else "demo/text-to-image",
            inputs={"prompt": f"a lighthouse, take {i}", "seed": i, "width": 256, "height": 256},
            profile=profile,
            state=state,
            request_id=f"history-{i:06d}",
            progress=100.0 if state is RunState.COMPLETED else 40.0,
            timeline=timeline,
            credits_used=8.0 if state is RunState.COMPLETED else 1.0,
            credits_refunded=7.0 if state is RunState.CANCELLED else None,
            error=FAILED_ERROR if state is RunState.FAILED else None,
            result_fetched=True,
            created_at=created,
            submitted_at=created + 0.2,
            started_at=started,
            completed_at=done,
            updated_at=done,
        )
        if state is RunState.COMPLETED and pictures:
            picture = pictures[i % len(pictures)]
            url = f"http://127.0.0.1:9/outputs/{run.id}.png"
            run.outputs = {
                "generated_image": {
                    "url": url,
                    "width": PICTURE_SIDE,
                    "height": PICTURE_SIDE,
                    "content_type": "image/png",
                    "local_path": str(picture),
                },
                "prompt_used": run.inputs["prompt"],
                "seed": i,
            }
            run.metrics = {"credits_used": 8, "total_time_ms": int((done - started) * 1000)}
            output_rows.append(
                output_row(
                    OutputRecord(
                        run.id,
                        "generated_image",
                        url,
                        picture,
                        None,
                        "image/png",
                        PICTURE_SIDE,
                        PICTURE_SIDE,
                        done,
                    )
                )
            )
        run_rows.append(run_row(run))
        timeline_rows.extend(node_rows(run))
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.executemany(RUN_UPSERT, run_rows)
            conn.executemany("INSERT INTO node_events VALUES (?, ?, ?, ?, ?, ?, ?)", timeline_rows)
            conn.executemany(
                "INSERT OR REPLACE INTO outputs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", output_rows
            )
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
