"""The library panel: the sidebar list of workflows and what its buttons and menu do to them.

Adding a workflow asks the server for its input schema first; the request is a plain coroutine
(:meth:`WorkflowLibraryPanel.add_workflow`, :meth:`WorkflowLibraryPanel.refresh_schema`) run as
an owned task on the app's qasync loop, so the window never waits and tests can await it.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP
from fizzly_desktop.core.library import (
    LibraryError,
    SchemaFetcher,
    SchemaSource,
    WorkflowEntry,
    WorkflowLibrary,
    WorkflowRefError,
    parse_workflow_ref,
)
from fizzly_desktop.core.schema import InputSchema, SchemaError
from fizzly_desktop.core.tasks import TaskOwner
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.keyboard import keyboard_menus
from fizzly_desktop.ui.labels import plain_label
from fizzly_desktop.ui.library.add_dialog import AddSource, AddWorkflowDialog
from fizzly_desktop.ui.library.entry_delegate import ROLE_REF, EntryDelegate
from fizzly_desktop.ui.library.fetching import FetchFunction, as_fetcher, fetch_schema_into
from fizzly_desktop.ui.library.menu import LibraryMenu
from fizzly_desktop.ui.library.parts import ProblemBox

EMPTY_LIBRARY_TEXT = QT_TRANSLATE_NOOP(
    "WorkflowLibraryPanel",
    "No workflows yet. Add one with its name on Fizzly (like studio/portrait-xl), "
    "or from a file of its inputs.",
)


class WorkflowLibraryPanel(QWidget):
    """The list of workflows in the sidebar.

    Signals:
        workflow_selected(WorkflowEntry): the user picked a workflow, or the picked workflow's
            inputs changed (a new schema): rebuild its form.
        library_changed(): a workflow was added, renamed or removed.
        message_shown(str): a plain sentence about the last action (also shown in the panel).
    """

    workflow_selected = Signal(object)
    library_changed = Signal()
    message_shown = Signal(str)

    def __init__(
        self,
        library: WorkflowLibrary | None = None,
        fetcher: SchemaFetcher | FetchFunction | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self._fetcher = as_fetcher(fetcher)
        self.tasks = TaskOwner("workflow library")
        self._selected_ref: str | None = None
        self._dialog: QDialog | None = None

        title = plain_label(translate("WorkflowLibraryPanel", "Workflows"))
        font = QFont(title.font())
        font.setBold(True)
        title.setFont(font)
        self.add_button = QToolButton()
        self.add_button.setText(translate("WorkflowLibraryPanel", "Add…"))
        self.add_button.setToolTip(
            translate("WorkflowLibraryPanel", "Add a workflow by name or address")
        )
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.add_button)

        self.list = QListWidget()
        self.list.setAccessibleName(translate("WorkflowLibraryPanel", "Workflows"))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.setUniformItemSizes(True)
        self.list.setItemDelegate(EntryDelegate(self.list))
        self.list.setSpacing(1)
        # Names are elided to the list's width (EntryDelegate): there is nothing to scroll to.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.edit_button = QPushButton(translate("WorkflowLibraryPanel", "Edit inputs…"))
        self.more_button = QToolButton()
        self.more_button.setText(translate("WorkflowLibraryPanel", "More"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = menu = LibraryMenu(self)  # its verbs act on the selected workflow
        self.rename_action, self.refresh_action = menu.rename_action, menu.refresh_action
        self.import_action, self.example_action = menu.import_action, menu.example_action
        self.remove_action = menu.remove_action
        self.more_button.setMenu(menu)
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.edit_button, 1)
        actions.addWidget(self.more_button)

        self.problem = ProblemBox()
        self.problem_label, self.problem_button = self.problem.label, self.problem.button
        # A new profile has no workflows (the API lists none): an empty white box would leave
        # a newcomer stuck, so the list gives way to what to do.
        self.empty = ProblemBox()
        self.empty.setObjectName("LibraryEmpty")
        self.empty.label.setText(translate("WorkflowLibraryPanel", EMPTY_LIBRARY_TEXT))
        self.empty.label.setAccessibleName(translate("WorkflowLibraryPanel", "No workflows yet"))
        self.empty.button.setText(translate("WorkflowLibraryPanel", "Add Workflow…"))
        self.message = plain_label(wrap=True, muted=True)
        self.message.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.problem)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)

        self.add_button.clicked.connect(self._on_add_clicked)
        self.empty.button.clicked.connect(self._on_add_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.list.customContextMenuRequested.connect(self._on_context_menu)
        keyboard_menus(self.list)
        self.refresh()
        if library is not None and library.problem:
            self.show_message(library.problem)

    # --- state ---

    def set_library(
        self, library: WorkflowLibrary, fetcher: SchemaFetcher | FetchFunction | None = None
    ) -> None:
        """Show another profile's library (and ask that profile's server for schemas)."""
        self.library = library
        self._fetcher = as_fetcher(fetcher)
        self._selected_ref = None
        self.refresh()
        if library.problem:
            self.show_message(library.problem)

    def set_schema_fetcher(self, fetcher: SchemaFetcher | FetchFunction | None) -> None:
        self._fetcher = as_fetcher(fetcher)

    def entries(self) -> list[WorkflowEntry]:
        return self.library.list() if self.library is not None else []

    def refresh(self) -> None:
        """Rebuild the list from the library, keeping the selection."""
        keep = self._selected_ref
        self.list.blockSignals(True)
        self.list.clear()
        for entry in self.entries():
            item = QListWidgetItem()
            item.setData(ROLE_REF, entry.ref)
            item.setText(entry.display_name)
            item.setToolTip(f"{entry.display_name}\n{entry.ref}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{entry.display_name}, {entry.ref}")
            self.list.addItem(item)
            if entry.ref == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        has_selection = self.selected() is not None
        for action in (
            self.rename_action,
            self.refresh_action,
            self.import_action,
            self.example_action,
            self.remove_action,
        ):
            action.setEnabled(has_selection)
        self.edit_button.setEnabled(has_selection)
        self.refresh_action.setEnabled(has_selection and self._fetcher is not None)
        self._show_list_or_why()

    def selected(self) -> WorkflowEntry | None:
        item = self.list.currentItem()
        if item is None or self.library is None:
            return None
        owner, _, slug = str(item.data(ROLE_REF)).partition("/")
        return self.library.get(owner, slug)

    def select(self, owner: str, slug: str) -> bool:
        """Select a workflow (emits workflow_selected); False when it is not in the library."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ROLE_REF) == f"{owner}/{slug}":
                if self.list.currentItem() is item:
                    self._on_current_changed(item, None)
                else:
                    self.list.setCurrentItem(item)
                return True
        return False

    def show_problem(self, text: str | None, button_text: str = "") -> None:
        """Say why the workflows cannot be used now (None: they can), with a fixing button.

        An empty list gives way to the problem: a list with nothing in it says nothing.
        """
        self.problem_label.setText(text or "")
        self.problem_button.setText(button_text)
        self.problem_button.setVisible(bool(button_text))
        self.problem.setVisible(bool(text))
        self._show_list_or_why()

    def _show_list_or_why(self) -> None:
        """The list when it has workflows; else the problem, or how to add the first one."""
        has_entries = self.list.count() > 0
        problem = not self.problem.isHidden()
        self.empty.setVisible(self.library is not None and not has_entries and not problem)
        self.list.setVisible(has_entries)

    def problem_shown(self) -> str | None:
        return self.problem_label.text() if self.problem.isVisibleTo(self) else None

    def show_message(self, text: str | None) -> None:
        self.message.setText(text or "")
        self.message.setVisible(bool(text))
        if text:
            self.message_shown.emit(text)

    def _on_current_changed(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        entry = self.selected() if current is not None else None
        self._selected_ref = entry.ref if entry else None
        self.refresh_action.setEnabled(entry is not None and self._fetcher is not None)
        for action in (self.rename_action, self.import_action, self.example_action):
            action.setEnabled(entry is not None)
        self.remove_action.setEnabled(entry is not None)
        self.edit_button.setEnabled(entry is not None)
        if entry is not None:
            self.workflow_selected.emit(entry)

    def _changed(self, entry: WorkflowEntry | None, *, reselect: bool) -> None:
        self.refresh()
        self.library_changed.emit()
        if entry is not None and reselect:
            self.select(entry.owner, entry.slug)

    # --- operations (plain methods and coroutines: the buttons call these) ---

    async def add_workflow(
        self,
        text: str,
        display_name: str = "",
        source: AddSource = "server",
        payload: str | None = None,
        operation: str | None = None,
    ) -> WorkflowEntry:
        """Add a workflow and select it. ``payload``: a file path (file) or JSON text (example).

        ``operation``: the POST path to read from an OpenAPI file that has several.

        Raises WorkflowRefError, LibraryError or SchemaError with a plain message when the
        workflow cannot be added; a server that cannot be reached only leaves a message.
        """
        library = self._require_library()
        owner, slug = parse_workflow_ref(text)
        schema: dict[str, Any] | None = None
        stored: SchemaSource = "reference"
        if source == "file":
            schema = InputSchema.from_file(Path(payload or ""), operation).to_json_schema()
            stored = "file"
        elif source == "example":
            schema = InputSchema.from_example_text(payload or "").to_json_schema()
            stored = "example"
        entry = library.add(owner, slug, display_name, schema, stored)
        if source == "server":
            entry = await self._fetch_into(entry, quiet_when_missing=False)
        self._changed(entry, reselect=True)
        return entry

    async def refresh_schema(self, owner: str, slug: str) -> WorkflowEntry:
        """Ask the server for the workflow's inputs again (kept as they are when it has none)."""
        entry = self._require_library().get(owner, slug)
        if entry is None:
            raise LibraryError(
                translate("WorkflowLibraryPanel", "{owner}/{slug} is not in your library.").format(
                    owner=owner, slug=slug
                )
            )
        updated = await self._fetch_into(entry, quiet_when_missing=False)
        self._changed(updated, reselect=updated.ref == self._selected_ref)
        return updated

    async def _fetch_into(self, entry: WorkflowEntry, *, quiet_when_missing: bool) -> WorkflowEntry:
        return await fetch_schema_into(
            self._require_library(),
            entry,
            self._fetcher,
            self.show_message,
            quiet_when_missing=quiet_when_missing,
        )

    def rename(self, owner: str, slug: str, display_name: str) -> WorkflowEntry:
        entry = self._require_library().rename(owner, slug, display_name)
        self._changed(None, reselect=False)
        return entry

    def remove(self, owner: str, slug: str) -> None:
        self._require_library().remove(owner, slug)
        if self._selected_ref == f"{owner}/{slug}":
            self._selected_ref = None
        self._changed(None, reselect=False)

    def set_inputs(
        self, owner: str, slug: str, schema: InputSchema, source: SchemaSource
    ) -> WorkflowEntry:
        """Give a workflow new inputs (from a file, an example or the field editor)."""
        entry = self._require_library().set_schema(owner, slug, schema.to_json_schema(), source)
        self._changed(entry, reselect=entry.ref == self._selected_ref)
        return entry

    def import_schema_file(self, owner: str, slug: str, path: Path) -> WorkflowEntry:
        return self.set_inputs(owner, slug, InputSchema.from_file(path), "file")

    def use_example(self, owner: str, slug: str, text: str) -> WorkflowEntry:
        return self.set_inputs(owner, slug, InputSchema.from_example_text(text), "example")

    def _require_library(self) -> WorkflowLibrary:
        if self.library is None:
            raise LibraryError(translate("WorkflowLibraryPanel", "No workflow library is open."))
        return self.library

    async def close_tasks(self) -> None:
        """Cancel a schema request still running (on quit or profile switch)."""
        await self.tasks.close()

    # --- buttons and menus ---

    def spawn(self, name: str, coro: Awaitable[Any]) -> None:
        """Run ``coro`` as the panel's task ``name``; its plain errors show under the list."""

        async def guarded() -> None:
            try:
                await coro
            except (WorkflowRefError, LibraryError, SchemaError) as exc:
                self.show_message(str(exc))

        try:
            self.tasks.spawn_latest(name, guarded())
        except RuntimeError:
            if inspect.iscoroutine(coro):
                coro.close()
            self.show_message(
                translate("WorkflowLibraryPanel", "The app is closing; nothing was changed.")
            )

    def _keep_dialog(self, dialog: QDialog) -> None:
        # One dialog at a time, owned by the panel; the previous one goes when the next opens
        # (deleting a dialog from inside its own close crashes PySide6 under load).
        previous = self._dialog
        self._dialog = dialog
        if previous is not None:
            previous.deleteLater()

    def open_add_dialog(self) -> AddWorkflowDialog:
        dialog = AddWorkflowDialog(self)
        self._keep_dialog(dialog)
        dialog.accepted.connect(self._on_add_accepted)
        dialog.open()
        return dialog

    def _on_add_clicked(self) -> None:
        self.open_add_dialog()

    def _on_add_accepted(self) -> None:
        dialog = self._dialog
        if not isinstance(dialog, AddWorkflowDialog):
            return
        text, name = dialog.ref_edit.text(), dialog.name_edit.text()
        source, payload = dialog.source(), dialog.payload()
        if source == "editor":
            try:
                owner, slug = parse_workflow_ref(text)
                self._require_library().add(owner, slug, name)
            except (WorkflowRefError, LibraryError) as exc:
                self.show_message(str(exc))
                return
            self._changed(self._require_library().get(owner, slug), reselect=True)
            self.open_field_editor(owner, slug)
            return
        operation = dialog.operation()
        self.spawn("add", self.add_workflow(text, name, source, payload, operation))

    def open_field_editor(self, owner: str, slug: str) -> QDialog:
        from fizzly_desktop.ui.forms import FieldEditorDialog

        entry = self._require_library().get(owner, slug)
        schema = entry.input_schema() if entry else InputSchema.reference_example()
        dialog = FieldEditorDialog(schema, self, title=entry.display_name if entry else "")
        dialog.setProperty("workflow", f"{owner}/{slug}")
        self._keep_dialog(dialog)
        dialog.accepted.connect(self._on_field_editor_accepted)
        dialog.open()
        return dialog

    def _on_field_editor_accepted(self) -> None:
        from fizzly_desktop.ui.forms import FieldEditorDialog

        dialog = self._dialog
        if not isinstance(dialog, FieldEditorDialog):
            return
        owner, _, slug = str(dialog.property("workflow")).partition("/")
        try:
            self.set_inputs(owner, slug, dialog.input_schema(), "editor")
        except (SchemaError, LibraryError) as exc:
            self.show_message(str(exc))

    def _on_edit_clicked(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.open_field_editor(entry.owner, entry.slug)

    def _on_context_menu(self, position: Any) -> None:
        if self.list.itemAt(position) is not None:
            self.menu.popup(self.list.viewport().mapToGlobal(position))
