"""One output of one run, as the outputs strip and the gallery show it."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from fizzly_desktop.core.history import OutputRecord
from fizzly_desktop.core.media import (
    MEDIA_KINDS,
    MediaOutput,
    describe_size,
    media_kind,
    outputs_of_value,
)
from fizzly_desktop.core.runs import Run
from fizzly_desktop.ui.i18n import translate

OutputKind = Literal["image", "video", "audio", "model", "file", "text", "json"]


@dataclass(frozen=True, slots=True)
class OutputItem:
    """An output of a run: a file on disk (image, video, audio, 3D model or other), or a text
    or JSON value.

    ``name`` is the output's key in the run's result (``generated_image``); ``workflow`` is
    ``owner/slug`` and ``workflow_name`` what the user sees. ``text`` holds the value of a text
    or JSON output exactly as the server sent it: it is data, always shown as plain text.
    ``error`` says in a few words why a file output was not saved (``path`` is then None);
    ``progress`` is ``(bytes received, bytes expected or None)`` while it downloads.
    """

    run_id: str
    name: str
    kind: OutputKind
    workflow: str
    workflow_name: str
    created_at: datetime
    path: Path | None = None
    text: str | None = None
    batch_id: str | None = None
    batch_name: str | None = None
    width: int | None = None
    height: int | None = None
    inputs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    error: str | None = None
    content_type: str | None = None
    duration: float | None = None
    file_size: int | None = None
    progress: tuple[int, int | None] | None = None
    #: ``display_text()`` once worked out (slots, not a dictionary per item: the gallery holds
    #: one item per output of the whole history).
    _display: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def key(self) -> tuple[str, str]:
        """Identifies the output across updates: the run and the output's name."""
        return (self.run_id, self.name)

    @property
    def is_image(self) -> bool:
        return self.kind == "image"

    @property
    def is_file(self) -> bool:
        """A file output (any kind but text and JSON): shown as a tile, saved as a file."""
        return self.kind in MEDIA_KINDS

    @property
    def is_playable(self) -> bool:
        return self.kind in ("video", "audio")

    @property
    def downloading(self) -> bool:
        return self.progress is not None and self.path is None and self.error is None

    def display_text(self) -> str:
        """The text to show: JSON indented for reading, anything else exactly as received."""
        shown = self._display
        if shown is None:
            # Worked out once: views paint text tiles often, and re-parsing JSON adds up.
            shown = self._work_out_display_text()
            object.__setattr__(self, "_display", shown)
        return shown

    def _work_out_display_text(self) -> str:
        if self.text is None:
            return ""
        if self.kind == "json":
            try:
                return json.dumps(json.loads(self.text), indent=2, ensure_ascii=False)
            except ValueError:
                return self.text
        return self.text


def output_items_for_run(
    run: Run,
    records: Sequence[OutputRecord] = (),
    *,
    workflow_name: str | None = None,
    batch_name: str | None = None,
    progress: Mapping[str, tuple[int, int | None]] | None = None,
) -> list[OutputItem]:
    """The outputs of ``run``: its downloaded files (``records``) and its text or JSON values.

    File outputs come from the download records when there are any, else from a ``local_path``
    the engine put in the run's outputs; a file still downloading is listed with its
    ``progress``; one not downloaded yet is left out.
    """
    stamp = run.completed_at or run.created_at
    created = datetime.fromtimestamp(stamp, tz=UTC)
    common: dict[str, Any] = {
        "run_id": run.id,
        "workflow": run.workflow,
        "workflow_name": workflow_name or run.workflow,
        "created_at": created,
        "batch_id": run.batch_id,
        "batch_name": batch_name,
        # The run's own mapping, shared by its items (read only): a copy per item was a
        # dictionary per picture of a long history.
        "inputs": run.inputs,
    }
    by_name = {record.name: record for record in records}
    arriving = progress or {}
    items: list[OutputItem] = []
    for name, value in (run.outputs or {}).items():
        files = outputs_of_value(name, value)
        if files:
            for found in files:
                record = by_name.pop(found.name, None)
                if record is not None:
                    items.append(_record_item(common, record, found))
                elif found.name in arriving:
                    items.append(_file_item(common, found, None, progress=arriving[found.name]))
                elif isinstance(value, dict) and _str(value.get("local_path")):
                    items.append(_file_item(common, found, Path(value["local_path"])))
            continue
        record = by_name.pop(name, None)
        if record is not None:
            items.append(_record_item(common, record, None))
        elif isinstance(value, dict) and ("url" in value or "local_path" in value):
            local = value.get("local_path")
            if isinstance(local, str) and local:
                width, height = _int(value.get("width")), _int(value.get("height"))
                kind = media_kind(_str(value.get("content_type")), local)
                items.append(
                    OutputItem(
                        name=name,
                        kind=kind,
                        path=Path(local),
                        width=width,
                        height=height,
                        **common,
                    )
                )
        elif isinstance(value, str):
            items.append(OutputItem(name=name, kind="text", text=value, **common))
        else:
            text = json.dumps(value, indent=2, ensure_ascii=False)
            items.append(OutputItem(name=name, kind="json", text=text, **common))
    for record in by_name.values():  # files recorded for keys the result no longer lists
        items.append(_record_item(common, record, None))
    return items


def _record_item(
    common: dict[str, Any], record: OutputRecord, found: MediaOutput | None
) -> OutputItem:
    if record.error is not None:
        # Not saved: shown with its reason, and nothing is read from the path it would have had.
        return OutputItem(
            name=record.name,
            kind=record.kind if found is None else found.kind,
            width=record.width,
            height=record.height,
            error=record.error,
            content_type=record.content_type,
            duration=found.duration if found is not None else None,
            file_size=found.file_size if found is not None else None,
            **common,
        )
    return OutputItem(
        name=record.name,
        kind=record.kind,
        path=record.path,
        width=record.width,
        height=record.height,
        content_type=record.content_type,
        duration=found.duration if found is not None else None,
        file_size=found.file_size if found is not None else None,
        **common,
    )


def _file_item(
    common: dict[str, Any],
    found: MediaOutput,
    path: Path | None,
    *,
    progress: tuple[int, int | None] | None = None,
) -> OutputItem:
    return OutputItem(
        name=found.name,
        kind=found.kind,
        path=path,
        width=found.width,
        height=found.height,
        content_type=found.content_type,
        duration=found.duration,
        file_size=found.file_size,
        progress=progress,
        **common,
    )


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def progress_text(item: OutputItem) -> str:
    """ "Downloading · 1.2 MB of 3.4 MB" for an output on its way."""
    received, expected = item.progress or (0, None)
    if expected:
        return translate("OutputItems", "Downloading · {size} of {size2}").format(
            size=describe_size(received), size2=describe_size(expected)
        )
    return translate("OutputItems", "Downloading · {size}").format(size=describe_size(received))
