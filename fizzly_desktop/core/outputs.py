"""Saving a finished run's output files: streamed without credentials, each with a sidecar.

Files go to ``<folder>/<owner>/<slug>/<YYYY-MM-DD>/`` (the folder defaults to
``default_pictures_dir()``), named after the run's request id and the output's name. The sidecar
``<same name>.json`` holds the workflow, inputs, request id, metrics and node timeline, so any
saved output (picture, video, sound, 3D model or other file) can be re-opened in the form with
:func:`read_sidecar`; the sidecar says which kind it is.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import re
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from fizzly_desktop.api.download import DownloadResult, Progress
from fizzly_desktop.api.errors import DownloadRejected, FizzlyError
from fizzly_desktop.core.history import OutputRecord
from fizzly_desktop.core.media import MediaOutput, media_kind, media_outputs
from fizzly_desktop.core.paths import default_pictures_dir
from fizzly_desktop.core.runs import Run
from fizzly_desktop.core.sandbox_process import sandbox_output_origins

log = logging.getLogger(__name__)

SIDECAR_VERSION = 1
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")

#: Told ``(run id, output name, bytes received, bytes expected or None)`` while a file arrives.
SaveProgress = Callable[[str, str, int, int | None], None]


class Downloader(Protocol):
    """Saves ``url`` as ``dest`` without credentials (``fizzly_desktop.api.OutputDownloader``)."""

    async def download(self, url: str, dest: Path) -> Path: ...


@runtime_checkable
class MediaDownloader(Protocol):
    """A downloader that also checks claims and sizes and reports progress (``fetch``)."""

    async def download(self, url: str, dest: Path) -> Path: ...

    async def fetch(
        self,
        url: str,
        dest: Path,
        *,
        claimed: str | None = None,
        declared_size: int | None = None,
        progress: Progress | None = None,
        max_bytes: int | None = None,
    ) -> DownloadResult: ...


def image_outputs(outputs: Mapping[str, Any] | None) -> list[MediaOutput]:
    """The image outputs among a run's outputs."""
    return [output for output in media_outputs(outputs) if output.kind == "image"]


def _safe(part: str) -> str:
    cleaned = _UNSAFE.sub("-", part).strip(".-")
    return cleaned[:80] or "output"


def output_folder(base: Path, run: Run) -> Path:
    """``base/<owner>/<slug>/<YYYY-MM-DD>`` for the day the run finished (local time)."""
    wf = run.workflow_id
    day = datetime.fromtimestamp(run.completed_at or time.time()).strftime("%Y-%m-%d")
    return base / _safe(wf.owner) / _safe(wf.slug) / day


def file_name(run: Run, output: MediaOutput) -> str:
    return f"{_safe(run.request_id or run.id)}_{_safe(output.name)}{output.suffix}"


def sidecar_data(run: Run, image: MediaOutput) -> dict[str, Any]:
    """What is written next to an output file: enough to re-open the run in the form, and
    what the file is (kind, type, size, duration)."""
    return {
        "fizzly_desktop_sidecar": SIDECAR_VERSION,
        "workflow": run.workflow,
        "inputs": run.inputs,
        "request_id": run.request_id,
        "run_id": run.id,
        "profile": run.profile,
        "output": image.name,
        "kind": image.kind,
        "content_type": image.content_type,
        "source_url": image.url,
        "file_size": image.file_size,
        "width": image.width,
        "height": image.height,
        "duration": image.duration,
        "fps": image.fps,
        "metrics": run.metrics,
        "credits_used": run.credits_used,
        "created_at": run.created_at,
        "submitted_at": run.submitted_at,
        "completed_at": run.completed_at,
        "timeline": [
            {
                "node": e.node,
                "state": e.state.value,
                "started_at": e.started_at,
                "completed_at": e.completed_at,
                "output": e.output,
            }
            for e in run.timeline
        ],
    }


def trusted_origins_of(client: object) -> tuple[str, ...]:
    """Where a profile's client may fetch outputs over local addresses: its API origin, the
    output origins it was given, and the output origin of the sandbox it talks to, if any."""
    origins = [o for o in getattr(client, "download_origins", ()) if isinstance(o, str)]
    base_url = getattr(client, "base_url", None)
    if isinstance(base_url, str):
        origins += [o for o in sandbox_output_origins(base_url) if o not in origins]
    return tuple(origins)


class SidecarError(ValueError):
    """A sidecar file cannot be read back; ``str()`` says why in plain words."""


@dataclass(frozen=True)
class Sidecar:
    workflow: str
    inputs: dict[str, Any]
    request_id: str | None
    data: dict[str, Any]


def read_sidecar(path: Path) -> Sidecar:
    """The workflow and inputs recorded next to a saved output."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SidecarError(
            f"The file {path} could not be read as a run description: {exc}"
        ) from exc
    if not isinstance(data, dict) or not isinstance(data.get("workflow"), str):
        raise SidecarError(f"The file {path} does not describe a Fizzly run.")
    inputs = data.get("inputs")
    if not isinstance(inputs, dict):
        raise SidecarError(f"The file {path} has no inputs to re-open.")
    request_id = data.get("request_id")
    return Sidecar(
        data["workflow"], inputs, request_id if isinstance(request_id, str) else None, data
    )


def _write_sidecar(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    partial.write_text(json.dumps(data, indent=2, default=str), encoding="utf-8")
    partial.replace(path)


class OutputSaver:
    """Downloads a run's output files into the outputs folder and writes their sidecars.

    Args:
        downloader: a credential-free downloader.
        folder: where outputs go; ``None`` means ``default_pictures_dir()`` at save time.
        max_bytes: the largest file kept (the user's setting); ``None``: the downloader's.
        progress: told how far each file got while it downloads.
    """

    def __init__(
        self,
        downloader: Downloader,
        folder: Path | None = None,
        *,
        max_bytes: int | None = None,
        progress: SaveProgress | None = None,
    ) -> None:
        self._downloader = downloader
        self.folder = folder
        self.max_bytes = max_bytes
        self._progress = progress

    def base_folder(self) -> Path:
        return self.folder if self.folder is not None else default_pictures_dir()

    async def save(self, run: Run) -> list[OutputRecord]:
        """Save every file output of ``run``, each on its own, and return one record per output.

        One output that cannot be saved does not stop the others: its record carries the
        reason in ``error`` (and the path it would have had), the others are kept as usual.
        """
        records: list[OutputRecord] = []
        folder = output_folder(self.base_folder(), run)
        for output in media_outputs(run.outputs):
            dest = folder / file_name(run, output)
            sidecar = dest.with_suffix(".json")
            error: str | None = None
            content_type = output.content_type
            try:
                found = await self._download(run.id, output, dest)
                content_type = found or content_type
                # What the bytes showed is what the sidecar says (a vague "file" may be a video).
                kept = dataclasses.replace(
                    output, content_type=content_type, kind=media_kind(content_type, dest.name)
                )
                # File writes are off the event loop: a slow disk must not stall the window.
                await asyncio.to_thread(_write_sidecar, sidecar, sidecar_data(run, kept))
            except (FizzlyError, OSError) as exc:
                error = failure_reason(exc)
                log.info("output %s of run %s not saved: %s", output.name, run.id, exc)
            records.append(
                OutputRecord(
                    run_id=run.id,
                    name=output.name,
                    url=output.url,
                    path=dest,
                    sidecar_path=sidecar if error is None else None,
                    content_type=content_type,
                    width=output.width,
                    height=output.height,
                    saved_at=time.time(),
                    error=error,
                )
            )
        return records

    async def _download(self, run_id: str, output: MediaOutput, dest: Path) -> str | None:
        """Fetch one file; return the content type its bytes showed, if any."""
        downloader = self._downloader
        if not isinstance(downloader, MediaDownloader):
            await downloader.download(output.url, dest)
            return None
        report = self._progress
        progress: Progress | None = None
        if report is not None:

            def progress(received: int, expected: int | None) -> None:
                report(run_id, output.name, received, expected or output.file_size)

        result = await downloader.fetch(
            output.url,
            dest,
            claimed=None if output.kind == "file" else output.kind,
            declared_size=output.file_size,
            progress=progress,
            max_bytes=self.max_bytes,
        )
        # The type the bytes showed wins over a vague claim ("application/octet-stream").
        if output.content_type is None or output.kind == "file":
            return result.sniffed_type or result.content_type or None
        return None


def failure_reason(exc: BaseException) -> str:
    """A few plain words saying why an output was not saved, to show on the output."""
    if isinstance(exc, DownloadRejected):
        return exc.reason
    if isinstance(exc, OSError):
        return "could not be written to disk"
    return "not saved"


def save_summary(records: Sequence[OutputRecord]) -> str | None:
    """One line for a run whose outputs were not all saved, e.g. "2 of 3 outputs saved; 1
    refused: private address"; None when every output was saved."""
    failed = Counter(record.error for record in records if record.error is not None)
    if not failed:
        return None
    saved = len(records) - sum(failed.values())
    noun = "output" if len(records) == 1 else "outputs"
    reasons = "; ".join(f"{count} {reason}" for reason, count in failed.items())
    return f"{saved} of {len(records)} {noun} saved; {reasons}"
