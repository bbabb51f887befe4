"""The two pages of a workflow's input form: the labelled inputs, and the same values as JSON."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.schema import InputSchema
from fizzly_desktop.ui.colors import Tone

# Registers the editors of colours, unions and lists of objects with the factory.
from fizzly_desktop.ui.forms import colors as _colors  # noqa: F401
from fizzly_desktop.ui.forms import object_lists as _object_lists  # noqa: F401
from fizzly_desktop.ui.forms import unions as _unions  # noqa: F401
from fizzly_desktop.ui.forms.group import FieldRow, FormSection, line_up_labels
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.labels import plain_label
from fizzly_desktop.ui.tones import set_tone


class InputsPage(QScrollArea):
    """The inputs as rows, essentials first and the advanced ones folded; notices around them."""

    def __init__(self, schema: InputSchema, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Its fields take focus; the page itself is no stop for Tab (it scrolls to them).
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(translate("InputsPage", "Inputs"))
        content = QWidget()
        content.setObjectName("schemaFormContent")
        column = QVBoxLayout(content)
        column.setContentsMargins(16, 14, 16, 14)
        column.setSpacing(10)

        self.essentials = FormSection()
        self.advanced = FormSection()
        self.rows: dict[str, FieldRow] = {}
        for spec in schema.fields:
            section = self.advanced if spec.is_advanced else self.essentials
            self.rows[spec.name] = section.add_field(spec)

        advanced_count = len(self.advanced.rows)
        self.advanced_toggle = QToolButton()
        self.advanced_toggle.setText(
            translate("InputsPage", "Advanced settings ({advanced_count})").format(
                advanced_count=advanced_count
            )
        )
        self.advanced_toggle.setCheckable(True)
        self.advanced_toggle.setAutoRaise(True)
        self.advanced_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_toggle.setVisible(advanced_count > 0)
        self.advanced.setVisible(False)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        rule.setVisible(advanced_count > 0)

        line_up_labels(self.essentials.labels() + self.advanced.labels())

        self.empty_label = plain_label(translate("InputsPage", "This workflow takes no inputs."))
        self.empty_label.setVisible(not schema.fields)

        self.unknown_frame = QFrame()
        self.unknown_frame.setFrameShape(QFrame.Shape.StyledPanel)
        unknown_row = QHBoxLayout(self.unknown_frame)
        unknown_row.setContentsMargins(8, 6, 8, 6)
        self.unknown_label = plain_label()
        self.unknown_label.setWordWrap(True)
        self.discard_unknown_button = QPushButton(translate("InputsPage", "Discard them"))
        unknown_row.addWidget(self.unknown_label, 1)
        unknown_row.addWidget(self.discard_unknown_button, 0, Qt.AlignmentFlag.AlignTop)
        self.unknown_frame.hide()

        self.root_error = plain_label()
        self.root_error.setWordWrap(True)
        set_tone(self.root_error, Tone.ERROR)
        self.root_error.hide()

        legend = plain_label(translate("InputsPage", "* required"))
        legend.setObjectName("fieldHelp")
        # Set apart as secondary text, readable (a disabled label's grey is not, in the dark).
        legend.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        legend.setVisible(any(spec.required for spec in schema.fields))

        column.addWidget(self.empty_label)
        column.addWidget(self.unknown_frame)
        column.addWidget(self.essentials)
        column.addWidget(rule)
        column.addWidget(self.advanced_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.advanced)
        column.addWidget(self.root_error)
        column.addWidget(legend)
        column.addStretch(1)

        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)


class JsonPage(QWidget):
    """The inputs as editable JSON text, with why an edit was not applied and a way back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 10, 12, 10)
        column.setSpacing(6)
        hint = plain_label(
            translate(
                "JsonPage",
                "The same inputs as JSON. Edits here change the form, and edits in the "
                "form show here.",
            )
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        self.json_editor = QPlainTextEdit()
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.json_editor.setFont(font)
        self.json_editor.setAccessibleName(translate("JsonPage", "Inputs as JSON"))
        self.json_message = plain_label()
        self.json_message.setWordWrap(True)
        set_tone(self.json_message, Tone.ERROR)
        self.json_message.hide()
        self.json_revert_button = QPushButton(translate("JsonPage", "Show the form's values again"))
        self.json_revert_button.hide()
        message_row = QHBoxLayout()
        message_row.addWidget(self.json_message, 1)
        message_row.addWidget(self.json_revert_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addWidget(hint)
        column.addWidget(self.json_editor, 1)
        column.addLayout(message_row)

    def show_message(self, message: str | None) -> None:
        """Say why the text was not applied (None hides the message and the revert button)."""
        self.json_message.setText(message or "")
        self.json_message.setVisible(bool(message))
        self.json_revert_button.setVisible(bool(message))


def parse_inputs_json(text: str) -> tuple[dict[str, Any], str | None]:
    """The inputs object typed as JSON, or why it cannot be used (empty text is no inputs)."""
    error: str | None = None
    parsed: Any = None
    if not text.strip():
        parsed = {}
    else:
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as exc:
            error = translate(
                "FormPages",
                "The JSON has a mistake at line {lineno}, column {colno}: {msg}. "
                "Nothing was changed: fix it, or show the form's values again.",
            ).format(lineno=exc.lineno, colno=exc.colno, msg=exc.msg)
        except RecursionError:
            error = translate("FormPages", "The JSON is nested too deeply. Nothing was changed.")
    if error is None and not isinstance(parsed, dict):
        error = translate(
            "FormPages",
            'The inputs must be a JSON object, in braces: {"prompt": "…"}. Nothing was changed.',
        )
    if error is not None:
        return {}, error
    return parsed, None
