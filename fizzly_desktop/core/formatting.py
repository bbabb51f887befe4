"""How durations, credits and counts are written for people, the same way in every view."""

from __future__ import annotations


def count_words(count: int, word: str) -> str:
    """``1 run``, ``12 runs``, ``1,000 runs``."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def format_credits(credits: float, *, approximate: bool = False) -> str:
    """An amount of credits: ``60``, ``7.5``, ``0.25``, ``1,234.5``.

    ``approximate`` is for estimates, where false precision misleads: one decimal at most, and
    whole credits from 100 up (1234.4 → ``1,234``).
    """
    if float(credits).is_integer() or (approximate and credits >= 100):
        return f"{round(credits):,}"
    decimals = 1 if approximate else 2
    return f"{credits:,.{decimals}f}".rstrip("0").rstrip(".")


def plural_credits(credits: float) -> str:
    """``1 credit``, ``2.5 credits``."""
    return f"{format_credits(credits)} credit{'' if credits == 1 else 's'}"


def format_duration(seconds: float | None, *, approximate: bool = False) -> str:
    """A span of time: ``12 s``, ``2 min 5 s``, ``1 h 2 min`` (``""`` when unknown).

    ``approximate`` is for estimates: ``under 1 s``, ``about 24 s``, ``about 4 min``,
    ``about 2 h 10 min``; seconds are dropped from 90 s up, where they are noise.
    """
    if seconds is None:
        return ""
    if approximate:
        if seconds < 1:
            return "under 1 s"
        if seconds < 90:
            return f"about {round(seconds)} s"
        minutes = round(seconds / 60)
        if minutes < 90:
            return f"about {minutes} min"
        hours, rest = divmod(minutes, 60)
        return f"about {hours} h {rest} min" if rest else f"about {hours} h"
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, whole = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes} min {whole} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"
