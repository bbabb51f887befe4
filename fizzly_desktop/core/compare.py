"""Comparing two to four outputs: which inputs differ, and the zoom and pan the views share.

The compare view shows the images side by side (or, for two, one over the other behind a swipe
slider); every view follows one :class:`ViewState`, so zooming or panning one moves them all.
Positions are fractions of the image (0..1), so images of different sizes stay aligned.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from fizzly_desktop.core.runs import Run

MIN_ITEMS, MAX_ITEMS = 2, 4
MIN_ZOOM, MAX_ZOOM = 1.0, 32.0


class CompareError(ValueError):
    """A selection that cannot be compared; ``str()`` says what to select instead."""


def check_selection(count: int) -> None:
    """Raise :class:`CompareError` unless ``count`` outputs can be compared."""
    if count < MIN_ITEMS:
        raise CompareError("Select two to four images to compare (hold Ctrl to select more).")
    if count > MAX_ITEMS:
        raise CompareError(f"{count} images are selected; compare up to four at a time.")


def check_runs(selected: int, with_pictures: int) -> None:
    """Raise :class:`CompareError` unless ``selected`` runs (or grid cells), of which
    ``with_pictures`` have a saved picture, hold two to four pictures to compare. Runs without
    one are left out when enough others have one."""
    if with_pictures > MAX_ITEMS:
        raise CompareError(
            f"{with_pictures} of the selected runs have pictures; compare up to four at a time."
        )
    if with_pictures >= MIN_ITEMS:
        return
    if selected < MIN_ITEMS:
        raise CompareError(
            "Select two to four runs with pictures to compare (hold Ctrl to select more)."
        )
    if with_pictures == 0:
        raise CompareError(
            f"None of the {selected} selected runs has a picture yet; select runs that are done."
        )
    raise CompareError(
        f"Only one of the {selected} selected runs has a picture; select at least one more."
    )


def _shown(value: Any) -> str:
    if value is None:
        return "(not set)"
    if isinstance(value, str):
        # Data URLs of uploaded images are long and say nothing to a person.
        return "(an image)" if value.startswith("data:") else value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class InputDifference:
    """One input whose value is not the same for every compared run, with each run's value."""

    name: str
    values: tuple[str, ...]


def differing_inputs(runs: Sequence[Run]) -> list[InputDifference]:
    """The inputs that differ between ``runs`` (in the order of the first run's inputs), plus
    the workflow when it differs. Runs with unknown inputs (attached from elsewhere) count as
    "(unknown)"."""
    rows: list[InputDifference] = []
    if len({run.workflow for run in runs}) > 1:
        rows.append(InputDifference("Workflow", tuple(run.workflow for run in runs)))
    names: dict[str, None] = {}
    for run in runs:
        names.update(dict.fromkeys(run.inputs))
    for name in names:
        values = tuple(
            _shown(run.inputs[name]) if name in run.inputs else "(not set)" for run in runs
        )
        if len(set(values)) > 1:
            rows.append(InputDifference(name, values))
    return rows


def grid_shape(count: int) -> tuple[int, int]:
    """Rows and columns of the side-by-side view: 2 → 1×2, 3 → 1×3, 4 → 2×2."""
    return (2, 2) if count == 4 else (1, count)


@dataclass(frozen=True)
class ViewState:
    """What every compare pane shows: the zoom (1 = fit) and the image point at the centre."""

    zoom: float = 1.0
    center_x: float = 0.5
    center_y: float = 0.5
    #: Where the swipe slider stands, 0 (all left image) to 1 (all right image).
    swipe: float = 0.5

    def clamped(self) -> ViewState:
        zoom = min(MAX_ZOOM, max(MIN_ZOOM, self.zoom))
        # At zoom z a pane shows 1/z of the image: its centre stays where the edges stay in.
        half = 0.5 / zoom
        return ViewState(
            zoom,
            min(1 - half, max(half, self.center_x)),
            min(1 - half, max(half, self.center_y)),
            min(1.0, max(0.0, self.swipe)),
        )

    def zoomed(self, factor: float, anchor_x: float = 0.5, anchor_y: float = 0.5) -> ViewState:
        """Zoom by ``factor`` keeping the point under the pointer (``anchor``, as a fraction of
        the pane) where it is, as image viewers do."""
        zoom = min(MAX_ZOOM, max(MIN_ZOOM, self.zoom * factor))
        # The image point under the anchor before and after must be the same.
        point_x = self.center_x + (anchor_x - 0.5) / self.zoom
        point_y = self.center_y + (anchor_y - 0.5) / self.zoom
        return replace(
            self,
            zoom=zoom,
            center_x=point_x - (anchor_x - 0.5) / zoom,
            center_y=point_y - (anchor_y - 0.5) / zoom,
        ).clamped()

    def panned(self, dx: float, dy: float) -> ViewState:
        """Drag by ``dx``/``dy`` fractions of the pane: the image follows the pointer."""
        return replace(
            self, center_x=self.center_x - dx / self.zoom, center_y=self.center_y - dy / self.zoom
        ).clamped()

    def visible(self) -> tuple[float, float, float, float]:
        """The part of the image shown: left, top, width, height as fractions of the image."""
        size = 1 / self.zoom
        return self.center_x - size / 2, self.center_y - size / 2, size, size
