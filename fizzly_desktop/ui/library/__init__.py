"""The sidebar's workflow library: the list, adding a workflow, and asking servers for inputs."""

from __future__ import annotations

from fizzly_desktop.ui.library.add_dialog import AddSource, AddWorkflowDialog
from fizzly_desktop.ui.library.fetching import FetchFunction
from fizzly_desktop.ui.library.panel import WorkflowLibraryPanel

__all__ = ["AddSource", "AddWorkflowDialog", "FetchFunction", "WorkflowLibraryPanel"]
