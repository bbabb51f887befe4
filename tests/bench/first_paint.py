"""Start a window and print ``painted`` on its first paint, then quit: the start-up probe.

python -m tests.bench.first_paint app [APP ARGS...]   # the real app
python -m tests.bench.first_paint bare                # a bare PySide6 QMainWindow
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
    from fizzly_desktop.ui.shell.main_window import MainWindow

    _hook_first_paint(MainWindow)
    return app_main(argv[1:])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
