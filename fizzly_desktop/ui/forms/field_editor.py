"""The field editor dialog: a workflow's inputs one by one (name, type, default, bounds, help)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP
from fizzly_desktop.core.schema import FieldKind, FieldSpec, InputSchema, SchemaError, humanize
from fizzly_desktop.ui.colors import Tone
from fizzly_desktop.ui.forms.field_draft import KIND_NAMES, MULTI_FILE, FieldDraft
from fizzly_desktop.ui.forms.reorder import ReorderButtons
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.tones import set_tone

#: Shapes kept as the schema gave them, in the user's words.
_KEPT_KINDS: dict[FieldKind, str] = {
    "object": QT_TRANSLATE_NOOP("FieldEditor", "Group of inputs (kept as it is)"),
    "object_list": QT_TRANSLATE_NOOP("FieldEditor", "Rows of inputs (kept as they are)"),
    "union": QT_TRANSLATE_NOOP("FieldEditor", "Choice of shapes (kept as it is)"),
    "color": QT_TRANSLATE_NOOP("FieldEditor", "Colour (kept as it is)"),
}


class FieldEditorDialog(QDialog):
    """Add, remove and order a workflow's inputs; each with a type, default, bounds and help.

    :meth:`input_schema` gives the result (an :class:`InputSchema`), :meth:`json_schema` the JSON
    Schema it stands for. OK stays disabled, with the reason shown, while a field is not right.
    """

    def __init__(
        self, schema: InputSchema | None = None, parent: QWidget | None = None, *, title: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            translate("FieldEditorDialog", "Inputs of {title}").format(title=title)
            if title
            else translate("FieldEditorDialog", "Inputs")
        )
        self.resize(760, 520)
        source = schema or InputSchema.reference_example()
        self.drafts: list[FieldDraft] = [FieldDraft.from_spec(spec) for spec in source.fields]
        self._loading = False

        self.list = QListWidget()
        self.list.setAccessibleName(translate("FieldEditorDialog", "Inputs"))
        self.add_button = QPushButton(translate("FieldEditorDialog", "Add input"))
        self.remove_button = QPushButton(translate("FieldEditorDialog", "Remove"))
        self.reorder = ReorderButtons(Qt.Orientation.Horizontal, words=True)
        self.up_button = self.reorder.up_button
        self.down_button = self.reorder.down_button
        list_buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button):
            list_buttons.addWidget(button)
        list_buttons.addStretch(1)
        list_buttons.addWidget(self.reorder)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(list_buttons)

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(
            translate("FieldEditorDialog", "what the workflow receives, e.g. prompt")
        )
        self.title_edit = QLineEdit()
        self.kind_combo = QComboBox()
        for kind, text in KIND_NAMES.items():
            self.kind_combo.addItem(translate("FieldDraft", text), kind)
            if kind == "file":
                self.kind_combo.addItem(
                    translate("FieldEditorDialog", "Images or files (several)"), MULTI_FILE
                )
        for kind, text in _KEPT_KINDS.items():
            self.kind_combo.addItem(translate("FieldEditor", text), kind)
        self.required_box = QCheckBox(
            translate("FieldEditorDialog", "The workflow needs this input")
        )
        self.advanced_box = QCheckBox(
            translate("FieldEditorDialog", "Fold under “Advanced settings”")
        )
        self.default_edit = QLineEdit()
        self.minimum_edit = QLineEdit()
        self.minimum_edit.setPlaceholderText(translate("FieldEditorDialog", "no limit"))
        self.maximum_edit = QLineEdit()
        self.maximum_edit.setPlaceholderText(translate("FieldEditorDialog", "no limit"))
        self.choices_edit = QPlainTextEdit()
        self.choices_edit.setPlaceholderText(translate("FieldEditorDialog", "One choice per line"))
        self.choices_edit.setMaximumHeight(90)
        self.description_edit = QPlainTextEdit()
        self.description_edit.setPlaceholderText(
            translate("FieldEditorDialog", "Help shown under the input")
        )
        self.description_edit.setMaximumHeight(70)

        self.details = QWidget()
        form = QFormLayout(self.details)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(translate("FieldEditorDialog", "Name:"), self.name_edit)
        form.addRow(translate("FieldEditorDialog", "Label:"), self.title_edit)
        form.addRow(translate("FieldEditorDialog", "Type:"), self.kind_combo)
        form.addRow("", self.required_box)
        form.addRow("", self.advanced_box)
        form.addRow(translate("FieldEditorDialog", "Default:"), self.default_edit)
        form.addRow(translate("FieldEditorDialog", "Smallest:"), self.minimum_edit)
        form.addRow(translate("FieldEditorDialog", "Largest:"), self.maximum_edit)
        form.addRow(translate("FieldEditorDialog", "Choices:"), self.choices_edit)
        form.addRow(translate("FieldEditorDialog", "Help:"), self.description_edit)
        self._form = form

        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        set_tone(self.problem, Tone.ERROR)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)

        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addWidget(self.details, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self.list.currentRowChanged.connect(self._on_row_changed)
        self.add_button.clicked.connect(lambda: self.add_field())
        self.remove_button.clicked.connect(lambda: self.remove_field(self.list.currentRow()))
        self.reorder.move_requested.connect(self._on_move_requested)
        for line in (
            self.name_edit,
            self.title_edit,
            self.default_edit,
            self.minimum_edit,
            self.maximum_edit,
        ):
            line.textEdited.connect(self._on_detail_edited)
        for box in (self.choices_edit, self.description_edit):
            box.textChanged.connect(self._on_detail_edited)
        self.kind_combo.currentIndexChanged.connect(self._on_detail_edited)
        self.required_box.toggled.connect(self._on_detail_edited)
        self.advanced_box.toggled.connect(self._on_detail_edited)

        self._rebuild_list(0 if self.drafts else -1)

    # --- operations ---

    def add_field(self, name: str = "", kind: FieldKind = "string") -> FieldDraft:
        """Add an input at the end and select it."""
        if not name:
            taken = {d.name for d in self.drafts}
            index = len(self.drafts) + 1
            name = f"input_{index}"
            while name in taken:
                index += 1
                name = f"input_{index}"
        draft = FieldDraft(name=name, kind=kind)
        self.drafts.append(draft)
        self._rebuild_list(len(self.drafts) - 1)
        self.name_edit.setFocus()
        self.name_edit.selectAll()
        return draft

    def remove_field(self, index: int) -> None:
        if 0 <= index < len(self.drafts):
            del self.drafts[index]
            self._rebuild_list(min(index, len(self.drafts) - 1))

    def move_field(self, index: int, delta: int) -> None:
        target = index + delta
        if 0 <= index < len(self.drafts) and 0 <= target < len(self.drafts):
            self.drafts.insert(target, self.drafts.pop(index))
            self._rebuild_list(target)

    def _on_move_requested(self, delta: int) -> None:
        self.move_field(self.list.currentRow(), delta)

    def select(self, index: int) -> None:
        self.list.setCurrentRow(index)

    def fields(self) -> list[FieldSpec]:
        """The inputs as fields (SchemaError when one is not right)."""
        return [draft.to_spec() for draft in self.drafts]

    def input_schema(self) -> InputSchema:
        """The inputs as an InputSchema (SchemaError with a plain message when not right)."""
        if not self.drafts:
            raise SchemaError(translate("FieldEditorDialog", "Add at least one input."))
        return InputSchema.from_fields(self.fields())

    def json_schema(self) -> dict[str, Any]:
        return self.input_schema().to_json_schema()

    def problem_text(self) -> str | None:
        """What must be fixed before OK, or None."""
        try:
            self.input_schema()
        except SchemaError as exc:
            return str(exc)
        return None

    # --- syncing the list and the details ---

    def _rebuild_list(self, select: int) -> None:
        with QSignalBlocker(self.list):
            self.list.clear()
            for draft in self.drafts:
                self.list.addItem(draft.label())
        if select >= 0:
            self.list.setCurrentRow(select)
        self._on_row_changed(self.list.currentRow())

    def _current(self) -> FieldDraft | None:
        row = self.list.currentRow()
        return self.drafts[row] if 0 <= row < len(self.drafts) else None

    def _on_row_changed(self, row: int) -> None:
        draft = self.drafts[row] if 0 <= row < len(self.drafts) else None
        self.details.setEnabled(draft is not None)
        self.remove_button.setEnabled(draft is not None)
        self.reorder.set_moves_enabled(
            draft is not None and row > 0, draft is not None and row < len(self.drafts) - 1
        )
        self._loading = True
        try:
            if draft is None:
                for line in (self.name_edit, self.title_edit, self.default_edit):
                    line.clear()
            else:
                self.name_edit.setText(draft.name)
                self.title_edit.setText(draft.title)
                self.title_edit.setPlaceholderText(humanize(draft.name) if draft.name else "")
                key: str = MULTI_FILE if draft.kind == "file" and draft.multiple else draft.kind
                self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(key), 0))
                self.required_box.setChecked(draft.required)
                self.advanced_box.setChecked(draft.advanced)
                self.default_edit.setText(draft.default_text)
                self.minimum_edit.setText(draft.minimum_text)
                self.maximum_edit.setText(draft.maximum_text)
                self.choices_edit.setPlainText(draft.choices_text)
                self.description_edit.setPlainText(draft.description)
        finally:
            self._loading = False
        self._update_enabled()
        self._update_problem()

    def _on_detail_edited(self, *_args: Any) -> None:
        if self._loading:
            return
        draft = self._current()
        if draft is None:
            return
        draft.name = self.name_edit.text().strip()
        draft.title = self.title_edit.text()
        key = self.kind_combo.currentData()
        draft.multiple = key == MULTI_FILE
        draft.kind = "file" if key == MULTI_FILE else key
        draft.required = self.required_box.isChecked()
        draft.advanced = self.advanced_box.isChecked()
        draft.default_text = self.default_edit.text()
        draft.minimum_text = self.minimum_edit.text()
        draft.maximum_text = self.maximum_edit.text()
        draft.choices_text = self.choices_edit.toPlainText()
        draft.description = self.description_edit.toPlainText()
        self.title_edit.setPlaceholderText(humanize(draft.name) if draft.name else "")
        item = self.list.currentItem()
        if item is not None:
            item.setText(draft.label())
        self._update_enabled()
        self._update_problem()

    def _update_enabled(self) -> None:
        draft = self._current()
        kind = draft.kind if draft else None
        numeric = kind in ("integer", "number")
        for widget in (self.minimum_edit, self.maximum_edit):
            widget.setEnabled(numeric)
            self._form.labelForField(widget).setEnabled(numeric)
        self.choices_edit.setEnabled(kind == "enum")
        self._form.labelForField(self.choices_edit).setEnabled(kind == "enum")
        # A kept shape keeps its default too: the box would change nothing.
        self.default_edit.setEnabled(kind not in _KEPT_KINDS)
        hints = {
            "boolean": translate("FieldEditorDialog", "yes or no"),
            "enum": translate("FieldEditorDialog", "one of the choices"),
            "string_list": translate("FieldEditorDialog", "texts separated by commas"),
            "number_list": translate("FieldEditorDialog", "numbers separated by commas"),
            "json": translate("FieldEditorDialog", 'JSON, e.g. {"a": 1}'),
            "file": translate("FieldEditorDialog", "an address (https://…)"),
        }
        kept = (
            translate("FieldEditorDialog", "kept as the schema gives it")
            if kind in _KEPT_KINDS
            else "none"
        )
        self.default_edit.setPlaceholderText(hints.get(kind or "", kept))
        # Shapes the editor cannot build (a group, rows, a choice, a colour) are only on offer
        # for an input that came with the schema as one.
        original = draft.original.kind if draft is not None and draft.original else None
        view = self.kind_combo.view()
        for kept in _KEPT_KINDS:
            index = self.kind_combo.findData(kept)
            if index >= 0 and isinstance(view, QListView):
                view.setRowHidden(index, original != kept)

    def _update_problem(self) -> None:
        problem = self.problem_text()
        self.problem.setText(problem or "")
        self.problem.setVisible(bool(problem))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)

    def _on_accept(self) -> None:
        if self.problem_text() is None:
            self.accept()
