"""How durations, credits and counts are written for people, the same way in every view."""

from __future__ import annotations

from fizzly_desktop.core.i18n import format_number, translate


def format_count(count: int) -> str:
    """``12``, ``1,000`` (as the user's locale groups digits)."""
    return format_number(count)


def count_words(count: int, word: str) -> str:
    """``1 run``, ``12 runs``, ``1,000 runs``."""
    return f"{format_count(count)} {word}{'' if count == 1 else 's'}"


def format_credits(credits: float, *, approximate: bool = False) -> str:
    """An amount of credits: ``60``, ``7.5``, ``0.25``, ``1,234.5``.

    ``approximate`` is for estimates, where false precision misleads: one decimal at most, and
    whole credits from 100 up (1234.4 → ``1,234``).
    """
    if float(credits).is_integer() or (approximate and credits >= 100):
        return format_number(round(credits))
    return format_number(credits, 1 if approximate else 2)


def plural_credits(credits: float) -> str:
    """``1 credit``, ``2.5 credits``."""
    # The count only picks the plural form: "{credits}" keeps its decimals (2.5 credits).
    form = 1 if credits == 1 else 2
    return translate("Formatting", "{credits} credit(s)", None, form).format(
        credits=format_credits(credits)
    )


def format_duration(seconds: float | None, *, approximate: bool = False) -> str:
    """A span of time: ``12 s``, ``2 min 5 s``, ``1 h 2 min`` (``""`` when unknown).

    ``approximate`` is for estimates: ``under 1 s``, ``about 24 s``, ``about 4 min``,
    ``about 2 h 10 min``; seconds are dropped from 90 s up, where they are noise.
    """
    if seconds is None:
        return ""
    if approximate:
        if seconds < 1:
            return translate("Formatting", "under 1 s")
        if seconds < 90:
            return translate("Formatting", "about {round} s").format(round=round(seconds))
        minutes = round(seconds / 60)
        if minutes < 90:
            return translate("Formatting", "about {minutes} min").format(minutes=minutes)
        hours, rest = divmod(minutes, 60)
        return (
            translate("Formatting", "about {hours} h {rest} min").format(hours=hours, rest=rest)
            if rest
            else translate("Formatting", "about {hours} h").format(hours=hours)
        )
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, whole = divmod(whole, 60)
    if minutes < 60:
        return translate("Formatting", "{minutes} min {whole} s").format(
            minutes=minutes, whole=whole
        )
    hours, minutes = divmod(minutes, 60)
    return translate("Formatting", "{hours} h {minutes} min").format(hours=hours, minutes=minutes)
