"""How runs, node timelines, batches and outputs are written as history rows and read back."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fizzly_desktop.core.batches import Batch, BatchState
from fizzly_desktop.core.media import MediaKind, media_kind
from fizzly_desktop.core.runs import Contact, NodeEntry, NodeState, Run, RunState


@dataclass(frozen=True, slots=True)
class OutputRecord:
    """A downloaded output file of a run, and the sidecar describing it (one per saved output
    of the whole history is held in memory: slots, not a dictionary each)."""

    run_id: str
    name: str
    url: str
    path: Path
    sidecar_path: Path | None
    content_type: str | None
    width: int | None
    height: int | None
    saved_at: float
    #: Why the output was not saved, in plain words ("refused: private address"); None when
    #: ``path`` holds the file. A failed output keeps the path it would have had.
    error: str | None = None

    @property
    def kind(self) -> MediaKind:
        """What the file is (image, video, audio, model, file): from the type its bytes showed
        (kept in ``content_type``) or its name."""
        return media_kind(self.content_type, self.path.name)


_RUN_COLUMNS = (
    "id",
    "workflow",
    "profile",
    "key_fingerprint",
    "state",
    "inputs",
    "webhook",
    "request_id",
    "status_url",
    "response_url",
    "cancel_url",
    "progress",
    "current_node",
    "queue_position",
    "outputs",
    "metrics",
    "logs",
    "credits_used",
    "credits_refunded",
    "error",
    "batch_id",
    "retry_of",
    "state_before_cancel",
    "created_at",
    "submitted_at",
    "started_at",
    "completed_at",
    "updated_at",
    "gone_from_server",
    "result_fetched",
    "contact",
    "contact_lost_at",
)
RUN_SELECT = "SELECT " + ", ".join(_RUN_COLUMNS) + " FROM runs"
RUN_UPSERT = (
    f"INSERT INTO runs ({', '.join(_RUN_COLUMNS)}) VALUES ({', '.join('?' * len(_RUN_COLUMNS))}) "
    "ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in _RUN_COLUMNS if c != "id")
)


_RUN_STATES = {state.value: state for state in RunState}
_NODE_STATES = {state.value: state for state in NodeState}
_CONTACTS = {contact.value: contact for contact in Contact}


def _dumps(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, separators=(",", ":"), default=str)


#: Longest string value shared among runs when read (content types, states, short names).
_SHORT = 12


def _shared_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys and short string values are the one copy every run shares.

    A history holds tens of thousands of runs whose inputs and outputs repeat the same names
    (``prompt``, ``seed``, ``generated_image``, ``content_type``): one string each, not one per
    run, is most of what a loaded run weighs in JSON.
    """
    share = sys.intern
    return {
        share(key): share(value) if value.__class__ is str and len(value) <= _SHORT else value
        for key, value in pairs
    }


_DECODER = json.JSONDecoder(object_pairs_hook=_shared_pairs)


def _loads(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return _DECODER.decode(text)
    except ValueError:
        return None


def _shared(text: str | None) -> str | None:
    """The one copy of a string many rows repeat (workflow, profile, node and error texts)."""
    return None if text is None else sys.intern(text)


def _stored_or_dumps(run: Run, name: str) -> str | None:
    """The field's JSON text: as stored when it was never read, else written anew."""
    stored = run.stored_text(name)
    return stored if stored is not None else _dumps(getattr(run, name))


def run_row(run: Run) -> tuple[Any, ...]:
    return (
        run.id,
        run.workflow,
        run.profile,
        run.key_fingerprint,
        run.state.value,
        _dumps(run.inputs),
        run.webhook,
        run.request_id,
        run.status_url,
        run.response_url,
        run.cancel_url,
        run.progress,
        run.current_node,
        run.queue_position,
        _dumps(run.outputs),
        _stored_or_dumps(run, "metrics"),
        _stored_or_dumps(run, "logs"),
        run.credits_used,
        run.credits_refunded,
        run.error,
        run.batch_id,
        run.retry_of,
        None if run.state_before_cancel is None else run.state_before_cancel.value,
        run.created_at,
        run.submitted_at,
        run.started_at,
        run.completed_at,
        run.updated_at,
        int(run.gone_from_server),
        int(run.result_fetched),
        run.contact.value,
        run.contact_lost_at,
    )


def node_rows(run: Run) -> list[tuple[Any, ...]]:
    return [
        (run.id, i, e.node, e.state.value, e.started_at, e.completed_at, _dumps(e.output))
        for i, e in enumerate(run.timeline)
    ]


def run_from_row(row: Sequence[Any]) -> Run:
    (
        run_id,
        workflow,
        profile,
        fingerprint,
        state,
        inputs,
        webhook,
        request_id,
        status_url,
        response_url,
        cancel_url,
        progress,
        current_node,
        queue_position,
        outputs,
        metrics,
        logs,
        credits_used,
        credits_refunded,
        error,
        batch_id,
        retry_of,
        before_cancel,
        created_at,
        submitted_at,
        started_at,
        completed_at,
        updated_at,
        _gone,  # kept in step with contact, for older apps
        result_fetched,
        contact,
        contact_lost_at,
    ) = row
    run = Run(
        id=run_id,
        workflow=sys.intern(workflow),
        inputs=_loads(inputs) or {},
        profile=sys.intern(profile),
        key_fingerprint=sys.intern(fingerprint),
        state=_RUN_STATES[state],
        webhook=webhook,
        request_id=request_id,
        status_url=status_url,
        response_url=response_url,
        cancel_url=cancel_url,
        progress=progress,
        current_node=_shared(current_node),
        queue_position=queue_position,
        outputs=_loads(outputs),
        credits_used=credits_used,
        credits_refunded=credits_refunded,
        error=_shared(error),
        batch_id=_shared(batch_id),
        retry_of=retry_of,
        state_before_cancel=None if before_cancel is None else _RUN_STATES[before_cancel],
        created_at=created_at,
        submitted_at=submitted_at,
        started_at=started_at,
        completed_at=completed_at,
        updated_at=updated_at,
        result_fetched=bool(result_fetched),
        contact=_CONTACTS.get(contact, Contact.IN_TOUCH),
        contact_lost_at=contact_lost_at,
    )
    run.keep_stored(metrics=metrics, logs=logs)
    return run


def batch_row(batch: Batch) -> tuple[Any, ...]:
    return (
        batch.id,
        batch.name,
        batch.workflow,
        batch.profile,
        batch.state.value,
        batch.pause_reason,
        batch.max_active,
        batch.created_at,
        batch.updated_at,
    )


def output_from_row(row: Sequence[Any]) -> OutputRecord:
    run_id, name, url, path, sidecar, content_type, width, height, saved_at, error = row
    return OutputRecord(
        run_id=run_id,
        name=sys.intern(name),
        url=url,
        path=Path(path),
        sidecar_path=None if sidecar is None else Path(sidecar),
        content_type=_shared(content_type),
        width=width,
        height=height,
        saved_at=saved_at,
        error=error,
    )


def output_row(record: OutputRecord) -> tuple[Any, ...]:
    return (
        record.run_id,
        record.name,
        record.url,
        str(record.path),
        None if record.sidecar_path is None else str(record.sidecar_path),
        record.content_type,
        record.width,
        record.height,
        record.saved_at,
        record.error,
    )


def node_entry_from_row(
    node: str, state: str, started: float | None, completed: float | None, output: str | None
) -> NodeEntry:
    return NodeEntry(sys.intern(node), _NODE_STATES[state], started, completed, _loads(output))


def batch_from_row(row: Sequence[Any]) -> Batch:
    """A batch without its runs (they come from ``batch_items``)."""
    bid, name, workflow, profile, state, reason, max_active, created, updated = row
    return Batch(
        id=bid,
        name=name,
        workflow=workflow,
        profile=profile,
        state=BatchState(state),
        pause_reason=reason,
        max_active=max_active,
        created_at=created,
        updated_at=updated,
    )
