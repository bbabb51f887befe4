"""Video, sound and 3D outputs with real files: streamed down, given a poster or waveform,
played to their end in the offscreen player, shown as cards, and saved."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Coroutine
from pathlib import Path
from typing import Any

import httpx
import pytest
import qasync
from PySide6.QtGui import QGuiApplication
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from fizzly_desktop.api.download import OutputDownloader
from fizzly_desktop.core.history import OutputRecord
from fizzly_desktop.core.outputs import OutputSaver
from fizzly_desktop.core.runs import Run
from fizzly_desktop.ui.outputs.actions import OutputActions, save_filters
from fizzly_desktop.ui.outputs.file_card import FileCard
from fizzly_desktop.ui.outputs.image_viewer import ImageViewerWindow
from fizzly_desktop.ui.outputs.media_player import WAVEFORM_SIZE, MediaPlayerView
from fizzly_desktop.ui.outputs.output_items import OutputItem, output_items_for_run
from fizzly_desktop.ui.outputs.outputs_strip import OutputsStrip
from fizzly_desktop.ui.outputs.thumbnails import ThumbnailLoader
from tests.fixtures.media import OBJ_CUBE, make_obj, make_video, make_wav

CHUNK = 4096


class Chunks:
    """A response body sent ``CHUNK`` bytes at a time."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for start in range(0, len(self.data), CHUNK):
            yield self.data[start : start + CHUNK]


def serving(files: dict[str, tuple[bytes, str]]) -> tuple[httpx.MockTransport, list[str]]:
    """A CDN serving ``files`` (path → body, content type) in chunks; it notes what it sent."""
    asked: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        asked.append(request.url.path)
        body, content_type = files[request.url.path]
        headers = {"content-type": content_type, "content-length": str(len(body))}
        return httpx.Response(200, headers=headers, content=Chunks(body))

    return httpx.MockTransport(answer), asked


def media_run(outputs: dict[str, Any]) -> Run:
    run = Run.create("demo/text-to-video", {"prompt": "a quiet lake", "seed": 3}, "Local sandbox")
    run.request_id = "run_media"
    run.completed_at = 1_780_000_000.0
    run.outputs = outputs
    return run


def save(
    qloop: qasync.QEventLoop, run: Run, transport: httpx.MockTransport, folder: Path, seen: list
) -> list[OutputRecord]:
    async def go() -> list[OutputRecord]:
        async with OutputDownloader(transport=transport) as downloader:
            saver = OutputSaver(downloader, folder, progress=lambda *report: seen.append(report))
            return await saver.save(run)

    return qloop.run_until_complete(go())


class Keeper:
    """Save As through the app's OutputActions, its tasks run by the test."""

    def __init__(self, qtbot: QtBot) -> None:
        self.window = QWidget()
        qtbot.addWidget(self.window)
        self.notices: list[str] = []
        self.tasks: list[Coroutine[Any, Any, Any]] = []
        self.actions = OutputActions(
            self.window, lambda _name, coro: self.tasks.append(coro), self.notices.append
        )

    def save_as(self, item: OutputItem) -> None:
        assert item.path is not None
        self.actions.save_as(item.path)

    def run(self, loop: qasync.QEventLoop) -> list[Any]:
        tasks, self.tasks = self.tasks, []

        async def all_of() -> list[Any]:
            return list(await asyncio.gather(*tasks))

        return loop.run_until_complete(all_of())


def choose_file(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    def dialog(_parent: object, _title: str, _start: str, filters: str, _chosen: str):
        return str(target), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)


def play_to_end(qtbot: QtBot, player: MediaPlayerView) -> list[int]:
    positions: list[int] = []
    player.player.positionChanged.connect(positions.append)
    with qtbot.waitSignal(player.ended, timeout=15_000):
        player.play()
    return positions


def test_a_video_output_is_streamed_gets_a_poster_plays_to_its_end_and_is_saved(
    qtbot: QtBot,
    qloop: qasync.QEventLoop,
    loader: ThumbnailLoader,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clip = make_video(tmp_path / "made" / "clip.mp4", seconds=1.0, side=96).read_bytes()
    transport, asked = serving({"/o/clip": (clip, "video/mp4")})
    run = media_run(
        {
            "video": {
                "url": "https://cdn.fizzly.test/o/clip",
                "content_type": "video/mp4",
                "file_name": "clip.mp4",
                "file_size": len(clip),
                "width": 96,
                "height": 96,
                "duration": 1.0,
                "fps": 12,
            },
            "prompt_used": "a quiet lake",
        }
    )
    seen: list[tuple[str, str, int, int | None]] = []
    [record] = save(qloop, run, transport, tmp_path / "out", seen)

    # Streamed: one progress report per 4 KB chunk, not one read of the whole file.
    assert asked == ["/o/clip"]
    assert record.error is None
    assert record.kind == "video"
    assert record.path.suffix == ".mp4"
    assert record.path.read_bytes() == clip
    chunks = -(-len(clip) // CHUNK)
    assert len(seen) == chunks > 10
    assert [report[2] for report in seen] == sorted(report[2] for report in seen)
    assert seen[-1] == (run.id, "video", len(clip), len(clip))
    assert record.sidecar_path is not None
    sidecar = json.loads(record.sidecar_path.read_text())
    assert (sidecar["kind"], sidecar["duration"], sidecar["fps"]) == ("video", 1.0, 12.0)

    strip = OutputsStrip(loader)
    qtbot.addWidget(strip)
    strip.resize(640, 480)
    strip.show()
    items = output_items_for_run(run, [record])
    strip.set_outputs(items)
    [video] = strip.image_items()
    assert (video.kind, video.duration) == ("video", 1.0)
    assert [block.item.name for block in strip.text_blocks] == ["prompt_used"]

    # A poster frame, decoded by the thumbnail workers, as the video's tile.
    # (The strip's own tile asks for its size too: wait for this one.)
    assert loader.request(record.path, 96) is None
    qtbot.waitUntil(lambda: loader.cached(record.path, 96) is not None, timeout=15_000)
    poster = loader.cached(record.path, 96)
    assert poster is not None
    assert (poster.width(), poster.height()) == (96, 96)
    colours = {poster.toImage().pixelColor(x, 48).name() for x in range(0, 96, 8)}
    assert len(colours) > 3  # a scene, not a blank card

    # The details play it, in the offscreen player, to its end.
    player = strip.media_panel.player
    assert strip.media_panel.isVisible()
    assert player.path == record.path
    positions = play_to_end(qtbot, player)
    assert positions
    assert max(positions) >= 800
    assert player.player.mediaStatus() == QMediaPlayer.MediaStatus.EndOfMedia
    assert player.player.duration() == 1000
    assert player.time_label.text() == "0:01.0 / 0:01.0"
    qtbot.waitUntil(lambda: player.size_label.text() == "96 × 96")

    # Frame steps move one frame (1/12 s) at a time, paused.
    player.seek(0)
    qtbot.waitUntil(lambda: player.player.position() == 0)
    player.step_frames(2)
    qtbot.waitUntil(lambda: player.player.position() == 2 * round(1000 / 12))
    assert not player.is_playing()

    # Save As from the tile's menu.
    keeper = Keeper(qtbot)
    strip.save_as_requested.connect(keeper.save_as)
    strip.select(video)
    choose_file(monkeypatch, tmp_path / "mine" / "lake")
    (tmp_path / "mine").mkdir()
    strip.save_as_action.trigger()
    assert keeper.run(qloop) == [tmp_path / "mine" / "lake.mp4"]
    assert (tmp_path / "mine" / "lake.mp4").read_bytes() == clip
    assert save_filters(record.path)[0] == "MP4 video (*.mp4)"
    player.clear()


def test_a_sound_output_gets_a_waveform_plays_and_is_saved(
    qtbot: QtBot,
    qloop: qasync.QEventLoop,
    loader: ThumbnailLoader,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sound = make_wav(tmp_path / "made" / "tone.wav", seconds=0.6).read_bytes()
    transport, _asked = serving({"/o/tone.wav": (sound, "audio/wav")})
    run = media_run({"speech": "https://cdn.fizzly.test/o/tone.wav"})  # a bare URL
    [record] = save(qloop, run, transport, tmp_path / "out", [])
    assert (record.error, record.kind, record.content_type) == (None, "audio", "audio/wav")

    strip = OutputsStrip(loader)
    qtbot.addWidget(strip)
    strip.show()
    strip.set_outputs(output_items_for_run(run, [record]))
    player = strip.media_panel.player
    assert player.kind == "audio"
    assert player.waveform.isVisibleTo(strip)
    assert not player.video.isVisibleTo(strip)
    # The waveform is drawn from the samples in a worker: quiet at the start, loud at the end.
    qtbot.waitUntil(lambda: loader.cached(record.path, WAVEFORM_SIZE) is not None, timeout=10_000)
    wave_image = loader.cached(record.path, WAVEFORM_SIZE)
    assert wave_image is not None
    image = wave_image.toImage()
    middle = image.height() // 2

    def reach(x: int) -> int:
        background = image.pixelColor(x, 0)
        return sum(1 for y in range(image.height()) if image.pixelColor(x, y) != background)

    assert reach(5) < reach(image.width() - 5)
    assert image.pixelColor(image.width() - 5, middle - 10) != image.pixelColor(5, middle - 10)
    qtbot.waitUntil(lambda: not player.waveform.pixmap().isNull())

    positions = play_to_end(qtbot, player)
    assert max(positions) >= 400
    assert player.player.mediaStatus() == QMediaPlayer.MediaStatus.EndOfMedia

    keeper = Keeper(qtbot)
    strip.save_as_requested.connect(keeper.save_as)
    choose_file(monkeypatch, tmp_path / "mine" / "tone.wav")
    (tmp_path / "mine").mkdir()
    strip.save_as_action.trigger()
    assert keeper.run(qloop) == [tmp_path / "mine" / "tone.wav"]
    assert (tmp_path / "mine" / "tone.wav").read_bytes() == sound
    player.clear()


def test_a_3d_output_shows_its_card_and_is_saved(
    qtbot: QtBot,
    qloop: qasync.QEventLoop,
    loader: ThumbnailLoader,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mesh = make_obj(tmp_path / "made" / "cube.obj").read_bytes()
    transport, _asked = serving({"/o/mesh": (mesh, "text/plain")})
    run = media_run({"mesh": {"url": "https://cdn.fizzly.test/o/mesh", "file_name": "cube.obj"}})
    [record] = save(qloop, run, transport, tmp_path / "out", [])
    assert (record.error, record.kind, record.content_type) == (None, "model", "model/obj")
    assert record.path.read_text() == OBJ_CUBE

    strip = OutputsStrip(loader)
    qtbot.addWidget(strip)
    strip.show()
    strip.set_outputs(output_items_for_run(run, [record]))
    card = strip.media_panel.card
    assert card.isVisible()
    assert card.name_label.text() == "run_media_mesh.obj"
    assert card.details_label.text() == f"{len(mesh)} bytes · 3D model (OBJ) · model/obj"
    # The workers draw the mesh itself, shaded, for its tile and its card.
    qtbot.waitUntil(lambda: card.preview_label.isVisible(), timeout=10_000)
    preview = card.preview_label.pixmap().toImage()
    corner, middle = preview.pixelColor(2, 2), preview.pixelColor(128, 128)
    assert corner.name() == "#282434"  # the backdrop
    assert middle != corner  # the cube, lit
    shades = {preview.pixelColor(x, 128).name() for x in range(40, 216, 4)}
    assert len(shades) >= 3  # two faces turned to the light differ, and the backdrop

    keeper = Keeper(qtbot)
    strip.save_as_requested.connect(keeper.save_as)
    choose_file(monkeypatch, tmp_path / "mine" / "cube")
    (tmp_path / "mine").mkdir()
    card.save_button.click()
    assert keeper.run(qloop) == [tmp_path / "mine" / "cube.obj"]
    assert (tmp_path / "mine" / "cube.obj").read_bytes() == mesh


def test_open_with_falls_back_to_saying_and_copying_where_the_file_is(
    qtbot: QtBot, tmp_path: Path
) -> None:
    mesh = make_obj(tmp_path / "cube.obj")
    opened: list[Path] = []
    card = FileCard(opener=lambda path: opened.append(path) or False)
    qtbot.addWidget(card)
    card.show_file(mesh)
    assert not card.open_with()
    assert opened == [mesh]
    assert str(mesh) in card.message_text()
    assert "No app on this computer opens this kind of file" in card.message_text()
    assert QGuiApplication.clipboard().text() == str(mesh)


def test_a_web_page_posing_as_a_video_and_a_2_gb_video_are_refused_with_their_reasons(
    qtbot: QtBot, qloop: qasync.QEventLoop, loader: ThumbnailLoader, tmp_path: Path
) -> None:
    page = b"<!doctype html><html><body>Please sign in</body></html>" + b" " * 3000
    transport, asked = serving({"/o/clip.mp4": (page, "video/mp4")})
    run = media_run(
        {
            "clip": "https://cdn.fizzly.test/o/clip.mp4",
            "long": {
                "url": "https://cdn.fizzly.test/o/long.mp4",
                "content_type": "video/mp4",
                "file_size": 2_000_000_000,
            },
        }
    )
    records = save(qloop, run, transport, tmp_path / "out", [])
    by_name = {record.name: record for record in records}
    assert by_name["clip"].error == "refused: a web page, not a media file"
    assert by_name["long"].error == "too large (2.0 GB; limit 500 MB)"
    assert asked == ["/o/clip.mp4"]  # the 2 GB file was never asked for
    assert not any((tmp_path / "out").rglob("*.mp4"))

    strip = OutputsStrip(loader)
    qtbot.addWidget(strip)
    strip.show()
    strip.set_outputs(output_items_for_run(run, records))
    assert [item.error for item in strip.image_items()] == [
        "refused: a web page, not a media file",
        "too large (2.0 GB; limit 500 MB)",
    ]
    assert strip.media_panel.status_label.text() == (
        "Not saved: refused: a web page, not a media file"
    )


def test_the_lightbox_plays_a_video_and_steps_to_a_picture(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    clip = make_video(tmp_path / "clip.mp4", seconds=0.5)
    picture = tmp_path / "still.png"
    image = QImage(20, 10, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7bd5"))
    image.save(str(picture))
    window = ImageViewerWindow()
    qtbot.addWidget(window)
    saved: list[Path] = []
    window.viewer.save_handler = saved.append
    window.show_images([clip, picture], 0, ["Clip", "Still"])
    assert window.windowTitle() == "Clip — Video"
    assert window.media is not None
    player = window.media.player
    assert window.pages.currentWidget() is not window.viewer
    with qtbot.waitSignal(player.ended, timeout=15_000):
        pass  # it started on its own
    assert player.player.mediaStatus() == QMediaPlayer.MediaStatus.EndOfMedia
    window._save_media()
    assert saved == [clip]
    assert window.step(1)
    assert window.windowTitle() == "Still — Image"
    assert window.pages.currentWidget() is window.viewer
    assert player.path is None  # stopped and let go of when the picture is shown


def test_a_file_on_its_way_shows_how_much_arrived(qtbot: QtBot, loader: ThumbnailLoader) -> None:
    run = media_run(
        {
            "video": {
                "url": "https://cdn.fizzly.test/o/clip.mp4",
                "content_type": "video/mp4",
                "file_size": 3_400_000,
            },
            "speech": "https://cdn.fizzly.test/o/a.wav",
        }
    )
    # Before any byte arrives the outputs are not listed; while one arrives it is.
    assert [i.name for i in output_items_for_run(run) if i.is_file] == []
    items = output_items_for_run(run, progress={"video": (1_200_000, 3_400_000)})
    [video] = [i for i in items if i.is_file]
    assert video.downloading
    assert video.progress == (1_200_000, 3_400_000)
    strip = OutputsStrip(loader)
    qtbot.addWidget(strip)
    strip.show()
    strip.set_outputs(items)
    panel = strip.media_panel
    assert panel.status_label.text() == "Downloading · 1.2 MB of 3.4 MB"
    assert panel.progress_bar.value() == 353
    assert not panel.raise_limit_button.isVisibleTo(panel)


def test_the_players_keys_act_only_on_the_player_with_the_focus(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QHBoxLayout

    clip = make_video(tmp_path / "clip.mp4", seconds=1.0)
    window = QWidget()
    qtbot.addWidget(window)
    row = QHBoxLayout(window)
    first, second = MediaPlayerView(window), MediaPlayerView(window)
    row.addWidget(first)
    row.addWidget(second)
    for player in (first, second):
        player.open(clip)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    first.seek_slider.setFocus()
    qtbot.waitUntil(first.seek_slider.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_Period)
    qtbot.waitUntil(lambda: first.player.position() == round(1000 / 12))
    qtbot.keyClick(first, Qt.Key.Key_Space)
    qtbot.waitUntil(first.is_playing)
    assert not second.is_playing()
    assert second.player.position() == 0
    qtbot.keyClick(first, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not first.is_playing())
    first.clear()
    second.clear()


def test_the_lightbox_shows_a_sound_s_waveform_and_a_mesh_s_picture(
    qtbot: QtBot, loader: ThumbnailLoader, tmp_path: Path
) -> None:
    sound = make_wav(tmp_path / "tone.wav")
    mesh = make_obj(tmp_path / "cube.obj")
    window = ImageViewerWindow(thumbnails=loader)
    qtbot.addWidget(window)
    window.show_images([sound, mesh], 0, ["Tone", "Cube"])
    assert window.windowTitle() == "Tone — Audio"
    assert window.media is not None
    player = window.media.player
    qtbot.waitUntil(lambda: not player.waveform.pixmap().isNull(), timeout=10_000)
    assert window.step(1)
    assert window.windowTitle() == "Cube — 3D model"
    card = window.media.card
    qtbot.waitUntil(card.preview_label.isVisible, timeout=10_000)
    assert player.path is None  # the sound stopped when the card was shown
    window.done(0)
