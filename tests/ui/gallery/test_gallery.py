"""The Gallery: model updates without resets, filters, lazy thumbnails, and the user's actions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from fizzly_desktop.core.history import OutputRecord
from fizzly_desktop.core.runs import Run
from fizzly_desktop.ui.gallery.menu import fit_on_screen
from fizzly_desktop.ui.gallery.view import (
    EMPTY_GALLERY_MESSAGE,
    KIND_HINT,
    MEDIA,
    NO_BATCH,
    NO_MATCH_MESSAGE,
    TEXT,
    GalleryFilterProxy,
    GalleryModel,
    GalleryView,
    ItemRole,
    ThumbnailRole,
    thumbnail_bucket,
)
from fizzly_desktop.ui.outputs.output_items import OutputItem, output_items_for_run
from fizzly_desktop.ui.outputs.thumbnails import ThumbnailLoader

T0 = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def write_image(path: Path, width: int = 48, height: int = 48, color: str = "#7b3ad5") -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    assert image.save(str(path)), f"could not write {path}"
    return path


def make_item(
    n: int,
    *,
    workflow: str = "demo/text-to-image",
    batch: str | None = None,
    path: Path | None = None,
    kind: str = "image",
    minutes: int | None = None,
) -> OutputItem:
    return OutputItem(
        run_id=f"run-{n}",
        name="generated_image" if kind == "image" else "enhanced_prompt",
        kind=kind,  # type: ignore[arg-type]
        path=path,
        text=None if kind == "image" else f"text {n}",
        workflow=workflow,
        workflow_name={"demo/text-to-image": "Text to image"}.get(workflow, workflow),
        batch_id=batch,
        batch_name=None if batch is None else f"Batch {batch}",
        created_at=T0 + timedelta(minutes=n if minutes is None else minutes),
        width=48,
        height=48,
        inputs={"prompt": f"a fox number {n}", "seed": n},
    )


@pytest.fixture
def gallery(qtbot, loader: ThumbnailLoader) -> GalleryView:
    view = GalleryView(loader)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    return view


# --- model ---------------------------------------------------------------------------------------


def run_ids(model: GalleryModel | GalleryFilterProxy) -> list[str]:
    return [model.index(row, 0).data(ItemRole).run_id for row in range(model.rowCount())]


def test_model_keeps_newest_first() -> None:
    model = GalleryModel()
    model.set_items([make_item(1), make_item(3), make_item(2)])
    assert run_ids(model) == ["run-3", "run-2", "run-1"]
    assert model.index(0, 0).data() == "Text to image"
    assert "Output: generated_image" in model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_live_additions_insert_rows_without_a_reset(qtbot) -> None:
    model = GalleryModel()
    model.set_items([make_item(1), make_item(2)])
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    with qtbot.assertNotEmitted(model.modelReset), qtbot.assertNotEmitted(model.layoutChanged):
        model.add_items([make_item(5), make_item(4)])  # both newer: one block at the top
        model.add_items([make_item(0)])  # older than all: at the end
        model.add_items([make_item(3, minutes=1)])  # same time as run-1: after it, by run id
    assert inserted == [(0, 1), (4, 4), (4, 4)]
    assert run_ids(model) == ["run-5", "run-4", "run-2", "run-1", "run-3", "run-0"]


def test_updating_a_known_output_changes_its_row_in_place(qtbot) -> None:
    model = GalleryModel()
    model.set_items([make_item(1), make_item(2)])
    renamed = make_item(1, batch="b")
    with (
        qtbot.assertNotEmitted(model.modelReset),
        qtbot.assertNotEmitted(model.rowsInserted),
        qtbot.waitSignal(model.dataChanged) as blocker,
    ):
        model.add_items([renamed])
    assert blocker.args[0].row() == 1
    assert model.rowCount() == 2
    assert model.item(1).batch_name == "Batch b"


def test_many_outputs_moving_at_once_keep_the_order_and_the_index(qtbot) -> None:
    model = GalleryModel()
    model.set_items([make_item(n) for n in range(100)])
    removals: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda _parent, first, last: removals.append((first, last)))
    # Forty neighbouring outputs get a later time (as when runs are re-saved), one is renamed.
    moved = [make_item(n, minutes=500 + n) for n in range(30, 70)]
    renamed = make_item(5, batch="b")
    with qtbot.assertNotEmitted(model.modelReset):
        model.add_items([*moved, renamed, moved[0]])

    assert model.rowCount() == 100
    order = [model.item(row).run_id for row in range(100)]
    assert len(set(order)) == 100
    times = [model.item(row).created_at for row in range(100)]
    assert times == sorted(times, reverse=True)  # newest first, the moved ones now on top
    assert order[:40] == [f"run-{n}" for n in range(69, 29, -1)]
    assert removals == [(30, 69)]  # one removal for the forty neighbours
    for row in range(100):  # the lookup by run and name follows the new rows
        item = model.item(row)
        assert model.index_of(item.run_id, item.name).row() == row
    assert model.item(model.index_of("run-5", "generated_image").row()).batch_name == "Batch b"


def test_lookups_follow_any_mix_of_additions_moves_and_removals(tmp_path: Path) -> None:
    import random

    rng = random.Random(5)
    model = GalleryModel()
    model.set_items([make_item(n, path=tmp_path / f"{n % 7}.png") for n in range(50)])
    for _ in range(60):
        roll = rng.random()
        if roll < 0.5:  # new outputs, or known ones at another time or with another file
            model.add_items(
                make_item(
                    rng.randrange(80),
                    minutes=rng.randrange(200),
                    path=tmp_path / f"{rng.randrange(7)}.png",
                )
                for _ in range(rng.randrange(1, 6))
            )
        elif model.rowCount():
            model.remove_run(model.item(rng.randrange(model.rowCount())).run_id)
        items = model.items()
        times = [item.created_at for item in items]
        assert times == sorted(times, reverse=True)
        for row, item in enumerate(items):
            assert model.index_of(item.run_id, item.name).row() == row
        for n in range(7):
            path = str(tmp_path / f"{n}.png")
            expected = [row for row, item in enumerate(items) if str(item.path) == path]
            assert model.rows_for_path(path) == expected
    assert not model.index_of("run-999", "generated_image").isValid()


def test_adding_the_same_output_twice_keeps_one_row() -> None:
    model = GalleryModel()
    model.add_items([make_item(1), make_item(1)])
    model.add_items([make_item(1)])
    assert model.rowCount() == 1


def test_remove_run_takes_out_its_rows(qtbot) -> None:
    model = GalleryModel()
    model.set_items([make_item(1), make_item(2), make_item(3)])
    with qtbot.assertNotEmitted(model.modelReset):
        model.remove_run("run-2")
    assert run_ids(model) == ["run-3", "run-1"]
    assert not model.index_of("run-2", "generated_image").isValid()
    assert model.index_of("run-1", "generated_image").row() == 1


def test_thumbnail_changed_signals_only_the_rows_of_that_file(qtbot, tmp_path: Path) -> None:
    model = GalleryModel()
    shared = tmp_path / "same.png"
    model.set_items([make_item(1, path=shared), make_item(2, path=tmp_path / "x.png")])
    changed: list[tuple[int, list[int]]] = []
    model.dataChanged.connect(lambda first, _last, roles: changed.append((first.row(), roles)))
    model.thumbnail_changed(str(shared))
    assert changed == [(1, [ThumbnailRole])]


def test_filter_proxy_by_workflow_and_batch() -> None:
    model = GalleryModel()
    model.set_items(
        [
            make_item(1, workflow="demo/text-to-image", batch="a"),
            make_item(2, workflow="demo/text-to-image", batch="b"),
            make_item(3, workflow="demo/slow-render", batch="a"),
            make_item(4, workflow="demo/slow-render"),
            make_item(5, workflow="demo/text-to-image"),
        ]
    )
    proxy = GalleryFilterProxy()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == 5
    proxy.set_workflow("demo/text-to-image")
    assert run_ids(proxy) == ["run-5", "run-2", "run-1"]
    proxy.set_batch("a")
    assert run_ids(proxy) == ["run-1"]
    proxy.set_workflow(None)
    assert run_ids(proxy) == ["run-3", "run-1"]
    proxy.set_batch(NO_BATCH)
    assert run_ids(proxy) == ["run-5", "run-4"]
    proxy.set_batch(None)
    assert proxy.rowCount() == 5


def test_filter_proxy_follows_live_additions() -> None:
    model = GalleryModel()
    proxy = GalleryFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_workflow("demo/slow-render")
    model.add_items([make_item(1), make_item(2, workflow="demo/slow-render")])
    assert run_ids(proxy) == ["run-2"]


def test_thumbnail_buckets() -> None:
    assert thumbnail_bucket(60) == 64
    assert thumbnail_bucket(160) == 192
    assert thumbnail_bucket(320) == 384
    assert thumbnail_bucket(5000) == 512


# --- items from runs ---------------------------------------------------------------------------


def test_output_items_for_run_maps_images_text_and_json(tmp_path: Path) -> None:
    run = Run.create("demo/text-to-image", {"prompt": "fox"}, "Local sandbox", batch_id="b1")
    run.completed_at = T0.timestamp()
    image_path = tmp_path / "fox.webp"
    run.outputs = {
        "generated_image": {"url": "http://127.0.0.1:1/x.webp", "width": 1024, "height": 768},
        "prompt_used": "<i>fox</i>",
        "scores": {"aesthetic": 6.5},
        "preview": {"url": "http://127.0.0.1:1/p.png", "local_path": str(tmp_path / "p.png")},
    }
    record = OutputRecord(
        run_id=run.id,
        name="generated_image",
        url="http://127.0.0.1:1/x.webp",
        path=image_path,
        sidecar_path=None,
        content_type="image/webp",
        width=1024,
        height=768,
        saved_at=T0.timestamp(),
    )
    items = {
        item.name: item
        for item in output_items_for_run(
            run, [record], workflow_name="Text to image", batch_name="Foxes"
        )
    }
    assert set(items) == {"generated_image", "prompt_used", "scores", "preview"}
    image = items["generated_image"]
    assert (image.kind, image.path, image.width, image.height) == ("image", image_path, 1024, 768)
    assert (image.workflow, image.workflow_name) == ("demo/text-to-image", "Text to image")
    assert (image.batch_id, image.batch_name) == ("b1", "Foxes")
    assert image.created_at == T0
    assert image.inputs == {"prompt": "fox"}
    assert (items["prompt_used"].kind, items["prompt_used"].text) == ("text", "<i>fox</i>")
    assert items["scores"].kind == "json"
    assert items["scores"].display_text() == '{\n  "aesthetic": 6.5\n}'
    assert items["preview"].path == tmp_path / "p.png"


def test_image_not_downloaded_yet_is_left_out() -> None:
    run = Run.create("demo/text-to-image", {}, "Local sandbox")
    run.outputs = {"generated_image": {"url": "http://127.0.0.1:1/x.webp"}}
    assert output_items_for_run(run) == []


def test_an_output_that_was_not_saved_shows_its_reason(tmp_path: Path) -> None:
    run = Run.create("demo/text-to-image", {}, "Local sandbox")
    run.outputs = {
        "good": {"url": "http://127.0.0.1:1/a.png"},
        "metadata": {"url": "http://169.254.169.254/latest/a.png"},
    }
    good = OutputRecord(
        run.id, "good", "http://127.0.0.1:1/a.png", tmp_path / "a.png", None, None, 8, 8, 1.0
    )
    refused = OutputRecord(
        run.id,
        "metadata",
        "http://169.254.169.254/latest/a.png",
        tmp_path / "never.png",
        None,
        None,
        None,
        None,
        1.0,
        error="refused: cloud metadata address",
    )
    items = {item.name: item for item in output_items_for_run(run, [good, refused])}
    assert (items["good"].path, items["good"].error) == (tmp_path / "a.png", None)
    failed = items["metadata"]
    # Nothing is read from where the file would have been.
    assert (failed.kind, failed.path, failed.error) == (
        "image",
        None,
        "refused: cloud metadata address",
    )
    model = GalleryModel()
    model.set_items([failed])
    tooltip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "Not saved: refused: cloud metadata address" in tooltip


# --- the view ----------------------------------------------------------------------------------


def test_empty_gallery_says_what_to_do(gallery: GalleryView) -> None:
    assert gallery.message_text() == EMPTY_GALLERY_MESSAGE
    assert gallery.empty_label.isVisible()
    assert gallery.empty_label.textFormat() == Qt.TextFormat.PlainText
    assert not gallery.workflow_combo.isEnabled()
    gallery.gallery_model.add_items([make_item(1)])
    assert gallery.workflow_combo.isEnabled()
    assert gallery.message_text() == ""


def test_filter_choices_follow_the_outputs(qtbot, gallery: GalleryView) -> None:
    gallery.gallery_model.add_items(
        [make_item(1, batch="a"), make_item(2, workflow="demo/slow-render")]
    )
    qtbot.waitUntil(lambda: gallery.workflow_combo.count() == 3)
    assert gallery.message_text() == ""
    assert [gallery.workflow_combo.itemText(i) for i in range(3)] == [
        "All workflows",
        "demo/slow-render",
        "Text to image",
    ]
    assert [gallery.batch_combo.itemText(i) for i in range(gallery.batch_combo.count())] == [
        "All batches",
        "Single runs",
        "Batch a",
    ]
    assert gallery.count_label.text() == "2 outputs"


def test_filter_combos_filter_the_grid(qtbot, gallery: GalleryView) -> None:
    gallery.gallery_model.set_items(
        [
            make_item(1, batch="a"),
            make_item(2, batch="a", workflow="demo/slow-render"),
            make_item(3, workflow="demo/slow-render"),
        ]
    )
    qtbot.waitUntil(lambda: gallery.batch_combo.count() == 3)
    gallery.set_workflow_filter("demo/slow-render")
    assert gallery.workflow_combo.currentText() == "demo/slow-render"
    assert [item.run_id for item in gallery.shown_items()] == ["run-3", "run-2"]
    gallery.set_batch_filter("a")
    assert [item.run_id for item in gallery.shown_items()] == ["run-2"]
    assert gallery.count_label.text() == "1 of 3 outputs"
    gallery.set_workflow_filter("demo/text-to-image")
    gallery.set_batch_filter(NO_BATCH)
    assert gallery.shown_items() == []
    assert gallery.message_text() == NO_MATCH_MESSAGE
    gallery.set_workflow_filter(None)
    assert [item.run_id for item in gallery.shown_items()] == ["run-3"]


def test_live_additions_keep_the_chosen_filter(qtbot, gallery: GalleryView) -> None:
    gallery.gallery_model.set_items([make_item(1), make_item(2, workflow="demo/slow-render")])
    qtbot.waitUntil(lambda: gallery.workflow_combo.count() == 3)
    gallery.set_workflow_filter("demo/slow-render")
    with qtbot.assertNotEmitted(gallery.gallery_model.modelReset):
        gallery.gallery_model.add_items(
            [
                make_item(3, workflow="demo/image-to-image"),
                make_item(4, workflow="demo/slow-render"),
            ]
        )
    qtbot.waitUntil(lambda: gallery.workflow_combo.count() == 4)
    assert gallery.workflow_combo.currentData() == "demo/slow-render"
    assert [item.run_id for item in gallery.shown_items()] == ["run-4", "run-2"]


def test_thumbnails_are_requested_only_for_visible_tiles(
    qtbot, gallery: GalleryView, loader: ThumbnailLoader, tmp_path: Path, monkeypatch
) -> None:
    requested: list[str] = []
    real_request = loader.request

    def spying_request(path: Path, size: int):
        requested.append(Path(path).name)
        return real_request(path, size)

    monkeypatch.setattr(loader, "request", spying_request)
    items = [make_item(n, path=write_image(tmp_path / f"{n:03}.png")) for n in range(120)]
    gallery.set_thumbnail_size(96)
    gallery.gallery_model.add_items(items)
    qtbot.waitUntil(lambda: bool(requested) and not loader.is_busy(), timeout=10_000)
    QApplication.processEvents()
    view = gallery.list_view
    visible = {
        Path(gallery.proxy.item(row).path).name
        for row in range(gallery.proxy.rowCount())
        if view.visualRect(gallery.proxy.index(row, 0)).intersects(view.viewport().rect())
    }
    assert 0 < len(visible) < 60
    assert set(requested) == visible
    # Each shown picture is held once, as its tile: its thumbnail was let go once the tile
    # was made, and painting again asks for nothing.
    assert not any(loader.cached(tmp_path / name, thumbnail_bucket(96)) for name in visible)
    assert gallery.delegate.tiles_bytes > 0
    requested.clear()
    view.viewport().repaint()
    assert requested == []

    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: "000.png" in requested)  # the oldest output is at the bottom
    assert len(set(requested)) < len(items)


def test_thumbnail_arrival_repaints_the_tile(qtbot, gallery: GalleryView, tmp_path: Path) -> None:
    path = write_image(tmp_path / "one.png", 200, 200, "#ff0000")
    gallery.gallery_model.add_items([make_item(1, path=path)])
    with qtbot.waitSignal(gallery.gallery_model.dataChanged, timeout=10_000) as blocker:
        gallery.list_view.viewport().repaint()
    assert blocker.args[2] == [ThumbnailRole]
    shot = gallery.list_view.viewport().grab().toImage()
    centre = gallery.list_view.visualRect(gallery.proxy.index(0, 0)).center()
    assert shot.pixelColor(centre.x(), centre.y() - 10) == QColor("#ff0000")


def test_double_click_and_enter_open_the_output(qtbot, gallery: GalleryView) -> None:
    gallery.gallery_model.add_items([make_item(1), make_item(2)])
    index = gallery.proxy.index(1, 0)
    rect = gallery.list_view.visualRect(index)
    viewport = gallery.list_view.viewport()
    with qtbot.waitSignal(gallery.open_requested) as blocker:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args[0].run_id == "run-1"

    gallery.list_view.setCurrentIndex(gallery.proxy.index(0, 0))
    gallery.list_view.setFocus()
    with qtbot.waitSignal(gallery.open_requested) as blocker:
        qtbot.keyClick(gallery.list_view, Qt.Key.Key_Return)
    assert blocker.args[0].run_id == "run-2"


def test_use_these_inputs_carries_the_item(qtbot, gallery: GalleryView) -> None:
    item = make_item(7)
    gallery.gallery_model.add_items([make_item(1), item])
    assert gallery.select_item("run-7", "generated_image")
    menu = gallery.context_menu_for(item)
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "Open",
        "Use these inputs",
        "Show run",
        "Save as…",
        "Copy image",
        "Open containing folder",
        "Export…",
        "Star",
        "Reject",
        "Compare…",
    ]
    with qtbot.waitSignal(gallery.use_inputs_requested) as blocker:
        gallery.use_inputs_action.trigger()
    assert blocker.args[0] == item
    assert blocker.args[0].inputs == {"prompt": "a fox number 7", "seed": 7}
    with qtbot.waitSignal(gallery.show_run_requested) as blocker:
        gallery.show_run_action.trigger()
    assert blocker.args == ["run-7"]
    menu.deleteLater()


def test_text_outputs_offer_copy_text(qtbot, gallery: GalleryView) -> None:
    item = make_item(3, kind="text")
    gallery.gallery_model.add_items([item])
    gallery.set_kind_filter(TEXT)
    assert gallery.select_item(item.run_id, item.name)
    menu = gallery.context_menu_for(item)
    assert "Copy text" in [a.text() for a in menu.actions()]
    gallery.copy_text_action.trigger()
    assert QGuiApplication.clipboard().text() == "text 3"
    menu.deleteLater()


def test_size_slider_resizes_the_tiles(qtbot, gallery: GalleryView) -> None:
    gallery.gallery_model.add_items([make_item(n) for n in range(6)])
    small = gallery.list_view.gridSize()
    gallery.size_slider.setValue(gallery.MAX_TILE)
    assert gallery.thumbnail_size() == gallery.MAX_TILE
    large = gallery.list_view.gridSize()
    assert large.width() - small.width() == gallery.MAX_TILE - gallery.DEFAULT_TILE
    gallery.set_thumbnail_size(10)
    assert gallery.size_slider.value() == gallery.MIN_TILE


def test_controls_have_accessible_names(gallery: GalleryView) -> None:
    assert gallery.workflow_combo.accessibleName() == "Filter by workflow"
    assert gallery.batch_combo.accessibleName() == "Filter by batch"
    assert gallery.kind_combo.accessibleName() == "Filter by kind of output"
    assert gallery.size_slider.accessibleName() == "Thumbnail size"
    assert gallery.list_view.accessibleName() == "Outputs"
    gallery.gallery_model.add_items([make_item(1)])
    accessible = gallery.proxy.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert accessible.startswith("Text to image, generated_image")


def test_removing_the_last_output_of_a_filtered_workflow_falls_back_to_all(
    qtbot, gallery: GalleryView
) -> None:
    gallery.gallery_model.set_items([make_item(1), make_item(2, workflow="demo/slow-render")])
    qtbot.waitUntil(lambda: gallery.workflow_combo.count() == 3)
    gallery.set_workflow_filter("demo/slow-render")
    gallery.gallery_model.remove_run("run-2")
    qtbot.waitUntil(lambda: gallery.workflow_combo.count() == 2)
    assert gallery.workflow_combo.currentData() is None
    assert [item.run_id for item in gallery.shown_items()] == ["run-1"]


def test_images_by_default_and_a_filter_for_text_and_data(qtbot, gallery: GalleryView) -> None:
    images = [make_item(n) for n in range(3)]
    text, data = make_item(7, kind="text"), make_item(8, kind="json")
    gallery.gallery_model.add_items([*images, text, data])
    # Pictures only at first: text and JSON tiles among them made the grid hard to look through.
    assert gallery.kind_combo.currentText() == "Images and media"
    assert gallery.proxy.kind == MEDIA
    assert {item.kind for item in gallery.shown_items()} == {"image"}
    assert gallery.count_label.text() == "3 of 5 outputs"

    gallery.kind_combo.setCurrentIndex(gallery.kind_combo.findText("Text and data"))
    assert {item.key for item in gallery.shown_items()} == {text.key, data.key}
    gallery.kind_combo.setCurrentIndex(gallery.kind_combo.findText("Everything"))
    assert len(gallery.shown_items()) == 5
    assert gallery.count_label.text() == "5 outputs"


def test_only_text_outputs_says_how_to_see_them(qtbot, gallery: GalleryView) -> None:
    gallery.gallery_model.add_items([make_item(7, kind="text")])
    qtbot.waitUntil(lambda: gallery.message_text() != EMPTY_GALLERY_MESSAGE)
    assert gallery.message_text() == f"{NO_MATCH_MESSAGE}\n{KIND_HINT}"
    gallery.set_kind_filter(None)
    assert gallery.message_text() == ""


def test_the_context_menu_stays_on_the_screen(qtbot, gallery: GalleryView) -> None:
    item = make_item(1)
    gallery.gallery_model.add_items([item])
    menu = gallery.context_menu_for(item)
    screen = gallery.screen().availableGeometry()
    size = menu.sizeHint()
    corner = fit_on_screen(menu, screen.bottomRight() - QPoint(2, 2))
    # Near the bottom right corner it opens up and to the left, all of it on the screen.
    assert screen.contains(QRect(corner, size))
    assert corner == screen.bottomRight() - QPoint(2, 2) - QPoint(size.width(), size.height())
    middle = screen.center()
    assert fit_on_screen(menu, middle) == middle
    menu.deleteLater()


def test_use_these_inputs_is_ctrl_u_as_in_the_queue(gallery: GalleryView) -> None:
    assert gallery.use_inputs_action.shortcut().toString() == "Ctrl+U"


def test_long_names_in_the_filters_do_not_widen_the_gallery(qtbot, gallery: GalleryView) -> None:
    before = gallery.minimumSizeHint().width()
    long_name = "someone/a-workflow-with-a-very-long-name-indeed-longer-than-any-screen-allows"
    gallery.gallery_model.add_items([make_item(1, workflow=long_name)])
    qtbot.waitUntil(lambda: gallery.workflow_combo.count() == 2)
    # The window's minimum width is its panes': a filter that grows would push it off screen.
    assert gallery.minimumSizeHint().width() == before


def test_save_copy_and_export_offer_the_saved_images(
    qtbot, gallery: GalleryView, tmp_path: Path
) -> None:
    saved = [make_item(n, path=write_image(tmp_path / f"{n}.png")) for n in (1, 2)]
    unsaved = make_item(3)
    gallery.gallery_model.add_items([*saved, unsaved])
    assert gallery.select_item("run-2", "generated_image")
    gallery.activateWindow()
    gallery.list_view.setFocus()
    qtbot.waitUntil(gallery.list_view.hasFocus)
    with qtbot.waitSignal(gallery.save_as_requested) as blocker:
        qtbot.keyClick(gallery.list_view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [saved[1]]
    with qtbot.waitSignal(gallery.copy_image_requested) as blocker:
        gallery.copy_image_action.trigger()
    assert blocker.args == [saved[1]]

    gallery.list_view.selectAll()
    menu = gallery.context_menu_for(saved[1])
    assert gallery.export_action.text() == "Export 2 selected images…"
    with qtbot.waitSignal(gallery.export_requested) as blocker:
        gallery.export_action.trigger()
    assert sorted(i.run_id for i in blocker.args[0]) == ["run-1", "run-2"]
    menu.deleteLater()

    gallery.list_view.clearSelection()
    assert gallery.select_item("run-3", "generated_image")
    menu = gallery.context_menu_for(unsaved)
    assert not gallery.save_as_action.isEnabled()
    assert not gallery.export_action.isEnabled()
    menu.deleteLater()


def test_filter_choices_follow_outputs_added_and_removed_without_walking_them() -> None:
    model = GalleryModel()
    model.set_items([make_item(1, batch="a"), make_item(2, batch="b"), make_item(3)])
    assert model.batches() == [("b", "Batch b"), ("a", "Batch a")]
    assert model.has_single_runs()
    model.add_items(
        [make_item(4, batch="a"), make_item(5, workflow="demo/prompt-enhancer", kind="text")]
    )
    # Batch a has the newest output now; the new workflow joins the choices by name.
    assert model.batches() == [("a", "Batch a"), ("b", "Batch b")]
    assert model.workflows() == [
        ("demo/prompt-enhancer", "demo/prompt-enhancer"),
        ("demo/text-to-image", "Text to image"),
    ]
    # Batch a's newest output goes: it falls back behind b; its last one goes: it leaves.
    model.remove_run("run-4")
    assert model.batches() == [("b", "Batch b"), ("a", "Batch a")]
    model.remove_run("run-1")
    assert model.batches() == [("b", "Batch b")]
    model.remove_run("run-3")
    assert model.has_single_runs()  # run 5 is one too
    model.remove_run("run-5")
    assert not model.has_single_runs()
    assert model.workflows() == [("demo/text-to-image", "Text to image")]


def test_tiles_kept_past_their_budget_while_shown_are_let_go_afterwards(qtbot) -> None:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QPixmap

    from fizzly_desktop.ui.gallery.tiles import OutputTileDelegate

    loader = ThumbnailLoader(max_workers=1)
    try:
        delegate = OutputTileDelegate(loader)
        one_tile = 40 * 40 * 4
        delegate.TILE_CACHE_BYTES = 2 * one_tile
        delegate.KEEP_RECENT_S = 0.5
        pictures = []
        for shade in range(5):
            picture = QPixmap(60, 60)
            picture.fill(QColor(40 * shade, 90, 160))
            pictures.append(picture)
        for picture in pictures:  # one screen, painted at once: every tile is recent
            delegate._tile_pixmap(picture, QSize(40, 40), 1.0)
        assert delegate.tiles_bytes == 5 * one_tile
        # Nothing more is painted: once they are no longer recent, the tiles past the budget go.
        qtbot.waitUntil(lambda: delegate.tiles_bytes <= 2 * one_tile, timeout=5_000)
        assert delegate.tiles_bytes == 2 * one_tile
    finally:
        assert loader.shutdown()
