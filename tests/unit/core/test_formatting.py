"""Durations, credits and counts as people read them, in measured and estimated wording."""

from __future__ import annotations

import pytest

from fizzly_desktop.core.formatting import count_words, format_credits, format_duration


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (None, ""),
        (0.4, "0 s"),
        (9.6, "10 s"),
        (59.4, "59 s"),
        (125, "2 min 5 s"),
        (3599, "59 min 59 s"),
        (3725, "1 h 2 min"),
        (36000, "10 h 0 min"),
    ],
)
def test_measured_durations(seconds: float | None, words: str) -> None:
    assert format_duration(seconds) == words


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (None, ""),
        (0.2, "under 1 s"),
        (24.4, "about 24 s"),
        (89, "about 89 s"),
        (240, "about 4 min"),
        (7800, "about 2 h 10 min"),
        (7200, "about 2 h"),
    ],
)
def test_estimated_durations(seconds: float | None, words: str) -> None:
    assert format_duration(seconds, approximate=True) == words


@pytest.mark.parametrize(
    ("credits", "measured", "estimated"),
    [
        (0, "0", "0"),
        (5, "5", "5"),
        (7.5, "7.5", "7.5"),
        (0.25, "0.25", "0.2"),
        (2.0, "2", "2"),
        (1234.4, "1,234.4", "1,234"),
        (1_000_000, "1,000,000", "1,000,000"),
    ],
)
def test_credits(credits: float, measured: str, estimated: str) -> None:
    assert format_credits(credits) == measured
    assert format_credits(credits, approximate=True) == estimated


def test_counts_take_a_plural_and_group_thousands() -> None:
    assert count_words(1, "run") == "1 run"
    assert count_words(0, "run") == "0 runs"
    assert count_words(1200, "run") == "1,200 runs"
