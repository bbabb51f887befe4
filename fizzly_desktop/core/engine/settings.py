"""What the run engine can be tuned with, and the words it says to the user."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fizzly_desktop.api.download import DEFAULT_MAX_BYTES
from fizzly_desktop.api.errors import ApiError
from fizzly_desktop.core.tracking import TrackingSettings

UNCERTAIN_AFTER_RESTART = (
    "The app closed while this run was being sent, so it may or may not have reached Fizzly; "
    "check before sending it again."
)
PAUSED_AFTER_RESTART = "Paused when the app closed; resume to continue."
PAUSED_BY_USER = "Paused by you."
#: Submits in a row of one batch whose answers were lost before the batch pauses.
UNCERTAIN_STREAK_PAUSE = 3
PAUSED_UNCERTAIN = (
    "The last runs were sent but no answer came back, so they may have started; check the "
    "connection and the runs marked “Sent, no answer”, then resume."
)
#: Runs loaded before the engine starts working; older finished ones follow in the background.
FIRST_LOAD = 200
#: Older runs read per page (in a worker, the next page while this one is taken in), and
#: announced to the views per frame: a history of 100,000 runs arrives over smooth frames,
#: and no read holds the whole of it at once.
OLDER_PAGE = 2000
#: Runs of a page taken in between two turns of the event loop.
OLDER_STEP = 250
OLDER_PER_FRAME = 100
GONE_FROM_SERVER = (
    "The server no longer knows this run; the record here is kept. Check again, run it again "
    "with the same inputs, or forget it."
)


@dataclass
class EngineSettings:
    """What the user (or a test) can tune. Times are in seconds."""

    max_active_runs: int = 8
    tracking: TrackingSettings = field(default_factory=TrackingSettings)
    download_outputs: bool = True
    outputs_folder: Path | None = None
    #: Background work (queue positions, full results) runs only while this share is free.
    spare_budget_fraction: float = 0.3
    enrich_interval: float = 1.0
    queue_refresh_interval: float = 10.0
    #: Fetch every finished run's full result, not only the visible or selected ones.
    fetch_all_results: bool = False
    connect_backoff_initial: float = 2.0
    connect_backoff_max: float = 60.0
    close_grace: float = 5.0
    #: A batch submit whose answer takes longer than this no longer holds the next run back:
    #: the next one is sent while it waits (its own answer deadline is the client's timeout).
    submit_patience: float = 2.0
    #: Batch submits waiting for their answers at once. Each may be a paid run whose answer is
    #: lost, so this is also how many runs a crash can leave UNCERTAIN.
    batch_submits_in_flight: int = 3
    concurrent_downloads: int = 3
    #: The largest output file downloaded; a bigger one (claimed or sent) is refused and its
    #: output says so, with where to raise this.
    max_download_bytes: int = DEFAULT_MAX_BYTES
    #: How often a downloading output's progress is published, in seconds.
    download_progress_interval: float = 0.25
    #: Waits before asking for the status of a run still CANCELLING after its cancel was taken.
    cancel_confirm_delays: tuple[float, ...] = (1.0, 2.0, 4.0, 8.0, 16.0)
    #: Changes that need not be on disk at once (progress, node events) are written this often.
    #: Each write serialises every changed run on the GUI thread: with 200 runs streaming,
    #: ten writes a second took 4 % of it. A restart re-synchronises progress from the service.
    history_flush_interval: float = 0.5

    def connect_backoff(self, failures: int) -> float:
        """The wait after ``failures`` (>= 1) failed connects in a row: doubling, capped."""
        return min(self.connect_backoff_max, self.connect_backoff_initial * 2.0 ** (failures - 1))


def message_of(exc: BaseException) -> str:
    """What to tell the user about ``exc``: its ``user_message`` if it has one."""
    text = getattr(exc, "user_message", None)
    return text if isinstance(text, str) and text else str(exc) or type(exc).__name__


def server_text(exc: ApiError) -> str:
    """The refusal in plain words, with the server's own text when it says more."""
    message = exc.user_message
    if exc.server_message and exc.server_message not in message:
        message = f"{message} ({exc.server_message})"
    return message
