"""Editors of single values: one line or several of text, a choice, a switch, any JSON.

Numbers live in ``numbers``, lists in ``lists``, files in ``files``; which editor a field gets
is decided in ``factory``.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.formatting import format_count
from fizzly_desktop.core.schema import FieldSpec, choice_labels
from fizzly_desktop.ui.forms.base import OMITTED, FieldWidget
from fizzly_desktop.ui.i18n import translate


def _same_choice(a: Any, b: Any) -> bool:
    """Enum choices compare by JSON value: 1 is not True, "1" is not 1."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    return type(a) is type(b) and a == b


class LineField(FieldWidget):
    """A single line of text; a masked one for passwords."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.editor = QLineEdit()
        if spec.max_length is not None:
            self.editor.setMaxLength(min(spec.max_length, 32767))
        if spec.kind == "password":
            self.editor.setEchoMode(QLineEdit.EchoMode.Password)
        if spec.pattern:
            self.editor.setToolTip(
                translate("LineField", "Must match {pattern}").format(pattern=spec.pattern)
            )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        if spec.kind == "password":
            reveal = QToolButton()
            reveal.setText(translate("LineField", "Show"))
            reveal.setCheckable(True)
            reveal.toggled.connect(self._on_reveal_toggled)
            layout.addWidget(reveal)
            self.reveal_button = reveal
        self.editor.textEdited.connect(lambda _text: self.changed.emit())
        self.reset()

    def _on_reveal_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.editor.setEchoMode(mode)
        self.reveal_button.setText(
            translate("LineField", "Hide") if shown else translate("LineField", "Show")
        )

    def focus_widget(self) -> QWidget:
        return self.editor

    def value(self) -> Any:
        text = self.editor.text()
        return text if text else OMITTED

    def set_value(self, value: Any) -> bool:
        if value is None:
            self.editor.clear()
        elif isinstance(value, str):
            if self.spec.max_length is not None and len(value) > self.editor.maxLength():
                return False
            self.editor.setText(value)
        else:
            return False
        self.changed.emit()
        return True

    def _clear_to_empty(self) -> None:
        self.set_value(None)


class TextField(FieldWidget):
    """Several lines of text (prompts, descriptions); counts characters when there is a limit."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        line = self.editor.fontMetrics().lineSpacing()
        # The main prompt gets room; secondary texts (negative prompt...) start smaller.
        lines = 5 if spec.required or spec.name.lower() == "prompt" else 3
        self.editor.setFixedHeight(line * lines + 14)
        self.editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.counter = QLabel()
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.counter.setObjectName("fieldHelp")
        self.counter.setVisible(spec.max_length is not None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.editor)
        layout.addWidget(self.counter)
        self._programmatic = False
        self.editor.textChanged.connect(self._on_text_changed)
        self.reset()

    def focus_widget(self) -> QWidget:
        return self.editor

    def _on_text_changed(self) -> None:
        if self.spec.max_length is not None:
            count = len(self.editor.toPlainText())
            self.counter.setText(f"{format_count(count)} / {format_count(self.spec.max_length)}")
        if not self._programmatic:
            self.changed.emit()

    def value(self) -> Any:
        text = self.editor.toPlainText()
        return text if text else OMITTED

    def set_value(self, value: Any) -> bool:
        if value is not None and not isinstance(value, str):
            return False
        self._programmatic = True
        try:
            self.editor.setPlainText(value or "")
        finally:
            self._programmatic = False
        self.changed.emit()
        return True

    def _clear_to_empty(self) -> None:
        self.set_value(None)


class EnumField(FieldWidget):
    """A choice among fixed values; "(none)" when null is allowed, "(not set)" when optional."""

    NONE_TEXT = "(none)"
    NOT_SET_TEXT = "(not set)"
    #: Longer lists of choices can be searched by typing.
    SEARCHABLE_FROM = 30

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMinimumWidth(160)
        self._values: list[Any] = []
        if not spec.required and not spec.has_default and not spec.nullable:
            self._add(self.NOT_SET_TEXT, OMITTED)
        if spec.nullable:
            self._add(self.NONE_TEXT, None)
        # Readable words ("DPM++ 2M SDE"), or the schema's own labels; the raw value is sent.
        for choice, label in zip(spec.choices, choice_labels(spec), strict=True):
            self._add(label, choice)
        if len(spec.choices) > self.SEARCHABLE_FROM:
            self._make_searchable()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addStretch(1)
        self.combo.activated.connect(lambda _index: self.changed.emit())
        self.reset()

    def _make_searchable(self) -> None:
        # Hundreds of choices (languages, voices): typing any part of a name finds it.
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.combo.completer()
        line = self.combo.lineEdit()
        assert completer is not None
        assert line is not None  # an editable combo has both
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        line.setPlaceholderText(translate("EnumField", "Type to search"))
        completer.activated.connect(self._on_search_chosen)
        line.editingFinished.connect(self._on_search_finished)

    def _on_search_chosen(self, text: str) -> None:
        index = self.combo.findText(text)
        if index >= 0:
            self.combo.setCurrentIndex(index)
            self.changed.emit()

    def _on_search_finished(self) -> None:
        # Text that names no choice is not a value: show the chosen one again.
        index = self.combo.findText(self.combo.currentText())
        if index < 0:
            self.combo.setEditText(self.combo.itemText(self.combo.currentIndex()))
        elif index != self.combo.currentIndex():
            self.combo.setCurrentIndex(index)
            self.changed.emit()

    def _add(self, text: str, value: Any) -> None:
        self._values.append(value)
        self.combo.addItem(text)

    def focus_widget(self) -> QWidget:
        return self.combo

    def choice_texts(self) -> list[str]:
        return [self.combo.itemText(i) for i in range(self.combo.count())]

    def value(self) -> Any:
        index = self.combo.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else OMITTED

    def set_value(self, value: Any) -> bool:
        for index, candidate in enumerate(self._values):
            if candidate is OMITTED:
                continue
            if (value is None and candidate is None) or (
                value is not None and candidate is not None and _same_choice(candidate, value)
            ):
                self.combo.setCurrentIndex(index)
                self.changed.emit()
                return True
        return False

    def reset(self) -> None:
        if self.spec.has_default and self.set_value(self.spec.default):
            return
        self.combo.setCurrentIndex(0)
        self.changed.emit()


class BooleanField(FieldWidget):
    """A switch; an optional one without a default is not sent while unticked."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.check = QCheckBox()
        self.check.setAccessibleName(spec.title)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addStretch(1)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.reset()

    def focus_widget(self) -> QWidget:
        return self.check

    def value(self) -> Any:
        if self.check.isChecked():
            return True
        if self.spec.required or self.spec.has_default:
            return False
        return OMITTED

    def set_value(self, value: Any) -> bool:
        if not isinstance(value, bool):
            if value is None:
                self.check.setChecked(False)
                return True
            return False
        with QSignalBlocker(self.check):
            self.check.setChecked(value)
        self.changed.emit()
        return True

    def _clear_to_empty(self) -> None:
        self.set_value(False)


class JsonField(FieldWidget):
    """Any JSON value, typed as text: the fallback for what the form cannot show otherwise."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.editor.setFont(font)
        self.editor.setPlaceholderText(
            translate("JsonField", 'JSON, e.g. {"key": "value"} or [1, 2]')
        )
        line = self.editor.fontMetrics().lineSpacing()
        self.editor.setMinimumHeight(line * 3 + 12)
        self.editor.setMaximumHeight(line * 8 + 12)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        self._programmatic = False
        self.editor.textChanged.connect(self._on_text_changed)
        self.reset()

    def _on_text_changed(self) -> None:
        if not self._programmatic:
            self.changed.emit()

    def focus_widget(self) -> QWidget:
        return self.editor

    def _parse(self) -> tuple[Any, str | None]:
        text = self.editor.toPlainText()
        if not text.strip():
            return OMITTED, None
        try:
            return json.loads(text), None
        except json.JSONDecodeError as exc:
            return OMITTED, (
                translate(
                    "JsonField", "{title} is not valid JSON: {msg} (line {lineno}, column {colno})."
                ).format(title=self.spec.title, msg=exc.msg, lineno=exc.lineno, colno=exc.colno)
            )
        except RecursionError:
            return OMITTED, translate("JsonField", "{title} is nested too deeply.").format(
                title=self.spec.title
            )

    def value(self) -> Any:
        return self._parse()[0]

    def local_error(self) -> str | None:
        return self._parse()[1]

    def set_value(self, value: Any) -> bool:
        self._programmatic = True
        try:
            if value is None and not self.spec.nullable:
                self.editor.clear()
            else:
                self.editor.setPlainText(json.dumps(value, indent=2, ensure_ascii=False))
        finally:
            self._programmatic = False
        self.changed.emit()
        return True

    def reset(self) -> None:
        if self.spec.has_default:
            self.set_value(self.spec.default)
        else:
            self._programmatic = True
            self.editor.clear()
            self._programmatic = False
            self.changed.emit()
