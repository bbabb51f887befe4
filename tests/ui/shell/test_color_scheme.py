"""Light and dark: View ▸ Appearance switches live, is kept, and the system's scheme is followed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.runs import Run, RunState
from fizzly_desktop.ui import colors
from fizzly_desktop.ui.color_scheme import (
    SETTINGS_KEY,
    SchemeChoice,
    color_scheme_follower,
    forget_palette,
)
from fizzly_desktop.ui.colors import Tone, contrast_ratio, is_dark
from fizzly_desktop.ui.gallery.view import GalleryView
from fizzly_desktop.ui.outputs.thumbnails import ThumbnailLoader
from fizzly_desktop.ui.queue.queue_view import QueueView
from fizzly_desktop.ui.queue.run_table import Column, ProgressDelegate, RunTableModel
from fizzly_desktop.ui.shell.main_window import MainWindow
from fizzly_desktop.ui.tones import set_palette_style_sheet, set_tone
from tests.ui.gallery.test_gallery import make_item, write_image


@pytest.fixture(autouse=True)
def _platform_palette_again() -> Iterator[None]:
    """Each test starts and ends on the platform's own scheme and palette."""
    color_scheme_follower().forget()
    forget_palette()
    yield
    color_scheme_follower().forget()
    forget_palette()


def settings_in(folder: Path) -> QSettings:
    return QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat)


def make_window(qtbot: QtBot, folder: Path) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.restore_layout(settings_in(folder))
    return window


def choose(window: MainWindow, choice: SchemeChoice) -> None:
    """The user picks ``choice`` in View ▸ Appearance; widgets take the palette as events run."""
    window.color_scheme.actions[choice].trigger()
    QApplication.processEvents()


def dominant(image: QImage, rect: QRect | None = None) -> QColor:
    """The colour most pixels of ``rect`` (the whole image if None) have."""
    area = rect or image.rect()
    counts: Counter[int] = Counter(
        image.pixel(x, y) & 0xFFFFFF
        for y in range(area.top(), area.bottom() + 1)
        for x in range(area.left(), area.right() + 1)
    )
    return QColor(counts.most_common(1)[0][0])


def has_pixel_near(image: QImage, rect: QRect, color: QColor, tolerance: int = 24) -> bool:
    for y in range(rect.top(), rect.bottom() + 1):
        for x in range(rect.left(), rect.right() + 1):
            pixel = QColor(image.pixel(x, y))
            if (
                abs(pixel.red() - color.red())
                + abs(pixel.green() - color.green())
                + abs(pixel.blue() - color.blue())
                <= tolerance
            ):
                return True
    return False


def in_progress(n: int, progress: float) -> Run:
    run = Run.create("demo/text-to-image", {"prompt": f"p{n}"}, "Local sandbox")
    run.id = f"run-{n}"
    run.created_at = run.submitted_at = 1_000.0 + n
    run.state = RunState.IN_PROGRESS
    run.progress = progress
    return run


# --- the choice ---------------------------------------------------------------------------------
def test_the_view_menu_offers_system_light_and_dark_with_system_first(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    texts = [a.text().replace("&", "") for a in window.appearance_menu.actions()]
    assert texts == ["Same as the System", "Light", "Dark"]
    assert window.appearance_menu.menuAction() in window.view_menu.actions()
    scheme = window.color_scheme
    assert scheme.choice is SchemeChoice.SYSTEM
    assert scheme.actions[SchemeChoice.SYSTEM].isChecked()
    assert not is_dark(QApplication.palette())  # the offscreen platform is light


def test_choosing_dark_turns_the_app_dark_at_once_and_light_back(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    window.resize(900, 600)
    window.show()
    qtbot.waitExposed(window)
    light_ground = dominant(window.grab().toImage())
    assert light_ground.lightness() > 200

    choose(window, SchemeChoice.DARK)
    assert window.color_scheme.actions[SchemeChoice.DARK].isChecked()
    assert is_dark(QApplication.palette())
    assert is_dark(window.palette())
    dark_ground = dominant(window.grab().toImage())
    assert dark_ground.lightness() < 70, dark_ground.name()

    choose(window, SchemeChoice.LIGHT)
    assert not is_dark(QApplication.palette())
    assert dominant(window.grab().toImage()).lightness() > 200


def test_the_choice_is_kept_for_the_next_start(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    choose(window, SchemeChoice.DARK)
    assert settings_in(tmp_path).value(SETTINGS_KEY) == "dark"
    forget_palette()  # as a new process starts

    again = make_window(qtbot, tmp_path)
    assert again.color_scheme.choice is SchemeChoice.DARK
    assert again.color_scheme.actions[SchemeChoice.DARK].isChecked()
    assert is_dark(QApplication.palette())

    choose(again, SchemeChoice.SYSTEM)
    assert settings_in(tmp_path).value(SETTINGS_KEY) == "system"
    assert not is_dark(QApplication.palette())


def test_an_unknown_choice_in_the_settings_follows_the_system(qtbot: QtBot, tmp_path: Path) -> None:
    settings = settings_in(tmp_path)
    settings.setValue(SETTINGS_KEY, "purple")
    settings.sync()
    window = make_window(qtbot, tmp_path)
    assert window.color_scheme.choice is SchemeChoice.SYSTEM
    assert not is_dark(QApplication.palette())


def test_the_systems_scheme_is_followed_live_unless_a_choice_was_made(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window = make_window(qtbot, tmp_path)
    hints = QGuiApplication.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)  # the desktop turned dark
    QApplication.processEvents()
    assert is_dark(QApplication.palette())
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert not is_dark(QApplication.palette())

    choose(window, SchemeChoice.LIGHT)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not is_dark(QApplication.palette())  # the user asked for light


# --- what is painted ------------------------------------------------------------------------------
def test_progress_cells_are_painted_again_in_the_dark_palette(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    model = RunTableModel()
    model.set_runs([in_progress(1, 40.0), in_progress(2, 40.0)])
    view = QueueView(model)
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.show()
    qtbot.waitExposed(view)
    delegate = view.table.itemDelegateForColumn(Column.PROGRESS)
    assert isinstance(delegate, ProgressDelegate)

    def cell() -> tuple[QImage, QRect]:
        view.table.viewport().repaint()
        rect = view.table.visualRect(view.proxy.index(0, Column.PROGRESS)).adjusted(6, 7, -6, -7)
        return view.table.viewport().grab().toImage(), rect

    image, rect = cell()
    assert delegate.cached_bars() == 1
    assert dominant(image, rect).lightness() > 200  # the bar's empty part, in the light base

    choose(window, SchemeChoice.DARK)
    image, rect = cell()
    assert delegate.cached_bars() == 1  # the light bar was let go; both rows share the dark one
    empty = dominant(image, rect)
    assert empty.lightness() < 80, empty.name()
    assert has_pixel_near(image, rect, QApplication.palette().color(QPalette.ColorRole.Highlight))


def test_gallery_tiles_and_captions_follow_the_scheme(
    qtbot: QtBot, tmp_path: Path, loader: ThumbnailLoader
) -> None:
    window = make_window(qtbot, tmp_path)
    gallery = GalleryView(loader)
    qtbot.addWidget(gallery)
    gallery.resize(700, 400)
    gallery.show()
    qtbot.waitExposed(gallery)
    gallery.gallery_model.add_items([make_item(1, path=write_image(tmp_path / "1.png"))])
    view = gallery.list_view
    qtbot.waitUntil(lambda: view.visualRect(view.model().index(0, 0)).height() > 60)

    def tile() -> tuple[QImage, QRect]:
        view.viewport().repaint()
        index = view.model().index(0, 0)
        return view.viewport().grab().toImage(), view.visualRect(index)

    for choice in (SchemeChoice.LIGHT, SchemeChoice.DARK):
        choose(window, choice)
        palette = view.palette()
        image, rect = tile()
        caption = QRect(rect.left(), rect.bottom() - 30, rect.width(), 30)
        ground = dominant(image, caption)
        assert ground == palette.color(QPalette.ColorRole.Base), (choice, ground.name())
        assert has_pixel_near(image, caption, palette.color(QPalette.ColorRole.Text), 60)
        assert is_dark(palette) is (choice is SchemeChoice.DARK)


def test_coloured_messages_take_the_schemes_tone(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    holder = QWidget()
    qtbot.addWidget(holder)
    label = QLabel("This is not a number.", holder)
    QVBoxLayout(holder).addWidget(label)
    set_tone(label, Tone.ERROR)
    light_red = label.palette().color(QPalette.ColorRole.WindowText)
    assert light_red.red() > light_red.green() + 60
    choose(window, SchemeChoice.DARK)
    dark_red = label.palette().color(QPalette.ColorRole.WindowText)
    assert dark_red != light_red
    assert dark_red.red() > dark_red.green()
    window_color = label.palette().color(QPalette.ColorRole.Window)
    assert is_dark(label.palette())
    assert contrast_ratio(dark_red, window_color) >= colors.TEXT_CONTRAST
    set_tone(label, None)
    assert label.palette().color(QPalette.ColorRole.WindowText) == QApplication.palette().color(
        QPalette.ColorRole.WindowText
    )


def test_the_timeline_paints_its_band_and_states_in_the_palette_in_use(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from fizzly_desktop.ui.details.run_details import NodeTimeline

    window = make_window(qtbot, tmp_path)
    timeline = NodeTimeline()
    qtbot.addWidget(timeline)
    run = in_progress(1, 30.0)
    run.node_started("prepare", at=100.0)
    run.node_completed("prepare", at=101.0)
    run.node_started("upscale", at=101.0)
    timeline.show_run(run, ["prepare", "upscale", "save"])
    assert [status for _node, status in timeline.node_rows()][:2] == ["Done", "Running"]
    done, current = timeline.topLevelItem(0), timeline.topLevelItem(1)

    for choice in (SchemeChoice.LIGHT, SchemeChoice.DARK):
        choose(window, choice)
        palette = timeline.palette()
        band = current.background(0).color()
        assert band == palette.color(QPalette.ColorRole.AlternateBase), choice
        green = done.foreground(1).color()
        assert green.green() > green.red(), (choice, green.name())
        base = palette.color(QPalette.ColorRole.Base)
        assert contrast_ratio(green, base) >= colors.TEXT_CONTRAST, (choice, green.name())
    assert band.lightness() < 80  # dark, last


def test_style_sheets_read_the_palette_again_on_a_change(qtbot: QtBot, tmp_path: Path) -> None:
    window = make_window(qtbot, tmp_path)
    box = QLabel()
    qtbot.addWidget(box)
    box.setObjectName("box")
    set_palette_style_sheet(box, "#box { background: palette(base); }")
    box.resize(40, 40)
    box.show()
    assert dominant(box.grab().toImage()) == QApplication.palette().color(QPalette.ColorRole.Base)
    choose(window, SchemeChoice.DARK)
    dark_base = QApplication.palette().color(QPalette.ColorRole.Base)
    assert dark_base.lightness() < 60
    assert dominant(box.grab().toImage()) == dark_base


def test_the_connection_reads_in_the_colour_of_what_it_means(qtbot: QtBot, tmp_path: Path) -> None:
    from fizzly_desktop.ui.shell.status_bar import Connection

    window = make_window(qtbot, tmp_path)
    status = window.status
    label = status.connection_label
    plain = label.palette().color(QPalette.ColorRole.WindowText)
    status.set_connection(Connection.OFFLINE)
    offline = label.palette().color(QPalette.ColorRole.WindowText)
    assert offline.red() > offline.green() + 60  # red
    status.set_connection(Connection.CONNECTED)
    connected = label.palette().color(QPalette.ColorRole.WindowText)
    assert connected.green() > connected.red()  # green
    choose(window, SchemeChoice.DARK)
    dark_connected = label.palette().color(QPalette.ColorRole.WindowText)
    assert dark_connected != connected
    assert contrast_ratio(dark_connected, label.palette().color(QPalette.ColorRole.Window)) >= 4.5
    status.set_connection(Connection.CONNECTING)
    assert label.palette().color(QPalette.ColorRole.WindowText) != plain  # the dark text now
    assert label.palette().color(QPalette.ColorRole.WindowText) == QApplication.palette().color(
        QPalette.ColorRole.WindowText
    )


def test_the_compare_views_differences_are_tinted_from_the_palette_in_use(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from fizzly_desktop.core.compare import InputDifference
    from fizzly_desktop.ui.outputs.compare_view import CompareView

    window = make_window(qtbot, tmp_path)
    view = CompareView(["seed 1", "seed 2"], [InputDifference("seed", ("1", "2"))])
    qtbot.addWidget(view)

    def tint() -> QColor:
        return view.differences.item(0, 1).background().color()

    light_tint = tint()
    assert light_tint.rgb() == view.palette().color(QPalette.ColorRole.Highlight).rgb()
    choose(window, SchemeChoice.DARK)
    assert tint() != light_tint
    assert tint().rgb() == view.palette().color(QPalette.ColorRole.Highlight).rgb()
    assert tint().alpha() == light_tint.alpha() < 255


def test_the_welcome_cards_stand_out_from_the_window_in_both_schemes(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from fizzly_desktop.ui.profiles.welcome import _Card

    window = make_window(qtbot, tmp_path)
    card = _Card("Try the local sandbox", "Run demo workflows on this computer.")
    qtbot.addWidget(card)
    card.resize(300, 160)
    card.show()
    for choice in (SchemeChoice.LIGHT, SchemeChoice.DARK):
        choose(window, choice)
        surface = dominant(card.grab().toImage())
        window_color = card.palette().color(QPalette.ColorRole.Window)
        field = card.palette().color(QPalette.ColorRole.Base)
        assert surface != window_color, choice
        if choice is SchemeChoice.DARK:
            # Raised above the window, and lighter than the fields in it (their frames show).
            assert surface.lightness() > window_color.lightness() > field.lightness()
        else:
            assert surface == field
