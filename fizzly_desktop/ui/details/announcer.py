"""What a screen reader hears about the selected run: its progress in steps, its state changes.

Progress streams in several times a second; reading each tick aloud would drown everything else.
The bar's description changes only when the run crosses a 10 % step or changes state; while an
assistive tool listens, the bar's value moves in those steps too (Qt tells every value a bar
takes; its text still shows the exact percentage). A change of state is announced politely
(said when the reader is done with what it is saying), as "Text to image: Done".
"""

from __future__ import annotations

from collections import deque

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QProgressBar, QWidget

from fizzly_desktop.core import words
from fizzly_desktop.core.runs import Run, RunState

#: Progress is told in steps of this many percent.
STEP = 10


class ProgressAnnouncer:
    """Tells assistive tools about the run shown in ``panel`` without reading every tick.

    ``spoken`` keeps the last announcements (what a screen reader was asked to say), newest
    last, for the panel's tests and for anyone curious.
    """

    def __init__(self, panel: QWidget, progress: QProgressBar) -> None:
        self.panel = panel
        self.progress = progress
        self.spoken: deque[str] = deque(maxlen=20)
        self._run_id: str | None = None
        self._state: RunState | None = None
        self._step = -1

    def show(self, run: Run, title: str, percent: int) -> None:
        """The panel now shows ``run`` at ``percent``: tell what changed, if it is worth it."""
        step = percent // STEP
        same_run = run.id == self._run_id
        state_changed = same_run and run.state is not self._state
        if not same_run or state_changed or step != self._step:
            state = words.state_text(run).replace(" · ", ", ")
            self.progress.setAccessibleDescription(f"{title}: {state}")
        if state_changed:
            self.say(f"{title}: {words.state_word(run)}")
        self._run_id, self._state, self._step = run.id, run.state, step

    @staticmethod
    def bar_value(percent: int) -> int:
        """What the bar is set to: ``percent``, in whole steps while an assistive tool listens."""
        if percent >= 100 or not QAccessible.isActive():
            return percent
        return percent // STEP * STEP

    def say(self, message: str) -> None:
        """Announce ``message`` politely (after what the reader is saying)."""
        self.spoken.append(message)
        if not QAccessible.isActive():
            return  # nobody listens: no interface to build
        event = QAccessibleAnnouncementEvent(self.panel, message)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Polite)
        QAccessible.updateAccessibility(event)
