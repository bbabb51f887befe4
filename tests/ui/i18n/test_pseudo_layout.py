"""In the pseudo-language (every phrase accented and 40 % longer) no text is clipped and no
window overflows the screen: the main window with a run shown, the Profiles dialog, the Add
workflow dialog and the batch builder. This guards the English layout too."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
import qasync
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.i18n import translate as core_translate
from fizzly_desktop.core.runs import RunState
from fizzly_desktop.ui import i18n
from fizzly_desktop.ui.controller import AppController
from tests.fixtures.app import in_app, only_run, pick, state_of, until
from tests.ui.i18n.layout_check import clipped


@pytest.fixture
def pseudo(qapp: object) -> Iterator[None]:
    translators = i18n.install_language(i18n.PSEUDO)
    yield
    i18n.remove_language(translators)


def fits_the_screen(window: QWidget) -> list[str]:
    screen = (window.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    hint = window.minimumSizeHint()
    if hint.width() > screen.width() or hint.height() > screen.height():
        return [
            f"{type(window).__name__} needs {hint.width()}×{hint.height()}, screen is "
            f"{screen.width()}×{screen.height()}"
        ]
    return []


def test_the_pseudo_language_is_longer_accented_and_keeps_placeholders(pseudo: None) -> None:
    assert i18n.translate("MainWindow", "&File").startswith("[&F")
    text = i18n.translate("X", "Run {name} now")
    assert "{name}" in text
    assert "Ŕûñ" in text
    assert len(text) >= len("Run {name} now") * 1.3
    assert i18n.translate("SweepTab", "%n run(s)", None, 3).startswith("[3 ŕûñš")
    # Core's words go through it as well.
    assert core_translate("RunState", "Done").startswith("[Đöñé")


def test_the_check_finds_a_clipped_label_and_button(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QLabel, QPushButton

    label = QLabel("A label far too long for its width")
    button = QPushButton("A button far too long for its width")
    for widget in (label, button):
        qtbot.addWidget(widget)
        widget.setFixedWidth(40)
        widget.show()
    assert len(clipped(label)) == 1
    assert len(clipped(button)) == 1


def test_main_window_with_a_run_in_pseudo(pseudo: None, qloop: qasync.QEventLoop) -> None:
    problems: list[str] = []

    async def scenario(app: AppController) -> None:
        window = app.window
        await pick(app, "demo/text-to-image")
        window.form_panel.form.set_values({"prompt": "a lighthouse", "width": 256, "height": 256})
        window.run_action.trigger()
        await until(lambda: len(app.run_model.runs()) == 1)
        run_id = only_run(app).id
        window.queue_view.select_run(run_id)
        await until(lambda: state_of(app, run_id) is RunState.COMPLETED)
        problems.extend(clipped(window))
        problems.extend(fits_the_screen(window))
        window.tabs.setCurrentIndex(1)  # the gallery
        await until(lambda: window.gallery.isVisible())
        problems.extend(clipped(window.gallery))

    in_app(qloop, scenario)
    assert problems == []


def test_profiles_dialog_in_pseudo(
    pseudo: None, qtbot: QtBot, qloop: qasync.QEventLoop, memory_keyring: object
) -> None:
    from fizzly_desktop.core.profiles import ProfileStore
    from fizzly_desktop.core.secrets import KeyVault
    from fizzly_desktop.ui.profiles import ProfilesDialog

    store = ProfileStore(KeyVault())
    store.add("Work")
    store.set_key("Work", "fiz_live_9f8e7d6c5b4a3210abcd")
    store.set_active("Work")
    store.add("Studio", "https://eu.example.com")
    dialog = ProfilesDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    problems = clipped(dialog) + fits_the_screen(dialog)
    dialog.select_profile("Studio")  # no key yet: the other set of buttons
    problems += clipped(dialog)
    qloop.run_until_complete(dialog.aclose())
    gc.collect()
    assert problems == []


def test_add_workflow_dialog_in_pseudo(pseudo: None, qtbot: QtBot) -> None:
    from fizzly_desktop.ui.library.add_dialog import AddWorkflowDialog

    dialog = AddWorkflowDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert clipped(dialog) + fits_the_screen(dialog) == []


def test_batch_builder_in_pseudo_every_mode(pseudo: None, qtbot: QtBot) -> None:
    from tests.ui.batches.test_batch_builder import make_dialog

    dialog = make_dialog(qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    problems = fits_the_screen(dialog)
    for mode in ("repeat", "sweep", "import"):
        dialog.set_mode(mode)
        dialog.refresh_now()
        qtbot.wait(10)
        problems += [f"{mode}: {problem}" for problem in clipped(dialog)]
    assert problems == []
