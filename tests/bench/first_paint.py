"""Start a window and print ``painted`` on its first paint, then quit: the start-up probe.

python -m tests.bench.first_paint app [APP ARGS...]   # the real app
python -m tests.bench.first_paint bare                # a bare PySide6 QMainWindow
python -m tests.bench.first_paint interactive [APP ARGS...]
    # the real app, printing ``interactive`` once it can be used: a workflow's form shown and
    # taking input, nothing outside the form holding Run back (the sandbox connected), and the
    # history listed; then it quits
"""

from __future__ import annotations

import sys


def _hook_first_paint(window_class: type) -> None:
    from PySide6.QtCore import QEvent, QTimer

    original_event = window_class.event
    state = {"painted": False}

    def event(self, e):  # type: ignore[no-untyped-def]
        if e.type() == QEvent.Type.Paint and not state["painted"]:
            state["painted"] = True
            print("painted", flush=True)
            QTimer.singleShot(0, self.close)
        return original_event(self, e)

    window_class.event = event


def _hook_interactive() -> None:
    """Print ``interactive`` once the controller has started and the window can be used."""
    import fizzly_desktop.app as app_module

    preload = app_module._preload_heavy_modules

    def preload_then_hook() -> None:
        # The controller's module loads here, off the GUI thread and after the first paint, as
        # in the app: hooking it any earlier would move its imports before the first paint.
        preload()
        import asyncio

        from fizzly_desktop.ui.controller import AppController

        original_start = AppController.start

        async def start(self: AppController) -> None:
            await original_start(self)
            # Polled: usable means several objects agree, and no one signal says so.
            while not _usable(self):  # noqa: ASYNC110
                await asyncio.sleep(0.005)
            print("interactive", flush=True)
            self.window.close_without_asking()

        AppController.start = start  # type: ignore[method-assign]

    app_module._preload_heavy_modules = preload_then_hook


def _usable(controller: object) -> bool:
    from fizzly_desktop.core.profiles import SANDBOX_PROFILE_NAME
    from fizzly_desktop.ui.controller import AppController

    assert isinstance(controller, AppController)
    engine, window = controller.engine, controller.window
    return (
        engine is not None
        and engine.history_complete
        and controller.sandbox is not None
        and controller.session.profiles.active_name == SANDBOX_PROFILE_NAME
        and window.form_panel.form is not None
        and window.form_panel.form.isEnabled()
        # Whether Run is enabled also depends on the form's inputs (a required prompt the
        # server's schema gives no default for), which are the user's to type, not start-up's.
        and controller.form.run_blocker() is None
    )


def main(argv: list[str]) -> int:
    if argv[:1] == ["bare"]:
        from PySide6.QtWidgets import QApplication, QMainWindow

        _hook_first_paint(QMainWindow)
        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(1320, 840)
        window.show()
        return app.exec()
    from fizzly_desktop.app import main as app_main

    if argv[:1] == ["interactive"]:
        _hook_interactive()
    else:
        from fizzly_desktop.ui.shell.main_window import MainWindow

        _hook_first_paint(MainWindow)
    return app_main(argv[1:])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
