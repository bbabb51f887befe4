"""The library panel's More menu: what can be done to the selected workflow besides editing its
inputs (rename, ask the server again, import a schema file, infer from an example, remove)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from fizzly_desktop.core.library import LibraryError
from fizzly_desktop.core.schema import SchemaError
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.library.prompts import (
    ask_example,
    ask_new_name,
    ask_schema_file,
    confirm_remove,
)

if TYPE_CHECKING:
    from fizzly_desktop.ui.library.panel import WorkflowLibraryPanel


class LibraryMenu(QMenu):
    """Each verb asks what it needs, acts through the panel, and says what went wrong there."""

    def __init__(self, panel: WorkflowLibraryPanel) -> None:
        super().__init__(panel)
        self._panel = panel
        self.rename_action = QAction(translate("LibraryMenu", "Rename…"), self)
        self.refresh_action = QAction(
            translate("LibraryMenu", "Ask the server for its inputs again"), self
        )
        self.import_action = QAction(translate("LibraryMenu", "Import a schema file…"), self)
        self.example_action = QAction(translate("LibraryMenu", "Use an example of inputs…"), self)
        self.remove_action = QAction(translate("LibraryMenu", "Remove from library"), self)
        for action in (self.rename_action, self.refresh_action, self.import_action):
            self.addAction(action)
        self.addAction(self.example_action)
        self.addSeparator()
        self.addAction(self.remove_action)
        self.rename_action.triggered.connect(self._on_rename_triggered)
        self.refresh_action.triggered.connect(self._on_refresh_triggered)
        self.import_action.triggered.connect(self._on_import_triggered)
        self.example_action.triggered.connect(self._on_example_triggered)
        self.remove_action.triggered.connect(self._on_remove_triggered)

    def _on_rename_triggered(self) -> None:
        panel = self._panel
        entry = panel.selected()
        name = ask_new_name(panel, entry) if entry is not None else None
        if entry is not None and name is not None:
            try:
                panel.rename(entry.owner, entry.slug, name)
            except LibraryError as exc:
                panel.show_message(str(exc))

    def _on_refresh_triggered(self) -> None:
        panel = self._panel
        entry = panel.selected()
        if entry is not None:
            panel.spawn("refresh", panel.refresh_schema(entry.owner, entry.slug))

    def _on_import_triggered(self) -> None:
        panel = self._panel
        entry = panel.selected()
        path = ask_schema_file(panel) if entry is not None else None
        if entry is not None and path is not None:
            try:
                panel.import_schema_file(entry.owner, entry.slug, path)
                panel.show_message(
                    translate("LibraryMenu", "{display_name}: inputs from {name}.").format(
                        display_name=entry.display_name, name=path.name
                    )
                )
            except (SchemaError, LibraryError) as exc:
                panel.show_message(str(exc))

    def _on_example_triggered(self) -> None:
        panel = self._panel
        entry = panel.selected()
        text = ask_example(panel) if entry is not None else None
        if entry is not None and text is not None:
            try:
                panel.use_example(entry.owner, entry.slug, text)
                panel.show_message(
                    translate(
                        "LibraryMenu", "{display_name}: inputs inferred from your example."
                    ).format(display_name=entry.display_name)
                )
            except (SchemaError, LibraryError) as exc:
                panel.show_message(str(exc))

    def _on_remove_triggered(self) -> None:
        panel = self._panel
        entry = panel.selected()
        if entry is not None and confirm_remove(panel, entry):
            panel.remove(entry.owner, entry.slug)
