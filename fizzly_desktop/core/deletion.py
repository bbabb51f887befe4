"""Deleting runs with their saved files and sidecars, with a minute to change one's mind.

:func:`plan_deletion` says what a deletion would take (runs, files, bytes) in the words of the
confirmation; :class:`Holding` moves the files into a holding folder at once (nothing is lost if
the user undoes), puts them back on undo, and when the undo window has passed hands them to the
system trash where there is one (``trash``), or removes them. :func:`clear_history_ids` picks
the runs **Clear history…** removes: every finished run that is not starred.

File moves are I/O: call :meth:`Holding.hold` and friends from a worker thread.
"""

from __future__ import annotations

import logging
import os
import shutil
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fizzly_desktop.core.batches import Batch
from fizzly_desktop.core.history import OutputRecord
from fizzly_desktop.core.marks import Mark, MarkKey
from fizzly_desktop.core.runs import Run

log = logging.getLogger(__name__)

#: Seconds a deletion can be undone; the files are kept in the holding folder until then.
UNDO_SECONDS = 60.0

#: Moves one file to the system trash; False when there is none (the file is then removed).
Trasher = Callable[[Path], bool]


def size_words(size: int) -> str:
    """A size as file managers show it: "740 bytes", "12.4 MB" (powers of 1000)."""
    if size < 1000:
        return "1 byte" if size == 1 else f"{size} bytes"
    value = float(size)
    for unit in ("kB", "MB", "GB", "TB"):
        value /= 1000
        if value < 999.95 or unit == "TB":
            return f"{value:.1f} {unit}"
    raise AssertionError("unreachable")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


@dataclass(frozen=True)
class DeletionPlan:
    """What deleting a selection takes: the runs, their files on disk, and their size."""

    run_ids: tuple[str, ...]
    files: tuple[Path, ...]
    total_bytes: int
    #: Selected runs still on their way (sending or on the server): not deleted.
    skipped: tuple[str, ...] = ()
    starred: int = 0

    @property
    def empty(self) -> bool:
        return not self.run_ids

    def question(self) -> str:
        """The confirmation's question, counts and size included."""
        runs = _plural(len(self.run_ids), "run")
        if self.files:
            what = f"Delete {runs} and {_plural(len(self.files), 'saved file')}"
            return f"{what} ({size_words(self.total_bytes)})?"
        return f"Delete {runs}? They have no saved files."

    def details(self) -> str:
        """The lines under the question: what is kept, and how long undo is offered."""
        lines = [f"You can undo this for {int(UNDO_SECONDS)} seconds."]
        if self.files:
            lines.append("After that the files go to the system trash.")
        if self.starred:
            lines.append(f"{_plural(self.starred, 'starred run')} will be deleted too.")
        if self.skipped:
            lines.append(
                f"{_plural(len(self.skipped), 'run')} still on the way will be kept; "
                "cancel them first to delete them."
            )
        return " ".join(lines)


def _on_the_way(run: Run) -> bool:
    # Sending, or on the server: deleting would lose track of a run that is still costing.
    return run.state.is_active


def plan_deletion(
    runs: Sequence[Run],
    outputs: Mapping[str, Sequence[OutputRecord]],
    *,
    starred: Iterable[str] = (),
    size_of: Callable[[Path], int | None] | None = None,
) -> DeletionPlan:
    """What deleting ``runs`` takes. Files that are gone already are not counted.

    ``size_of`` returns a file's size or None when it does not exist (default: ``os.stat``);
    it touches the disk, so call this in a worker for large selections.
    """
    measure = size_of or _size_of
    starred_ids = set(starred)
    kept = tuple(run.id for run in runs if _on_the_way(run))
    deleted = tuple(run.id for run in runs if not _on_the_way(run))
    files: list[Path] = []
    total = 0
    seen: set[Path] = set()
    for run_id in deleted:
        for record in outputs.get(run_id, ()):
            if record.error is not None:
                continue
            for path in (record.path, record.sidecar_path):
                if path is None or path in seen:
                    continue
                size = measure(path)
                if size is None:
                    continue
                seen.add(path)
                files.append(path)
                total += size
    return DeletionPlan(
        deleted,
        tuple(files),
        total,
        skipped=kept,
        starred=sum(1 for rid in deleted if rid in starred_ids),
    )


def _size_of(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def saved_files(outputs: Mapping[str, Sequence[OutputRecord]]) -> list[Path]:
    """The saved files and sidecars of these output records, each once (none of failed ones)."""
    files: dict[Path, None] = {}
    for records in outputs.values():
        for record in records:
            if record.error is None:
                files[record.path] = None
                if record.sidecar_path is not None:
                    files[record.sidecar_path] = None
    return list(files)


def clear_history_ids(runs: Iterable[Run], starred: Iterable[str]) -> list[str]:
    """The runs **Clear history…** removes: finished and not starred.

    Runs waiting to be sent, on their way or needing attention are kept: they are work, not
    history.
    """
    keep = set(starred)
    return [run.id for run in runs if run.id not in keep and run.state.is_terminal]


@dataclass
class HeldDeletion:
    """A deletion that can still be undone: what to put back, and where its files wait."""

    token: str
    runs: list[Run]
    outputs: dict[str, list[OutputRecord]]
    marks: dict[MarkKey, Mark]
    #: The batches the runs belonged to, as they were before (their whole order of runs).
    batches: dict[str, Batch] = field(default_factory=dict)
    #: (where the file was, where it waits now)
    moved: list[tuple[Path, Path]] = field(default_factory=list)
    #: Files that could not be moved (in use, no permission): left where they were.
    stuck: list[Path] = field(default_factory=list)

    def summary(self) -> str:
        """The undo bar's words."""
        text = f"Deleted {_plural(len(self.runs), 'run')}"
        if self.moved:
            text += f" and {_plural(len(self.moved), 'file')}"
        if self.stuck:
            text += f"; {_plural(len(self.stuck), 'file')} could not be moved and stayed"
        return text + "."


class Holding:
    """The holding folder where deleted files wait out the undo window (one folder each)."""

    def __init__(self, folder: Path, trash: Trasher | None = None) -> None:
        self.folder = folder
        self._trash = trash

    def hold(
        self,
        runs: list[Run],
        outputs: dict[str, list[OutputRecord]],
        marks: dict[MarkKey, Mark],
        files: Iterable[Path],
        batches: dict[str, Batch] | None = None,
    ) -> HeldDeletion:
        """Move ``files`` into a new holding folder; returns what undo needs (in a worker)."""
        held = HeldDeletion(uuid.uuid4().hex, runs, outputs, marks, dict(batches or {}))
        place = self.folder / held.token
        for index, path in enumerate(files):
            # Numbered, so two files of the same name from different folders never meet.
            target = place / f"{index:05d}-{path.name}"
            try:
                place.mkdir(parents=True, exist_ok=True)
                shutil.move(os.fspath(path), os.fspath(target))
            except OSError as exc:
                log.warning("Could not move %s aside for deletion: %s", path, exc)
                held.stuck.append(path)
                continue
            held.moved.append((path, target))
        return held

    def restore(self, held: HeldDeletion) -> list[Path]:
        """Put every held file back where it was; returns those that could not be (in a worker).

        A file whose place is taken meanwhile is put back beside it under a free name.
        """
        failed: list[Path] = []
        for original, waiting in held.moved:
            target = original
            if target.exists():
                target = _free_name(original)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(os.fspath(waiting), os.fspath(target))
            except OSError as exc:
                log.warning("Could not put %s back: %s", original, exc)
                failed.append(original)
        _remove_empty(self.folder / held.token)
        return failed

    def discard(self, held: HeldDeletion) -> None:
        """The undo window passed: to the system trash where there is one, else removed."""
        for _, waiting in held.moved:
            if not waiting.exists():
                continue
            try:
                if self._trash is None or not self._trash(waiting):
                    waiting.unlink(missing_ok=True)
            except OSError as exc:
                log.warning("Could not remove %s: %s", waiting, exc)
        _remove_empty(self.folder / held.token)

    def leftovers(self) -> list[Path]:
        """Holding folders left by a session that ended within its undo window."""
        try:
            return sorted(p for p in self.folder.iterdir() if p.is_dir())
        except OSError:
            return []

    def discard_leftovers(self) -> None:
        """Finish deletions a closed session could no longer undo (in a worker)."""
        for place in self.leftovers():
            moved = [(p, p) for p in place.iterdir()]
            self.discard(HeldDeletion(place.name, [], {}, {}, moved=moved))


def _free_name(path: Path) -> Path:
    for n in range(2, 10_000):
        candidate = path.with_name(f"{path.stem} ({n}){path.suffix}")
        if not candidate.exists():
            return candidate
    return path.with_name(f"{path.stem} ({uuid.uuid4().hex[:8]}){path.suffix}")


def _remove_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass
