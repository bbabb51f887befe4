"""The gallery as a library, in the whole app: search, star and reject tiles (rejects dim), and
compare two images with one zoom and pan, a swipe, and the inputs that differ."""

from __future__ import annotations

import time

import qasync
from PySide6.QtCore import QItemSelectionModel, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.compare import ViewState
from fizzly_desktop.core.marks import Mark
from fizzly_desktop.core.profiles import SANDBOX_PROFILE_NAME
from fizzly_desktop.core.runs import RunState
from fizzly_desktop.ui.controller import AppController
from tests.fixtures.app import in_app, until

WF = "demo/text-to-image"


async def _two_images(app: AppController) -> tuple[str, str]:
    engine = app.services.engine
    assert engine is not None
    ids = []
    for prompt, seed in (("a lighthouse at dawn", 11), ("a cat astronaut", 22)):
        run = await engine.submit(
            WF,
            {"prompt": prompt, "seed": seed, "width": 64, "height": 64},
            profile=SANDBOX_PROFILE_NAME,
        )
        ids.append(run.id)
    await until(
        lambda: all(
            (r := engine.run(rid)) is not None and r.state is RunState.COMPLETED for rid in ids
        )
    )
    app.window.tabs.setCurrentWidget(app.gallery)
    await until(lambda: {i.run_id for i in app.gallery.shown_items() if i.is_image} == set(ids))
    return ids[0], ids[1]


def _select_all_images(app: AppController) -> None:
    gallery = app.gallery
    selection = gallery.list_view.selectionModel()
    selection.clear()
    for row, item in enumerate(gallery.shown_items()):
        if item.is_image:
            selection.select(gallery.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.Select)


async def _press(app: AppController, key: Qt.Key) -> None:
    app.window.activateWindow()
    await until(lambda: app.window.isActiveWindow())
    app.gallery.list_view.setFocus()
    QTest.keyClick(app.gallery.list_view, key)


def test_gallery_search_stars_and_dimmed_rejects(qtbot: QtBot, qloop: qasync.QEventLoop) -> None:
    async def scenario(app: AppController) -> None:
        gallery = app.gallery
        lighthouse, cat = await _two_images(app)
        engine = app.services.engine
        assert engine is not None
        QTest.keyClicks(gallery.search, "astro")
        await until(lambda: {i.run_id for i in gallery.shown_items()} == {cat})
        gallery.search.clear()
        await until(lambda: {i.run_id for i in gallery.shown_items()} >= {cat, lighthouse})

        image = next(i for i in gallery.shown_items() if i.run_id == lighthouse and i.is_image)
        assert gallery.select_item(image.run_id, image.name)
        await _press(app, Qt.Key.Key_S)
        assert engine.marks.get(lighthouse, image.name) is Mark.STAR
        assert gallery.delegate.mark_of(image) == "star"
        gallery.marks_combo.setCurrentIndex(gallery.marks_combo.findData("starred"))
        await until(lambda: [i.key for i in gallery.shown_items()] == [image.key])

        gallery.marks_combo.setCurrentIndex(gallery.marks_combo.findData(""))
        other = next(i for i in gallery.shown_items() if i.run_id == cat and i.is_image)
        assert gallery.select_item(other.run_id, other.name)
        await _press(app, Qt.Key.Key_X)
        assert gallery.delegate.mark_of(other) == "reject"  # painted at a third of its strength
        gallery.marks_combo.setCurrentIndex(gallery.marks_combo.findData("not_rejected"))
        await until(lambda: other.key not in [i.key for i in gallery.shown_items()])
        assert image.key in [i.key for i in gallery.shown_items()]

    in_app(qloop, scenario)


def test_compare_two_images_moves_as_one_and_lists_what_differs(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        gallery = app.gallery
        await _two_images(app)
        # One image alone cannot be compared: the status bar says what to do.
        only = next(i for i in gallery.shown_items() if i.is_image)
        gallery.select_item(only.run_id, only.name)
        gallery.compare_action.trigger()
        assert "Select two to four images" in app.window.statusBar().currentMessage()
        assert app.library.compare_view is None

        _select_all_images(app)
        gallery.compare_action.trigger()
        view = app.library.compare_view
        assert view is not None
        assert len(view.panes) == 2
        rows = {
            view.differences.item(r, 0).text(): [view.differences.item(r, c).text() for c in (1, 2)]
            for r in range(view.differences.rowCount())
        }
        assert set(rows) == {"prompt", "seed"}
        assert sorted(rows["seed"]) == ["11", "22"]
        await until(lambda: all(p.image is not None and not p.image.isNull() for p in view.panes))

        # The wheel over one pane zooms both; a drag pans both.
        pane = view.panes[0]
        centre = QPointF(pane.width() / 2, pane.height() / 2)
        wheel = QWheelEvent(
            centre,
            QPointF(pane.mapToGlobal(centre.toPoint())),
            QPoint(0, 0),
            QPoint(0, 240),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(pane, wheel)
        assert view.panes[1].state.zoom == view.panes[0].state.zoom > 1.5
        QTest.mousePress(pane, Qt.MouseButton.LeftButton, pos=centre.toPoint())
        QTest.mouseMove(pane, centre.toPoint() + QPoint(30, 0))
        QTest.mouseRelease(pane, Qt.MouseButton.LeftButton, pos=centre.toPoint() + QPoint(30, 0))
        assert view.panes[1].state.center_x < 0.5
        assert view.panes[1].state == view.panes[0].state
        QTest.mouseDClick(pane, Qt.MouseButton.LeftButton, pos=centre.toPoint())
        assert view.panes[1].state.zoom == 1.0

        # Two images can be swiped: one pane, both pictures, split where the slider stands.
        view.swipe_check.setChecked(True)
        assert view.swipe_pane.isVisible()
        assert not view.panes[0].isVisible()
        assert view.swipe_pane.other is view.images[1]
        view.swipe_slider.setValue(250)
        assert view.swipe_pane.state == ViewState(1.0, 0.5, 0.5, 0.25)
        view.close()
        await until(lambda: app.library.compare_view is None)

    in_app(qloop, scenario)


def test_the_gallery_narrows_by_date_with_the_search(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        gallery = app.gallery
        lighthouse, cat = await _two_images(app)
        engine = app.services.engine
        assert engine is not None
        old = engine.run(cat)
        assert old is not None
        assert old.completed_at is not None
        old.created_at -= 10 * 86400  # made ten days ago
        old.completed_at -= 10 * 86400
        engine.touch(old)
        await until(
            lambda: all(
                i.created_at.timestamp() < time.time() - 9 * 86400
                for i in gallery.shown_items()
                if i.run_id == cat
            )
        )
        combo = gallery.date_combo
        assert combo.isVisible()
        combo.setCurrentIndex(combo.findData("7d"))
        await until(lambda: {i.run_id for i in gallery.shown_items()} == {lighthouse})
        combo.setCurrentIndex(combo.findData("30d"))
        await until(lambda: {i.run_id for i in gallery.shown_items()} == {lighthouse, cat})
        QTest.keyClicks(gallery.search, "astro")
        await until(lambda: {i.run_id for i in gallery.shown_items()} == {cat})
        combo.setCurrentIndex(combo.findData("today"))
        await until(lambda: gallery.shown_items() == [])
        assert gallery.message_text().startswith("No outputs match these filters.")
        combo.setCurrentIndex(combo.findData(""))
        await until(lambda: {i.run_id for i in gallery.shown_items()} == {cat})

    in_app(qloop, scenario)
