"""Spare-budget work of the run engine: queue positions and full results, visible runs first."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Sequence

from fizzly_desktop.api.budget import Priority
from fizzly_desktop.api.errors import FizzlyError, NotFound
from fizzly_desktop.api.refs import RemoteStatus
from fizzly_desktop.core.engine.connections import Connections, ProfileConnection
from fizzly_desktop.core.engine.ledger import RunLedger
from fizzly_desktop.core.engine.life import EngineLife
from fizzly_desktop.core.engine.settings import EngineSettings
from fizzly_desktop.core.runs import Run, RunState, is_forward
from fizzly_desktop.core.tracking import apply_result, run_ref

log = logging.getLogger(__name__)

#: A run whose background fetch failed is left alone this long (seconds).
FAILED_FETCH_PAUSE = 30.0


class Enricher:
    """Fetches, while a profile's budget has room to spare, what the stream does not bring:
    the queue position of waiting runs and the full result (logs, timestamps) of finished ones.

    Only connections already open are used: this work never opens a client by itself.
    """

    def __init__(
        self,
        ledger: RunLedger,
        connections: Connections,
        settings: EngineSettings,
        life: EngineLife,
    ) -> None:
        self._ledger = ledger
        self._connections = connections
        self._settings = settings
        self._life = life
        self._visible: list[str] = []
        self._selected: str | None = None
        self._queue_checked: dict[str, float] = {}
        self._failed: dict[str, float] = {}
        self._wake = asyncio.Event()

    def set_visible(self, run_ids: Sequence[str]) -> None:
        self._visible = list(run_ids)
        self._wake.set()

    def set_selected(self, run_id: str | None) -> None:
        self._selected = run_id
        self._wake.set()

    async def run(self) -> None:
        """The loop: one fetch at a time, waiting ``enrich_interval`` when there is none."""
        while not self._life.closing:
            self._wake.clear()
            worked = await self._enrich_once()
            if not worked:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), self._settings.enrich_interval)

    def _candidates(self) -> list[str]:
        ordered: list[str] = []
        if self._selected is not None:
            ordered.append(self._selected)
        ordered.extend(self._visible)
        if self._settings.fetch_all_results:
            ordered.extend(
                r.id
                for r in self._ledger.runs.values()
                if r.state in (RunState.COMPLETED, RunState.FAILED) and not r.result_fetched
            )
        unique: dict[str, None] = dict.fromkeys(ordered)
        return list(unique)

    def _spare(self, connection: ProfileConnection) -> bool:
        if connection.budget is None:
            return True
        state = connection.budget.state()
        return (
            state.waiting == 0
            and state.remaining > state.limit * self._settings.spare_budget_fraction
        )

    async def _enrich_once(self) -> bool:
        now = time.monotonic()
        runs = self._ledger.runs
        for rid in self._candidates():
            run = runs.get(rid)
            if run is None or run.request_id is None or run.gone_from_server:
                continue
            if now - self._failed.get(rid, -1e9) < FAILED_FETCH_PAUSE:
                continue
            wants_result = (
                run.state in (RunState.COMPLETED, RunState.FAILED) and not run.result_fetched
            )
            wants_queue = run.state in (RunState.PENDING, RunState.IN_QUEUE) and (
                now - self._queue_checked.get(rid, -1e9) >= self._settings.queue_refresh_interval
            )
            if not (wants_result or wants_queue):
                continue
            connection = self._connections.known(run.profile)
            if connection is None or not self._spare(connection):
                continue
            ref = run_ref(run)
            try:
                if wants_result:
                    self._life.count("result")
                    result = await connection.client.result(ref, priority=Priority.BACKGROUND)
                    apply_result(run, result)
                    self._ledger.touch(run)
                else:
                    self._queue_checked[rid] = now
                    self._life.count("status")
                    status = await connection.client.status(ref, priority=Priority.BACKGROUND)
                    self._apply_queue_status(run, status.status, status.queue_position)
            except NotFound:
                self._ledger.mark_gone(run)
            except FizzlyError as exc:
                log.info("Run %s: background fetch failed: %s", rid, exc)
                self._failed[rid] = now
            return True
        return False

    def _apply_queue_status(self, run: Run, remote: RemoteStatus, position: int | None) -> None:
        # Final states are left to the tracker, which fetches what they need.
        if remote.is_terminal or run.state is RunState.CANCELLING:
            return
        target = RunState(remote.value)
        if run.state is not target and is_forward(run.state, target):
            self._ledger.change_state(run, target)
        if run.state is RunState.IN_QUEUE:
            run.set_queue_position(position)
        self._ledger.touch(run)
