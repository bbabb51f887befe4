"""Where the run engine is in its life, and how many requests it made: shared by its parts."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class EngineLife:
    """Flags every part of the engine reads (one object, so none can disagree) and counters."""

    started: bool = False
    closing: bool = False
    #: Stopped as a crash would: nothing more is recorded.
    aborted: bool = False
    #: Requests made by the engine, by kind (for the benchmark and the log).
    request_counts: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, n: int = 1) -> None:
        if n:
            self.request_counts[kind] = self.request_counts.get(kind, 0) + n
