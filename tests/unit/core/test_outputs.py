"""Which outputs are images to keep, where they go, and reading a sidecar back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fizzly_desktop.core.outputs import (
    ImageOutput,
    SidecarError,
    file_name,
    image_outputs,
    output_folder,
    read_sidecar,
)
from fizzly_desktop.core.runs import Run


def test_image_outputs_are_recognised() -> None:
    outputs = {
        "generated_image": {"url": "https://cdn/x/a.webp", "width": 8, "height": 8},
        "typed": {"url": "https://cdn/x/blob", "content_type": "image/png"},
        "sized": {"url": "https://cdn/x/blob2", "width": 4, "height": 4},
        "text": "a fox",
        "audio": {"url": "https://cdn/x/a.mp3", "content_type": "audio/mpeg"},
        "local": {"url": "file:///etc/passwd", "content_type": "image/png"},
    }
    assert [o.name for o in image_outputs(outputs)] == ["generated_image", "typed", "sized"]
    assert image_outputs(None) == []


def test_files_are_named_and_filed_by_workflow_and_day() -> None:
    run = Run.create("demo/text-to-image", {}, "p")
    run.request_id = "run_42"
    run.completed_at = 1_780_000_000.0
    folder = output_folder(Path("/pics"), run)
    assert folder.parts[:4] == ("/", "pics", "demo", "text-to-image")
    assert len(folder.name) == 10
    webp = ImageOutput("generated image", "https://cdn/blob", "image/webp", None, None)
    assert file_name(run, webp) == "run_42_generated-image.webp"
    png = ImageOutput("out", "https://cdn/a.PNG?sig=1", None, None, None)
    assert file_name(run, png) == "run_42_out.png"


def test_a_bad_sidecar_is_refused_plainly(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(SidecarError, match="could not be read"):
        read_sidecar(path)
    path.write_text(json.dumps({"workflow": "demo/a"}), encoding="utf-8")
    with pytest.raises(SidecarError, match="no inputs"):
        read_sidecar(path)
    path.write_text(json.dumps({"workflow": "demo/a", "inputs": {"seed": 1}}), encoding="utf-8")
    assert read_sidecar(path).inputs == {"seed": 1}
