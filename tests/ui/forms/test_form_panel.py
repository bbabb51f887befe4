"""The form panel: Run is enabled only when form and run options are valid, with the reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from fizzly_desktop.ui.forms import FormPanel


class FakeForm(QWidget):
    validity_changed = Signal(bool, str)

    def __init__(self) -> None:
        super().__init__()
        self.reason: str | None = None
        self.checks: list[bool] = []  # each check asked for: thorough or not
        self.thorough_reason: str | None = None  # what only a thorough check finds

    def validate_now(self, *, thorough: bool = False) -> None:
        self.checks.append(thorough)
        if thorough and self.thorough_reason:
            self.set_reason(self.thorough_reason)

    def values(self) -> dict[str, Any]:
        return {"prompt": "a red fox", "seed": 3}

    def is_valid(self) -> bool:
        return self.reason is None

    def blocking_reason(self) -> str | None:
        return self.reason

    def set_reason(self, reason: str | None) -> None:
        self.reason = reason
        self.validity_changed.emit(reason is None, reason or "")


def test_run_disabled_until_a_workflow_is_chosen(qtbot: QtBot) -> None:
    panel = FormPanel()
    qtbot.addWidget(panel)
    assert not panel.run_button.isEnabled()
    assert panel.reason.text() == "Choose a workflow in the sidebar."
    panel.set_workflow("Text to image", "demo/text-to-image", FakeForm())
    assert panel.run_button.isEnabled()
    assert panel.values() == {"prompt": "a red fox", "seed": 3}


def test_form_problem_disables_run_with_its_reason(qtbot: QtBot) -> None:
    panel = FormPanel()
    qtbot.addWidget(panel)
    form = FakeForm()
    panel.set_workflow("Text to image", "demo/text-to-image", form)
    form.set_reason("Prompt is required.")
    assert not panel.run_button.isEnabled()
    assert panel.reason.text() == "Prompt is required."
    form.set_reason(None)
    assert panel.run_button.isEnabled()


def test_bad_webhook_is_refused_before_anything_is_sent(qtbot: QtBot) -> None:
    panel = FormPanel()
    qtbot.addWidget(panel)
    panel.set_workflow("Text to image", "demo/text-to-image", FakeForm())
    panel.options_toggle.setChecked(True)
    panel.webhook_edit.setText("http://192.168.1.20/hook")
    assert not panel.run_button.isEnabled()
    assert panel.webhook_error.text() != ""
    assert panel.reason.text() == panel.webhook_error.text()
    panel.webhook_edit.setText("https://hooks.example.com/fizzly")
    assert panel.run_button.isEnabled()
    assert panel.webhook() == "https://hooks.example.com/fizzly"


def test_run_emits_count_and_webhook(qtbot: QtBot) -> None:
    panel = FormPanel()
    qtbot.addWidget(panel)
    panel.set_workflow("Text to image", "demo/text-to-image", FakeForm())
    panel.count.setValue(4)
    assert panel.run_button.text() == "Run 4"
    with qtbot.waitSignal(panel.run_requested) as run:
        panel.run_button.click()
    assert run.args == [4, None]


def test_run_checks_the_values_thoroughly_and_sends_nothing_they_refuse(qtbot: QtBot) -> None:
    panel = FormPanel()
    qtbot.addWidget(panel)
    form = FakeForm()
    panel.set_workflow("Text to image", "demo/text-to-image", form)
    sent: list[Any] = []
    panel.run_requested.connect(lambda *args: sent.append(args))
    panel.run_button.click()
    assert form.checks == [True]
    assert sent == [(1, None)]
    form.thorough_reason = "Prompt must be at most 5 characters."
    panel.run_button.click()
    assert form.checks == [True, True]
    assert sent == [(1, None)]  # nothing more sent
    assert panel.reason.text() == "Prompt must be at most 5 characters."


def test_unavailable_reason_wins(qtbot: QtBot) -> None:
    panel = FormPanel()
    qtbot.addWidget(panel)
    panel.set_workflow("Text to image", "demo/text-to-image", FakeForm())
    panel.set_unavailable("Add an API key for this profile to run workflows.")
    assert not panel.run_button.isEnabled()
    assert not panel.batch_button.isEnabled()
    panel.set_unavailable(None)
    assert panel.run_button.isEnabled()
