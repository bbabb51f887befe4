"""Rows of labelled inputs with help and error text, and nested groups for object inputs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.schema import FieldSpec, number_hint, plain_help, short_help
from fizzly_desktop.ui.colors import Tone
from fizzly_desktop.ui.forms.base import OMITTED, FieldWidget
from fizzly_desktop.ui.forms.factory import create_field_widget, register_field_widget
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.labels import plain_label
from fizzly_desktop.ui.tones import set_tone

#: The widest a label gets beside its input; longer ones wrap ("Subject Reference Image URL"),
#: so the form fits a narrow panel instead of being cut off on the right.
LABEL_MAX_WIDTH = 140


def line_up_labels(labels: list[QLabel]) -> None:
    """Give labels one width (the widest one's, at most :data:`LABEL_MAX_WIDTH`)."""
    natural = [
        label.fontMetrics().horizontalAdvance(label.text())
        + label.contentsMargins().left()
        + label.contentsMargins().right()
        + 2
        for label in labels
    ]
    width = min(max(natural, default=0), LABEL_MAX_WIDTH)
    for label in labels:
        label.setFixedWidth(width)


def _small(label: QLabel) -> QLabel:
    font = QFont(label.font())
    font.setPointSizeF(max(font.pointSizeF() * 0.9, 7.0))
    label.setFont(font)
    return label


class FieldRow:
    """One input on screen: its label, its editor, the help under it and its error."""

    def __init__(self, widget: FieldWidget) -> None:
        spec = widget.spec
        self.widget = widget
        self.spec = spec
        self.label = plain_label(f"{spec.title} *" if spec.required else spec.title)
        self.label.setBuddy(widget.focus_widget())
        self.label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.label.setWordWrap(True)
        # Line the label's text up with the text inside the editor's frame.
        self.label.setContentsMargins(0, 4, 0, 0)
        if spec.required:
            font = QFont(self.label.font())
            font.setBold(True)
            self.label.setFont(font)
        # Descriptions are often Markdown; shown as plain text, the hint of a number after it.
        self.full_help = "\n".join(
            part for part in (plain_help(spec.description), number_hint(spec)) if part
        )
        self.short_help = short_help(self.full_help)
        accessible = (translate("FieldRow", "Required. ") if spec.required else "") + self.full_help
        focus = widget.focus_widget()
        focus.setAccessibleName(spec.title)
        focus.setAccessibleDescription(accessible.strip())
        if self.full_help:
            self.label.setToolTip(self.full_help)
            focus.setToolTip(self.full_help)
        self.help = _small(plain_label(self.short_help))
        self.help.setObjectName("fieldHelp")
        self.help.setWordWrap(True)
        self.help.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.help.setVisible(bool(self.full_help))
        self.more_button = QToolButton()
        self.more_button.setText(translate("FieldRow", "More"))
        self.more_button.setAutoRaise(True)
        self.more_button.setCheckable(True)
        self.more_button.setVisible(self.short_help != self.full_help)
        self.more_button.toggled.connect(self._on_more_toggled)
        self.error = _small(plain_label())
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        set_tone(self.error, Tone.ERROR)
        self.error.hide()
        self.container = QWidget()
        column = QVBoxLayout(self.container)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        # Under the help, not beside it: a wrapped label shares a row badly and gets clipped.
        if not widget.adopt_help(self.help, self.more_button):
            column.addWidget(self.help)
            column.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.error)

    def put_help_first(self) -> None:
        """Show the help above the editor (under a label placed above it): what a list of
        rows is for reads before its rows, not after them."""
        column = self.container.layout()
        if isinstance(column, QVBoxLayout):
            for widget in (self.help, self.more_button):
                # Out of wherever it is (the editor may have taken it in).
                holder = widget.parentWidget()
                held = holder.layout() if holder is not None else None
                if held is not None:
                    held.removeWidget(widget)
            column.insertWidget(0, self.help)
            column.insertWidget(1, self.more_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _on_more_toggled(self, shown: bool) -> None:
        self.help.setText(self.full_help if shown else self.short_help)
        self.more_button.setText(
            translate("FieldRow", "Less") if shown else translate("FieldRow", "More")
        )

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.error.setAccessibleDescription(message or "")

    def error_text(self) -> str | None:
        return self.error.text() if self.error.isVisible() or self.error.text() else None


class FormSection(QWidget):
    """Inputs laid out as aligned label/editor rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # A row too wide for the panel (a deeply nested one) puts its label above its input.
        self.layout_.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.layout_.setHorizontalSpacing(12)
        self.layout_.setVerticalSpacing(10)
        self.rows: dict[str, FieldRow] = {}

    def add_field(self, spec: FieldSpec) -> FieldRow:
        row = FieldRow(create_field_widget(spec))
        if spec.kind == "object":
            # A group carries its own title; it spans both columns.
            row.label.hide()
            self.layout_.addRow(row.container)
        elif is_wide(spec):
            # Rows of small forms need the width: the label goes above, the rows span both
            # columns.
            row.label.setWordWrap(False)
            row.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            row.put_help_first()
            self.layout_.addRow(row.label)
            self.layout_.addRow(row.container)
        else:
            self.layout_.addRow(row.label, row.container)
        self.rows[spec.name] = row
        return row

    def labels(self) -> list[QLabel]:
        """The labels of the left column (to line them up with other sections')."""
        return [
            row.label
            for row in self.rows.values()
            if row.spec.kind != "object"
            and not is_wide(row.spec)
            and row.container.isVisibleTo(self)
        ]


def is_wide(spec: FieldSpec) -> bool:
    """Inputs that hold rows of small forms, or a choice between them: they get the form's
    whole width, their label above them."""
    objects = sum(1 for variant in spec.variants if variant.kind == "object")
    return (spec.kind == "object_list" and (bool(spec.variants) or len(spec.fields) > 1)) or (
        spec.kind == "union" and objects > 1
    )


class ObjectField(FieldWidget):
    """An object input: its own inputs in a titled group."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.group = QGroupBox(f"{spec.title} *" if spec.required else spec.title)
        # An optional group is ticked to be sent: its own required inputs must not force it.
        self.group.setCheckable(not spec.required)
        self.section = FormSection()
        inner = QVBoxLayout(self.group)
        inner.setContentsMargins(10, 8, 10, 10)
        inner.addWidget(self.section)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.group)
        for child in spec.fields:
            row = self.section.add_field(child)
            row.widget.changed.connect(self.changed)
            if (
                child.kind == "enum"
                and len(child.choices) == 1
                and child.required
                and not child.nullable
            ):
                # An input that can take one value only (a part's ``type: "text"``) is sent
                # as it is; an editor with nothing to choose would only be in the way.
                self.section.layout_.setRowVisible(row.container, False)
        self.group.toggled.connect(lambda _on: self.changed.emit())
        line_up_labels(self.section.labels())
        self.reset()

    def make_bare(self) -> None:
        """Drop the group's frame and title: the inputs of a shape chosen in a choice, shown
        under the choice that names them."""
        self.group.setTitle("")
        self.group.setFlat(True)
        # Named, so that the groups nested inside keep their frames.
        self.group.setObjectName("bareGroup")
        self.group.setStyleSheet("QGroupBox#bareGroup { border: none; margin: 0; padding: 0; }")
        inner = self.group.layout()
        if inner is not None:
            inner.setContentsMargins(0, 4, 0, 0)

    def focus_widget(self) -> QWidget:
        first = next(iter(self.section.rows.values()), None)
        return first.widget.focus_widget() if first else self.group

    def child_widget(self, name: str) -> FieldWidget | None:
        row = self.section.rows.get(name)
        return row.widget if row else None

    def is_included(self) -> bool:
        """The group is sent (always for a required one; when ticked for an optional one)."""
        return not self.group.isCheckable() or self.group.isChecked()

    def set_included(self, included: bool) -> None:
        if self.group.isCheckable():
            self.group.setChecked(included)

    def value(self) -> Any:
        if not self.is_included():
            return OMITTED
        values = {}
        for name, row in self.section.rows.items():
            child = row.widget.value()
            if child is not OMITTED:
                values[name] = child
        if not values and not self.spec.required:
            return OMITTED
        return values

    def set_value(self, value: Any) -> bool:
        if value is None:
            for row in self.section.rows.values():
                row.widget.reset()
            self.set_included(False)
            return self.spec.nullable or not self.spec.required
        if not isinstance(value, dict) or not set(value) <= set(self.section.rows):
            return False
        self.set_included(True)
        for name, row in self.section.rows.items():
            if name in value:
                if not row.widget.set_value(value[name]):
                    return False
            else:
                row.widget.reset()
        self.changed.emit()
        return True

    def reset(self) -> None:
        for row in self.section.rows.values():
            row.widget.reset()
        if self.spec.has_default and isinstance(self.spec.default, dict):
            self.set_value(self.spec.default)
        else:
            self.set_included(False)

    def local_error(self) -> str | None:
        if not self.is_included():
            return None
        for row in self.section.rows.values():
            problem = row.widget.local_error()
            if problem:
                return problem
        return None

    def is_loading(self) -> bool:
        return any(
            getattr(row.widget, "is_loading", lambda: False)() for row in self.section.rows.values()
        )


def all_field_widgets(widget: FieldWidget) -> Iterator[FieldWidget]:
    """``widget`` and, for an object, every editor nested in it, depth first."""
    yield widget
    if isinstance(widget, ObjectField):
        for row in widget.section.rows.values():
            yield from all_field_widgets(row.widget)


register_field_widget("object", ObjectField)
