"""Output downloads of the run engine: each completed run's files saved, and their records."""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from fizzly_desktop.api.download import OutputDownloader
from fizzly_desktop.api.errors import FizzlyError
from fizzly_desktop.core.engine.connections import Connections
from fizzly_desktop.core.engine.ledger import RunLedger
from fizzly_desktop.core.engine.life import EngineLife
from fizzly_desktop.core.engine.settings import EngineSettings, message_of
from fizzly_desktop.core.events import Notice, NoticeLevel
from fizzly_desktop.core.export import relocated_path
from fizzly_desktop.core.history import OutputRecord
from fizzly_desktop.core.media import media_outputs
from fizzly_desktop.core.outputs import (
    Downloader,
    OutputSaver,
    save_summary,
    trusted_origins_of,
)
from fizzly_desktop.core.runs import Run, RunState
from fizzly_desktop.core.tasks import TaskOwner


class OutputKeeper:
    """Saves the output files of completed runs (a few at a time) and keeps their records.

    While a file arrives, how far it got is kept (``progress_of``) and the run is published
    as updated a few times a second, so its output shows the progress.

    The downloader is the one given, or a credential-free :class:`OutputDownloader` made at the
    first download and closed with the engine.
    """

    def __init__(
        self,
        ledger: RunLedger,
        connections: Connections,
        tasks: TaskOwner,
        settings: EngineSettings,
        life: EngineLife,
        downloader: Downloader | None,
    ) -> None:
        self._ledger = ledger
        self._connections = connections
        self._history = ledger.history
        self._events = ledger.events
        self._tasks = tasks
        self.settings = settings
        self._life = life
        self._downloader = downloader
        self._own_downloader: OutputDownloader | None = None
        self._download_slots = asyncio.Semaphore(max(1, settings.concurrent_downloads))
        self.outputs: dict[str, list[OutputRecord]] = {}
        self._progress: dict[str, dict[str, tuple[int, int | None]]] = {}
        self._published: dict[str, float] = {}

    def of(self, run_id: str) -> list[OutputRecord]:
        return list(self.outputs.get(run_id, ()))

    def progress_of(self, run_id: str) -> dict[str, tuple[int, int | None]]:
        return dict(self._progress.get(run_id, {}))

    def _on_progress(self, run_id: str, name: str, received: int, expected: int | None) -> None:
        self._progress.setdefault(run_id, {})[name] = (received, expected)
        now = time.monotonic()
        if now - self._published.get(run_id, 0.0) >= self.settings.download_progress_interval:
            self._published[run_id] = now
            self._events.runs_updated([run_id])

    def add_loaded(self, outputs: dict[str, list[OutputRecord]]) -> None:
        """Records read from the history for runs whose records are not here yet."""
        runs = self._ledger.runs
        for run_id, records in outputs.items():
            if run_id in runs and run_id not in self.outputs:
                self.outputs[run_id] = records

    def forget(self, run_ids: Iterable[str]) -> None:
        for rid in run_ids:
            self.outputs.pop(rid, None)

    def saved(self) -> list[OutputRecord]:
        """Every output record whose file was saved."""
        return [r for records in self.outputs.values() for r in records if r.error is None]

    def relocated(self, moves: Mapping[Path, Path]) -> list[str]:
        """Point the records of moved files (old path → new path) at their new place, in
        memory and in the history; returns the runs whose outputs moved."""
        changed: list[str] = []
        for run_id, records in self.outputs.items():
            updated = [
                dataclasses.replace(
                    r,
                    path=moves[r.path],
                    sidecar_path=None
                    if r.sidecar_path is None
                    else relocated_path(r.sidecar_path, moves),
                )
                if r.error is None and r.path in moves
                else r
                for r in records
            ]
            if updated != records:
                self.outputs[run_id] = updated
                for old, new in zip(records, updated, strict=True):
                    if old != new:
                        self._history.save_output(new)
                changed.append(run_id)
        if changed:
            self._events.runs_updated(changed)
        return changed

    def download_again(self, run_id: str) -> bool:
        """Fetch a finished run's files once more (after the size cap was raised)."""
        run = self._ledger.runs.get(run_id)
        if run is None or run.state is not RunState.COMPLETED:
            return False
        self.maybe_download(run)
        return True

    def maybe_download(self, run: Run) -> None:
        """Start saving the outputs of a run that just completed, if it has files to save."""
        if (
            not self.settings.download_outputs
            or self._life.closing
            or not media_outputs(run.outputs)
        ):
            return
        self._tasks.spawn(f"download-{run.id}", self._download(run))

    async def aclose(self) -> None:
        if self._own_downloader is not None:
            downloader, self._own_downloader = self._own_downloader, None
            await downloader.aclose()

    def _saver(self, run: Run) -> OutputSaver:
        downloader = self._downloader
        if downloader is None:
            if self._own_downloader is None:
                self._own_downloader = OutputDownloader()
            downloader = self._own_downloader
        if isinstance(downloader, OutputDownloader):
            # Only the run's own service (its API and output origins, e.g. the sandbox's) may
            # serve outputs from this computer or the local network.
            connection = self._connections.known(run.profile)
            client = connection.client if connection is not None else None
            downloader = downloader.trusting(trusted_origins_of(client))
        return OutputSaver(
            downloader,
            self.settings.outputs_folder,
            max_bytes=self.settings.max_download_bytes,
            progress=self._on_progress,
        )

    async def _download(self, run: Run) -> None:
        async with self._download_slots:
            try:
                records = await self._saver(run).save(run)
            except (FizzlyError, OSError) as exc:
                self._progress.pop(run.id, None)
                self._events.notice(
                    Notice(
                        f"The outputs of run {run.request_id or run.id} were not saved: "
                        f"{message_of(exc)}",
                        NoticeLevel.WARNING,
                        run.id,
                    )
                )
                return
        self._progress.pop(run.id, None)
        self._published.pop(run.id, None)
        if run.id not in self._ledger.runs:
            # Deleted while its files were on their way: nothing keeps them now.
            await asyncio.to_thread(_remove_files, records)
            return
        for record in records:
            self._history.save_output(record)
        if records:
            self.outputs[run.id] = records
            self._events.runs_updated([run.id])
        summary = save_summary(records)
        if summary is not None:
            self._events.notice(
                Notice(f"Run {run.request_id or run.id}: {summary}", NoticeLevel.WARNING, run.id)
            )


def _remove_files(records: Iterable[OutputRecord]) -> None:
    """Remove the saved files and sidecars of ``records`` (of a run deleted meanwhile)."""
    for record in records:
        if record.error is not None:
            continue
        for path in (record.path, record.sidecar_path):
            if path is not None:
                try:
                    path.unlink(missing_ok=True)
                except OSError:
                    pass
