"""Attaching to a run submitted elsewhere (another machine, a script, a webhook log) by its
request ID: what is checked before asking the server, and the words when it cannot be done.

The engine asks the server for the run's status with the profile's key; only a run the server
answers about is added and followed like any other (status, stream, result, cancel). Its inputs
are not known here: the run holds none, and its details say so.
"""

from __future__ import annotations

import re

from fizzly_desktop.core.runs import Run, WorkflowId

#: What the details show for the inputs of an attached run.
UNKNOWN_INPUTS = "Unknown: this run was sent from elsewhere and attached here by its request ID."

# Request IDs are opaque to the app, but they end up in URL paths: letters, digits, "-", "_".
_REQUEST_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-.]{0,199}$")


class AttachError(ValueError):
    """A run that cannot be attached; ``str()`` says why and what to do."""


def check_attach(workflow: str, request_id: str, runs: list[Run], profile: str) -> tuple[str, str]:
    """The workflow (``owner/slug``) and request ID, cleaned; raises :class:`AttachError`."""
    request_id = request_id.strip()
    workflow = workflow.strip()
    if not request_id:
        raise AttachError("Paste the run's request ID (for example run_abc123).")
    if not _REQUEST_ID.match(request_id):
        raise AttachError(
            "That is not a request ID: it holds only letters, digits, '-', '_' and '.'."
        )
    try:
        workflow = str(WorkflowId.parse(workflow))
    except ValueError as exc:
        raise AttachError(f"Choose the workflow the run was sent to ({exc}).") from exc
    for run in runs:
        if run.request_id == request_id and run.profile == profile:
            raise AttachError("That run is in the queue already.")
    return workflow, request_id


def inputs_unknown(run: Run) -> bool:
    """Whether the run's inputs are unknown (it was attached, not sent from here)."""
    return not run.inputs and run.request_id is not None
