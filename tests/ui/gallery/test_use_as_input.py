"""Chaining in the whole app: a gallery image used as another workflow's image input, and the
run sent with it records which output it came from (kept in the history)."""

from __future__ import annotations

from pathlib import Path

import qasync
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.chain import ChainSource, load_sources
from fizzly_desktop.core.profiles import SANDBOX_PROFILE_NAME
from fizzly_desktop.core.runs import RunState
from fizzly_desktop.ui.controller import AppController
from fizzly_desktop.ui.outputs.drag import dropped_outputs
from tests.fixtures.app import in_app, pick, until


def _submenu(menu: QMenu, title: str) -> QMenu:
    for action in menu.actions():
        if action.text() == title and action.menu() is not None:
            sub = action.menu()
            assert isinstance(sub, QMenu)
            return sub
    raise AssertionError(f"no {title!r} in {[a.text() for a in menu.actions()]}")


def test_an_output_feeds_the_next_workflow_and_the_run_remembers_it(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        engine = app.services.engine
        assert engine is not None
        await pick(app, "demo/image-to-image")  # its schema (with an image field) is known
        source = await engine.submit(
            "demo/text-to-image",
            {"prompt": "a red kite", "width": 64, "height": 64},
            profile=SANDBOX_PROFILE_NAME,
        )
        await until(
            lambda: (r := engine.run(source.id)) is not None and r.state is RunState.COMPLETED
        )
        gallery = app.gallery
        app.window.tabs.setCurrentWidget(gallery)
        await until(
            lambda: any(i.run_id == source.id and i.is_image for i in gallery.shown_items())
        )
        item = next(i for i in gallery.shown_items() if i.run_id == source.id and i.is_image)
        assert gallery.select_item(item.run_id, item.name)

        menu = gallery.context_menu_for(item)
        use_as = _submenu(menu, "Use as Input")
        entry = app.session.library.get("demo", "image-to-image")
        assert entry is not None
        field_menu = _submenu(use_as, entry.display_name)
        assert [a.text() for a in field_menu.actions()] == ["Image"]
        field_menu.actions()[0].trigger()
        form = app.window.form_panel
        assert app.form.workflow is not None
        assert app.form.workflow.ref == "demo/image-to-image"
        await until(lambda: str(form.form.values().get("image", "")).startswith("data:image/"))
        assert "The picture is in “Image”: set the rest and run" in (
            app.window.statusBar().currentMessage()
        )

        prompt = form.form.field_widget("prompt")
        assert prompt is not None
        prompt.set_value("the kite at night")
        await until(form.run_button.isEnabled)  # the form re-checks itself a moment later
        app.window.run_action.trigger()
        await until(lambda: any(r.workflow == "demo/image-to-image" for r in engine.runs()))
        chained = next(r for r in engine.runs() if r.workflow == "demo/image-to-image")
        await until(lambda: engine.sources.source_of(chained.id) is not None)
        expected = ChainSource(source.id, item.name, "image")
        assert engine.sources.source_of(chained.id) == expected
        assert engine.sources.made_from(source.id) == [chained.id]
        assert app.chain.pending_source is None
        await engine.flush()
        assert app.session.history is not None
        assert app.session.history.read(load_sources) == {chained.id: expected}
        # The chained run's details link back to the run its image came from.
        app.window.tabs.setCurrentIndex(0)
        queue = app.window.queue_view
        await until(lambda: app.run_model.run(chained.id) is not None)
        queue.select_run(chained.id)
        link = app.window.run_details.source_link
        await until(link.isVisible)
        assert "Made from" in link.text()
        assert "demo/text-to-image" in link.text()
        assert f'href="{source.id}"' in link.text()
        link.linkActivated.emit(source.id)
        assert queue.selected_ids() == [source.id]
        await until(lambda: not link.isVisible())
        menu.deleteLater()

    in_app(qloop, scenario)


def _drop(target: QWidget, mime: QMimeData) -> None:
    """What the window system delivers when a drag is let go over ``target``."""
    point = QPointF(target.rect().center())
    actions = Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point.toPoint(), actions, mime, buttons, keys)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(target, QDropEvent(point, actions, mime, buttons, keys))


def test_a_picture_dragged_from_the_gallery_onto_an_image_field_is_remembered(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    async def scenario(app: AppController) -> None:
        engine = app.services.engine
        assert engine is not None
        source = await engine.submit(
            "demo/text-to-image",
            {"prompt": "a green kite", "width": 64, "height": 64},
            profile=SANDBOX_PROFILE_NAME,
        )
        await until(
            lambda: (r := engine.run(source.id)) is not None and r.state is RunState.COMPLETED
        )
        gallery = app.gallery
        app.window.tabs.setCurrentWidget(gallery)
        await until(
            lambda: any(i.run_id == source.id and i.is_image for i in gallery.shown_items())
        )
        item = next(i for i in gallery.shown_items() if i.run_id == source.id and i.is_image)
        assert gallery.select_item(item.run_id, item.name)
        index = gallery.list_view.currentIndex()
        # A saved picture can be dragged; what it carries is the file and which output it is.
        assert gallery.proxy.flags(index) & Qt.ItemFlag.ItemIsDragEnabled
        assert gallery.list_view.dragEnabled()
        mime = gallery.proxy.mimeData([index])
        assert [url.toLocalFile() for url in mime.urls()] == [str(item.path)]
        assert dropped_outputs(mime) == [(source.id, item.name)]

        await pick(app, "demo/image-to-image")
        form = app.window.form_panel
        field = form.form.field_widget("image")
        assert field is not None
        _drop(field, mime)
        await until(lambda: str(form.form.values().get("image", "")).startswith("data:image/"))
        assert app.chain.pending_source == (
            "demo/image-to-image",
            ChainSource(source.id, item.name, "image"),
        )
        assert "The picture is in “Image”: set the rest and run" in (
            app.window.statusBar().currentMessage()
        )
        prompt = form.form.field_widget("prompt")
        assert prompt is not None
        prompt.set_value("the kite at dawn")
        await until(form.run_button.isEnabled)
        app.window.run_action.trigger()
        await until(lambda: any(r.workflow == "demo/image-to-image" for r in engine.runs()))
        chained = next(r for r in engine.runs() if r.workflow == "demo/image-to-image")
        await until(lambda: engine.sources.source_of(chained.id) is not None)
        assert engine.sources.source_of(chained.id) == ChainSource(source.id, item.name, "image")

        # The run's strip of outputs in the details offers the same drag.
        strip = app.outputs_strip
        app.window.tabs.setCurrentIndex(0)
        app.window.queue_view.select_run(source.id)
        await until(lambda: strip.images_model.rowCount() > 0)
        strip_mime = strip.images_model.mimeData([strip.images_model.index(0, 0)])
        assert dropped_outputs(strip_mime) == [(source.id, item.name)]
        assert strip.images_view.dragEnabled()

    in_app(qloop, scenario)


def test_a_dropped_file_that_is_no_output_records_no_source(
    qtbot: QtBot, qloop: qasync.QEventLoop, tmp_path: Path
) -> None:
    async def scenario(app: AppController) -> None:
        await pick(app, "demo/image-to-image")
        # A picture placed from an output before is replaced by the file dropped after it.
        app.chain.pending_source = ("demo/image-to-image", ChainSource("r", "image", "image"))
        form = app.window.form_panel
        field = form.form.field_widget("image")
        assert field is not None
        picture = tmp_path / "plain.png"
        image = QImage(8, 8, QImage.Format.Format_RGB32)
        image.fill(0x3366CC)
        assert image.save(str(picture))
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(picture))])
        _drop(field, mime)
        await until(lambda: str(form.form.values().get("image", "")).startswith("data:image/"))
        assert app.chain.pending_source is None

    in_app(qloop, scenario)
