"""One output of one run, as the outputs strip and the gallery show it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from fizzly_desktop.core.history import OutputRecord
from fizzly_desktop.core.runs import Run

OutputKind = Literal["image", "text", "json"]


@dataclass(frozen=True)
class OutputItem:
    """An output of a run: an image file on disk, or a text or JSON value.

    ``name`` is the output's key in the run's result (``generated_image``); ``workflow`` is
    ``owner/slug`` and ``workflow_name`` what the user sees. ``text`` holds the value of a text
    or JSON output exactly as the server sent it: it is data, always shown as plain text.
    ``error`` says in a few words why an image output was not saved (``path`` is then None).
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

    @property
    def key(self) -> tuple[str, str]:
        """Identifies the output across updates: the run and the output's name."""
        return (self.run_id, self.name)

    @property
    def is_image(self) -> bool:
        return self.kind == "image"

    def display_text(self) -> str:
        """The text to show: JSON indented for reading, anything else exactly as received."""
        return self._display_text

    @cached_property
    def _display_text(self) -> str:
        # Computed once: views paint text tiles often, and re-parsing JSON each time adds up.
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
) -> list[OutputItem]:
    """The outputs of ``run``: its downloaded files (``records``) and its text or JSON values.

    Image outputs come from the download records when there are any, else from a ``local_path``
    the engine put in the run's outputs; an image not downloaded yet is left out.
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
        "inputs": dict(run.inputs),
    }
    by_name = {record.name: record for record in records}
    items: list[OutputItem] = []
    for name, value in (run.outputs or {}).items():
        record = by_name.pop(name, None)
        if record is not None:
            items.append(_record_item(common, record))
        elif isinstance(value, dict) and ("url" in value or "local_path" in value):
            local = value.get("local_path")
            if isinstance(local, str) and local:
                width, height = _int(value.get("width")), _int(value.get("height"))
                items.append(_image_item(common, name, Path(local), width, height))
        elif isinstance(value, str):
            items.append(OutputItem(name=name, kind="text", text=value, **common))
        else:
            text = json.dumps(value, indent=2, ensure_ascii=False)
            items.append(OutputItem(name=name, kind="json", text=text, **common))
    for record in by_name.values():  # files recorded for keys the result no longer lists
        items.append(_record_item(common, record))
    return items


def _record_item(common: dict[str, Any], record: OutputRecord) -> OutputItem:
    if record.error is not None:
        # Not saved: shown with its reason, and nothing is read from the path it would have had.
        return OutputItem(
            name=record.name,
            kind="image",
            width=record.width,
            height=record.height,
            error=record.error,
            **common,
        )
    return _image_item(common, record.name, record.path, record.width, record.height)


def _image_item(
    common: dict[str, Any], name: str, path: Path, width: int | None, height: int | None
) -> OutputItem:
    return OutputItem(name=name, kind="image", path=path, width=width, height=height, **common)


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
