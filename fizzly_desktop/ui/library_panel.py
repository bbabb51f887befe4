"""The sidebar's workflow library: pick, add (by name or URL), rename, remove, edit inputs.

Adding a workflow asks the server for its input schema first; the request is a plain coroutine
(:meth:`WorkflowLibraryPanel.add_workflow`, :meth:`WorkflowLibraryPanel.refresh_schema`) run as
an owned task on the app's qasync loop, so the window never waits and tests can await it.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.library import (
    LibraryError,
    SchemaFetcher,
    SchemaSource,
    WorkflowEntry,
    WorkflowLibrary,
    WorkflowRefError,
    default_display_name,
    parse_workflow_ref,
)
from fizzly_desktop.core.schema import InputSchema, SchemaError
from fizzly_desktop.core.tasks import TaskOwner

log = logging.getLogger(__name__)

FetchFunction = Callable[[str, str], Awaitable[dict[str, Any] | None]]
AddSource = Literal["server", "file", "example", "editor"]

_ROLE_REF = Qt.ItemDataRole.UserRole


class _CallableFetcher:
    """Adapts ``async def fetch(owner, slug)`` to the library's ``workflow_schema`` protocol."""

    def __init__(self, fetch: FetchFunction) -> None:
        self._fetch = fetch

    async def workflow_schema(self, owner: str, slug: str) -> dict[str, Any] | None:
        return await self._fetch(owner, slug)


def _as_fetcher(fetcher: SchemaFetcher | FetchFunction | None) -> SchemaFetcher | None:
    if fetcher is None or hasattr(fetcher, "workflow_schema"):
        return fetcher
    if callable(fetcher):
        return _CallableFetcher(fetcher)
    raise TypeError("a schema fetcher is an async callable or has workflow_schema()")


def _plain(text: str = "") -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def _user_message(error: BaseException) -> str:
    message = getattr(error, "user_message", None)
    return message if isinstance(message, str) and message else str(error) or type(error).__name__


class _EntryDelegate(QStyledItemDelegate):
    """Two lines per workflow: its name, and ``owner/slug`` smaller and dimmer under it."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        metrics = option.fontMetrics
        return QSize(option.rect.width(), metrics.height() * 2 + 12)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        name, ref = opt.text, str(index.data(_ROLE_REF) or "")
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = (
            QPalette.ColorGroup.Active
            if opt.state & QStyle.StateFlag.State_Active
            else (QPalette.ColorGroup.Inactive)
        )
        text_color = opt.palette.color(
            group,
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text,
        )
        rect = opt.rect.adjusted(8, 5, -8, -5)
        painter.save()
        bold = QFont(opt.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_color)
        top = QFontMetrics(bold)
        painter.drawText(
            rect.x(),
            rect.y() + top.ascent(),
            top.elidedText(name, Qt.TextElideMode.ElideRight, rect.width()),
        )
        small = QFont(opt.font)
        small.setPointSizeF(max(small.pointSizeF() * 0.9, 7.0))
        painter.setFont(small)
        dim = QColor(text_color)
        dim.setAlphaF(0.65)
        painter.setPen(dim)
        below = QFontMetrics(small)
        painter.drawText(
            rect.x(),
            rect.y() + top.height() + below.ascent(),
            below.elidedText(ref, Qt.TextElideMode.ElideMiddle, rect.width()),
        )
        painter.restore()


class AddWorkflowDialog(QDialog):
    """Asks which workflow to add (name or URL), what to call it, and where its inputs come from."""

    SOURCES: tuple[tuple[AddSource, str], ...] = (
        ("server", "Ask the server"),
        ("file", "Import a schema file (JSON Schema or OpenAPI)"),
        ("example", "Paste an example of the inputs (JSON)"),
        ("editor", "Set up the inputs myself"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add a workflow")
        self.setMinimumWidth(520)
        self.ref_edit = QLineEdit()
        self.ref_edit.setPlaceholderText("owner/slug, or paste the workflow's address")
        self.ref_feedback = _plain()
        self.ref_feedback.setWordWrap(True)
        self.ref_feedback.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Shown in the sidebar")

        self.source_group = QButtonGroup(self)
        sources = QVBoxLayout()
        sources.setSpacing(4)
        self.source_buttons: dict[AddSource, QRadioButton] = {}
        for index, (key, text) in enumerate(self.SOURCES):
            button = QRadioButton(text)
            self.source_group.addButton(button, index)
            self.source_buttons[key] = button
            sources.addWidget(button)
        self.source_buttons["server"].setChecked(True)

        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText("A .json file")
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._on_browse_clicked)
        file_row = QWidget()
        file_layout = QHBoxLayout(file_row)
        file_layout.setContentsMargins(0, 0, 0, 0)
        file_layout.addWidget(self.file_edit, 1)
        file_layout.addWidget(browse)
        self.example_edit = QPlainTextEdit()
        self.example_edit.setPlaceholderText('{"prompt": "A red fox in the snow", "seed": 42}')
        self.example_edit.setMinimumHeight(110)
        self.details = QStackedWidget()
        self.details.addWidget(
            self._note(
                "The server is asked for the inputs. If it does not describe them, the workflow "
                "starts with a prompt and a seed, and you can change them later."
            )
        )
        self.details.addWidget(file_row)
        self.details.addWidget(self.example_edit)
        self.details.addWidget(
            self._note("After adding, a field editor opens to list the inputs one by one.")
        )

        self.problem = _plain()
        self.problem.setWordWrap(True)
        palette = self.problem.palette()
        palette.setColor(QPalette.ColorRole.WindowText, Qt.GlobalColor.darkRed)
        self.problem.setPalette(palette)
        self.problem.hide()

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow("Workflow:", self.ref_edit)
        form.addRow("", self.ref_feedback)
        form.addRow("Name:", self.name_edit)
        form.addRow("Inputs:", sources)
        form.addRow("", self.details)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Add")
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.ref_edit.textChanged.connect(self._on_ref_changed)
        self.source_group.idToggled.connect(self._on_source_toggled)
        self._on_ref_changed("")

    @staticmethod
    def _note(text: str) -> QLabel:
        label = _plain(text)
        label.setWordWrap(True)
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        return label

    def source(self) -> AddSource:
        for key, button in self.source_buttons.items():
            if button.isChecked():
                return key
        return "server"

    def set_source(self, source: AddSource) -> None:
        self.source_buttons[source].setChecked(True)

    def payload(self) -> str | None:
        """The file path or the example text that goes with the chosen source."""
        source = self.source()
        if source == "file":
            return self.file_edit.text().strip()
        if source == "example":
            return self.example_edit.toPlainText()
        return None

    def _on_source_toggled(self, index: int, checked: bool) -> None:
        if checked:
            self.details.setCurrentIndex(index)

    def _on_ref_changed(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            owner, slug = parse_workflow_ref(text)
        except WorkflowRefError as exc:
            self.ref_feedback.setText(str(exc) if text.strip() else "e.g. demo/text-to-image")
            ok.setEnabled(False)
            return
        self.ref_feedback.setText(f"Workflow {owner}/{slug}")
        self.name_edit.setPlaceholderText(default_display_name(slug))
        ok.setEnabled(True)

    def _on_browse_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import a schema", "", "JSON files (*.json);;All files (*)"
        )
        if path:
            self.file_edit.setText(path)

    def check(self) -> str | None:
        """What is missing or wrong before the workflow can be added, or None."""
        try:
            parse_workflow_ref(self.ref_edit.text())
        except WorkflowRefError as exc:
            return str(exc)
        source = self.source()
        if source == "file":
            path = self.payload() or ""
            if not path:
                return "Choose the schema file to import."
            try:
                InputSchema.from_file(Path(path))
            except SchemaError as exc:
                return str(exc)
        if source == "example":
            try:
                InputSchema.from_example_text(self.payload() or "")
            except SchemaError as exc:
                return str(exc)
        return None

    def _on_accept(self) -> None:
        problem = self.check()
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        self.accept()


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
        self._fetcher = _as_fetcher(fetcher)
        self.tasks = TaskOwner("workflow library")
        self._selected_ref: str | None = None
        self._dialog: QDialog | None = None

        title = _plain("Workflows")
        font = QFont(title.font())
        font.setBold(True)
        title.setFont(font)
        self.add_button = QToolButton()
        self.add_button.setText("Add…")
        self.add_button.setToolTip("Add a workflow by name or address")
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.add_button)

        self.list = QListWidget()
        self.list.setAccessibleName("Workflows")
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.setUniformItemSizes(True)
        self.list.setItemDelegate(_EntryDelegate(self.list))
        self.list.setSpacing(1)

        self.edit_button = QPushButton("Edit inputs…")
        self.more_button = QToolButton()
        self.more_button.setText("More")
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu = QMenu(self)
        self.rename_action = QAction("Rename…", self)
        self.refresh_action = QAction("Ask the server for its inputs again", self)
        self.import_action = QAction("Import a schema file…", self)
        self.example_action = QAction("Use an example of inputs…", self)
        self.remove_action = QAction("Remove from library", self)
        for action in (self.rename_action, self.refresh_action, self.import_action):
            self.menu.addAction(action)
        self.menu.addAction(self.example_action)
        self.menu.addSeparator()
        self.menu.addAction(self.remove_action)
        self.more_button.setMenu(self.menu)
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.edit_button, 1)
        actions.addWidget(self.more_button)

        self.message = _plain()
        self.message.setWordWrap(True)
        self.message.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.message.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addWidget(self.list, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)

        self.add_button.clicked.connect(self._on_add_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.rename_action.triggered.connect(self._on_rename_triggered)
        self.refresh_action.triggered.connect(self._on_refresh_triggered)
        self.import_action.triggered.connect(self._on_import_triggered)
        self.example_action.triggered.connect(self._on_example_triggered)
        self.remove_action.triggered.connect(self._on_remove_triggered)
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.list.customContextMenuRequested.connect(self._on_context_menu)
        self.refresh()
        if library is not None and library.problem:
            self.show_message(library.problem)

    # --- state ---

    def set_library(
        self, library: WorkflowLibrary, fetcher: SchemaFetcher | FetchFunction | None = None
    ) -> None:
        """Show another profile's library (and ask that profile's server for schemas)."""
        self.library = library
        self._fetcher = _as_fetcher(fetcher)
        self._selected_ref = None
        self.refresh()
        if library.problem:
            self.show_message(library.problem)

    def set_schema_fetcher(self, fetcher: SchemaFetcher | FetchFunction | None) -> None:
        self._fetcher = _as_fetcher(fetcher)

    def entries(self) -> list[WorkflowEntry]:
        return self.library.list() if self.library is not None else []

    def refresh(self) -> None:
        """Rebuild the list from the library, keeping the selection."""
        keep = self._selected_ref
        self.list.blockSignals(True)
        self.list.clear()
        for entry in self.entries():
            item = QListWidgetItem()
            item.setData(_ROLE_REF, entry.ref)
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

    def selected(self) -> WorkflowEntry | None:
        item = self.list.currentItem()
        if item is None or self.library is None:
            return None
        owner, _, slug = str(item.data(_ROLE_REF)).partition("/")
        return self.library.get(owner, slug)

    def select(self, owner: str, slug: str) -> bool:
        """Select a workflow (emits workflow_selected); False when it is not in the library."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(_ROLE_REF) == f"{owner}/{slug}":
                if self.list.currentItem() is item:
                    self._on_current_changed(item, None)
                else:
                    self.list.setCurrentItem(item)
                return True
        return False

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
    ) -> WorkflowEntry:
        """Add a workflow and select it. ``payload``: a file path (file) or JSON text (example).

        Raises WorkflowRefError, LibraryError or SchemaError with a plain message when the
        workflow cannot be added; a server that cannot be reached only leaves a message.
        """
        library = self._require_library()
        owner, slug = parse_workflow_ref(text)
        schema: dict[str, Any] | None = None
        stored: SchemaSource = "reference"
        if source == "file":
            schema = InputSchema.from_file(Path(payload or "")).to_json_schema()
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
            raise LibraryError(f"{owner}/{slug} is not in your library.")
        updated = await self._fetch_into(entry, quiet_when_missing=False)
        self._changed(updated, reselect=updated.ref == self._selected_ref)
        return updated

    async def _fetch_into(self, entry: WorkflowEntry, *, quiet_when_missing: bool) -> WorkflowEntry:
        library = self._require_library()
        if self._fetcher is None:
            self.show_message(
                f"{entry.display_name}: no server to ask for its inputs; it starts with a prompt "
                "and a seed. Use “Edit inputs…” to change them."
            )
            return entry
        try:
            updated = await library.fetch_schema(entry.owner, entry.slug, self._fetcher)
        except SchemaError as exc:
            self.show_message(f"The server's description of {entry.ref} is unusable: {exc}")
            return entry
        except Exception as exc:  # the client's errors carry a plain user_message
            log.warning("Schema fetch for %s failed: %s", entry.ref, type(exc).__name__)
            self.show_message(f"Could not ask the server about {entry.ref}: {_user_message(exc)}")
            return entry
        if updated.schema_source == "server":
            self.show_message(f"{updated.display_name}: inputs from the server.")
        elif not quiet_when_missing:
            kept = {
                "file": "the imported schema",
                "example": "the inputs inferred from your example",
                "editor": "the inputs you set up",
            }.get(updated.schema_source, "a prompt and a seed")
            self.show_message(
                f"The server does not describe the inputs of {updated.ref}; using {kept}. "
                "Use “Edit inputs…” to change them."
            )
        return updated

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
            raise LibraryError("No workflow library is open.")
        return self.library

    async def close_tasks(self) -> None:
        """Cancel a schema request still running (on quit or profile switch)."""
        await self.tasks.close()

    # --- buttons and menus ---

    def _spawn(self, name: str, coro: Awaitable[Any]) -> None:
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
            self.show_message("The app is closing; nothing was changed.")

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
        self._spawn("add", self.add_workflow(text, name, source, payload))

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

    def _on_rename_triggered(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        name, accepted = QInputDialog.getText(
            self, "Rename workflow", "Name:", QLineEdit.EchoMode.Normal, entry.display_name
        )
        if accepted:
            try:
                self.rename(entry.owner, entry.slug, name)
            except LibraryError as exc:
                self.show_message(str(exc))

    def _on_refresh_triggered(self) -> None:
        entry = self.selected()
        if entry is not None:
            self._spawn("refresh", self.refresh_schema(entry.owner, entry.slug))

    def _on_import_triggered(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, "Import a schema", "", "JSON files (*.json);;All files (*)"
        )
        if path:
            try:
                self.import_schema_file(entry.owner, entry.slug, Path(path))
                self.show_message(f"{entry.display_name}: inputs from {Path(path).name}.")
            except (SchemaError, LibraryError) as exc:
                self.show_message(str(exc))

    def _on_example_triggered(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        text, accepted = QInputDialog.getMultiLineText(
            self,
            "Use an example of inputs",
            "Paste an example of the inputs as JSON; the fields are inferred from it:",
            "",
        )
        if accepted:
            try:
                self.use_example(entry.owner, entry.slug, text)
                self.show_message(f"{entry.display_name}: inputs inferred from your example.")
            except (SchemaError, LibraryError) as exc:
                self.show_message(str(exc))

    def _on_remove_triggered(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        answer = QMessageBox.question(
            self,
            "Remove workflow",
            f"Remove “{entry.display_name}” ({entry.ref}) and its presets from your library? "
            "Past runs stay in the history.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.remove(entry.owner, entry.slug)

    def _on_context_menu(self, position: Any) -> None:
        if self.list.itemAt(position) is not None:
            self.menu.popup(self.list.viewport().mapToGlobal(position))
