"""Inputs of several shapes: a preset or a custom value, or a choice between small forms."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP
from fizzly_desktop.core.schema import FieldSpec, choice_labels
from fizzly_desktop.ui.forms.base import OMITTED, FieldWidget, is_number
from fizzly_desktop.ui.forms.factory import create_field_widget, register_field_widget
from fizzly_desktop.ui.forms.group import ObjectField
from fizzly_desktop.ui.i18n import translate

#: What the choice of a non-preset shape is called in the list of presets.
_SHAPE_WORDS = {
    "object": QT_TRANSLATE_NOOP("Unions", "Custom…"),
    "string": QT_TRANSLATE_NOOP("Unions", "Text"),
    "text": QT_TRANSLATE_NOOP("Unions", "Text"),
    "password": QT_TRANSLATE_NOOP("Unions", "Text"),
    "integer": QT_TRANSLATE_NOOP("Unions", "A number"),
    "number": QT_TRANSLATE_NOOP("Unions", "A number"),
    "boolean": QT_TRANSLATE_NOOP("Unions", "Yes or no"),
    "string_list": QT_TRANSLATE_NOOP("Unions", "Several texts"),
    "number_list": QT_TRANSLATE_NOOP("Unions", "Several numbers"),
    "object_list": QT_TRANSLATE_NOOP("Unions", "Several entries"),
}


def _fits(variant: FieldSpec, value: Any) -> bool:
    """Whether ``value`` has the JSON shape of ``variant`` (so its editor may show it)."""
    kind = variant.kind
    if kind == "object":
        return isinstance(value, dict) and _fits_object(variant, value)
    if kind in ("string_list", "number_list", "object_list") or (
        kind == "file" and variant.multiple
    ):
        return isinstance(value, list)
    if kind in ("string", "text", "password", "file"):
        return isinstance(value, str)
    if kind == "integer":
        return is_number(value) and float(value).is_integer()
    if kind == "number":
        return is_number(value)
    if kind == "boolean":
        return isinstance(value, bool)
    return False


def _fits_object(variant: FieldSpec, value: dict[str, Any]) -> bool:
    """Whether an object has only ``variant``'s inputs, with its fixed values (``type``)."""
    children = {child.name: child for child in variant.fields}
    if not set(value) <= set(children):
        return False
    for name, item in value.items():
        child = children[name]
        if child.kind == "enum" and len(child.choices) == 1 and not _same(child.choices[0], item):
            return False
    return True


def _is_constant(spec: FieldSpec) -> bool:
    return spec.kind == "enum" and len(spec.choices) == 1 and not spec.nullable


def _shape_word(variant: FieldSpec) -> str:
    if variant.kind == "file":
        return (
            translate("Unions", "Several files")
            if variant.multiple
            else translate("Unions", "One file")
        )
    if variant.kind == "object_list" and variant.variants:
        # Rows each of one of several kinds (a message's text and image parts).
        return translate("Unions", "Several parts")
    return translate("Unions", _SHAPE_WORDS.get(variant.kind, "Other"))


class UnionField(FieldWidget):
    """A choice of presets plus the other shapes the input takes ("Custom…" → width × height).

    The combo lists every preset of the input's fixed-value shapes, then one entry per other
    shape; choosing such an entry reveals that shape's editor under the combo.
    """

    NONE_TEXT = "(none)"
    NOT_SET_TEXT = "(not set)"

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self._setting = False
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMinimumWidth(160)
        # Named for screen readers also where no label points at it (a row of a list).
        self.combo.setAccessibleName(spec.title)
        # The shapes' editors, one shown at a time. Not a QStackedWidget: a stack is as tall as
        # its tallest page, and a short text would keep the room of a list of parts.
        self.stack = QWidget()
        self._pages = QVBoxLayout(self.stack)
        self._pages.setContentsMargins(0, 0, 0, 0)
        #: Per combo entry: ("const", value) or ("shape", index into ``editors``).
        self._entries: list[tuple[str, Any]] = []
        self.editors: list[FieldWidget] = []
        # An optional input without a default starts unset (not sent), even when null is
        # allowed: "(none)" is then a choice of its own.
        self._unset_first = not spec.required and not spec.has_default
        if self._unset_first:
            self._add(self.NOT_SET_TEXT, ("const", OMITTED))
        if spec.nullable:
            self._add(self.NONE_TEXT, ("const", None))
        # Several objects are named each by its own title ("Text", "JSON schema"); a single
        # one is the custom value beside the presets.
        named = sum(1 for variant in spec.variants if variant.kind == "object") > 1
        for variant in spec.variants:
            if variant.kind == "enum":
                for choice, label in zip(variant.choices, choice_labels(variant), strict=True):
                    self._add(label, ("const", choice))
                continue
            word = variant.title if named and variant.kind == "object" else _shape_word(variant)
            shown = replace(variant, title=spec.title, description="", required=True)
            editor = create_field_widget(shown)
            if isinstance(editor, ObjectField):
                # The choice names the shape; its inputs need no frame or title of their own.
                editor.make_bare()
            editor.changed.connect(self.changed)
            editor.hide()
            self._pages.addWidget(editor)
            self._add(word, ("shape", len(self.editors)))
            self.editors.append(editor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.combo)
        top.addStretch(1)
        layout.addLayout(top)
        layout.addWidget(self.stack)
        self._shown: FieldWidget | None = None
        self.combo.currentIndexChanged.connect(self._show_current)
        self.combo.activated.connect(lambda _index: self.changed.emit())
        self.reset()

    def _add(self, text: str, entry: tuple[str, Any]) -> None:
        self._entries.append(entry)
        self.combo.addItem(text)

    def _show_current(self, index: int) -> None:
        entry = self._entries[index] if 0 <= index < len(self._entries) else ("const", OMITTED)
        if entry[0] == "shape":
            editor = self.editors[entry[1]]
            if self._shown is not None and self._shown is not editor and not self._setting:
                _carry_shared(self._shown, editor)
            for page in self.editors:
                page.setVisible(page is editor)
            self._shown = editor
        self.stack.setVisible(entry[0] == "shape")

    def focus_widget(self) -> QWidget:
        return self.combo

    def adopt_help(self, help_label: QWidget, more_button: QWidget) -> bool:
        # What the input is for reads under its choice, before the chosen shape's own inputs.
        layout = self.layout()
        if not isinstance(layout, QVBoxLayout):
            return False
        layout.insertWidget(1, help_label)
        layout.insertWidget(2, more_button, 0, Qt.AlignmentFlag.AlignLeft)
        return True

    def choice_texts(self) -> list[str]:
        return [self.combo.itemText(i) for i in range(self.combo.count())]

    def current_editor(self) -> FieldWidget | None:
        """The editor of the custom shape chosen, or None while a preset is chosen."""
        index = self.combo.currentIndex()
        if 0 <= index < len(self._entries) and self._entries[index][0] == "shape":
            position: int = self._entries[index][1]
            return self.editors[position]
        return None

    def choose(self, text: str) -> None:
        """Pick the entry shown as ``text`` (a preset or "Custom…"), as a click would."""
        index = self.combo.findText(text)
        if index < 0:
            raise ValueError(f"{self.spec.title} offers no {text!r}")
        self.combo.setCurrentIndex(index)
        self.changed.emit()

    def value(self) -> Any:
        editor = self.current_editor()
        if editor is not None:
            return editor.value()
        index = self.combo.currentIndex()
        return self._entries[index][1] if 0 <= index < len(self._entries) else OMITTED

    def set_value(self, value: Any) -> bool:
        for index, (what, payload) in enumerate(self._entries):
            if what == "const" and payload is not OMITTED and _same(payload, value):
                self.combo.setCurrentIndex(index)
                self.changed.emit()
                return True
        for index, (what, payload) in enumerate(self._entries):
            if what != "shape":
                continue
            editor = self.editors[payload]
            if _fits(editor.spec, value) and editor.set_value(value):
                # A value put in the form replaces what was typed; nothing is carried over.
                self._setting = True
                try:
                    self.combo.setCurrentIndex(index)
                finally:
                    self._setting = False
                self.changed.emit()
                return True
        return False

    def reset(self) -> None:
        if self._unset_first:
            self._clear_to_empty()
            self.changed.emit()
        else:
            super().reset()

    def _clear_to_empty(self) -> None:
        self.combo.setCurrentIndex(0)
        self._show_current(0)

    def local_error(self) -> str | None:
        editor = self.current_editor()
        return editor.local_error() if editor is not None else None

    def child_widget(self, name: str) -> FieldWidget | None:
        editor = self.current_editor()
        return editor.child_widget(name) if editor is not None else None


def _carry_shared(source: FieldWidget, target: FieldWidget) -> None:
    """Switching between objects keeps what was typed in the inputs both have (a message's
    role and name), where the newly chosen one has nothing of its own yet."""
    if not isinstance(source, ObjectField) or not isinstance(target, ObjectField):
        return
    for name, row in source.section.rows.items():
        other = target.child_widget(name)
        if other is None or _is_constant(row.spec) or type(other) is not type(row.widget):
            continue
        value = row.widget.value()
        if value is not OMITTED and other.value() in (OMITTED, other.spec.default):
            other.set_value(value)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if a is None or b is None:
        return a is None and b is None
    if is_number(a) and is_number(b):
        return bool(a == b)
    return type(a) is type(b) and a == b


register_field_widget("union", UnionField)
