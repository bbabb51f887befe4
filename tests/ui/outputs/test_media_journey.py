"""A creator's journey with the sandbox's media workflows, in the real app: a clip made, its
poster in the gallery and queue, its player in the details; a file over the size cap refused,
then fetched once the cap is raised from the output itself."""

from __future__ import annotations

import pytest
import qasync
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.engine import EngineSettings
from fizzly_desktop.ui.controller import AppController
from fizzly_desktop.ui.presenters.outputs import MAX_DOWNLOAD_SETTING
from tests.fixtures.app import in_app, pick, until


def test_a_clip_from_the_sandbox_shows_its_poster_and_plays_in_the_details(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        await pick(app, "demo/text-to-video")
        assert app.form.workflow is not None
        await app.form.run_inputs(
            app.form.workflow,
            [{"prompt": "a quiet lake", "seed": 7, "duration": 3, "fps": 8, "aspect": "square"}],
            app.profiles.active_name,
        )
        await until(lambda: any(i.kind == "video" for i in app.gallery.shown_items()), 60)
        (video,) = [i for i in app.gallery.shown_items() if i.kind == "video"]
        assert video.path is not None
        assert video.path.suffix == ".mp4"
        assert video.duration == 3.0
        # Its poster is decoded by the thumbnail workers for the queue row and the gallery.
        await until(lambda: app.thumbnails.cached(video.path, 24) is not None, 30)
        strip = app.outputs_strip
        await until(lambda: strip.media_panel.item is not None, 30)
        player = strip.media_panel.player
        assert player.path == video.path
        player.seek(2500)
        player.play()
        await until(lambda: player.player.mediaStatus() == QMediaPlayer.MediaStatus.EndOfMedia, 30)

    in_app(qloop, scenario)


def test_a_file_over_the_cap_is_refused_then_kept_once_the_cap_is_raised(
    qtbot: QtBot, qloop: qasync.QEventLoop, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = EngineSettings(max_download_bytes=1000)  # the sound is about 100 kB

    async def scenario(app: AppController) -> None:
        await pick(app, "demo/text-to-sound")
        assert app.form.workflow is not None
        await app.form.run_inputs(
            app.form.workflow, [{"prompt": "a bell", "seed": 3}], app.profiles.active_name
        )
        strip = app.outputs_strip
        await until(lambda: strip.media_panel.item is not None, 60)
        item = strip.media_panel.item
        assert item is not None
        assert item.error is not None
        assert item.error.startswith("too large")
        assert "limit 0.001 MB" in item.error
        panel = strip.media_panel
        assert panel.raise_limit_button.isVisibleTo(panel)
        assert "File ▸ Largest Output File…" in panel.status_label.text()
        monkeypatch.setattr(QInputDialog, "getInt", lambda *_args: (50, True))
        panel.raise_limit_button.click()

        def kept() -> bool:
            shown = strip.media_panel.item
            return shown is not None and shown.path is not None

        await until(kept, 30)
        engine = app.engine
        assert engine is not None
        assert engine.settings.max_download_bytes == 50_000_000
        assert app.services.settings.value(MAX_DOWNLOAD_SETTING) in (50, "50")
        assert strip.media_panel.player.kind == "audio"

    in_app(qloop, scenario, engine_settings=settings)
