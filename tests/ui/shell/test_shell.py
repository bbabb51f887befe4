"""The app shell: window, menus, status bar, About, and a clean quit with no task left behind."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import qasync
from pytestqt.qtbot import QtBot

from fizzly_desktop import APP_NAME
from fizzly_desktop.core.session import AppSession
from fizzly_desktop.ui.controller import AppController
from fizzly_desktop.ui.shell.about import about_text
from fizzly_desktop.ui.shell.status_bar import AppStatusBar, Connection


def test_window_has_the_app_menus_and_title(qtbot: QtBot, qloop: qasync.QEventLoop) -> None:
    controller = AppController(AppSession(), use_sandbox=False)
    titles = [a.text() for a in controller.window.menuBar().actions()]
    assert titles == ["&File", "&Run", "&View", "&Help"]
    assert controller.window.windowTitle().startswith(APP_NAME)
    qloop.run_until_complete(controller.shutdown())


def test_quit_shuts_down_and_returns_zero(qtbot: QtBot, qloop: qasync.QEventLoop) -> None:
    controller = AppController(AppSession(), use_sandbox=False)
    controller.show()
    qtbot.waitExposed(controller.window)

    async def scenario() -> int:
        running = controller.tasks
        waiter = qloop.create_task(controller.run_until_quit())
        controller.window.quit_action.trigger()
        code = await waiter
        assert len(running) == 0
        return code

    assert qloop.run_until_complete(scenario()) == 0
    assert controller.tasks.closed


def test_layout_is_remembered(qtbot: QtBot, qloop: qasync.QEventLoop, app_home: Path) -> None:
    first = AppController(AppSession(), use_sandbox=False)
    first.show()
    qtbot.waitExposed(first.window)
    first.window.resize(1400, 900)
    qtbot.waitUntil(lambda: first.window.width() == 1400)
    first.window.splitter.setSizes([200, 330, 860])
    first.window.queue_splitter.setSizes([300, 150])
    sizes = first.window.splitter.sizes(), first.window.queue_splitter.sizes()
    qloop.run_until_complete(first.shutdown())
    second = AppController(AppSession(), use_sandbox=False)
    second.show()
    qtbot.waitExposed(second.window)
    assert second.window.size().width() == 1400
    assert (second.window.splitter.sizes(), second.window.queue_splitter.sizes()) == sizes
    assert (app_home / "config" / "window.ini").is_file()
    qloop.run_until_complete(second.shutdown())


def test_status_bar_fields(qtbot: QtBot) -> None:
    bar = AppStatusBar()
    qtbot.addWidget(bar)
    bar.set_server("Local sandbox", "http://127.0.0.1:5000")
    bar.set_connection(Connection.CONNECTED)
    bar.set_budget(remaining=42, limit=60, reset_at=time.time() + 30)
    bar.set_counts(active=3, queued=7)
    bar.set_credits(12.5)
    assert bar.server_label.text() == "Local sandbox · http://127.0.0.1:5000"
    assert bar.connection_label.text() == "● Connected"
    assert bar.budget_label.text().startswith("Rate limit: 42 of 60 left · resets in ")
    assert bar.runs_label.text() == "3 on the server · 7 not sent yet"
    assert bar.credits_label.text() == "12.5 credits this session"


def test_a_notice_has_room_in_the_status_bar(qtbot: QtBot) -> None:
    bar = AppStatusBar()
    qtbot.addWidget(bar)
    bar.resize(900, 30)
    bar.set_server("Local sandbox", "http://127.0.0.1:5000")
    bar.show()
    qtbot.waitExposed(bar)
    assert bar.server_label.isVisible()
    bar.showMessage("12 images exported to /home/me/Picks", 5000)
    # The notice takes the server's place (the server field is not permanent) and has room.
    assert not bar.server_label.isVisible()
    assert bar.currentMessage() == "12 images exported to /home/me/Picks"
    assert bar.connection_label.geometry().left() > bar.width() // 3
    bar.clearMessage()
    assert bar.server_label.isVisible()


def test_about_names_version_and_escapes_paths() -> None:
    text = about_text()
    assert APP_NAME in text
    assert "<script" not in text


def test_sandbox_child_starts_with_the_app_and_ends_with_it(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    controller = AppController(AppSession(sandbox_args=["--time-scale", "0.05"]), use_sandbox=True)
    controller.show()

    async def scenario() -> int:
        waiter = qloop.create_task(controller.run_until_quit())
        await controller.ready.wait()
        sandbox = controller.sandbox
        assert sandbox is not None
        assert sandbox.running
        assert controller.window.status.connection is Connection.CONNECTED
        assert sandbox.info.base_url in controller.window.status.server_label.text()
        controller.window.close()
        code = await waiter
        assert not sandbox.running
        return code

    assert qloop.run_until_complete(asyncio.wait_for(scenario(), 30)) == 0


def test_late_parts_keep_the_queue_above_the_details(
    qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    from fizzly_desktop.ui.shell.main_window import MainWindow

    # As at start-up: the skeleton is shown first, the controller installs the rest.
    window = MainWindow()
    window.show()
    qtbot.waitExposed(window)
    before = window.queue_splitter.sizes()
    controller = AppController(AppSession(), window, use_sandbox=False)
    assert window.queue_splitter.sizes() == before
    queue, details = window.queue_splitter.sizes()
    assert queue > details > 0
    qloop.run_until_complete(controller.shutdown())


PAINT_A_TALL_SCROLL_BAR = """
import os
from fizzly_desktop.app import favour_the_gui_thread
if os.environ.get("PREFER") == "1":
    favour_the_gui_thread()
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollBar
app = QApplication([])
before = len(os.listdir("/proc/self/task"))
bar = QScrollBar(Qt.Orientation.Vertical)
bar.resize(16, 900)
bar.setRange(0, 100)
bar.show()
for step in range(3):
    app.processEvents()
    bar.repaint()
    bar.setValue(step * 10)
print(len(os.listdir("/proc/self/task")) - before)
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads in /proc")
def test_the_app_paints_without_qt_helper_threads() -> None:
    def helper_threads(prefer: str) -> int:
        env = {k: v for k, v in os.environ.items() if k != "QT_NO_GUI_THREADPOOL"}
        done = subprocess.run(
            [sys.executable, "-c", PAINT_A_TALL_SCROLL_BAR],
            env={**env, "PREFER": prefer, "QT_QPA_PLATFORM": "offscreen"},
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return int(done.stdout.split()[-1])

    assert helper_threads("0") > 0  # Qt's own default: fills split across helper threads
    assert helper_threads("1") == 0  # the app's: painted on the GUI thread alone


CLOSE_AT_FIRST_PAINT = """
import os
import sys
from PySide6.QtCore import QEvent, QTimer
from fizzly_desktop.app import main
from fizzly_desktop.core.sandbox_process import SandboxLaunch
from fizzly_desktop.ui.shell.main_window import MainWindow

launches = []
original_init = SandboxLaunch.__init__
def init(self, *args, **kwargs):
    original_init(self, *args, **kwargs)
    launches.append(self)
SandboxLaunch.__init__ = init

original = MainWindow.event
def event(self, e):
    if e.type() == QEvent.Type.Paint and not getattr(self, "_closing_now", False):
        self._closing_now = True
        QTimer.singleShot(0, self.close)  # the user closes the window as soon as it shows
    return original(self, e)
MainWindow.event = event
code = main(["--sandbox"])
# The sandbox started with the window (app.py) was waited for: no child left, not even
# a zombie (os.kill on a reaped child's pid fails).
print("launched", len(launches), "running", [launch.running for launch in launches])
for launch in launches:
    try:
        os.kill(launch.pid, 0)
        print("left behind", launch.pid)
    except ProcessLookupError:
        pass
sys.exit(code)
"""


def test_closing_the_window_while_the_app_starts_ends_it_cleanly(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CLOSE_AT_FIRST_PAINT],
        env={**os.environ, "FIZZLY_DESKTOP_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    assert done.stdout.splitlines() == ["launched 1 running [False]"]


def test_favouring_the_gui_thread_sets_the_interpreter_and_keeps_a_users_qt_setting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from fizzly_desktop.app import GIL_SWITCH_INTERVAL, favour_the_gui_thread

    monkeypatch.setenv("QT_NO_GUI_THREADPOOL", "users-own")
    before = sys.getswitchinterval()
    try:
        favour_the_gui_thread()
        assert sys.getswitchinterval() == pytest.approx(GIL_SWITCH_INTERVAL)
        assert os.environ["QT_NO_GUI_THREADPOOL"] == "users-own"
    finally:
        sys.setswitchinterval(before)


MENUS_ONCE_STARTED = """
import fizzly_desktop.app as app

def run_loop(qapp, window, options, launch):
    # Where the event loop would start: everything the first paint left for later is there.
    print([action.text() for action in window.view_menu.actions() if action.menu()])
    return 0

app._run_loop = run_loop
raise SystemExit(app.main([]))
"""


def test_the_view_menu_has_its_submenus_before_the_app_takes_input(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", MENUS_ONCE_STARTED],
        env={**os.environ, "FIZZLY_DESKTOP_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.splitlines() == ["['&Appearance', '&Language']"]
