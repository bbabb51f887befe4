"""An export's list of results (CSV and JSON), and that its CSV imports back as a batch."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from fizzly_desktop.core.batch_plan import import_rows
from fizzly_desktop.core.export import export_files
from fizzly_desktop.core.manifest import rows_for, write_manifest
from fizzly_desktop.core.runs import Run, RunState
from fizzly_desktop.core.schema import InputSchema

SCHEMA = InputSchema.from_document(
    {
        "type": "object",
        "properties": {
            "prompt": {"type": "string"},
            "seed": {"type": "integer"},
            "file": {"type": "string"},
        },
        "required": ["prompt"],
    }
)


def _run(prompt: str, seed: int) -> Run:
    run = Run.create("demo/t2i", {"prompt": prompt, "seed": seed, "file": "mine"}, "p")
    run.state, run.credits_used = RunState.COMPLETED, 5.0
    run.metrics = {"total_time_ms": 1200}
    return run


def test_an_export_lists_each_picture_with_its_inputs_and_imports_back(tmp_path: Path) -> None:
    pictures, out = tmp_path / "pictures", tmp_path / "picks"
    pictures.mkdir()
    runs = [_run("a red kite, windy", 1), _run('say "hi"', 2)]
    sources = []
    for n in range(len(runs)):
        path = pictures / "image.png" if n == 0 else pictures / f"image-{n}.png"
        path.write_bytes(b"png")
        sources.append(path)
    sources.append(pictures / "gone.png")  # cannot be copied: not in the list
    result = export_files(sources, out)
    rows = rows_for(result, sources, dict(zip(sources, runs, strict=False)))
    csv_path, json_path = write_manifest(out, rows)

    with csv_path.open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert [r["result.file"] for r in table] == ["image.png", "image-1.png"]
    assert [r["prompt"] for r in table] == ["a red kite, windy", 'say "hi"']
    assert table[0]["file"] == "mine"  # an input named "file" is not the picture's file
    assert table[0]["result.credits_used"] == "5.0"
    assert table[0]["result.total_time_ms"] == "1200"
    document = json.loads(json_path.read_text(encoding="utf-8"))
    assert document[1]["inputs"] == {"prompt": 'say "hi"', "seed": 2, "file": "mine"}
    assert document[1]["metrics"] == {"total_time_ms": 1200}
    assert document[1]["file"] == "image-1.png"

    imported = import_rows(csv_path, None, SCHEMA)
    assert imported.file_problem is None
    assert [row.inputs["prompt"] for row in imported.rows] == ["a red kite, windy", 'say "hi"']
    assert [row.inputs["seed"] for row in imported.rows] == [1, 2]
    assert [row.inputs["file"] for row in imported.rows] == ["mine", "mine"]
    assert any("is not an input" in w.message for w in imported.warnings)

    # A second export into the same folder keeps the first list.
    again, _ = write_manifest(out, rows[:1])
    assert again.name == "results (2).csv"
    assert csv_path.exists()
