"""Run details: timeline rows per node state, plain-text errors with advice, metrics."""

from __future__ import annotations

import re
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.run_actions import RunAction
from fizzly_desktop.core.runs import Contact, Run, RunState
from fizzly_desktop.core.words import WaitCauses
from fizzly_desktop.ui.details.run_details import RunDetailsPanel, advice_for


def running_run() -> Run:
    run = Run.create("demo/text-to-image", {"prompt": "a fox", "seed": 7}, "Local sandbox")
    run.state = RunState.IN_PROGRESS
    run.request_id = "run_abc"
    run.node_started("prompt-encode", at=100.0)
    run.node_completed("prompt-encode", at=101.5)
    run.node_started("image-generation", at=101.5)
    run.progress = 40.0
    return run


def test_timeline_shows_done_running_and_expected_nodes(qtbot: QtBot) -> None:
    panel = RunDetailsPanel(QLabel())
    qtbot.addWidget(panel)
    panel.show_run(
        running_run(),
        title="Text to image",
        expected_nodes=["prompt-encode", "image-generation", "upscale"],
    )
    assert panel.timeline.node_rows() == [
        ("prompt-encode", "Done"),
        ("image-generation", "Running"),
        ("upscale", "Pending"),
    ]
    assert panel.progress.value() == 40
    assert "image-generation" in panel.progress.format()
    assert panel.request_label.text() == "run_abc"
    assert panel.error_box.isHidden()


def test_failed_run_shows_error_as_plain_text_with_advice(qtbot: QtBot) -> None:
    run = running_run()
    run.node_failed("image-generation", at=103.0)
    run.state = RunState.FAILED
    run.error = "<b>Not enough credits</b> for this workflow."
    panel = RunDetailsPanel(QLabel())
    qtbot.addWidget(panel)
    panel.show()
    panel.show_run(run, title="Text to image", expected_nodes=["upscale"])
    assert panel.timeline.node_rows() == [("prompt-encode", "Done"), ("image-generation", "Failed")]
    assert panel.error_label.text() == "<b>Not enough credits</b> for this workflow."
    assert panel.error_label.textFormat().name == "PlainText"
    assert panel.advice_label.text().startswith("Top up your credits")


def test_signals_carry_request_id_and_run_id(qtbot: QtBot) -> None:
    panel = RunDetailsPanel(QLabel())
    qtbot.addWidget(panel)
    run = running_run()
    panel.show_run(run, title="Text to image")
    with qtbot.waitSignal(panel.copy_request_id_requested) as copied:
        panel.copy_button.click()
    assert copied.args == ["run_abc"]
    with qtbot.waitSignal(panel.use_inputs_requested) as used:
        panel.use_inputs_button.click()
    assert used.args == [run.id]


def test_metrics_and_refunds(qtbot: QtBot) -> None:
    run = running_run()
    run.state = RunState.CANCELLED
    run.credits_used = 2
    run.credits_refunded = 3
    run.metrics = {"total_time_ms": 12500}
    panel = RunDetailsPanel(QLabel())
    qtbot.addWidget(panel)
    panel.show_run(run, title="Text to image")
    assert panel.metrics.text() == "2 credits used · 3 credits refunded · total time 12 s"


def test_advice_by_error_words() -> None:
    assert "plan" in advice_for("PRO subscription required")
    assert "key" in advice_for("Your API key was not accepted.")
    assert advice_for("The node crashed") == ""


def test_running_without_a_percentage_says_where_it_is(qtbot: QtBot) -> None:
    run = running_run()
    run.progress = None  # the workflow's node count is not known yet
    panel = RunDetailsPanel(QLabel())
    qtbot.addWidget(panel)
    panel.show_run(run, title="Text to image")
    assert panel.progress.format() == "Running · image-generation"


def test_progress_updates_leave_the_timeline_rows_alone(qtbot: QtBot) -> None:
    panel = RunDetailsPanel(QLabel())
    qtbot.addWidget(panel)
    nodes = ["prompt-encode", "image-generation", "upscale"]
    run = running_run()
    panel.show_run(run, title="Text to image", expected_nodes=nodes)
    first_item = panel.timeline.topLevelItem(0)

    faster = run.copy()
    faster.progress = 55.0
    panel.show_run(faster, title="Text to image", expected_nodes=nodes)
    assert panel.timeline.topLevelItem(0) is first_item  # not rebuilt
    assert panel.progress.value() == 55

    # The next node starting is a change of rows: the timeline follows it.
    moved = faster.copy()
    moved.node_completed("image-generation", at=104.0)
    moved.node_started("upscale", at=104.0)
    panel.show_run(moved, title="Text to image", expected_nodes=nodes)
    assert panel.timeline.node_rows() == [
        ("prompt-encode", "Done"),
        ("image-generation", "Done"),
        ("upscale", "Running"),
    ]

    # Another run with the same rows is still shown from scratch after clearing.
    panel.timeline.clear()
    panel.show_run(moved, title="Text to image", expected_nodes=nodes)
    assert len(panel.timeline.node_rows()) == 3


def test_overall_progress_is_painted_with_the_next_frame_not_at_once(qtbot: QtBot) -> None:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    from fizzly_desktop.ui.details.run_details import FrameProgressBar

    host = QWidget()
    qtbot.addWidget(host)
    bar = FrameProgressBar(host)
    bar.setRange(0, 100)
    bar.resize(300, 24)
    host.show()
    qtbot.waitExposed(host)
    qtbot.wait(50)  # painted once: from now on the window has a backing store to paint into
    painted: list[str] = []

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(watched.objectName() or type(watched).__name__)
            return False

    watch = Watch()
    bar.installEventFilter(watch)
    host.installEventFilter(watch)
    bar.set_value(40)
    assert bar.value() == 40
    assert bar.text() == "40%"
    assert painted == []  # QProgressBar.setValue would have painted (and the window) right here
    qtbot.waitUntil(lambda: "FrameProgressBar" in painted)


def test_tall_outputs_scroll_in_their_tab_rather_than_squeeze_the_queue(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QWidget

    outputs = QWidget()
    outputs.setMinimumHeight(600)  # many text outputs, say
    panel = RunDetailsPanel(outputs)
    qtbot.addWidget(panel)
    panel.show_run(running_run(), title="Text to image")
    # The queue above shares a splitter with this panel: its minimum must stay modest.
    assert panel.minimumSizeHint().height() < 300
    assert panel.outputs_scroll.widget() is outputs


def test_a_queued_run_says_how_long_it_waits_and_why(qtbot: QtBot) -> None:
    run = Run.create("demo/text-to-image", {"prompt": "a fox"}, "Local sandbox")
    run.state = RunState.IN_QUEUE
    run.request_id = "run_q"
    run.submitted_at = time.time() - 65
    run.set_queue_position(3)
    panel = RunDetailsPanel(QLabel())
    qtbot.addWidget(panel)
    panel.show()
    panel.show_run(run, title="Text to image", causes=WaitCauses())
    assert panel.state_label.text() == "In queue · position 3"
    first = panel.waiting_label.text()
    assert re.fullmatch(r"Waiting 1 min \d+ s · In the server's queue behind 2 runs\.", first)
    assert "elapsed" not in panel.metrics.text()
    # The wait goes on counting with nothing else changing.
    qtbot.waitUntil(lambda: panel.waiting_label.text() != first, timeout=5000)
    assert panel.waiting_label.text().startswith("Waiting 1 min ")

    # Once it runs, the wait is over: the time it has been running is said instead.
    run.state = RunState.IN_PROGRESS
    run.started_at = time.time()
    run.queue_position = None
    panel.show_run(run, title="Text to image")
    assert panel.waiting_label.isHidden()
    assert panel.metrics.text().startswith("running for ")


def test_a_waiting_run_of_a_paused_batch_says_so(qtbot: QtBot) -> None:
    run = Run.create("demo/text-to-image", {"prompt": "a fox"}, "Local sandbox", batch_id="b1")
    panel = RunDetailsPanel(QLabel())
    qtbot.addWidget(panel)
    panel.show()
    panel.show_run(
        run,
        title="Text to image",
        causes=WaitCauses(paused_batch="Foxes", pause_reason="Paused by you."),
    )
    assert panel.state_label.text() == "Waiting to send"
    assert panel.request_label.text() == "not sent yet"
    assert panel.waiting_label.text().endswith("· Its batch “Foxes” is paused. Paused by you.")
    # A finished run stops the clock: nothing of it moves any more.
    run.state = RunState.CANCELLED
    panel.show_run(run, title="Text to image")
    assert panel.state_label.text() == "Cancelled (nothing charged)"
    assert not panel._clock.isActive()


def test_a_long_failure_does_not_widen_the_panel(qtbot: QtBot) -> None:
    panel = RunDetailsPanel(QLabel())
    qtbot.addWidget(panel)
    panel.show_run(running_run(), title="Text to image")
    before = panel.minimumSizeHint().width()
    failed = running_run()
    failed.state = RunState.FAILED
    failed.current_node = "upscale"
    failed.error = "The upscaler ran out of memory " * 8
    panel.show_run(failed, title="Text to image")
    assert panel.minimumSizeHint().width() == before
    assert panel.state_label.toolTip().startswith("Failed · upscale: The upscaler ran out")


# --- action buttons ---------------------------------------------------------------------------


def _actions_for_state(qtbot: QtBot, run: Run) -> list[str]:
    panel = RunDetailsPanel(QLabel())
    qtbot.addWidget(panel)
    panel.show_run(run, title="Text to image")
    return [action.value for action in panel.visible_actions()]


def test_action_buttons_show_only_when_they_apply(qtbot: QtBot) -> None:
    running = running_run()
    assert _actions_for_state(qtbot, running) == ["Cancel"]
    waiting = Run.create("demo/text-to-image", {}, "Local sandbox")
    assert _actions_for_state(qtbot, waiting) == ["Cancel"]
    failed = running_run()
    failed.state = RunState.FAILED
    assert _actions_for_state(qtbot, failed) == ["Retry"]
    done = running_run()
    done.state = RunState.COMPLETED
    assert _actions_for_state(qtbot, done) == []
    uncertain = running_run()
    uncertain.state = RunState.UNCERTAIN
    assert _actions_for_state(qtbot, uncertain) == ["Check again", "Run again", "Forget"]
    lost = running_run()
    lost.lose_contact(Contact.LOST)
    assert _actions_for_state(qtbot, lost) == ["Cancel", "Check again", "Run again", "Forget"]
    unknown = running_run()
    unknown.lose_contact(Contact.UNKNOWN)
    assert _actions_for_state(qtbot, unknown) == ["Check again", "Run again", "Forget"]


def test_a_lost_run_shows_its_contact_no_bar_and_its_buttons_emit(qtbot: QtBot) -> None:
    panel = RunDetailsPanel(QLabel())
    qtbot.addWidget(panel)
    panel.show()
    run = running_run()
    run.lose_contact(Contact.LOST)
    panel.show_run(run, title="Text to image")
    assert panel.state_label.text() == "Lost contact"
    assert panel.progress.isHidden()
    # Whether its node still runs is not known either.
    assert panel.timeline.node_rows() == [
        ("prompt-encode", "Done"),
        ("image-generation", "Unknown"),
    ]
    button = panel.action_buttons[RunAction.CHECK_AGAIN]
    with qtbot.waitSignal(panel.action_requested) as signal:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert signal.args == [run.id, "Check again"]
    run.regain_contact()
    panel.show_run(run, title="Text to image")
    assert panel.state_label.text() == "Running · 40 % · image-generation"
    assert not panel.progress.isHidden()
    assert panel.visible_actions() == [RunAction.CANCEL]


def test_a_run_that_finishes_while_shown_turns_to_its_outputs(qtbot: QtBot) -> None:
    panel = RunDetailsPanel(QLabel())
    qtbot.addWidget(panel)
    run = running_run()
    panel.show_run(run, title="Text to image")
    assert panel.tabs.currentWidget() is panel.timeline
    run.progress = 80.0
    panel.show_run(run, title="Text to image")
    assert panel.tabs.currentWidget() is panel.timeline
    run.state = RunState.COMPLETED
    panel.show_run(run, title="Text to image")
    assert panel.tabs.currentWidget() is panel.outputs_scroll
    # A tab the user picks is kept for that run, whatever it does next.
    panel.tabs.tabBarClicked.emit(2)
    panel.tabs.setCurrentIndex(2)
    run.credits_used = 5
    panel.show_run(run, title="Text to image")
    assert panel.tabs.currentIndex() == 2
    # Another run is shown as it stands: a failed one on its progress, where it failed.
    failed = running_run()
    failed.state = RunState.FAILED
    failed.error = "image-generation: out of memory"
    panel.show_run(failed, title="Text to image")
    assert panel.tabs.currentWidget() is panel.timeline
