"""Which outputs are images to keep, where they go, and reading a sidecar back."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from fizzly_desktop.api.download import DownloadResult
from fizzly_desktop.api.errors import DownloadRejected
from fizzly_desktop.core.history import OutputRecord
from fizzly_desktop.core.media import MediaOutput
from fizzly_desktop.core.outputs import (
    OutputSaver,
    SidecarError,
    file_name,
    image_outputs,
    output_folder,
    read_sidecar,
    save_summary,
)
from fizzly_desktop.core.runs import Run


def test_image_outputs_are_recognised() -> None:
    outputs = {
        "generated_image": {"url": "https://cdn/x/a.webp", "width": 8, "height": 8},
        "typed": {"url": "https://cdn/x/blob", "content_type": "image/png"},
        "sized": {"url": "https://cdn/x/blob2", "width": 4, "height": 4},
        "text": "a fox",
        "audio": {"url": "https://cdn/x/a.mp3", "content_type": "audio/mpeg"},
        "video": "https://cdn/x/clip.mp4",
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
    webp = MediaOutput("generated image", "https://cdn/blob", "image", "image/webp")
    assert file_name(run, webp) == "run_42_generated-image.webp"
    png = MediaOutput("out", "https://cdn/a.PNG?sig=1", "image")
    assert file_name(run, png) == "run_42_out.png"
    clip = MediaOutput("clips[0]", "https://cdn/v", "video", "video/mp4")
    assert file_name(run, clip) == "run_42_clips-0.mp4"
    named = MediaOutput("mesh", "https://cdn/m", "model", None, file_name="dragon.glb")
    assert file_name(run, named) == "run_42_mesh.glb"
    unknown = MediaOutput("blob", "https://cdn/b", "file", "application/octet-stream")
    assert file_name(run, unknown) == "run_42_blob.bin"


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


class PickyDownloader:
    """Writes a file for good URLs and refuses the others with the reason in the URL's table."""

    def __init__(self, refusals: dict[str, Exception]) -> None:
        self.refusals = refusals
        self.asked: list[str] = []

    async def download(self, url: str, dest: Path) -> Path:
        self.asked.append(url)
        if url in self.refusals:
            raise self.refusals[url]
        return _write_png(dest)


def _write_png(dest: Path) -> Path:
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(b"\x89PNG")
    return dest


async def test_each_output_is_saved_or_fails_on_its_own(tmp_path: Path) -> None:
    run = Run.create("demo/text-to-image", {"prompt": "fox"}, "p")
    run.request_id = "run_7"
    run.outputs = {
        "metadata": {"url": "http://169.254.169.254/latest/a.png"},
        "good": {"url": "https://cdn.fizzly.test/good.png"},
        "private": {"url": "http://10.1.2.3/x.png"},
        "disk": {"url": "https://cdn.fizzly.test/disk.png"},
    }
    downloader = PickyDownloader(
        {
            "http://169.254.169.254/latest/a.png": DownloadRejected(
                "no", reason="refused: cloud metadata address"
            ),
            "http://10.1.2.3/x.png": DownloadRejected("no", reason="refused: private address"),
            "https://cdn.fizzly.test/disk.png": PermissionError("read-only folder"),
        }
    )
    records = await OutputSaver(downloader, tmp_path).save(run)
    # The first failure no longer stops the outputs after it.
    assert downloader.asked == [o["url"] for o in run.outputs.values()]
    by_name = {r.name: r for r in records}
    assert [r.name for r in records] == ["metadata", "good", "private", "disk"]
    good = by_name["good"]
    assert good.error is None
    assert good.path.read_bytes() == b"\x89PNG"
    assert good.sidecar_path is not None
    assert read_sidecar(good.sidecar_path).request_id == "run_7"
    assert by_name["metadata"].error == "refused: cloud metadata address"
    assert by_name["private"].error == "refused: private address"
    assert by_name["disk"].error == "could not be written to disk"
    assert all(by_name[n].sidecar_path is None for n in ("metadata", "private", "disk"))
    assert save_summary(records) == (
        "1 of 4 outputs saved; 1 refused: cloud metadata address; 1 refused: private address; "
        "1 could not be written to disk"
    )


def _record(name: str, error: str | None) -> OutputRecord:
    return OutputRecord("r", name, "u", Path("/p") / name, None, None, None, None, 1.0, error)


def test_the_summary_counts_failures_by_reason() -> None:
    assert save_summary([]) is None
    assert save_summary([_record("a", None), _record("b", None)]) is None
    records = [
        _record("a", None),
        _record("b", "refused: private address"),
        _record("c", None),
    ]
    assert save_summary(records) == "2 of 3 outputs saved; 1 refused: private address"
    records = [_record("a", "not a picture"), _record("b", "not a picture")]
    assert save_summary(records) == "0 of 2 outputs saved; 2 not a picture"


class SniffingDownloader:
    """A downloader whose bytes turn out to be an MP4, whatever the output claimed."""

    async def download(self, url: str, dest: Path) -> Path:  # pragma: no cover - fetch is used
        raise AssertionError("fetch is preferred")

    async def fetch(self, url: str, dest: Path, **options: object) -> DownloadResult:
        await asyncio.to_thread(_write_mp4_head, dest)
        return DownloadResult(dest, 12, "application/octet-stream", "video/mp4")


def _write_mp4_head(dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(b"\0\0\0\x18ftypisom")


async def test_the_sidecar_says_what_the_bytes_showed(tmp_path: Path) -> None:
    run = Run.create("acme/t2v", {"prompt": "x"}, "p")
    run.request_id = "run_9"
    run.outputs = {
        "result": {
            "url": "https://cdn.fizzly.test/blob",
            "content_type": "application/octet-stream",
            "file_size": 12,
        }
    }
    (record,) = await OutputSaver(SniffingDownloader(), tmp_path).save(run)
    assert record.content_type == "video/mp4"
    assert record.kind == "video"
    assert record.sidecar_path is not None
    data = read_sidecar(record.sidecar_path).data
    assert (data["kind"], data["content_type"], data["file_size"]) == ("video", "video/mp4", 12)
