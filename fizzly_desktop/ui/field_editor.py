"""The field editor: a workflow's inputs one by one (name, type, default, bounds, help), no JSON."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QPalette
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

from fizzly_desktop.core.schema import (
    FieldKind,
    FieldSpec,
    InputSchema,
    SchemaError,
    format_number,
    humanize,
)

#: The types offered, in the user's words.
KIND_NAMES: dict[FieldKind, str] = {
    "string": "Text (one line)",
    "text": "Text (several lines)",
    "password": "Secret text",
    "enum": "Choice from a list",
    "integer": "Whole number",
    "number": "Number",
    "boolean": "Yes / no",
    "string_list": "List of texts",
    "number_list": "List of numbers",
    "file": "Image or file",
    "json": "JSON value",
}
_MULTI_FILE = "files"
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")
_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


@dataclass
class FieldDraft:
    """One input as typed in the editor: texts until they are checked by :meth:`to_spec`."""

    name: str
    kind: FieldKind = "string"
    title: str = ""
    description: str = ""
    required: bool = False
    advanced: bool = False
    multiple: bool = False
    default_text: str = ""
    minimum_text: str = ""
    maximum_text: str = ""
    choices_text: str = ""
    original: FieldSpec | None = None
    #: An empty text default ("" as in Cog's negative_prompt) is a default too.
    empty_default: bool = False

    @classmethod
    def from_spec(cls, spec: FieldSpec) -> FieldDraft:
        default = ""
        if spec.has_default:
            default = _default_text(spec.kind, spec.default)
        return cls(
            name=spec.name,
            kind=spec.kind,
            title=spec.title if spec.title != humanize(spec.name) else "",
            description=spec.description,
            required=spec.required,
            advanced=spec.is_advanced,
            multiple=spec.multiple,
            default_text=default,
            minimum_text=format_number(spec.minimum) if spec.minimum is not None else "",
            maximum_text=format_number(spec.maximum) if spec.maximum is not None else "",
            choices_text="\n".join(_choice_text(c) for c in spec.choices),
            original=spec,
            empty_default=spec.has_default and spec.default == "",
        )

    def label(self) -> str:
        kind = (
            "Images or files"
            if self.kind == "file" and self.multiple
            else KIND_NAMES.get(self.kind, "Group of inputs")
        )
        shown = self.title or humanize(self.name) if self.name else "(no name)"
        return f"{shown}  ·  {kind}{'  · required' if self.required else ''}"

    def to_spec(self) -> FieldSpec:
        """The field this draft describes; SchemaError says plainly what is wrong."""
        name = self.name.strip()
        if not name:
            raise SchemaError("Every input needs a name.")
        if not _NAME.match(name):
            raise SchemaError(
                f"The name {name!r} can only have letters, digits, '_' and '-', and must not "
                "start with a digit (it is what the workflow receives)."
            )
        title = self.title.strip() or humanize(name)
        spec = FieldSpec(
            name=name,
            kind=self.kind,
            title=title,
            description=self.description.strip(),
            required=self.required,
            is_advanced=self.advanced and not self.required,
        )
        if self.kind == "object" and self.original is not None:
            return replace(
                self.original,
                name=name,
                title=title,
                description=spec.description,
                required=self.required,
                is_advanced=spec.is_advanced,
            )
        if self.kind == "json" and self.original is not None and self.original.kind == "json":
            spec = replace(spec, schema=self.original.schema)
        if self.kind == "enum":
            choices = self._choices()
            if not choices:
                raise SchemaError(f"{title}: list the choices, one per line.")
            spec = replace(spec, choices=tuple(choices))
        if self.kind in ("integer", "number"):
            low = self._number(self.minimum_text, "smallest value")
            high = self._number(self.maximum_text, "largest value")
            if low is not None and high is not None and low > high:
                raise SchemaError(f"{title}: the smallest value is above the largest.")
            spec = replace(spec, minimum=low, maximum=high)
        if self.kind == "file":
            accept = self.original.accept if self.original else None
            spec = replace(spec, multiple=self.multiple, accept=accept or "image/*")
        if self.kind == "number_list" and self.original is not None:
            spec = replace(spec, integer_items=self.original.integer_items)
        if self.default_text.strip():
            spec = replace(spec, has_default=True, default=self._default(spec))
        elif self.empty_default and self.kind in ("string", "text", "password"):
            spec = replace(spec, has_default=True, default="")
        if spec.kind in ("integer", "number") and spec.has_default:
            value = spec.default
            if (spec.minimum is not None and value < spec.minimum) or (
                spec.maximum is not None and value > spec.maximum
            ):
                raise SchemaError(f"{title}: the default is outside the smallest/largest values.")
        if spec.kind == "integer" and name.lower() in ("seed", "random_seed"):
            spec = replace(spec, is_seed=True)
        return spec

    def _choices(self) -> list[Any]:
        lines = [line.strip() for line in self.choices_text.splitlines() if line.strip()]
        originals = self.original.choices if self.original and self.original.kind == "enum" else ()
        by_text = {_choice_text(choice): choice for choice in originals}
        return [by_text.get(line, line) for line in dict.fromkeys(lines)]

    def _number(self, text: str, what: str) -> float | None:
        text = text.strip()
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            raise SchemaError(f"{self.name}: the {what} must be a number.") from None
        if not math.isfinite(number):
            raise SchemaError(f"{self.name}: the {what} must be a number.")
        if self.kind == "integer":
            if not number.is_integer():
                raise SchemaError(f"{self.name}: the {what} must be a whole number.")
            return int(number)
        return int(number) if number.is_integer() and "." not in text else number

    def _default(self, spec: FieldSpec) -> Any:
        text = self.default_text.strip()
        title = spec.title
        kind = spec.kind
        if kind in ("string", "password"):
            return self.default_text
        if kind == "text":
            return self.default_text
        if kind == "integer":
            try:
                return int(text)
            except ValueError:
                raise SchemaError(f"{title}: the default must be a whole number.") from None
        if kind == "number":
            try:
                number = float(text)
            except ValueError:
                raise SchemaError(f"{title}: the default must be a number.") from None
            return int(number) if number.is_integer() and "." not in text else number
        if kind == "boolean":
            if text.lower() in _TRUE:
                return True
            if text.lower() in _FALSE:
                return False
            raise SchemaError(f"{title}: the default must be yes or no.")
        if kind == "enum":
            for choice in spec.choices:
                if _choice_text(choice) == text:
                    return choice
            raise SchemaError(f"{title}: the default must be one of the choices.")
        if kind == "string_list":
            return [part.strip() for part in text.split(",") if part.strip()]
        if kind == "number_list":
            try:
                numbers = [float(part) for part in text.split(",") if part.strip()]
            except ValueError:
                raise SchemaError(
                    f"{title}: the default must be numbers separated by commas."
                ) from None
            return [int(n) if n.is_integer() else n for n in numbers]
        if kind == "file":
            return [text] if spec.multiple else text
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise SchemaError(f"{title}: the default is not valid JSON ({exc.msg}).") from None


def _choice_text(choice: Any) -> str:
    if isinstance(choice, bool):
        return "true" if choice else "false"
    if isinstance(choice, (int, float)):
        return format_number(choice)
    return str(choice)


def _default_text(kind: FieldKind, value: Any) -> str:
    if kind in ("string", "text", "password") and isinstance(value, str):
        return value
    if kind == "boolean" and isinstance(value, bool):
        return "yes" if value else "no"
    if kind in ("integer", "number") and isinstance(value, (int, float)):
        return format_number(value)
    if kind == "enum":
        return _choice_text(value)
    if kind in ("string_list", "number_list") and isinstance(value, list):
        return ", ".join(_choice_text(v) for v in value)
    if kind == "file" and isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


class FieldEditorDialog(QDialog):
    """Add, remove and order a workflow's inputs; each with a type, default, bounds and help.

    :meth:`input_schema` gives the result (an :class:`InputSchema`), :meth:`json_schema` the JSON
    Schema it stands for. OK stays disabled, with the reason shown, while a field is not right.
    """

    def __init__(
        self, schema: InputSchema | None = None, parent: QWidget | None = None, *, title: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Inputs of {title}" if title else "Inputs")
        self.resize(760, 520)
        source = schema or InputSchema.reference_example()
        self.drafts: list[FieldDraft] = [FieldDraft.from_spec(spec) for spec in source.fields]
        self._loading = False

        self.list = QListWidget()
        self.list.setAccessibleName("Inputs")
        self.add_button = QPushButton("Add input")
        self.remove_button = QPushButton("Remove")
        self.up_button = QPushButton("Move up")
        self.down_button = QPushButton("Move down")
        list_buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button):
            list_buttons.addWidget(button)
        list_buttons.addStretch(1)
        list_buttons.addWidget(self.up_button)
        list_buttons.addWidget(self.down_button)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(list_buttons)

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("what the workflow receives, e.g. prompt")
        self.title_edit = QLineEdit()
        self.kind_combo = QComboBox()
        for kind, text in KIND_NAMES.items():
            self.kind_combo.addItem(text, kind)
            if kind == "file":
                self.kind_combo.addItem("Images or files (several)", _MULTI_FILE)
        self.kind_combo.addItem("Group of inputs (kept as it is)", "object")
        self.required_box = QCheckBox("The workflow needs this input")
        self.advanced_box = QCheckBox("Fold under “Advanced settings”")
        self.default_edit = QLineEdit()
        self.minimum_edit = QLineEdit()
        self.minimum_edit.setPlaceholderText("no limit")
        self.maximum_edit = QLineEdit()
        self.maximum_edit.setPlaceholderText("no limit")
        self.choices_edit = QPlainTextEdit()
        self.choices_edit.setPlaceholderText("One choice per line")
        self.choices_edit.setMaximumHeight(90)
        self.description_edit = QPlainTextEdit()
        self.description_edit.setPlaceholderText("Help shown under the input")
        self.description_edit.setMaximumHeight(70)

        self.details = QWidget()
        form = QFormLayout(self.details)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow("Name:", self.name_edit)
        form.addRow("Label:", self.title_edit)
        form.addRow("Type:", self.kind_combo)
        form.addRow("", self.required_box)
        form.addRow("", self.advanced_box)
        form.addRow("Default:", self.default_edit)
        form.addRow("Smallest:", self.minimum_edit)
        form.addRow("Largest:", self.maximum_edit)
        form.addRow("Choices:", self.choices_edit)
        form.addRow("Help:", self.description_edit)
        self._form = form

        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        palette = self.problem.palette()
        palette.setColor(QPalette.ColorRole.WindowText, Qt.GlobalColor.darkRed)
        self.problem.setPalette(palette)
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
        self.up_button.clicked.connect(lambda: self.move_field(self.list.currentRow(), -1))
        self.down_button.clicked.connect(lambda: self.move_field(self.list.currentRow(), 1))
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

    def select(self, index: int) -> None:
        self.list.setCurrentRow(index)

    def fields(self) -> list[FieldSpec]:
        """The inputs as fields (SchemaError when one is not right)."""
        return [draft.to_spec() for draft in self.drafts]

    def input_schema(self) -> InputSchema:
        """The inputs as an InputSchema (SchemaError with a plain message when not right)."""
        if not self.drafts:
            raise SchemaError("Add at least one input.")
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
        self.up_button.setEnabled(draft is not None and row > 0)
        self.down_button.setEnabled(draft is not None and row < len(self.drafts) - 1)
        self._loading = True
        try:
            if draft is None:
                for line in (self.name_edit, self.title_edit, self.default_edit):
                    line.clear()
            else:
                self.name_edit.setText(draft.name)
                self.title_edit.setText(draft.title)
                self.title_edit.setPlaceholderText(humanize(draft.name) if draft.name else "")
                key: str = _MULTI_FILE if draft.kind == "file" and draft.multiple else draft.kind
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
        draft.multiple = key == _MULTI_FILE
        draft.kind = "file" if key == _MULTI_FILE else key
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
        self.default_edit.setEnabled(kind != "object")
        hints = {
            "boolean": "yes or no",
            "enum": "one of the choices",
            "string_list": "texts separated by commas",
            "number_list": "numbers separated by commas",
            "json": 'JSON, e.g. {"a": 1}',
            "file": "an address (https://…)",
        }
        self.default_edit.setPlaceholderText(hints.get(kind or "", "none"))
        # "Group of inputs" only stays on offer for a group that came with the schema.
        object_index = self.kind_combo.findData("object")
        keep_object = (
            draft is not None and draft.original is not None and draft.original.kind == "object"
        )
        view = self.kind_combo.view()
        if object_index >= 0 and isinstance(view, QListView):
            view.setRowHidden(object_index, not keep_object)

    def _update_problem(self) -> None:
        problem = self.problem_text()
        self.problem.setText(problem or "")
        self.problem.setVisible(bool(problem))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)

    def _on_accept(self) -> None:
        if self.problem_text() is None:
            self.accept()
