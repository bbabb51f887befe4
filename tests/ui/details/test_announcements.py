"""What a screen reader hears about the selected run: progress in 10 % steps, not every tick,
and each change of state said once, politely."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.runs import Run, RunState
from fizzly_desktop.ui.details.run_details import RunDetailsPanel


def running(progress: float) -> Run:
    run = Run.create("demo/text-to-image", {"prompt": "a fox"}, "Local sandbox")
    run.state = RunState.IN_PROGRESS
    run.request_id = "run_abc"
    run.node_started("image-generation", at=100.0)
    run.progress = progress
    return run


def described(panel: RunDetailsPanel) -> str:
    interface = QAccessible.queryAccessibleInterface(panel.progress)
    assert interface is not None
    return interface.text(QAccessible.Text.Description)


def test_progress_is_told_in_steps_and_states_are_announced(qtbot: QtBot) -> None:
    panel = RunDetailsPanel(QLabel())
    qtbot.addWidget(panel)
    panel.show()
    run = running(3)
    panel.show_run(run, title="Text to image")
    first = described(panel)
    assert first.startswith("Text to image: Running, 3 %")
    # Ticks within one 10 % step change nothing a reader hears.
    for tick in (4, 6, 9):
        run = replace(run, progress=float(tick))
        panel.show_run(run, title="Text to image")
        assert described(panel) == first
    assert panel.progress.value() == 9  # the bar itself shows every tick
    run = replace(run, progress=12.0)
    panel.show_run(run, title="Text to image")
    assert described(panel).startswith("Text to image: Running, 12 %")
    assert list(panel.announcer.spoken) == []  # progress is not announced, only described

    done = replace(run, state=RunState.COMPLETED, progress=100.0)
    panel.show_run(done, title="Text to image")
    panel.show_run(done, title="Text to image")  # shown again: said once
    assert list(panel.announcer.spoken) == ["Text to image: Done"]
    assert described(panel) == "Text to image: Done"

    # Another run selected is not a change of state: nothing is announced for it.
    other = running(50)
    panel.show_run(other, title="Text to image")
    assert list(panel.announcer.spoken) == ["Text to image: Done"]
    assert described(panel).startswith("Text to image: Running, 50 %")
    panel.show_run(replace(other, state=RunState.FAILED, error="boom"), title="Text to image")
    assert list(panel.announcer.spoken)[-1] == "Text to image: Failed"
