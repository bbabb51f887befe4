"""Copying saved outputs where the user says: Save As, Export, and moving the outputs folder.

Everything here touches the disk and is meant to run in a worker thread (``asyncio.to_thread``).
Nothing is ever overwritten by an export or a folder move: a name already taken becomes
``name (2).png`` and its sidecar ``name (2).json``. New files are created as ``open()`` creates
them, so they follow the user's umask.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

SIDECAR_SUFFIX = ".json"
#: Characters no common file system accepts in a name, and control characters.
_NOT_IN_NAMES = re.compile(r'[\x00-\x1f<>:"/\\|?*]+')


def sidecar_of(image: Path) -> Path:
    """Where the saver puts an image's sidecar: beside it, same name, ``.json``."""
    return image.with_suffix(SIDECAR_SUFFIX)


def suggested_name(
    suffix: str, inputs: Mapping[str, object], fallback: str, *, words: int = 8
) -> str:
    """A name people recognise for a saved copy: the prompt's first words and the seed
    ("a red kite over hills · seed 42.webp"), else ``fallback`` (the workflow's name)."""
    prompt = inputs.get("prompt")
    text = _NOT_IN_NAMES.sub(" ", prompt) if isinstance(prompt, str) else ""
    base = " ".join(text.split()[:words]).strip(" .")[:80].strip() or fallback
    seed = inputs.get("seed")
    if isinstance(seed, int) and not isinstance(seed, bool):
        base = f"{base} · seed {seed}"
    return _NOT_IN_NAMES.sub(" ", base).strip(" .") + suffix


def free_target(folder: Path, name: str, taken: Iterable[str] = ()) -> Path:
    """``folder/name``, or ``folder/name (2)``… when it (or its sidecar's name) is taken.

    ``taken`` holds names already chosen in the same operation (compared case-insensitively,
    as some file systems do).
    """
    used = {n.lower() for n in taken}
    stem, suffix = Path(name).stem, Path(name).suffix
    number = 1
    while True:
        candidate = name if number == 1 else f"{stem} ({number}){suffix}"
        target = folder / candidate
        side = sidecar_of(target)
        if (
            candidate.lower() not in used
            and side.name.lower() not in used
            and not target.exists()
            and not side.exists()
        ):
            return target
        number += 1


def copy_new(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target``, which must not exist yet (a clash raises FileExistsError)."""
    with open(source, "rb") as reading, open(target, "xb") as writing:
        shutil.copyfileobj(reading, writing, 1024 * 1024)


def save_copy(source: Path, target: Path, *, with_sidecar: bool) -> Path:
    """Save a copy of ``source`` as ``target`` (chosen in a Save dialog, which asked before
    replacing), and its sidecar beside it when asked and there is one; returns ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.resolve() != target.resolve():
        shutil.copyfile(source, target)
    side = sidecar_of(source)
    if with_sidecar and side.is_file() and sidecar_of(target).resolve() != side.resolve():
        shutil.copyfile(side, sidecar_of(target))
    return target


@dataclass
class ExportResult:
    """What an export did: the files made, and each file that could not be copied and why."""

    folder: Path
    exported: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)

    def summary(self) -> str:
        """One line for a notice: "12 images exported to /home/me/Picks"."""
        count = len(self.exported)
        text = f"{count} image{'' if count == 1 else 's'} exported to {self.folder}"
        if self.failed:
            reason = self.failed[0][1]
            text += f"; {len(self.failed)} could not be copied ({reason})"
        return text


def export_files(
    sources: Sequence[Path], folder: Path, *, with_sidecars: bool = True
) -> ExportResult:
    """Copy each image of ``sources`` (and its sidecar) into ``folder``, never overwriting."""
    result = ExportResult(folder)
    folder.mkdir(parents=True, exist_ok=True)
    chosen: list[str] = []
    for source in sources:
        try:
            target = free_target(folder, source.name, chosen)
            copy_new(source, target)
            side = sidecar_of(source)
            if with_sidecars and side.is_file():
                copy_new(side, sidecar_of(target))
        except OSError as error:
            result.failed.append((source, _reason(error)))
            continue
        chosen += [target.name, sidecar_of(target).name]
        result.exported.append(target)
    return result


# --- moving the outputs folder ---------------------------------------------------------------


@dataclass(frozen=True)
class SavedFiles:
    """The images saved under an outputs folder (with their sidecars), ready to move or copy."""

    base: Path
    images: tuple[Path, ...]
    total_bytes: int

    @property
    def count(self) -> int:
        return len(self.images)

    def describe(self) -> str:
        """ "12 images (3.4 MB)" """
        noun = "image" if self.count == 1 else "images"
        return f"{self.count} {noun} ({format_size(self.total_bytes)})"


def saved_files(base: Path, images: Iterable[Path]) -> SavedFiles:
    """Those of ``images`` that exist under ``base``, with their size and their sidecars'."""
    found: list[Path] = []
    total = 0
    seen: set[Path] = set()
    for image in images:
        if image in seen or not image.is_relative_to(base) or not image.is_file():
            continue
        seen.add(image)
        found.append(image)
        total += image.stat().st_size
        side = sidecar_of(image)
        if side.is_file():
            total += side.stat().st_size
    return SavedFiles(base, tuple(found), total)


@dataclass
class Relocation:
    """Where each image went (old path → new path), and what could not be moved or copied."""

    moved: dict[Path, Path] = field(default_factory=dict)
    failed: list[tuple[Path, str]] = field(default_factory=list)


def relocate(files: SavedFiles, new_base: Path, *, move: bool) -> Relocation:
    """Move (or copy) ``files`` to the same places under ``new_base``, sidecars along.

    A file already there under the same name is kept and the newcomer takes a free name.
    """
    result = Relocation()
    for image in files.images:
        folder = new_base / image.relative_to(files.base).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            target = free_target(folder, image.name)
            side, new_side = sidecar_of(image), sidecar_of(target)
            copy_new(image, target)
            if side.is_file():
                copy_new(side, new_side)
            if move:
                # Copied first, removed after: an interruption leaves two copies, never none.
                image.unlink()
                side.unlink(missing_ok=True)
        except OSError as error:
            result.failed.append((image, _reason(error)))
            continue
        result.moved[image] = target
    if move:
        _remove_empty_folders(files.base, files.images)
    return result


def relocated_path(path: Path, moves: Mapping[Path, Path]) -> Path:
    """Where ``path`` (an image or its sidecar) is after ``moves``; itself when not moved."""
    if path in moves:
        return moves[path]
    for old, new in moves.items():
        if path == sidecar_of(old):
            return sidecar_of(new)
    return path


def format_size(size: int) -> str:
    """A byte count as people read it: "812 KB", "3.4 MB"."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{int(value)} {unit}" if unit in ("bytes", "KB") else f"{value:.1f} {unit}"
        value /= 1000
    return f"{size} bytes"  # pragma: no cover - the loop always returns


def _remove_empty_folders(base: Path, images: Iterable[Path]) -> None:
    folders = sorted({p.parent for p in images}, key=lambda p: len(p.parts), reverse=True)
    for folder in folders:
        while folder != base and folder.is_relative_to(base):
            try:
                folder.rmdir()  # only succeeds when empty: the user's other files stay
            except OSError:
                break
            folder = folder.parent


def _reason(error: OSError) -> str:
    if isinstance(error, FileExistsError):
        return "a file of that name appeared meanwhile"
    if isinstance(error, PermissionError):
        return "permission denied"
    if error.errno is not None and error.errno == getattr(os, "ENOSPC", None):
        return "the disk is full"
    return error.strerror or str(error)
