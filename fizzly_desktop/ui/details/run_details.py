"""Run details: the per-node timeline, overall progress, metrics, inputs, logs, and the error.

Everything that came from the server (node names, errors, logs, inputs) is shown as plain text:
server text is data, never markup.

Signals:
    copy_request_id_requested(str): the user asked to copy the shown run's request id.
    use_inputs_requested(str): "Use these inputs" for the shown run (its local id).
    action_requested(str, str): an action button for the shown run: its id and the
        :class:`~fizzly_desktop.core.run_actions.RunAction` value. Buttons show only when their
        action applies to the run (``actions_for``).
"""

from __future__ import annotations

import html
import json
import time
from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fizzly_desktop.core import words
from fizzly_desktop.core.attach import UNKNOWN_INPUTS, inputs_unknown
from fizzly_desktop.core.formatting import format_duration, plural_credits
from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP
from fizzly_desktop.core.run_actions import RunAction, actions_for
from fizzly_desktop.core.runs import NodeState, Run, RunState
from fizzly_desktop.core.words import WaitCauses
from fizzly_desktop.ui.colors import Tone, tone_color
from fizzly_desktop.ui.details.announcer import ProgressAnnouncer
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.labels import ElidedLabel, plain_label
from fizzly_desktop.ui.tones import set_tone

_NODE_MARKS = {
    None: ("○", QT_TRANSLATE_NOOP("RunDetails", "Pending")),
    NodeState.RUNNING: ("◐", QT_TRANSLATE_NOOP("RunDetails", "Running")),
    NodeState.COMPLETED: ("●", QT_TRANSLATE_NOOP("RunDetails", "Done")),
    NodeState.FAILED: ("✕", QT_TRANSLATE_NOOP("RunDetails", "Failed")),
}

#: Node statuses shown in their state's colour (readable on the row, in either scheme).
_STATUS_TONES = {"Done": Tone.DONE, "Failed": Tone.FAILED, "Stopped": Tone.FAILED}

#: What the user can do about an error, by the words the API's messages use.
_ADVICE = (
    (
        "credit",
        QT_TRANSLATE_NOOP("RunDetails", "Top up your credits on fizzly.ai, then retry the run."),
    ),
    (
        "subscription",
        QT_TRANSLATE_NOOP(
            "RunDetails", "API access needs a PRO or ULTIMATE plan; check your plan on fizzly.ai."
        ),
    ),
    (
        "plan",
        QT_TRANSLATE_NOOP(
            "RunDetails", "API access needs a PRO or ULTIMATE plan; check your plan on fizzly.ai."
        ),
    ),
    (
        "api key",
        QT_TRANSLATE_NOOP(
            "RunDetails",
            "Open Profiles… and enter the key again (Settings on fizzly.ai lists your keys).",
        ),
    ),
    (
        "rate limit",
        QT_TRANSLATE_NOOP(
            "RunDetails", "The app waits for the rate limit by itself; nothing to do."
        ),
    ),
)


def advice_for(error: str) -> str:
    lowered = error.lower()
    for phrase, advice in _ADVICE:
        if phrase in lowered:
            return translate("RunDetails", advice)
    return ""


#: One timeline row as shown: node, mark, status word, start time, duration, is the current node.
_TimelineRow = tuple[str, str, str, str, str, bool]


class NodeTimeline(QTreeWidget):
    """Each node of a run: pending / running / done / failed, start time and duration.

    Nodes the run has not reached yet are listed from ``expected_nodes`` (learnt from earlier
    runs of the same workflow), so people see how far along a run is, not only where it has been.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("NodeTimeline", "Node timeline"))
        self._shown: list[_TimelineRow] | None = None
        self.setColumnCount(4)
        self.setHeaderLabels(
            [
                translate("NodeTimeline", "Node"),
                translate("NodeTimeline", "Status"),
                translate("NodeTimeline", "Started"),
                translate("NodeTimeline", "Duration"),
            ]
        )
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def show_run(self, run: Run, expected_nodes: Sequence[str] = ()) -> None:
        rows = self._rows(run, expected_nodes)
        if rows == self._shown:
            # Most updates of a streaming run move its progress, not its nodes: rebuilding the
            # tree would repaint all of it several times a second for nothing.
            return
        self.clear()
        self._shown = rows
        for name, mark, word, started, duration, current in rows:
            item = QTreeWidgetItem([f"{mark}  {name}", word, started, duration])
            item.setToolTip(0, name)
            if current:
                font = QFont(item.font(0))
                font.setBold(True)
                for column in range(4):
                    item.setFont(column, font)
            self.addTopLevelItem(item)
        self._paint_rows()

    def clear(self) -> None:
        self._shown = None
        super().clear()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_rows()  # the rows were given the old palette's colours
        super().changeEvent(event)

    def _paint_rows(self) -> None:
        """The current node on a band; a done or failed node's status in its state's colour."""
        palette = self.palette()
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            if item is None:
                continue
            current = item.font(0).bold()
            ground = palette.color(
                QPalette.ColorRole.AlternateBase if current else QPalette.ColorRole.Base
            )
            if current:
                for column in range(4):
                    item.setBackground(column, ground)
            tone = _STATUS_TONES.get(item.text(1))
            if tone is not None:
                item.setForeground(1, tone_color(tone, palette, ground))

    @staticmethod
    def _rows(run: Run, expected_nodes: Sequence[str]) -> list[_TimelineRow]:
        """What each row shows: node, mark, status word, start, duration, is current."""
        known = {entry.node for entry in run.timeline}
        entries: list[tuple[str, NodeState | None, float | None, float | None]] = [
            (e.node, e.state, e.started_at, e.duration) for e in run.timeline
        ]
        if not run.state.is_terminal:
            entries += [(name, None, None, None) for name in expected_nodes if name not in known]
        rows = []
        for name, state, started, duration in entries:
            mark, word = _NODE_MARKS[state]
            word = translate("RunDetails", word)
            if state is NodeState.RUNNING and run.state.is_terminal:
                # The run ended while this node ran: it did not finish.
                mark = _NODE_MARKS[NodeState.FAILED][0]
                word = translate("NodeTimeline", "Stopped")
            elif state is NodeState.RUNNING and run.out_of_contact:
                # Nothing is heard: whether it still runs is not known.
                mark, word = "?", translate("NodeTimeline", "Unknown")
            rows.append(
                (
                    name,
                    mark,
                    word,
                    datetime.fromtimestamp(started).strftime("%H:%M:%S") if started else "",
                    format_duration(duration) if duration is not None else "",
                    name == run.current_node and not run.state.is_terminal,
                )
            )
        return rows

    def node_rows(self) -> list[tuple[str, str]]:
        """(node, status) of each row, for tests and accessibility tools."""
        rows = []
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            if item is not None:
                rows.append((item.toolTip(0), item.text(1)))
        return rows


class FrameProgressBar(QProgressBar):
    """A progress bar whose new value is painted with the next frame, like any other change.

    ``QProgressBar.setValue`` repaints at once when the text it shows changes, and painting at
    once paints everything else waiting in the window too (the queue with it): 10-15 ms spent
    inside a click on another run. ``set_value`` leaves it to the next frame.
    """

    def set_value(self, value: int) -> None:
        if value == self.value():
            return
        self.setUpdatesEnabled(False)
        try:
            self.setValue(value)
        finally:
            self.setUpdatesEnabled(True)  # schedules the repaint


class RunDetailsPanel(QWidget):
    copy_request_id_requested = Signal(str)
    use_inputs_requested = Signal(str)
    action_requested = Signal(str, str)
    #: The "Made from" link: show the run (id) whose output this run's input came from.
    source_requested = Signal(str)

    def __init__(self, outputs_view: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("RunDetailsPanel", "Run details"))
        self._run: Run | None = None
        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        self.empty = plain_label(
            translate("RunDetailsPanel", "Select a run to see its progress, outputs and inputs."),
            wrap=True,
            muted=True,
            selectable=True,
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.empty)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)

        header = QHBoxLayout()
        self.title = plain_label(selectable=True)
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.2)
        title_font.setBold(True)
        self.title.setFont(title_font)
        # A long state (a failure's reason) gives way instead of widening the window, ending in
        # "…"; the tooltip and the error box below say it whole. It has the row of the run's
        # actions to itself: beside the title, request ID and buttons it was cut to "Cancelle".
        self.state_label = ElidedLabel()
        self.state_label.setMinimumWidth(
            self.fontMetrics().horizontalAdvance(translate("RunDetailsPanel", "In queue"))
        )
        self.request_label = plain_label(muted=True, selectable=True)
        self.copy_button = QPushButton(translate("RunDetailsPanel", "Copy request ID"))
        self.copy_button.setAccessibleName(translate("RunDetailsPanel", "Copy request ID"))
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.use_inputs_button = QPushButton(translate("RunDetailsPanel", "Use these inputs"))
        self.use_inputs_button.setAccessibleName(translate("RunDetailsPanel", "Use these inputs"))
        self.use_inputs_button.clicked.connect(self._on_use_inputs_clicked)
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.request_label)
        header.addWidget(self.copy_button)
        header.addWidget(self.use_inputs_button)
        layout.addLayout(header)

        # The run's state, then what can be done with it, as buttons that show only when
        # they apply.
        actions = QHBoxLayout()
        actions.addWidget(self.state_label, 1)
        self.action_buttons: dict[RunAction, QPushButton] = {}
        for action in RunAction:
            button = QPushButton(action.value)
            button.setAccessibleName(action.value)
            button.setVisible(False)
            button.clicked.connect(lambda _=False, a=action: self._on_action_clicked(a))
            self.action_buttons[action] = button
            actions.addWidget(button)
        self.action_buttons[RunAction.RUN_AGAIN].setToolTip(
            translate(
                "RunDetailsPanel", "A new run with the same inputs; this one stays in the list."
            )
        )
        self.action_buttons[RunAction.CHECK_AGAIN].setToolTip(
            translate(
                "RunDetailsPanel",
                "Ask the server once where this run is; it is followed again if the "
                "server answers.",
            )
        )
        self.action_buttons[RunAction.FORGET].setToolTip(
            translate(
                "RunDetailsPanel", "Take this run out of the list; nothing more is asked about it."
            )
        )
        layout.addLayout(actions)

        self.progress = FrameProgressBar()
        self.progress.setAccessibleName(translate("RunDetailsPanel", "Overall progress"))
        self.progress.setRange(0, 100)
        self.announcer = ProgressAnnouncer(self, self.progress)
        layout.addWidget(self.progress)

        self.error_box = QFrame()
        self.error_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.error_box.setAccessibleName(translate("RunDetailsPanel", "Error"))
        error_layout = QVBoxLayout(self.error_box)
        error_layout.setContentsMargins(8, 6, 8, 6)
        self.error_label = plain_label(wrap=True, selectable=True)
        error_font = QFont(self.error_label.font())
        error_font.setBold(True)
        self.error_label.setFont(error_font)
        set_tone(self.error_label, Tone.FAILED)
        self.advice_label = plain_label(wrap=True, muted=True, selectable=True)
        error_layout.addWidget(self.error_label)
        error_layout.addWidget(self.advice_label)
        layout.addWidget(self.error_box)

        # How long a run not running yet has waited, and why: a queued run otherwise shows
        # nothing moving for minutes.
        self.waiting_label = plain_label(wrap=True, selectable=True)
        self.waiting_label.setAccessibleName(translate("RunDetailsPanel", "Waiting"))
        layout.addWidget(self.waiting_label)
        self.metrics = plain_label(wrap=True, muted=True, selectable=True)
        layout.addWidget(self.metrics)
        # Where a chained run's input came from, as a link to that run (set by the library).
        self.source_link = QLabel()
        self.source_link.setTextFormat(Qt.TextFormat.RichText)
        self.source_link.linkActivated.connect(self.source_requested)
        self.source_link.hide()
        layout.addWidget(self.source_link)
        self._causes = WaitCauses()
        #: Asked again on every tick of the clock: what holds a waiting run back changes
        #: without the run changing (sending paused, its batch paused, the key's budget spent).
        self.causes_of: Callable[[Run], WaitCauses] | None = None
        # Waiting and elapsed time move on their own: the shown run's words are refreshed once
        # a second while it is not finished (nothing else changes them).
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._on_clock_timeout)

        self.tabs = QTabWidget()
        # Document mode, like the Queue and Gallery tabs: no framed pane. The framed pane was
        # also the costliest thing to repaint in the window (2-3 ms each time anything inside
        # it changed, several times a second while the selected run streams).
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(translate("RunDetailsPanel", "Details of the run"))
        self.timeline = NodeTimeline()
        self.inputs_text = QPlainTextEdit()
        self.inputs_text.setReadOnly(True)
        self.inputs_text.setAccessibleName(translate("RunDetailsPanel", "Inputs"))
        self.logs_text = QPlainTextEdit()
        self.logs_text.setReadOnly(True)
        self.logs_text.setAccessibleName(translate("RunDetailsPanel", "Logs"))
        self.outputs_view = outputs_view or QWidget()
        # The outputs (a row of tiles, then each text output) scroll inside their tab: their
        # height would otherwise be the panel's minimum, and squeeze the queue above it to
        # half its height whenever a run is selected.
        self.outputs_scroll = QScrollArea()
        self.outputs_scroll.setWidget(self.outputs_view)
        self.outputs_scroll.setWidgetResizable(True)
        self.outputs_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.outputs_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its pictures take focus
        self.outputs_scroll.setAccessibleName(translate("RunDetailsPanel", "Outputs"))
        self.tabs.addTab(self.timeline, translate("RunDetailsPanel", "Progress"))
        self.tabs.addTab(self.outputs_scroll, translate("RunDetailsPanel", "Outputs"))
        self.tabs.addTab(self.inputs_text, translate("RunDetailsPanel", "Inputs"))
        self.tabs.addTab(self.logs_text, translate("RunDetailsPanel", "Logs"))
        self.tabs.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # A finished run shows what it made, unless the user picked a tab for this run.
        self._tab_chosen = False
        self._shown_state: RunState | None = None
        self.tabs.tabBarClicked.connect(self._on_tab_clicked)
        layout.addWidget(self.tabs, 1)
        self.stack.addWidget(page)
        self.page = page

    @property
    def run_id(self) -> str | None:
        return None if self._run is None else self._run.id

    def clear(self) -> None:
        self._run = None
        self._clock.stop()
        self.stack.setCurrentWidget(self.empty)

    def show_run(
        self,
        run: Run,
        *,
        title: str,
        expected_nodes: Sequence[str] = (),
        causes: WaitCauses | None = None,
    ) -> None:
        """Show ``run``; ``causes`` say what holds it back if it is not running yet."""
        first_show = self._run is None or self._run.id != run.id
        same_state = not first_show and self._shown_state is run.state
        self._shown_state = run.state
        if first_show:
            self._tab_chosen = False
        self._run = run
        self._causes = causes or WaitCauses()
        self.stack.setCurrentWidget(self.page)
        self.title.setText(title)
        self._show_times(run)
        if run.state.is_terminal:
            self._clock.stop()
        elif not self._clock.isActive():
            self._clock.start()
        shown = set(actions_for(run))
        for action, button in self.action_buttons.items():
            button.setVisible(action in shown)
        self.request_label.setText(run.request_id or translate("RunDetailsPanel", "not sent yet"))
        self.copy_button.setEnabled(run.request_id is not None)

        progress = 100 if run.state is RunState.COMPLETED else int(run.progress or 0)
        self.progress.set_value(self.announcer.bar_value(progress))
        self.announcer.show(run, title, progress)
        node = f" · {run.current_node}" if run.current_node else ""
        if run.state is RunState.IN_PROGRESS and not progress:
            # No percentage until the workflow's nodes are known from an earlier run.
            self.progress.setFormat(translate("RunDetailsPanel", "Running") + node)
        else:
            self.progress.setFormat(f"{progress} %{node}")
        # Out of contact, the last progress heard is not progress: no bar.
        self.progress.setVisible(
            (not run.state.is_terminal and not run.out_of_contact)
            or run.state is RunState.COMPLETED
        )

        error = run.error or ""
        self.error_box.setVisible(bool(error))
        self.error_label.setText(error)
        self.advice_label.setText(advice_for(error))
        self.advice_label.setVisible(bool(advice_for(error)))

        self.timeline.show_run(run, expected_nodes)
        if not self._tab_chosen and not same_state:
            done = run.state is RunState.COMPLETED
            self.tabs.setCurrentWidget(self.outputs_scroll if done else self.timeline)
        if first_show:
            self.inputs_text.setPlainText(
                UNKNOWN_INPUTS
                if inputs_unknown(run)
                else json.dumps(run.inputs, indent=2, ensure_ascii=False)
            )
        logs = self._logs_text(run)
        if first_show or logs != self.logs_text.toPlainText():
            self.logs_text.setPlainText(logs)

    def _show_times(self, run: Run) -> None:
        """The words that change with time alone: state (a position grows stale), waiting
        time and its reason, elapsed time."""
        now = time.time()
        state = words.state_text(run, now=now)
        self.state_label.setText(state)
        self.state_label.setToolTip(state)
        waiting = words.waiting_text(run, self._causes, now)
        self.waiting_label.setText(waiting)
        self.waiting_label.setVisible(bool(waiting))
        self.metrics.setText(self._metrics_text(run, now))

    def _on_clock_timeout(self) -> None:
        if self._run is None:
            self._clock.stop()
            return
        if self.causes_of is not None:
            self._causes = self.causes_of(self._run)
        self._show_times(self._run)

    def set_source(self, text: str | None, run_id: str | None = None) -> None:
        """Show "Made from …" linking to ``run_id``, or nothing with None."""
        if text is None or run_id is None:
            self.source_link.hide()
            return
        self.source_link.setText(
            translate("RunDetailsPanel", '<a href="{escape}">{escape2}</a>').format(
                escape=html.escape(run_id), escape2=html.escape(text)
            )
        )
        self.source_link.show()

    @staticmethod
    def _metrics_text(run: Run, now: float | None = None) -> str:
        parts = []
        if run.credits_used is not None:
            used = plural_credits(run.credits_used)
            parts.append(translate("RunDetailsPanel", "{credits} used").format(credits=used))
        if run.credits_refunded:
            back = plural_credits(run.credits_refunded)
            parts.append(translate("RunDetailsPanel", "{credits} refunded").format(credits=back))
        total_ms = (run.metrics or {}).get("total_time_ms")
        if isinstance(total_ms, int | float):
            parts.append(
                translate("RunDetailsPanel", "total time {duration}").format(
                    duration=format_duration(total_ms / 1000)
                )
            )
        elif run.started_at is not None:
            # Only once it runs: the wait before is said, with its reason, above.
            elapsed = run.elapsed(now)
            if elapsed is not None:
                duration = format_duration(elapsed)
                if run.state.is_terminal:
                    said = translate("RunDetailsPanel", "took {duration}")
                else:
                    said = translate("RunDetailsPanel", "running for {duration}")
                parts.append(said.format(duration=duration))
        if run.retry_of:
            parts.append(translate("RunDetailsPanel", "retry of an earlier run"))
        return " · ".join(parts)

    @staticmethod
    def _logs_text(run: Run) -> str:
        lines = []
        for entry in run.logs or []:
            node = entry.get("node", "")
            status = entry.get("status", "")
            started = entry.get("started_at", "")
            completed = entry.get("completed_at", "")
            message = entry.get("message", "")
            line = f"{started}  {node}  {status}"
            if completed:
                line += translate("RunDetailsPanel", "  (until {completed})").format(
                    completed=completed
                )
            if message:
                line += f"  {message}"
            lines.append(line.strip())
        return (
            "\n".join(lines)
            if lines
            else translate("RunDetailsPanel", "No logs yet. They are fetched once the run ends.")
        )

    def _on_tab_clicked(self, _index: int) -> None:
        self._tab_chosen = True

    def _on_copy_clicked(self) -> None:
        if self._run is not None and self._run.request_id:
            self.copy_request_id_requested.emit(self._run.request_id)

    def visible_actions(self) -> list[RunAction]:
        """The action buttons shown for the current run, in order (for tests and tools)."""
        return [a for a, b in self.action_buttons.items() if not b.isHidden()]

    def _on_action_clicked(self, action: RunAction) -> None:
        if self._run is not None:
            self.action_requested.emit(self._run.id, action.value)

    def _on_use_inputs_clicked(self) -> None:
        if self._run is not None:
            self.use_inputs_requested.emit(self._run.id)
