"""A workflow's input form, generated from its InputSchema, with a JSON view of the same values."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator, Mapping
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.library import WorkflowEntry, WorkflowLibrary
from fizzly_desktop.core.schema import FieldError, InputSchema, random_seed_value
from fizzly_desktop.ui.forms.base import OMITTED, FieldWidget
from fizzly_desktop.ui.forms.file_loading import MAX_FILE_BYTES
from fizzly_desktop.ui.forms.files import FileField, FileListField
from fizzly_desktop.ui.forms.form_pages import InputsPage, JsonPage, parse_inputs_json
from fizzly_desktop.ui.forms.group import (
    FieldRow,
    ObjectField,
    all_field_widgets,
)
from fizzly_desktop.ui.forms.numbers import SeedField
from fizzly_desktop.ui.i18n import translate


class SchemaForm(QWidget):
    """A form for a workflow's inputs that cannot produce values the schema rejects unnoticed.

    Values are checked with the schema (``jsonschema``) shortly after each change; problems show
    under their field in plain words once the user has touched it (all of them after
    :meth:`show_all_errors` or :meth:`set_values`), and :meth:`blocking_reason` gives the first
    one for the Run button. A "JSON" tab edits the same values as text, both ways.

    Signals:
        values_changed(): a value changed (in the form or in the JSON view).
        validity_changed(bool, str): whether the values can be sent, and if not, why.
    """

    values_changed = Signal()
    validity_changed = Signal(bool, str)

    VALIDATION_DELAY_MS = 150

    def __init__(
        self,
        schema: InputSchema,
        parent: QWidget | None = None,
        *,
        library: WorkflowLibrary | None = None,
        workflow: WorkflowEntry | None = None,
        max_file_bytes: int = MAX_FILE_BYTES,
    ) -> None:
        super().__init__(parent)
        self.schema = schema
        self._overrides: dict[str, Any] = {}
        self._extras: dict[str, Any] = {}
        self._touched: set[str] = set()
        self._show_all = False
        self._applying = False
        self._json_is_source = False
        self._json_programmatic = False
        self._json_error: str | None = None
        self._json_dirty = True
        self._errors: list[FieldError] = []
        self._reason: str | None = None
        self._last_emitted: tuple[bool, str] | None = None

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.VALIDATION_DELAY_MS)
        self._timer.timeout.connect(self.validate_now)
        self._json_timer = QTimer(self)
        self._json_timer.setSingleShot(True)
        self._json_timer.setInterval(self.VALIDATION_DELAY_MS)
        self._json_timer.timeout.connect(self._apply_json_text)

        self.form_page = InputsPage(schema)
        self._rows = self.form_page.rows
        for name, row in self._rows.items():
            for widget in all_field_widgets(row.widget):
                if isinstance(widget, (FileField, FileListField)):
                    widget.max_bytes = max_file_bytes
            row.widget.changed.connect(lambda name=name: self._on_field_changed(name))
        self.form_page.advanced_toggle.toggled.connect(self.show_advanced)
        self.form_page.discard_unknown_button.clicked.connect(self.discard_unknown)
        self.json_page = JsonPage()
        self.json_page.json_editor.textChanged.connect(self._on_json_text_changed)
        self.json_page.json_revert_button.clicked.connect(self.revert_json_view)
        self._expose_page_widgets()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(translate("SchemaForm", "Inputs as a form or as JSON"))
        self.tabs.addTab(self.form_page, translate("SchemaForm", "Form"))
        self.tabs.addTab(self.json_page, translate("SchemaForm", "JSON"))
        self.tabs.currentChanged.connect(self._on_tab_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.preset_bar: QWidget | None = None
        if library is not None and workflow is not None:
            from fizzly_desktop.ui.forms.presets import PresetBar

            self.preset_bar = PresetBar(library, workflow, self)
            layout.addWidget(self.preset_bar)
        layout.addWidget(self.tabs)

        self.validate_now()

    # --- construction ---

    def _expose_page_widgets(self) -> None:
        # The pages' widgets stay reachable from the form, where callers and tests look.
        page, text = self.form_page, self.json_page
        self.scroll_area: QScrollArea = page
        self.essentials = page.essentials
        self.advanced = page.advanced
        self.advanced_toggle = page.advanced_toggle
        self.empty_label = page.empty_label
        self.unknown_frame = page.unknown_frame
        self.unknown_label = page.unknown_label
        self.discard_unknown_button = page.discard_unknown_button
        self.root_error = page.root_error
        self.json_editor = text.json_editor
        self.json_message = text.json_message
        self.json_revert_button = text.json_revert_button

    # --- access ---

    def field_widget(self, name: str, *path: str) -> FieldWidget | None:
        """The editor of an input (``field_widget("size", "width")`` for a nested one)."""
        row = self._rows.get(name)
        widget = row.widget if row else None
        for step in path:
            widget = widget.child_widget(step) if widget else None
        return widget

    def field_row(self, name: str) -> FieldRow | None:
        return self._rows.get(name)

    def field_names(self) -> list[str]:
        return list(self._rows)

    def show_advanced(self, shown: bool = True) -> None:
        """Unfold (or fold) the "Advanced settings" section."""
        with QSignalBlocker(self.advanced_toggle):
            self.advanced_toggle.setChecked(shown)
        self.advanced_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )
        self.advanced.setVisible(shown)

    # --- values ---

    def values(self, *, fill_random: bool = False) -> dict[str, Any]:
        """The inputs to send, exactly as JSON: empty optional inputs are left out.

        Seeds set to "Random each run" are left out too, unless ``fill_random`` asks for a fresh
        one each (what a run does); :meth:`random_seed_fields` names them. Inputs the form does
        not show (kept from :meth:`set_values`) are included as they were given.
        """
        out: dict[str, Any] = {}
        for spec in self.schema.fields:
            name = spec.name
            if name in self._overrides:
                out[name] = copy.deepcopy(self._overrides[name])
                continue
            widget = self._rows[name].widget
            value = widget.value()
            if value is OMITTED:
                if fill_random and isinstance(widget, SeedField) and widget.is_random():
                    out[name] = random_seed_value(spec)
                continue
            out[name] = value
        for name, value in self._extras.items():
            out.setdefault(name, copy.deepcopy(value))
        return out

    def random_seed_fields(self) -> list[str]:
        """Seeds left on "Random each run": fill each with a new number per run."""
        return [
            name
            for name, row in self._rows.items()
            if isinstance(row.widget, SeedField)
            and row.widget.is_random()
            and name not in self._overrides
        ]

    def set_values(self, values: Mapping[str, Any]) -> list[str]:
        """Fill the form (a preset, "use these inputs" of a past run, the JSON view).

        Inputs missing from ``values`` go back to their defaults (a missing seed to random).
        Returns the names the form has no field for; they are kept, sent as they are and listed
        above the form, never dropped silently. A value a field cannot show (text for a number)
        is kept as given too, and reported by validation.
        """
        unknown = [name for name in values if name not in self._rows]
        self._applying = True
        try:
            self._overrides.clear()
            self._extras = {name: copy.deepcopy(values[name]) for name in unknown}
            for spec in self.schema.fields:
                widget = self._rows[spec.name].widget
                if spec.name not in values:
                    widget.reset()
                    if isinstance(widget, SeedField) and not spec.has_default:
                        widget.set_random(True)
                elif not widget.set_value(values[spec.name]):
                    widget.reset()
                    self._overrides[spec.name] = copy.deepcopy(values[spec.name])
        finally:
            self._applying = False
        self._show_all = True
        self._update_unknown_notice()
        if not self._json_is_source:
            self._json_dirty = True
        self.values_changed.emit()
        self.validate_now()
        return unknown

    def reset(self) -> None:
        """Every input back to its default."""
        self.set_values(self.schema.defaults())
        self._show_all = False
        self._touched.clear()
        self.validate_now()

    def unknown_values(self) -> dict[str, Any]:
        """Inputs given to :meth:`set_values` that this form has no field for, or cannot show."""
        return {**copy.deepcopy(self._extras), **copy.deepcopy(self._overrides)}

    def discard_unknown(self) -> None:
        """Drop the kept inputs the form cannot show."""
        self._extras.clear()
        self._overrides.clear()
        self._update_unknown_notice()
        self._json_dirty = True
        self.values_changed.emit()
        self.validate_now()

    def _update_unknown_notice(self) -> None:
        titles = {name: self._rows[name].spec.title for name in self._overrides}
        parts = unknown_notice(self._extras, self._overrides, titles)
        self.unknown_label.setText("\n".join(parts))
        self.unknown_frame.setVisible(bool(parts))

    # --- validation ---

    def _on_field_changed(self, name: str) -> None:
        if not self._applying:
            self._touched.add(name)
            if name in self._overrides:
                del self._overrides[name]
                self._update_unknown_notice()
            self._json_is_source = False
            self._json_dirty = True
            self.values_changed.emit()
        self._timer.start()

    def show_all_errors(self) -> None:
        """Show every problem, also in inputs not touched yet (e.g. when Run is pressed)."""
        self._show_all = True
        self.validate_now(thorough=True)

    def _walk(
        self, rows: Mapping[str, FieldRow], prefix: tuple[str, ...] = (), *, every: bool = False
    ) -> Iterator[tuple[tuple[str, ...], FieldRow]]:
        """Rows with their paths; inside groups that are sent (or ``every`` group)."""
        for name, row in rows.items():
            yield (*prefix, name), row
            widget = row.widget
            if isinstance(widget, ObjectField) and (every or widget.is_included()):
                yield from self._walk(widget.section.rows, (*prefix, name), every=every)

    def validate_now(self, *, thorough: bool = False) -> None:
        """Check the values at once (normally done shortly after each change).

        ``thorough``: with jsonschema whatever the schema (as when Run is pressed); otherwise a
        flat schema of simple inputs is checked without it, finding the same problems.
        """
        self._timer.stop()
        rows = dict(self._walk(self._rows))
        local: list[FieldError] = []
        for path, row in rows.items():
            if not isinstance(row.widget, ObjectField):
                problem = row.widget.local_error()
                if problem:
                    local.append(FieldError(path, problem))
        local_paths = {error.path for error in local}
        values = self.values(fill_random=True)
        checked = [
            error
            for error in self.schema.validate(values, thorough=thorough)
            if not any(error.path[: len(p)] == p for p in local_paths)
        ]
        order = {spec.name: index for index, spec in enumerate(self.schema.fields)}
        self._errors = sorted(local + checked, key=lambda e: order.get(e.field, len(order)))

        shown: dict[tuple[str, ...], str] = {}
        root: list[str] = []
        for error in self._errors:
            path = tuple(str(step) for step in error.path if isinstance(step, str))
            while path and path not in rows:
                path = path[:-1]
            if not path:
                root.append(error.message)
            elif path not in shown and (self._show_all or path[0] in self._touched):
                shown[path] = error.message
        for path, row in self._walk(self._rows, every=True):
            row.show_error(shown.get(path))
        self.root_error.setText("\n".join(root))
        self.root_error.setVisible(bool(root))
        if (
            self._show_all
            and any(path[0] in self.advanced.rows for path in shown)
            and not self.advanced.isVisible()
        ):
            self.show_advanced(True)

        if self._json_dirty and self.tabs.currentWidget() is self.json_page:
            self._refresh_json_view()
        if self._json_error is not None:
            reason: str | None = self._json_error
        else:
            reason = self._errors[0].message if self._errors else None
        self._reason = reason
        state = (reason is None, reason or "")
        if state != self._last_emitted:
            self._last_emitted = state
            self.validity_changed.emit(*state)

    def is_valid(self) -> bool:
        """The values can be sent as they are."""
        return self._reason is None

    def blocking_reason(self) -> str | None:
        """Why the values cannot be sent yet ("Prompt is required."), or None."""
        return self._reason

    def field_errors(self) -> list[FieldError]:
        """Every current problem, in field order (also those not shown yet)."""
        return list(self._errors)

    def error_text(self, name: str, *path: str) -> str | None:
        """The problem shown under an input, if any."""
        rows = dict(self._walk(self._rows))
        row = rows.get((name, *path))
        return row.error.text() or None if row else None

    # --- JSON view ---

    def json_text(self) -> str:
        """The JSON view's text (brought up to date with the form first)."""
        if self._json_dirty and not self._json_is_source:
            self._refresh_json_view()
        return self.json_editor.toPlainText()

    def json_error(self) -> str | None:
        """Why the JSON view's text was not applied, or None."""
        return self._json_error

    def set_json_text(self, text: str) -> None:
        """Type ``text`` into the JSON view and apply it at once."""
        self.json_editor.setPlainText(text)
        self._apply_json_text()

    def revert_json_view(self) -> None:
        """Throw away JSON edits that could not be applied; show the form's values again."""
        self._json_error = None
        self._json_is_source = False
        self._refresh_json_view()
        self.validate_now()

    def _refresh_json_view(self) -> None:
        if self._json_error is not None:
            return
        self._json_dirty = False
        text = json.dumps(self.values(), indent=2, ensure_ascii=False)
        if text != self.json_editor.toPlainText():
            self._json_programmatic = True
            try:
                self.json_editor.setPlainText(text)
            finally:
                self._json_programmatic = False
        self._show_json_message(None)

    def _on_json_text_changed(self) -> None:
        if not self._json_programmatic:
            self._json_timer.start()

    def _on_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.json_page:
            if self._json_dirty and not self._json_is_source:
                self._refresh_json_view()
        elif self._json_timer.isActive():
            self._apply_json_text()

    def _apply_json_text(self) -> None:
        self._json_timer.stop()
        text = self.json_editor.toPlainText()
        parsed, error = parse_inputs_json(text)
        if error is not None:
            self._json_error = error
            self._show_json_message(error)
            self.validate_now()
            return
        self._json_error = None
        self._show_json_message(None)
        self._json_is_source = True
        self.set_values(parsed)

    def _show_json_message(self, message: str | None) -> None:
        self.json_page.show_message(message)

    def sizeHint(self):  # type: ignore[no-untyped-def]
        hint = super().sizeHint()
        hint.setWidth(max(hint.width(), 560))
        return hint


def unknown_notice(
    extras: dict[str, Any], overrides: dict[str, Any], titles: dict[str, str]
) -> list[str]:
    """The lines saying which inputs a form keeps without showing them (kept as they are)."""
    parts = []
    count = len(extras)
    if count:
        parts.append(
            translate(
                "SchemaForm",
                "Kept %n input(s) this form has no field for: {names}. They are sent as they are.",
                None,
                count,
            ).format(names=", ".join(sorted(extras)))
        )
    for name, value in overrides.items():
        shown = json.dumps(value, ensure_ascii=False)
        if len(shown) > 60:
            shown = shown[:57] + "…"
        parts.append(
            translate(
                "SchemaForm", "{title}: the value {shown} cannot be shown in the form; it is kept."
            ).format(title=titles[name], shown=shown)
        )
    return parts
