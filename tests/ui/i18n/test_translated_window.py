"""The main window in German, Spanish and the pseudo-language with runs shown: nothing clipped,
and a screenshot of each for people to look at (the README shows the German one)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import qasync
from pytestqt.qtbot import QtBot

from fizzly_desktop.ui import i18n
from fizzly_desktop.ui.controller import AppController
from tests.fixtures.app import in_app, pick, until
from tests.ui.i18n.layout_check import clipped

OUT = Path(__file__).resolve().parents[3] / "build" / "screenshots"


@pytest.mark.parametrize("language", ["de", "es", i18n.PSEUDO])
def test_the_main_window_with_runs_in(
    language: str, qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    translators = i18n.install_language(language)
    problems: list[str] = []

    async def scenario(app: AppController) -> None:
        window = app.window
        window.resize(1400, 880)
        await pick(app, "demo/broken-pipeline")
        window.form_panel.form.set_values({"prompt": "a castle in the clouds"})
        window.run_action.trigger()
        await pick(app, "demo/text-to-image")
        for prompt in ("a lighthouse at dawn", "a fox in the snow"):
            window.form_panel.form.set_values({"prompt": prompt, "width": 512, "height": 384})
            window.run_action.trigger()
        await until(lambda: len(app.run_model.runs()) == 3)
        await until(lambda: all(r.state.is_terminal for r in app.run_model.runs()))
        newest = max(app.run_model.runs(), key=lambda r: r.created_at)
        window.queue_view.select_run(newest.id)
        await until(lambda: any(i.is_image for i in app.outputs_strip.outputs()))
        await asyncio.sleep(0.3)  # let thumbnails decode and paint before the grab
        problems.extend(clipped(window))
        assert window.grab().save(str(OUT / f"main-window-{language}.png"))
        window.run_details.tabs.setCurrentIndex(1)
        problems.extend(clipped(window))

    try:
        in_app(qloop, scenario)
    finally:
        i18n.remove_language(translators)
    assert problems == []
    assert (OUT / f"main-window-{language}.png").stat().st_size > 10_000
