"""The form panel: the selected workflow's generated form, run options, and the Run button.

The panel does not know how a form is built (``ui/forms`` does); it needs a widget with
``values()``, ``is_valid()``, ``blocking_reason()`` and a ``validity_changed(bool, str)`` signal,
and keeps Run disabled with the reason shown while the form or the run options are not valid.

Signals:
    run_requested(int count, object webhook): Run pressed (or the window's Ctrl+Enter); webhook
        is str or None.
    build_batch_requested(): "Build batch…" pressed.
    output_dropped(str run_id, str output, str field): a saved output of a run was dropped on
        one of the form's file fields (any widget of the form with that signal).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core.formatting import plural_credits
from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP
from fizzly_desktop.ui.colors import Tone
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.tones import set_tone


def check_webhook_url(url: str) -> str | None:
    """The reference's webhook rules (imported on first use: the api package is heavy)."""
    from fizzly_desktop.api.urls import check_webhook_url as check

    return check(url)


def _muted(label: QLabel) -> QLabel:
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


NO_WORKFLOW = QT_TRANSLATE_NOOP("FormPanel", "Choose a workflow in the sidebar.")


def run_button_text(count: int, credits_per_run: float | None) -> str:
    """``"Run"``, ``"Run 10"``, and the expected cost once known: ``"Run 10 · 50 credits"``."""
    text = (
        translate("FormPanel", "Run")
        if count == 1
        else translate("FormPanel", "Run {count}").format(count=count)
    )
    if credits_per_run is None:
        return text
    total = round(credits_per_run * count, 2)
    return f"{text} · {plural_credits(total)}"


class FormPanel(QWidget):
    run_requested = Signal(int, object)
    build_batch_requested = Signal()
    output_dropped = Signal(str, str, str)

    MAX_RUNS_AT_ONCE = 100
    BASE_MIN_WIDTH = 320

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("FormPanel", "Workflow inputs"))
        # The generated form (ui/forms.SchemaForm or anything with its four members).
        self._form: Any = None
        self._busy_reason: str | None = None
        # What one run of the shown workflow has cost so far (None until one has finished).
        self._credits_per_run: float | None = None

        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)

        self.title = QLabel(translate("FormPanel", "No workflow selected"))
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = _muted(QLabel(""))
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.subtitle.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)

        self.form_area = QScrollArea()
        self.form_area.setWidgetResizable(True)
        self.form_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_area.setFrameShape(QFrame.Shape.NoFrame)
        # Not a stop of its own for Tab: its fields are, and it scrolls to the one with focus.
        self.form_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.form_area.setAccessibleName(translate("FormPanel", "Inputs of the workflow"))
        self.empty = _muted(
            QLabel(translate("FormPanel", "Pick a workflow on the left to fill in its inputs."))
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.form_area.setWidget(self.empty)
        layout.addWidget(self.form_area, 1)

        # Run options: folded away, for people who run their own webhook receiver.
        self.options_toggle = QToolButton()
        self.options_toggle.setText(translate("FormPanel", "Run options"))
        self.options_toggle.setCheckable(True)
        self.options_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.options_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.options_toggle.setAutoRaise(True)
        self.options_toggle.toggled.connect(self._on_options_toggled)
        layout.addWidget(self.options_toggle)
        self.options = QWidget()
        options_layout = QFormLayout(self.options)
        options_layout.setContentsMargins(18, 0, 0, 0)
        self.webhook_edit = QLineEdit()
        self.webhook_edit.setPlaceholderText(
            translate("FormPanel", "https://example.com/fizzly-webhook (optional)")
        )
        self.webhook_edit.setAccessibleName(translate("FormPanel", "Webhook URL"))
        self.webhook_edit.setClearButtonEnabled(True)
        self.webhook_edit.textChanged.connect(self._refresh)
        self.webhook_error = QLabel()
        self.webhook_error.setTextFormat(Qt.TextFormat.PlainText)
        self.webhook_error.setWordWrap(True)
        set_tone(self.webhook_error, Tone.ERROR)
        options_layout.addRow(translate("FormPanel", "Webhook URL"), self.webhook_edit)
        options_layout.addRow("", self.webhook_error)
        self.options.setVisible(False)
        layout.addWidget(self.options)

        footer = QHBoxLayout()
        footer.setSpacing(8)
        self.count = QSpinBox()
        self.count.setRange(1, self.MAX_RUNS_AT_ONCE)
        self.count.setPrefix("× ")
        self.count.setAccessibleName(translate("FormPanel", "Number of runs"))
        self.count.setToolTip(
            translate(
                "FormPanel", "How many runs to start with these inputs (seeds left random vary)"
            )
        )
        self.count.valueChanged.connect(self._refresh)
        self.batch_button = QPushButton(translate("FormPanel", "Build batch…"))
        self.batch_button.setAccessibleName(translate("FormPanel", "Build batch"))
        self.batch_button.setToolTip(
            translate("FormPanel", "Sweeps, seed series and imported CSV or JSONL files")
        )
        self.batch_button.clicked.connect(self.build_batch_requested)
        self.run_button = QPushButton(translate("FormPanel", "Run"))
        self.run_button.setAccessibleName(translate("FormPanel", "Run"))
        self.run_button.setDefault(True)
        self.run_button.setToolTip(translate("FormPanel", "Start the run (Ctrl+Enter)"))
        self.run_button.setMinimumWidth(110)
        self.run_button.clicked.connect(self._on_run_clicked)
        footer.addWidget(self.count)
        footer.addWidget(self.batch_button)
        footer.addStretch(1)
        footer.addWidget(self.run_button)
        layout.addLayout(footer)
        self.reason = _muted(QLabel())
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.reason.setWordWrap(True)
        self.reason.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.reason)

        # Ctrl+Enter is the window's Run ▸ Run action, not a shortcut of the panel's own: two
        # window-wide owners of one key make Qt fire neither ("Ambiguous shortcut overload").
        self._refresh()

    # --- the form ----------------------------------------------------------------------------
    @property
    def form(self) -> Any:
        return self._form

    def set_workflow(self, title: str, subtitle: str, form: QWidget) -> None:
        """Show ``form`` for the workflow named ``title``; the panel takes ownership of it."""
        self.title.setText(title)
        self.subtitle.setText(subtitle)
        previous = self.form_area.takeWidget()
        if previous is not None and previous is not self.empty:
            previous.deleteLater()
        elif previous is self.empty:
            self.empty.setParent(self)
            self.empty.hide()
        self._form = form
        self.form_area.setWidget(form)
        # The form is never clipped: the panel is at least as wide as the form needs (the
        # splitter then takes the room from the queue, which copes with less).
        needed = (
            form.minimumSizeHint().width() + self.form_area.verticalScrollBar().sizeHint().width()
        )
        margins = self._layout.contentsMargins()
        self.setMinimumWidth(max(self.BASE_MIN_WIDTH, needed + margins.left() + margins.right()))
        signal = getattr(form, "validity_changed", None)
        if signal is not None:
            signal.connect(self._refresh)
        for child in form.findChildren(QWidget):
            dropped = getattr(child, "output_dropped", None)
            if dropped is not None:
                dropped.connect(self.output_dropped)
        self._busy_reason = None
        self._refresh()

    def clear_workflow(self) -> None:
        previous = self.form_area.takeWidget()
        if previous is not None and previous is not self.empty:
            previous.deleteLater()
        self._form = None
        self.empty.show()
        self.form_area.setWidget(self.empty)
        self.title.setText(translate("FormPanel", "No workflow selected"))
        self.subtitle.setText("")
        self._busy_reason = None
        self._refresh()

    def set_credits_per_run(self, credits: float | None) -> None:
        """Show what Run will cost, from what one run of this workflow has cost (None: unknown)."""
        self._credits_per_run = credits
        self._refresh()

    def set_unavailable(self, reason: str | None) -> None:
        """Disable running for a reason outside the form (no key, server unreachable…)."""
        self._busy_reason = reason
        self._refresh()

    def values(self) -> dict[str, Any]:
        form = self._form
        return dict(form.values()) if form is not None else {}

    def webhook(self) -> str | None:
        text = self.webhook_edit.text().strip()
        return text or None

    # --- state -------------------------------------------------------------------------------
    def blocking_reason(self) -> str | None:
        if self._busy_reason:
            return self._busy_reason
        form = self._form
        if form is None:
            return translate("FormPanel", NO_WORKFLOW)
        if not form.is_valid():
            reason: str | None = form.blocking_reason()
            return reason or translate("FormPanel", "Some inputs need attention.")
        webhook = self.webhook()
        if webhook is not None:
            problem = check_webhook_url(webhook)
            if problem:
                return problem
        return None

    def _refresh(self, *_args: object) -> None:
        webhook = self.webhook()
        problem = check_webhook_url(webhook) if webhook else None
        self.webhook_error.setText(problem or "")
        self.webhook_error.setVisible(bool(problem))
        reason = self.blocking_reason()
        self.run_button.setEnabled(reason is None)
        self.batch_button.setEnabled(self._form is not None and not self._busy_reason)
        count = self.count.value()
        self.run_button.setText(run_button_text(count, self._credits_per_run))
        tip = translate("FormPanel", "Start the run (Ctrl+Enter)")
        if self._credits_per_run is not None:
            tip += translate(
                "FormPanel", "; about {credits_per_run} credits a run, from its finished runs"
            ).format(credits_per_run=format(self._credits_per_run, "g"))
        self.run_button.setToolTip(tip)
        self.reason.setText(reason or "")
        self.reason.setVisible(bool(reason))

    def _on_options_toggled(self, shown: bool) -> None:
        self.options.setVisible(shown)
        self.options_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    def _on_run_clicked(self) -> None:
        if self._form is not None:
            # What is sent is checked with jsonschema (the live checks of a simple form are not).
            self._form.validate_now(thorough=True)
        if self.blocking_reason() is None:
            self.run_requested.emit(self.count.value(), self.webhook())
