"""What a batch will cost and how long the rate limit makes it last."""

from __future__ import annotations

from dataclasses import dataclass

from fizzly_desktop.core import formatting
from fizzly_desktop.core.batch_plan.plan import BatchPlan
from fizzly_desktop.core.formatting import count_words


@dataclass(frozen=True)
class BatchEstimate:
    """What a batch will take: runs, credits (``None`` until this workflow has a finished run),
    and the seconds the rate limit alone makes it last."""

    runs: int
    credits: float | None
    duration_seconds: float

    def describe(self) -> str:
        """``12 runs · about 60 credits · about 24 s at the rate limit``."""
        parts = [count_words(self.runs, "run")]
        if self.credits is None:
            parts.append("credits unknown until the first run finishes")
        else:
            parts.append(f"about {format_credits(self.credits)} credits")
        parts.append(f"{format_duration(self.duration_seconds)} at the rate limit")
        return " · ".join(parts)


def format_credits(credits: float) -> str:
    """Credits as an estimate writes them: 60 → ``60``, 7.5 → ``7.5``, 1234.4 → ``1,234``."""
    return formatting.format_credits(credits, approximate=True)


def format_duration(seconds: float) -> str:
    """A duration as an estimate writes it: ``under 1 s``, ``about 24 s``, ``about 4 min``."""
    return formatting.format_duration(seconds, approximate=True)


def estimate(
    plan: BatchPlan,
    credits_per_run: float | None,
    rate_limit: int,
    rate_window_s: float,
    requests_per_run: float = 2.0,
    already_queued_requests: int = 0,
) -> BatchEstimate:
    """Runs, credits and time of ``plan``.

    ``credits_per_run`` is the average of this workflow's past runs (``None`` when there is
    none yet). Time is what the shared rate budget allows: each run costs about
    ``requests_per_run`` requests (submit + stream), after ``already_queued_requests`` that are
    ahead of it, at ``rate_limit`` requests per ``rate_window_s`` seconds.
    """
    if rate_limit < 1 or rate_window_s <= 0:
        raise ValueError("The rate limit must allow at least one request per window.")
    runs = len(plan.items)
    credits = None if credits_per_run is None else runs * credits_per_run
    requests = runs * requests_per_run + max(0, already_queued_requests)
    return BatchEstimate(runs, credits, requests * rate_window_s / rate_limit)


def needs_confirmation(
    estimate: BatchEstimate, threshold_runs: int = 25, threshold_credits: float = 100
) -> bool:
    """Whether a batch is big enough to ask "are you sure?" (more runs or credits than these)."""
    if estimate.runs > threshold_runs:
        return True
    return estimate.credits is not None and estimate.credits > threshold_credits
