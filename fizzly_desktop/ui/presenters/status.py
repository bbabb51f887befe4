"""Counts, rate budget, notices and finished batches: the status bar, sidebar and tray."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from fizzly_desktop.core.collector import CollectorPolicy
from fizzly_desktop.core.events import Notice, NoticeLevel
from fizzly_desktop.core.runs import StateGroup
from fizzly_desktop.ui.batches import batch_summary
from fizzly_desktop.ui.bridge import EngineDelta
from fizzly_desktop.ui.i18n import translate
from fizzly_desktop.ui.presenters.services import Services

#: How often, while runs are active, the garbage collector walks the objects made since.
COLLECT_INTERVAL_MS = 1000
#: How often the GUI thread runs the young collections the interpreter would have run: the
#: automatic collector is off, so that no collection runs on a worker thread (see collector.py).
TICK_INTERVAL_MS = 16
#: Counts come from the engine's tally; the title and sidebar need them four times a second.
COUNTS_INTERVAL_MS = 250


class StatusPresenter(QObject):
    """Shows what the engine is doing: counts, budget, credits, notices; tends the collector."""

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.services = services
        self.collector = CollectorPolicy()
        self._nothing_moves = True
        self._finished_batches: set[str] = set()
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(COUNTS_INTERVAL_MS)
        self._counts_timer.timeout.connect(self.refresh_counts)
        # While runs are active, short collections of what is new, rather than rare long ones.
        self._collect_timer = QTimer(self)
        self._collect_timer.setInterval(COLLECT_INTERVAL_MS)
        self._collect_timer.timeout.connect(self._collect_recent)
        self._tick_timer = QTimer(self)
        self._tick_timer.setInterval(TICK_INTERVAL_MS)
        self._tick_timer.timeout.connect(self.collector.tick)
        self._budget_timer = QTimer(self)
        self._budget_timer.setInterval(1000)
        self._budget_timer.timeout.connect(self._refresh_budget)

    def start(self) -> None:
        self.refresh_counts()
        self._budget_timer.start()
        self._collect_timer.start()
        # The loaded history is long-lived: out of the collector's walks, so that full
        # collections stay short while runs stream (they took 80-150 ms with 2,000 runs).
        # From here on, collections run on this (the GUI) thread only, by the tick timer.
        self.collector.start()
        self._tick_timer.start()

    def stop(self) -> None:
        self._budget_timer.stop()
        self._collect_timer.stop()
        self._tick_timer.stop()
        self._counts_timer.stop()
        self.collector.stop()

    def on_delta(self, delta: EngineDelta) -> None:
        if delta.runs_changed and not self._counts_timer.isActive():
            self._counts_timer.start()
        engine = self.services.engine
        if engine is None:
            return
        for batch_id in delta.batches_added | delta.batches_updated:
            batch = engine.batch(batch_id)
            if batch is None or batch.id in self._finished_batches:
                continue
            if batch.state.value == "finished":
                self._finished_batches.add(batch.id)
                summary = batch_summary(engine.batch_runs(batch.id))
                self.services.notify(
                    translate("StatusPresenter", "Batch “{name}” finished").format(name=batch.name),
                    summary,
                )

    def on_notice(self, notice: Notice) -> None:
        self.services.show_message(notice.message, 10000)
        if notice.level is NoticeLevel.ERROR or notice.batch_id is not None:
            self.services.notify(translate("StatusPresenter", "Fizzly Desktop"), notice.message)

    def refresh_counts(self) -> None:
        engine = self.services.engine
        if engine is None:
            return
        window = self.services.window
        counts = engine.counts()
        window.state_filters.set_counts(counts)
        active, queued = counts[StateGroup.ON_SERVER], counts[StateGroup.NOT_SENT]
        self._nothing_moves = active == 0 and queued == 0
        window.status.set_counts(active=active, queued=queued)
        window.status.set_credits(engine.credits_used_this_session)
        window.set_counts_in_title(active, queued)

    def _collect_recent(self) -> None:
        if not self._nothing_moves:
            self.collector.collect_recent()

    def _refresh_budget(self) -> None:
        engine = self.services.engine
        if engine is None:
            return
        state = engine.budget_state(self.services.session.profiles.active_name)
        if state is not None:
            self.services.window.status.set_budget(state.remaining, state.limit, state.reset_at)
        if self._nothing_moves and self.collector.tidy_due():
            # Frozen objects that became garbage since the last time; nothing is streaming.
            self.collector.tidy()
