"""Compare: which selections can be compared, the inputs that differ, and the shared view."""

from __future__ import annotations

import pytest

from fizzly_desktop.core.compare import (
    CompareError,
    InputDifference,
    ViewState,
    check_selection,
    differing_inputs,
    grid_shape,
)
from fizzly_desktop.core.runs import Run


def test_two_to_four_can_be_compared_and_others_say_what_to_do() -> None:
    for count in (2, 3, 4):
        check_selection(count)
    with pytest.raises(CompareError, match="Select two to four images"):
        check_selection(1)
    with pytest.raises(CompareError, match="5 images are selected; compare up to four"):
        check_selection(5)


def test_only_inputs_that_differ_are_listed_in_the_first_runs_order() -> None:
    a = Run.create("demo/a", {"prompt": "fox", "seed": 1, "steps": 30, "image": "data:xx"}, "p")
    b = Run.create("demo/a", {"prompt": "fox", "seed": 2, "steps": 30, "cfg": 7}, "p")
    assert differing_inputs([a, b]) == [
        InputDifference("seed", ("1", "2")),
        InputDifference("image", ("(an image)", "(not set)")),
        InputDifference("cfg", ("(not set)", "7")),
    ]


def test_a_different_workflow_comes_first() -> None:
    a, b = Run.create("demo/a", {}, "p"), Run.create("demo/b", {}, "p")
    assert differing_inputs([a, b]) == [InputDifference("Workflow", ("demo/a", "demo/b"))]


def test_grid_shapes() -> None:
    assert [grid_shape(n) for n in (2, 3, 4)] == [(1, 2), (1, 3), (2, 2)]


def test_zoom_keeps_the_point_under_the_pointer_and_stays_inside_the_image() -> None:
    view = ViewState().zoomed(4.0, anchor_x=1.0, anchor_y=0.5)
    # The right edge was under the pointer: it still is, so the view hugs the right side.
    left, top, width, height = view.visible()
    assert (top, height) == (0.375, 0.25)
    assert (round(left + width, 6), width) == (1.0, 0.25)
    assert view.zoom == 4.0
    assert ViewState().zoomed(0.1).zoom == 1.0
    assert ViewState().zoomed(1000).zoom == 32.0


def test_pan_follows_the_pointer_and_stops_at_the_edges() -> None:
    view = ViewState(zoom=2.0)
    assert view.panned(0.1, 0.0).center_x == pytest.approx(0.45)
    assert view.panned(5.0, -5.0).visible()[:2] == (0.0, 0.5)
    assert ViewState(swipe=3.0).clamped().swipe == 1.0


def test_runs_to_compare_say_plainly_what_is_missing() -> None:
    from fizzly_desktop.core.compare import CompareError, check_runs

    check_runs(2, 2)
    check_runs(5, 3)  # two runs without a picture are left out
    with pytest.raises(CompareError, match="Select two to four runs with pictures"):
        check_runs(1, 1)
    with pytest.raises(CompareError, match="None of the 3 selected runs has a picture yet"):
        check_runs(3, 0)
    with pytest.raises(CompareError, match="Only one of the 2 selected runs has a picture"):
        check_runs(2, 1)
    with pytest.raises(CompareError, match="5 of the selected runs have pictures; compare up to"):
        check_runs(6, 5)
