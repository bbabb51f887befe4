"""The status bar: profile and server, connection state, rate budget, run counts, credits."""

from __future__ import annotations

import enum
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from fizzly_desktop.core.formatting import format_count, plural_credits
from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP
from fizzly_desktop.ui.colors import Tone
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.tones import set_tone, tone_of


class Connection(enum.Enum):
    """What the app knows about its link to the server, in the words the status bar shows."""

    IDLE = QT_TRANSLATE_NOOP("Connection", "Not connected")
    STARTING = QT_TRANSLATE_NOOP("Connection", "Starting the local sandbox…")
    CONNECTING = QT_TRANSLATE_NOOP("Connection", "Connecting…")
    CONNECTED = QT_TRANSLATE_NOOP("Connection", "Connected")
    OFFLINE = QT_TRANSLATE_NOOP("Connection", "Can't reach the server")
    NO_KEY = QT_TRANSLATE_NOOP("Connection", "No API key")
    CHECKING = QT_TRANSLATE_NOOP("Connection", "Checking the key…")
    KEY_REJECTED = QT_TRANSLATE_NOOP("Connection", "Key rejected: open Profiles to replace it")


_DOTS = {
    Connection.IDLE: "○",
    Connection.STARTING: "◌",
    Connection.CONNECTING: "◌",
    Connection.CONNECTED: "●",
    Connection.OFFLINE: "○",
    Connection.NO_KEY: "○",
    Connection.CHECKING: "◌",
    Connection.KEY_REJECTED: "○",
}
#: The connection's dot and words in the colour of what they mean (readable in either scheme).
_TONES = {
    Connection.CONNECTED: Tone.GOOD,
    Connection.OFFLINE: Tone.ERROR,
    Connection.KEY_REJECTED: Tone.ERROR,
}


class AppStatusBar(QStatusBar):
    """Permanent fields, left to right: server, connection, rate budget, runs, credits.

    The rate budget shows "remaining of limit" and counts down to the window's reset once a
    second, so people can see why a batch is waiting rather than guess.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(True)
        # Not permanent: a notice (showMessage) takes the server's place for a while. With
        # every field permanent, notices had no room and were never seen.
        self.server_label = self._field(
            translate("AppStatusBar", "Server"), stretch=1, permanent=False
        )
        self.connection_label = self._field(translate("AppStatusBar", "Connection"))
        self.budget_label = self._field(translate("AppStatusBar", "Rate limit budget"))
        self.runs_label = self._field(
            translate("AppStatusBar", "Runs on the server and not sent yet")
        )
        self.credits_label = self._field(translate("AppStatusBar", "Credits used this session"))
        self._budget: tuple[int, int, float | None] | None = None
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._render_budget)
        self.set_connection(Connection.CONNECTING)
        self.set_counts(active=0, queued=0)
        self.set_credits(0)
        self.budget_label.setText(translate("AppStatusBar", "Rate limit: —"))

    def _field(self, accessible_name: str, stretch: int = 0, *, permanent: bool = True) -> QLabel:
        label = QLabel(self)
        label.setAccessibleName(accessible_name)
        label.setContentsMargins(6, 0, 6, 0)
        if permanent:
            self.addPermanentWidget(label, stretch)
        else:
            self.addWidget(label, stretch)
        return label

    def set_server(self, profile: str, base_url: str) -> None:
        self.server_label.setText(f"{profile} · {base_url}" if base_url else profile)
        self.server_label.setToolTip(base_url)

    def set_connection(self, state: Connection, detail: str = "") -> None:
        words = translate("Connection", state.value)
        self.connection_label.setText(f"{_DOTS[state]} {words}")
        self.connection_label.setToolTip(detail or words)
        if _TONES.get(state) is not tone_of(self.connection_label):
            set_tone(self.connection_label, _TONES.get(state))
        self.connection = state

    def set_budget(self, remaining: int, limit: int, reset_at: float | None) -> None:
        """``reset_at`` is a Unix time, as in ``X-RateLimit-Reset``; None when not known."""
        self._budget = (remaining, limit, reset_at)
        self._render_budget()
        if reset_at is not None and not self._tick.isActive():
            self._tick.start()

    def _render_budget(self) -> None:
        if self._budget is None:
            return
        remaining, limit, reset_at = self._budget
        text = translate("AppStatusBar", "Rate limit: {remaining} of {limit} left").format(
            remaining=remaining, limit=limit
        )
        if reset_at is not None:
            seconds = max(0, round(reset_at - time.time()))
            if seconds > 0 and remaining < limit:
                text += translate("AppStatusBar", " · resets in {seconds} s").format(
                    seconds=seconds
                )
            elif seconds == 0:
                self._tick.stop()
        self.budget_label.setText(text)

    def set_counts(self, *, active: int, queued: int) -> None:
        self.runs_label.setText(
            translate("AppStatusBar", "{active} on the server · {queued} not sent yet").format(
                active=format_count(active), queued=format_count(queued)
            )
        )

    def set_credits(self, credits_used: float) -> None:
        self.credits_label.setText(
            translate("AppStatusBar", "{plural_credits} this session").format(
                plural_credits=plural_credits(credits_used)
            )
        )
