"""The self-test's media part: the sandbox's text-to-video clip made, streamed down, and played
to its end by QtMultimedia (its FFmpeg backend), as the app's player does.

It proves the build carries QtMultimedia, its FFmpeg plugin and FFmpeg's libraries, and that
they decode the H.264 clips outputs come in.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fizzly_desktop.api import FizzlyClient, OutputDownloader, OutputEvent, RunRef

VIDEO_WORKFLOW = ("demo", "text-to-video")
VIDEO_INPUTS: dict[str, Any] = {
    "prompt": "Fizzly self-test: a lantern drifting over still water",
    "seed": 2026,
    "duration": 3,
    "fps": 8,
    "aspect": "square",
}
#: How long playing the clip may take beyond its own length.
PLAY_SLACK_MS = 20_000


class MediaStepFailed(Exception):
    """The clip could not be made, fetched or played; the message says what was seen."""


@dataclass(frozen=True)
class DownloadedClip:
    path: Path
    duration: float
    size: int


async def fetch_clip(
    client: FizzlyClient,
    output_origins: tuple[str, ...],
    workdir: Path,
    note: Callable[[str], None],
) -> DownloadedClip:
    """Run the sandbox's video workflow and stream its clip to ``workdir``."""
    owner, slug = VIDEO_WORKFLOW
    submission = await client.submit(owner, slug, VIDEO_INPUTS)
    run: RunRef = submission.ref
    note(f"submitted {owner}/{slug} as {run.request_id}")
    outputs: dict[str, Any] | None = None
    async with contextlib.aclosing(client.stream(run)) as events:
        async for event in events:
            if isinstance(event, OutputEvent):
                outputs = dict(event.outputs)
    video = (outputs or {}).get("video")
    if not isinstance(video, dict) or not isinstance(video.get("url"), str):
        raise MediaStepFailed(f"the run's outputs have no video: {sorted(outputs or {})}")
    chunks: list[int] = []
    async with OutputDownloader(max_bytes=50_000_000) as downloader:
        result = await downloader.fetch(
            video["url"],
            workdir / "clip.mp4",
            trusted_origins=output_origins,
            claimed="video",
            declared_size=video.get("file_size"),
            progress=lambda received, _expected: chunks.append(received),
        )
    note(f"clip streamed in {len(chunks)} chunks ({result.size} bytes, {result.sniffed_type})")
    return DownloadedClip(result.path, float(video.get("duration") or 0.0), result.size)


def play_to_end(clip: DownloadedClip) -> str:
    """Play the clip with QtMultimedia until its end; a summary, or MediaStepFailed."""
    from PySide6.QtCore import QEventLoop, QTimer, QUrl
    from PySide6.QtMultimedia import QMediaPlayer, QVideoFrame, QVideoSink

    loop = QEventLoop()
    player = QMediaPlayer()
    sink = QVideoSink()
    player.setVideoSink(sink)
    frames: list[int] = []
    errors: list[str] = []
    statuses: list[QMediaPlayer.MediaStatus] = []

    def on_frame(frame: QVideoFrame) -> None:
        if frame.isValid():
            frames.append(player.position())

    def on_status(status: QMediaPlayer.MediaStatus) -> None:
        statuses.append(status)
        if status in (QMediaPlayer.MediaStatus.EndOfMedia, QMediaPlayer.MediaStatus.InvalidMedia):
            loop.quit()

    def on_error(_error: QMediaPlayer.Error, text: str) -> None:
        errors.append(text)
        loop.quit()

    sink.videoFrameChanged.connect(on_frame)
    player.mediaStatusChanged.connect(on_status)
    player.errorOccurred.connect(on_error)
    QTimer.singleShot(round(clip.duration * 1000) + PLAY_SLACK_MS, loop.quit)
    player.setSource(QUrl.fromLocalFile(str(clip.path)))
    player.play()
    loop.exec()
    duration = player.duration()
    player.stop()
    player.setSource(QUrl())
    if errors:
        raise MediaStepFailed(f"QtMultimedia could not play the clip: {errors[0]}")
    if QMediaPlayer.MediaStatus.EndOfMedia not in statuses:
        seen = statuses[-1].name if statuses else "nothing"
        raise MediaStepFailed(f"the clip did not play to its end (last: {seen})")
    if not frames:
        raise MediaStepFailed("the clip played but no video frame was decoded")
    return f"played the {duration / 1000:.1f} s clip to its end ({len(frames)} frames decoded)"
