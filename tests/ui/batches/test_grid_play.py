"""Play This Row / Column Together: the line of cells found, and its videos played at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtMultimedia import QMediaPlayer
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.batch_plan import BatchPlan, SweepAxis, sweep
from fizzly_desktop.ui.batches.grid_play import GridPlayActions, line_indices
from fizzly_desktop.ui.batches.sweep_grid import DONE, SweepGrid
from fizzly_desktop.ui.outputs.play_together import PlayTogetherWindow
from tests.fixtures.media import make_video

A = SweepAxis("guidance_scale", (3, 6, 9))
B = SweepAxis("steps", (10, 20))


def grid_with_plan(qtbot: QtBot) -> SweepGrid:
    grid = SweepGrid()
    qtbot.addWidget(grid)
    grid.resize(800, 600)
    grid.set_plan(BatchPlan("g", "demo", "t2v", tuple(sweep({"prompt": "lake"}, A, B)), (A, B)))
    return grid


def test_the_row_and_column_of_a_cell_are_found_in_order(qtbot: QtBot) -> None:
    grid = grid_with_plan(qtbot)
    # Columns by guidance (3), rows by steps (2): run 4 is guidance 6 at 20 steps.
    assert (grid.model.model_index(4).row(), grid.model.model_index(4).column()) == (1, 1)
    assert line_indices(grid, 4, row=True) == [3, 4, 5]
    assert line_indices(grid, 4, row=False) == [1, 4]


def test_the_menu_offers_a_line_once_its_cell_has_an_output(qtbot: QtBot, tmp_path: Path) -> None:
    grid = grid_with_plan(qtbot)
    actions = GridPlayActions(grid)
    grid.view.setCurrentIndex(grid.model.model_index(4))
    menu = grid.context_menu()
    assert actions.row_action in menu.actions()
    assert not actions.row_action.isEnabled()
    clip = make_video(tmp_path / "c.mp4", seconds=0.5)
    grid.update_cell(4, DONE, None, clip)
    grid.view.clearSelection()
    grid.view.setCurrentIndex(grid.model.model_index(4))
    assert actions.row_action.isEnabled()
    with qtbot.waitSignal(actions.play_requested) as asked:
        actions.column_action.trigger()
    assert asked.args == [[1, 4]]


def test_videos_played_together_start_at_once_and_reach_their_ends(
    qtbot: QtBot, tmp_path: Path
) -> None:
    clips = [make_video(tmp_path / f"c{i}.mp4", seconds=0.5) for i in range(3)]
    window = PlayTogetherWindow()
    qtbot.addWidget(window)
    window.show_files([(clip, f"seed {i}") for i, clip in enumerate(clips)])
    assert len(window.players) == 3
    # Only the first one is heard.
    assert [p.mute_button.isChecked() for p in window.players] == [False, True, True]
    qtbot.waitUntil(
        lambda: all(
            p.player.mediaStatus() == QMediaPlayer.MediaStatus.EndOfMedia for p in window.players
        ),
        timeout=15_000,
    )
    window.restart_all()
    qtbot.waitUntil(lambda: all(p.is_playing() for p in window.players), timeout=5000)
    window.pause_all()
    assert not any(p.is_playing() for p in window.players)
    window.done(0)
    assert window.players == []


def test_a_video_cell_shows_its_poster(qtbot: QtBot, tmp_path: Path) -> None:
    from fizzly_desktop.ui.outputs.thumbnails import ThumbnailLoader

    clip = make_video(tmp_path / "c.mp4", seconds=0.5)
    loader = ThumbnailLoader(max_workers=1)
    try:
        grid = SweepGrid(thumbnail_provider=loader.request)
        qtbot.addWidget(grid)
        loader.thumbnail_ready.connect(grid.thumbnail_ready)
        grid.set_plan(BatchPlan("g", "demo", "t2v", tuple(sweep({"prompt": "lake"}, A, B)), (A, B)))
        grid.update_cell(2, DONE, image_path=clip)
        qtbot.waitUntil(lambda: grid.cell(2).pixmap is not None, timeout=15_000)
        pixmap = grid.cell(2).pixmap
        assert pixmap is not None
        assert pixmap.width() == pixmap.height() > 0  # the clip is square, and so its poster
    finally:
        assert loader.shutdown()
