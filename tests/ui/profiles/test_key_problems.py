"""Journey "add a key": a profile whose key is refused, or whose server cannot be reached,
says so where the workflows would be, with the button that fixes it.

Switching to a profile with a rejected key showed an empty workflow list under a green
"● Connected". Here the profile switcher is used as a user does, and the status bar, the
workflow list's place and the Run button are read; the fixing button opens Profiles on that
profile.
"""

from __future__ import annotations

import socket

import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fizzly_desktop.ui.controller import AppController
from fizzly_desktop.ui.presenters.form import KEY_REJECTED
from fizzly_desktop.ui.profiles import ProfilesDialog
from fizzly_desktop.ui.shell.status_bar import Connection
from tests.fixtures.app import in_app, pick, until
from tests.fixtures.keyring import MemoryKeyring

WRONG_KEY = "fiz_live_this-key-was-revoked-0000"


def choose_profile(app: AppController, name: str) -> None:
    """The switcher at the top of the sidebar, as a click on one of its names."""
    combo = app.window.profile_combo
    index = combo.findText(name)
    assert index >= 0, f"{name} is not in the switcher"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def a_closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def open_dialogs() -> list[ProfilesDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, ProfilesDialog)]


def test_a_rejected_key_says_so_in_place_of_the_workflows_with_the_fix(
    qtbot: QtBot, qloop: qasync.QEventLoop, memory_keyring: MemoryKeyring
) -> None:
    async def scenario(app: AppController) -> None:
        window, panel = app.window, app.library_panel
        await pick(app, "demo/text-to-image")
        assert app.sandbox is not None
        # A profile on the same server whose key the server does not know.
        app.profiles.add("Studio", app.sandbox.info.base_url)
        app.profiles.set_key("Studio", WRONG_KEY)
        app.profiles_presenter.refresh_list()

        choose_profile(app, "Studio")
        await until(lambda: window.status.connection is not Connection.CHECKING)
        await until(lambda: window.status.connection is Connection.KEY_REJECTED)
        label = window.status.connection_label.text()
        assert label == "○ Key rejected: open Profiles to replace it"
        assert "Connected" not in label
        problem = panel.problem_shown()
        assert problem is not None
        assert problem.startswith("Key rejected: open Profiles to replace it.")
        assert panel.problem_button.isVisible()
        assert panel.problem_button.text() == "Open Profiles…"
        # An empty list says nothing: the problem stands in its place.
        assert panel.list.count() == 0
        assert not panel.list.isVisible()
        assert WRONG_KEY not in problem

        # The button opens Profiles on that profile, to replace its key.
        qtbot.mouseClick(panel.problem_button, Qt.MouseButton.LeftButton)
        await until(lambda: len(open_dialogs()) == 1, timeout=5)
        (dialog,) = open_dialogs()
        assert dialog.selected_name() == "Studio"
        dialog.reject()
        await until(lambda: open_dialogs() == [] or not open_dialogs()[0].isVisible(), timeout=5)

        # Back on the sandbox, it is connected again and the problem is gone.
        choose_profile(app, "Local sandbox")
        await until(lambda: window.status.connection is Connection.CONNECTED)
        assert panel.problem_shown() is None
        assert app.sandbox is not None
        assert panel.list.count() == len(app.sandbox.info.workflows)

    in_app(qloop, scenario)


def test_a_rejected_key_blocks_run_with_the_reason(
    qtbot: QtBot, qloop: qasync.QEventLoop, memory_keyring: MemoryKeyring
) -> None:
    async def scenario(app: AppController) -> None:
        window = app.window
        await pick(app, "demo/text-to-image")
        assert app.sandbox is not None
        app.profiles.add("Studio", app.sandbox.info.base_url)
        app.profiles.set_key("Studio", WRONG_KEY)
        app.profiles_presenter.refresh_list()
        choose_profile(app, "Studio")
        await until(lambda: window.status.connection is Connection.KEY_REJECTED)
        # The form left on screen cannot send with that key, and says why.
        assert window.form_panel.form is not None
        assert window.form_panel.blocking_reason() == KEY_REJECTED
        assert not window.form_panel.run_button.isEnabled()

    in_app(qloop, scenario)


def test_an_unreachable_server_says_it_cannot_be_reached_and_tries_again(
    qtbot: QtBot, qloop: qasync.QEventLoop, memory_keyring: MemoryKeyring
) -> None:
    async def scenario(app: AppController) -> None:
        window, panel = app.window, app.library_panel
        await pick(app, "demo/text-to-image")
        app.profiles.add("Away", f"http://127.0.0.1:{a_closed_port()}")
        app.profiles.set_key("Away", "fiz_live_a-key-that-may-be-fine-1234")
        app.profiles_presenter.refresh_list()

        choose_profile(app, "Away")
        await until(lambda: window.status.connection is Connection.OFFLINE, timeout=30)
        assert window.status.connection_label.text() == "○ Can't reach the server"
        problem = panel.problem_shown()
        assert problem is not None
        assert problem.startswith("Can't reach the server. ")
        assert problem.endswith("check the address and your internet connection.")
        assert panel.problem_button.text() == "Try again"
        # The key is not called rejected: it was never asked about.
        assert "rejected" not in problem.lower()

        qtbot.mouseClick(panel.problem_button, Qt.MouseButton.LeftButton)
        assert window.status.connection is Connection.CHECKING
        await until(lambda: window.status.connection is Connection.OFFLINE, timeout=30)
        assert open_dialogs() == []

    in_app(qloop, scenario)
