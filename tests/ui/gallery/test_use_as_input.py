"""Chaining in the whole app: a gallery image used as another workflow's image input, and the
run sent with it records which output it came from (kept in the history)."""

from __future__ import annotations

import qasync
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.chain import ChainSource, load_sources
from fizzly_desktop.core.profiles import SANDBOX_PROFILE_NAME
from fizzly_desktop.core.runs import RunState
from fizzly_desktop.ui.controller import AppController
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
        assert "set the rest and run" in app.window.statusBar().currentMessage()

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
