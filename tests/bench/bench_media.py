"""Benchmark: how long the GUI thread stalls while 50 video outputs get posters and one plays.

The 1 ms probe of ``bench_thumbnails`` runs on an idle event loop (the baseline), then while a
gallery of 50 distinct H.264 clips (the sandbox's encoder) has its poster frames extracted by
the thumbnail workers and a player in the same window plays a clip on a loop. The goals are the
streaming benchmark's: p99 <= 16 ms and max <= 50 ms.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tests.bench.bench_thumbnails import GOAL_MAX_MS, GOAL_P99_MS, _app, _row, _StallProbe

COUNT = 50
SIDE = 192
SECONDS = 3.0


def _write_clips(folder: Path) -> list[Path]:
    from fizzly_desktop.sandbox.media.video import make_clip

    first = make_clip(folder / "clip-00.mp4", seconds=SECONDS, fps=12, width=SIDE, height=SIDE)
    paths = [first]
    for n in range(1, COUNT):
        path = folder / f"clip-{n:02}.mp4"
        shutil.copyfile(first, path)  # distinct files: every poster is extracted
        paths.append(path)
    return paths


def measure() -> list[dict[str, Any]]:
    """Run the benchmark; one row per measurement, each next to its idle baseline."""
    _app()
    from PySide6.QtMultimedia import QMediaPlayer

    from fizzly_desktop.ui.gallery.view import GalleryView
    from fizzly_desktop.ui.outputs.media_player import MediaPlayerView
    from fizzly_desktop.ui.outputs.output_items import OutputItem
    from fizzly_desktop.ui.outputs.thumbnails import ThumbnailLoader

    probe = _StallProbe()
    with tempfile.TemporaryDirectory(prefix="fizzly-bench-media-") as tmp:
        paths = _write_clips(Path(tmp))
        probe.run_until(lambda: False, timeout=2.0)
        idle_p99, idle_max = probe.p99(), probe.max()

        loader = ThumbnailLoader()
        ready: set[str] = set()
        loader.thumbnail_ready.connect(lambda path, _size: ready.add(path))
        gallery = GalleryView(loader)
        gallery.resize(1200, 800)
        gallery.show()
        now = datetime.now(UTC)
        gallery.gallery_model.add_items(
            OutputItem(
                run_id=f"run-{n}",
                name="video",
                kind="video",
                path=path,
                workflow="demo/text-to-video",
                workflow_name="Text to video",
                created_at=now - timedelta(seconds=n),
                width=SIDE,
                height=SIDE,
                duration=SECONDS,
            )
            for n, path in enumerate(paths)
        )
        player = MediaPlayerView()
        player.resize(480, 400)
        player.show()
        player.set_loop(True)
        player.open(paths[0], autoplay=True)
        bar = gallery.list_view.verticalScrollBar()
        _app().processEvents()
        frames: list[int] = []
        player.video.videoSink().videoFrameChanged.connect(lambda _f: frames.append(1))

        def step() -> bool:
            bar.setValue(bar.value() + 40)
            return len(ready) >= COUNT

        elapsed = probe.run_until(step, timeout=180.0, minimum=SECONDS)
        playing = player.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
        posters = len(ready)
        player.clear()
        gallery.close()
        player.close()
        loader.shutdown()
        gallery.deleteLater()
        player.deleteLater()
        _app().processEvents()
    return [
        _row(
            f"media: GUI stall p99 while {COUNT} videos get posters and one plays",
            probe.p99(),
            "ms",
            idle_p99,
            f"p99 <= {GOAL_P99_MS:g} ms",
        ),
        _row(
            f"media: GUI stall max while {COUNT} videos get posters and one plays",
            probe.max(),
            "ms",
            idle_max,
            f"max <= {GOAL_MAX_MS:g} ms",
        ),
        {
            "benchmark": "media: poster frames extracted per second",
            "value": round(posters / max(elapsed, 1e-9), 1),
            "unit": "posters/s",
            "baseline": None,
            "ratio": None,
            "goal": f"all {COUNT} ({posters} were); "
            f"{len(frames)} frames shown, {'still' if playing else 'not'} playing",
        },
    ]


if __name__ == "__main__":
    for row in measure():
        print(row)
