"""The "Build batch…" dialog: each mode makes the exact plan, problems block, big batches ask."""

from __future__ import annotations

import random
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.batch_plan import (
    BatchPlan,
    SweepAxis,
    repeat_with_seeds,
    sweep,
)
from fizzly_desktop.core.schema import SEED_MAX, InputSchema
from fizzly_desktop.ui.batches import BatchBuilderDialog

SCHEMA = InputSchema.from_document(
    {
        "type": "object",
        "required": ["prompt"],
        "properties": {
            "prompt": {"type": "string", "x-order": 0},
            "width": {"type": "integer", "minimum": 256, "maximum": 2048, "x-order": 1},
            "guidance_scale": {"type": "number", "minimum": 1, "maximum": 20, "x-order": 2},
            "scheduler": {"enum": ["DDIM", "K_EULER", "DPMSolverMultistep"], "x-order": 3},
            "seed": {"type": "integer", "minimum": 0, "maximum": SEED_MAX, "x-order": 4},
        },
    }
)
BASE: dict[str, Any] = {"prompt": "A red fox", "width": 1024, "guidance_scale": 7.5}
OPENED = datetime(2026, 11, 28, 21, 40)


def make_dialog(qtbot: QtBot, **overrides: Any) -> BatchBuilderDialog:
    options: dict[str, Any] = {
        "owner": "demo",
        "slug": "text-to-image",
        "credits_per_run": 5.0,
        "rate_limit": 60,
        "rate_window_s": 60.0,
        "rng": random.Random(11),
        "now": lambda: OPENED,
    }
    options.update(overrides)
    base = options.pop("base", BASE)
    dialog = BatchBuilderDialog(SCHEMA, base, "Text to image", **options)
    qtbot.addWidget(dialog)
    return dialog


@pytest.fixture
def no_question(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Fails the test if the dialog asks for confirmation; records what it would have asked."""
    asked: list[tuple[str, str]] = []

    def question(_parent: object, title: str, text: str, *_args: object) -> object:
        asked.append((title, text))
        raise AssertionError(f"unexpected confirmation: {title}")

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


# --- repeat ---------------------------------------------------------------------------------------


def test_repeat_with_random_seeds_makes_distinct_seeds_over_the_form_values(
    qtbot: QtBot, no_question: list[tuple[str, str]]
) -> None:
    dialog = make_dialog(qtbot)
    assert dialog.mode() == "repeat"
    dialog.repeat_count.setValue(5)
    assert dialog.ok_button.isEnabled()
    assert dialog.ok_button.text() == "Queue 5 runs"
    assert dialog.summary_label.text() == (
        "5 runs · about 25 credits · about 10 s at the rate limit"
    )
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    plan = dialog.plan()
    assert plan.name == "Repeat × 5 — 28 Nov 21:40"
    assert plan.workflow == "demo/text-to-image"
    assert plan.axes == ()
    seeds = [item.inputs.pop("seed") for item in plan.items]
    assert len(set(seeds)) == 5
    assert all(0 <= s <= SEED_MAX for s in seeds)
    assert [item.inputs for item in plan.items] == [BASE] * 5
    assert dialog.repeat_preview.count() == 5


def test_repeat_counting_up_makes_the_exact_plan(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    dialog.repeat_count.setValue(3)
    dialog.increment_seeds_radio.setChecked(True)
    assert dialog.first_seed_edit.placeholderText() == "0"
    dialog.first_seed_edit.setText("100")
    expected = repeat_with_seeds(BASE, 3, "seed", "increment", 100, bounds=(0, SEED_MAX))
    assert dialog.plan() == BatchPlan(
        "Repeat × 3 — 28 Nov 21:40", "demo", "text-to-image", tuple(expected)
    )
    assert dialog.repeat_note.text() == "seed: 100 … 102, in order."


def test_a_first_seed_that_is_not_a_number_disables_queueing_with_the_reason(
    qtbot: QtBot,
) -> None:
    dialog = make_dialog(qtbot)
    dialog.increment_seeds_radio.setChecked(True)
    dialog.first_seed_edit.setText("abc")
    reason = "The first seed must be a whole number between 0 and 4294967295."
    assert not dialog.ok_button.isEnabled()
    assert dialog.ok_button.text() == "Queue runs"
    assert dialog.ok_button.toolTip() == reason
    assert dialog.problem_label.text() == reason
    assert dialog.problem() == reason
    assert dialog.summary_label.text() == "No runs yet"
    with pytest.raises(RuntimeError, match="first seed must be a whole number"):
        dialog.plan()


def test_repeat_without_a_seed_sends_the_same_inputs(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    dialog.seed_field_combo.setCurrentIndex(dialog.seed_field_combo.findData(None))
    dialog.repeat_count.setValue(2)
    assert not dialog.random_seeds_radio.isEnabled()
    assert [item.inputs for item in dialog.plan().items] == [BASE, BASE]


def test_a_problem_in_the_form_values_is_named_as_such(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, base={"width": 1024})
    assert not dialog.ok_button.isEnabled()
    assert dialog.problem_label.text() == (
        "The form's values have a problem: Prompt is required. Fix it in the form first."
    )


def test_seeds_the_form_leaves_random_are_filled_per_run(qtbot: QtBot) -> None:
    dialog = make_dialog(
        qtbot, base={**BASE, "seed": 3}, random_seed_fields=["seed"], rng=random.Random(2)
    )
    dialog.seed_field_combo.setCurrentIndex(dialog.seed_field_combo.findData("width"))
    dialog.repeat_count.setValue(3)
    plan = dialog.plan()
    seeds = [item.inputs["seed"] for item in plan.items]
    assert len(set(seeds)) == 3
    assert 3 not in seeds
    # The plan stays the same between looks: what was checked is what gets queued.
    assert dialog.plan() == plan


# --- sweep ----------------------------------------------------------------------------------------


def set_sweep(dialog: BatchBuilderDialog, a: tuple[str, str], b: tuple[str, str] | None) -> None:
    dialog.set_mode("sweep")
    dialog.axis_a.select(a[0])
    dialog.axis_a.values.setPlainText(a[1])
    if b is None:
        dialog.axis_b.select(None)
    else:
        dialog.axis_b.select(b[0])
        dialog.axis_b.values.setPlainText(b[1])
    dialog.refresh_now()


def test_a_two_field_sweep_makes_the_exact_grid_plan(
    qtbot: QtBot, no_question: list[tuple[str, str]]
) -> None:
    dialog = make_dialog(qtbot)
    set_sweep(dialog, ("guidance_scale", "3..12 x4"), ("width", "512, 768, 1024"))
    a = SweepAxis("guidance_scale", (3.0, 6.0, 9.0, 12.0))
    b = SweepAxis("width", (512, 768, 1024))
    assert dialog.sweep_count_label.text() == "4 × 3 = 12 runs"
    assert dialog.axis_a.feedback.text() == "✓ 4 values: 3, 6, 9, 12"
    assert dialog.ok_button.text() == "Queue 12 runs"
    assert dialog.summary_label.text() == (
        "12 runs · about 60 credits · about 24 s at the rate limit"
    )
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.plan() == BatchPlan(
        "Sweep guidance_scale × width — 28 Nov 21:40",
        "demo",
        "text-to-image",
        tuple(sweep(BASE, a, b)),
        (a, b),
    )
    preview = dialog.sweep_preview
    assert (preview.rowCount(), preview.columnCount()) == (3, 4)
    assert preview.horizontalHeaderItem(0).text() == "guidance_scale = 3"
    assert preview.verticalHeaderItem(2).text() == "width = 1024"
    assert preview.item(1, 0).text() == "Run 5"


def test_a_one_field_sweep_is_a_single_row(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    set_sweep(dialog, ("scheduler", "ddim, k_euler"), None)
    plan = dialog.plan()
    assert [item.inputs["scheduler"] for item in plan.items] == ["DDIM", "K_EULER"]
    assert [item.grid_position for item in plan.items] == [(0, 0), (0, 1)]
    assert plan.axes == (SweepAxis("scheduler", ("DDIM", "K_EULER")),)
    assert dialog.sweep_count_label.text() == "2 runs"
    assert plan.name == "Sweep scheduler — 28 Nov 21:40"


def test_choosing_a_choice_input_fills_in_every_choice(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    dialog.set_mode("sweep")
    dialog.axis_a.select("scheduler")
    assert dialog.axis_a.values.toPlainText() == "DDIM, K_EULER, DPMSolverMultistep"
    dialog.axis_a.values.setPlainText("DDIM")
    dialog.axis_a.select("width")
    # What the user typed is never replaced.
    assert dialog.axis_a.values.toPlainText() == "DDIM"


def test_a_random_seed_is_shared_by_every_cell_of_a_sweep(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, random_seed_fields=["seed"])
    set_sweep(dialog, ("width", "512, 768"), ("guidance_scale", "2, 4"))
    seeds = {item.inputs["seed"] for item in dialog.plan().items}
    assert len(seeds) == 1
    (seed,) = seeds
    assert dialog.sweep_note.text() == (
        f"Every cell uses seed = {seed}, so cells differ only by the swept values."
    )


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        (("width", "4096"), None, "width: 4096 is above the maximum, 2048."),
        (("width", ""), None, "Enter the values of width to try, e.g. 256, 257, 260"),
        (("width", "512"), ("guidance_scale", "1..2"), "guidance_scale: say how many values"),
        (("width", "512"), ("width", "768"), "Columns and rows both sweep width"),
    ],
)
def test_sweep_problems_disable_queueing_with_the_reason(
    qtbot: QtBot, a: tuple[str, str], b: tuple[str, str] | None, reason: str
) -> None:
    dialog = make_dialog(qtbot)
    set_sweep(dialog, a, b)
    assert not dialog.ok_button.isEnabled()
    assert dialog.problem_label.text().startswith(reason)
    assert dialog.ok_button.toolTip().startswith(reason)
    assert dialog.sweep_preview.rowCount() == 0


def test_feedback_follows_typing(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    dialog.show()
    dialog.set_mode("sweep")
    dialog.axis_a.select("width")
    dialog.axis_a.values.setFocus()
    qtbot.keyClicks(dialog.axis_a.values, "512, 7x")
    qtbot.waitUntil(lambda: dialog.axis_a.feedback.text() == "✗ width: '7x' is not a whole number.")
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.axis_a.values, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.axis_a.values, "68")
    qtbot.waitUntil(lambda: dialog.ok_button.text() == "Queue 2 runs")
    assert dialog.axis_a.feedback.text() == "✓ 2 values: 512, 768"


def test_a_swept_value_the_schema_refuses_names_the_cell(qtbot: QtBot) -> None:
    schema = InputSchema.from_document(
        {
            "type": "object",
            "properties": {"style": {"type": "string", "pattern": "^[a-z]+$", "x-order": 0}},
        }
    )
    dialog = BatchBuilderDialog(
        schema, {}, "Styles", owner="o", slug="s", credits_per_run=None, now=lambda: OPENED
    )
    qtbot.addWidget(dialog)
    dialog.set_mode("sweep")
    dialog.axis_a.values.setPlainText("calm\nLoud")
    dialog.refresh_now()
    assert dialog.problem_label.text() == (
        "style = Loud: Style is not in the expected form (it must match ^[a-z]+$)."
    )


# --- import ---------------------------------------------------------------------------------------

CSV_ROWS = (
    "prompt,seed,width,colour\r\n"
    "A red fox,1,512,red\r\n"
    "A blue cat,abc,768,blue\r\n"
    '"A cat, sitting",3,4096,x\r\n'
    "A dog,4,,\r\n"
)


def test_import_previews_every_row_and_queues_only_the_valid_ones(
    qtbot: QtBot, tmp_path: Path, no_question: list[tuple[str, str]]
) -> None:
    path = tmp_path / "people.csv"
    path.write_text(CSV_ROWS, encoding="utf-8")
    dialog = make_dialog(qtbot)
    with qtbot.waitSignal(dialog.import_loaded) as loaded:
        dialog.load_import_file(path)
        assert dialog.mode() == "import"
        assert dialog.is_reading_file()
        assert not dialog.ok_button.isEnabled()
        assert dialog.problem_label.text() == "Reading people.csv…"
    result = loaded.args[0]
    assert not dialog.is_reading_file()
    table = dialog.import_table
    assert table.rowCount() == 4
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Row", "prompt", "seed", "width", "Status"]
    assert table.item(1, 4).text() == "✗ Skipped: seed: 'abc' is not a whole number."
    assert table.item(2, 4).text() == "✗ Skipped: Width must be at most 2048."
    assert table.item(0, 4).text() == "✓ Will run"
    normal = table.item(0, 1).background().color()
    assert table.item(1, 1).background().color() != normal
    assert table.item(1, 1).background().style() != Qt.BrushStyle.NoBrush
    assert table.item(0, 1).background().style() == Qt.BrushStyle.NoBrush
    # An empty cell keeps the form's value, shown apart.
    assert table.item(3, 3).text() == "1024"
    assert table.item(3, 3).toolTip() == "From the form: 1024"
    assert dialog.import_summary.text() == (
        "2 rows will run · 2 rows with problems will be skipped (highlighted) · Row 1: "
        "Column 'colour' is not an input of this workflow and is ignored."
    )
    assert len(result.problems) == 2
    dialog.ok_button.click()
    plan = dialog.plan()
    assert plan.name == "Import people.csv — 28 Nov 21:40"
    assert [item.inputs for item in plan.items] == [
        {**BASE, "prompt": "A red fox", "seed": 1, "width": 512},
        {**BASE, "prompt": "A dog", "seed": 4},
    ]
    assert [item.label for item in plan.items] == ["Row 2", "Row 5"]


def test_a_file_chosen_while_another_is_read_replaces_it(qtbot: QtBot, tmp_path: Path) -> None:
    first = tmp_path / "first.csv"
    first.write_text("prompt\n" + "\n".join(f"fox {i}" for i in range(500)), encoding="utf-8")
    second = tmp_path / "second.csv"
    second.write_text("prompt\ncat\n", encoding="utf-8")
    dialog = make_dialog(qtbot)
    with qtbot.waitSignal(dialog.import_loaded) as loaded:
        dialog.load_import_file(first)
        dialog.load_import_file(second)
    assert len(loaded.args[0].rows) == 1
    assert [item.inputs["prompt"] for item in dialog.plan().items] == ["cat"]
    assert dialog.import_file_label.text() == "second.csv — 1 row read."


def test_closing_while_a_file_is_read_drops_it(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text("prompt\n" + "\n".join(f"fox {i}" for i in range(500)), encoding="utf-8")
    dialog = make_dialog(qtbot)
    dialog.load_import_file(path)
    dialog.reject()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.is_reading_file()


def test_import_before_any_file_says_what_to_do(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    dialog.set_mode("import")
    assert not dialog.ok_button.isEnabled()
    assert dialog.problem_label.text() == "Choose or drop a CSV or JSONL file of input rows."


def test_a_file_that_is_not_rows_is_one_message(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    dialog = make_dialog(qtbot)
    with qtbot.waitSignal(dialog.import_loaded):
        dialog.load_import_file(path)
    assert not dialog.ok_button.isEnabled()
    assert dialog.problem_label.text().startswith("photo.png is not a text file")
    assert dialog.import_table.rowCount() == 0
    assert dialog.import_file_label.text() == "photo.png: this file cannot be used."


def test_a_file_with_only_bad_rows_queues_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text('{"prompt": "a", "width": 1}\n{"seed": -1}\n', encoding="utf-8")
    dialog = make_dialog(qtbot, base={})
    with qtbot.waitSignal(dialog.import_loaded):
        dialog.load_import_file(path)
    assert dialog.import_table.rowCount() == 2
    assert dialog.import_table.horizontalHeaderItem(0).text() == "Line"
    assert dialog.problem_label.text() == (
        "No row of rows.jsonl can be sent: each one has a problem (shown in the table)."
    )


def drag_enter(dialog: BatchBuilderDialog, mime: QMimeData) -> QDragEnterEvent:
    centre = dialog.rect().center()
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0))
    try:
        # Newer PySide6 takes a QPointF and deprecates the QPoint form; older ones only have it.
        return QDragEnterEvent(QPointF(centre), *args)  # type: ignore[arg-type]
    except TypeError:
        return QDragEnterEvent(centre, *args)


def test_dropping_a_file_on_the_dialog_imports_it(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "drop.csv"
    path.write_text("prompt\nfrom a drop\n", encoding="utf-8")
    dialog = make_dialog(qtbot)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    actions = Qt.DropAction.CopyAction
    buttons = Qt.MouseButton.LeftButton
    modifiers = Qt.KeyboardModifier.NoModifier
    enter = drag_enter(dialog, mime)
    dialog.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(dialog.rect().center()), actions, mime, buttons, modifiers)
    with qtbot.waitSignal(dialog.import_loaded):
        dialog.dropEvent(drop)
    assert dialog.mode() == "import"
    assert [item.inputs["prompt"] for item in dialog.plan().items] == ["from a drop"]

    text_only = QMimeData()
    text_only.setText("not a file")
    refused = drag_enter(dialog, text_only)
    dialog.dragEnterEvent(refused)
    assert not refused.isAccepted()


# --- confirmation and the rest --------------------------------------------------------------------


def test_a_big_batch_asks_first_and_stays_open_when_declined(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[str, str]] = []
    answer = QMessageBox.StandardButton.No

    def question(_parent: object, title: str, text: str, *_args: object) -> object:
        asked.append((title, text))
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = make_dialog(qtbot)
    dialog.repeat_count.setValue(30)
    dialog.ok_button.click()
    assert asked == [
        (
            "Queue 30 runs?",
            "This batch makes 30 runs of Text to image.\n\nIt will use about 150 credits.\n"
            "The rate limit makes it take about 60 s.\n\nQueue them?",
        )
    ]
    assert dialog.result() != QDialog.DialogCode.Accepted
    answer = QMessageBox.StandardButton.Yes
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert len(dialog.plan().items) == 30


def test_a_small_batch_of_expensive_runs_asks_too(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def question(_parent: object, title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = make_dialog(qtbot, credits_per_run=60.0)
    dialog.repeat_count.setValue(2)
    dialog.ok_button.click()
    assert len(asked) == 1
    assert "about 120 credits" in asked[0]
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_unknown_credits_are_said_plainly(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot, credits_per_run=None, already_queued_requests=20)
    dialog.repeat_count.setValue(2)
    assert dialog.summary_label.text() == (
        "2 runs · credits unknown until the first run finishes · about 24 s at the rate limit"
    )


def test_a_name_the_user_typed_is_kept(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    assert dialog.name_edit.text() == "Repeat × 4 — 28 Nov 21:40"
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "Fox tests")
    dialog.repeat_count.setValue(7)
    assert dialog.name_edit.text() == "Fox tests"
    assert dialog.plan().name == "Fox tests"
    dialog.name_edit.selectAll()
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Backspace)
    dialog.repeat_count.setValue(8)
    assert dialog.name_edit.text() == ""
    assert dialog.name_edit.placeholderText() == "Repeat × 8 — 28 Nov 21:40"
    assert dialog.plan().name == "Repeat × 8 — 28 Nov 21:40"


def test_controls_have_accessible_names_and_tabs_have_shortcuts(qtbot: QtBot) -> None:
    dialog = make_dialog(qtbot)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    for widget in (
        dialog.repeat_count,
        dialog.seed_field_combo,
        dialog.first_seed_edit,
        dialog.axis_a.combo,
        dialog.axis_a.values,
        dialog.axis_b.combo,
        dialog.choose_file_button,
        dialog.import_table,
        dialog.name_edit,
        dialog.summary_label,
        dialog.ok_button,
    ):
        assert widget.accessibleName(), widget
    qtbot.keyClick(dialog, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert dialog.mode() == "import"
    qtbot.keyClick(dialog, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert dialog.mode() == "sweep"
    # Each box of the sweep is one mnemonic away, and Tab leaves a values box.
    dialog.axis_b.select("width")
    qtbot.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.axis_b.values.hasFocus)
    qtbot.keyClick(dialog, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(dialog.axis_a.values.hasFocus)
    qtbot.keyClick(dialog.axis_a.values, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not dialog.axis_a.values.hasFocus())
