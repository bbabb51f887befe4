"""What every input editor is: a FieldWidget giving back one JSON value, or OMITTED."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from fizzly_desktop.core.schema import FieldSpec


class _Omitted:
    """The value of an optional input left empty: it is not sent at all."""

    _instance: _Omitted | None = None

    def __new__(cls) -> _Omitted:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "OMITTED"

    def __bool__(self) -> bool:
        return False


OMITTED: Any = _Omitted()


def is_number(value: Any) -> bool:
    """A JSON number: bool is not one, though Python says so."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


class FieldWidget(QWidget):
    """The editor of one input.

    Signals:
        changed: the value changed by the user or by :meth:`set_value`.
    """

    changed = Signal()

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec

    def focus_widget(self) -> QWidget:
        """The widget a label points at and that takes focus for this field."""
        return self

    def value(self) -> Any:
        """The JSON value to send, or OMITTED."""
        raise NotImplementedError

    def set_value(self, value: Any) -> bool:
        """Show ``value``; False when this editor cannot show it (e.g. text in a number)."""
        raise NotImplementedError

    def reset(self) -> None:
        """Back to the schema's default, or empty."""
        if self.spec.has_default and self.set_value(self.spec.default):
            return
        if not (self.spec.nullable and self.set_value(None)):
            self._clear_to_empty()

    def _clear_to_empty(self) -> None:
        raise NotImplementedError

    def local_error(self) -> str | None:
        """A problem only the editor can see (text that is not a number, JSON with a typo)."""
        return None

    def adopt_help(self, help_label: QWidget, more_button: QWidget) -> bool:
        """Place the input's help inside the editor (a choice: under its list, above the
        chosen shape's inputs); False leaves it under the editor."""
        return False

    def child_widget(self, name: str) -> FieldWidget | None:
        """A nested input's editor (objects only)."""
        return None
