"""Composition root: arguments, logging, the QApplication on a qasync loop, wiring, and shutdown.

Start-up order matters for how fast the window appears and can be used: parse arguments and
set up logging (cheap), create the QApplication and show the main window; with ``--sandbox``,
start the sandbox child process the moment the window has painted (before asyncio loads: it
boots on another core while this process loads the heavy modules); and only then start the
work that can take a while (opening history, resuming tracked runs) as owned tasks on the
shared asyncio loop.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from fizzly_desktop.core.sandbox_process import RunningSandbox, SandboxLaunch
    from fizzly_desktop.ui.shell.main_window import MainWindow

from fizzly_desktop import APP_ID, APP_NAME, __version__

log = logging.getLogger(__name__)


#: The languages ``--language`` takes (ui/i18n.py's, named here to keep Qt out of parsing).
LANGUAGE_CODES = ("en", "de", "es", "zh_CN", "pseudo")

#: How long a thread running Python may keep the GIL while the GUI thread waits for it.
GIL_SWITCH_INTERVAL = 0.001


def favour_the_gui_thread() -> None:
    """Process-wide settings that keep the GUI thread from waiting (before the QApplication).

    - Paint on the GUI thread alone. Qt's raster engine splits fills taller than about a
      hundred lines across a pool of helper threads and waits for them: the scroll bar, on
      every scroll step. Widgets are small, so the split saves little, and when the cores are
      busy (runs streaming, images decoding) the GUI thread waits for a helper to get one.
      (Qt turns the pool off when the variable is set at all, whatever its value.)
    - Hand the GIL back within 1 ms. Painting the queue calls into Python hundreds of times
      (model data, delegates), taking the GIL each time; a worker running Python (history
      writes, decoding) may keep it for the whole switch interval first: 5 ms by default.
    """
    os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
    sys.setswitchinterval(GIL_SWITCH_INTERVAL)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fizzly-desktop",
        description=f"{APP_NAME}: run Fizzly workflows from your desktop.",
    )
    target = parser.add_mutually_exclusive_group()
    target.add_argument(
        "--sandbox",
        action="store_true",
        help="use the bundled local sandbox server (no account needed)",
    )
    target.add_argument("--base-url", metavar="URL", help="use this API base URL for this session")
    parser.add_argument("--profile", metavar="NAME", help="start with this profile active")
    parser.add_argument(
        "--sandbox-arg",
        action="append",
        default=[],
        metavar="FLAG",
        help="pass a flag to the sandbox server, e.g. --sandbox-arg=--time-scale=0.2",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (sandbox run, image decode, keyring) and exit",
    )
    parser.add_argument(
        "--language",
        choices=LANGUAGE_CODES,
        metavar="CODE",
        help="show the window in this language for this start: en, de, es, zh_CN "
        "(or pseudo, for checking layouts); the default follows View > Language",
    )
    parser.add_argument("--verbose", action="store_true", help="log debug details to stderr")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    # A frozen build has no `python -m`: it starts its bundled sandbox as `<app> --run-sandbox`.
    if args[:1] == ["--run-sandbox"]:
        from fizzly_desktop.sandbox.__main__ import main as sandbox_main

        return sandbox_main(args[1:])

    options = build_parser().parse_args(args)

    from fizzly_desktop.core.logs import configure_logging
    from fizzly_desktop.core.paths import app_paths

    paths = app_paths().ensure()
    configure_logging(paths.log_file, verbose=options.verbose)
    log.info("%s %s starting (pid %d)", APP_NAME, __version__, os.getpid())

    if options.self_test:
        from fizzly_desktop.selftest import run_self_test

        return run_self_test(options)

    return _run_gui(options)


def _launch_sandbox(args: Sequence[str]) -> SandboxLaunch | None:
    """Start the sandbox child now, or None (the session starts one later and says why not)."""
    from fizzly_desktop.core.paths import app_paths
    from fizzly_desktop.core.sandbox_process import SandboxLaunch

    try:
        return SandboxLaunch(*args, data_dir=app_paths().data_dir / "sandbox")
    except OSError:
        log.exception("The local sandbox could not be started early")
        return None


def _run_gui(options: argparse.Namespace) -> int:
    from PySide6.QtCore import QSettings, QtMsgType, qInstallMessageHandler
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from fizzly_desktop.core.paths import app_paths
    from fizzly_desktop.ui.i18n import install_language, resolve_language, saved_language

    def route_qt_message(kind: QtMsgType, _context: object, message: str) -> None:
        level = {
            QtMsgType.QtDebugMsg: logging.DEBUG,
            QtMsgType.QtInfoMsg: logging.INFO,
            QtMsgType.QtWarningMsg: logging.WARNING,
        }.get(kind, logging.ERROR)
        logging.getLogger("qt").log(level, "%s", message)

    qInstallMessageHandler(route_qt_message)
    favour_the_gui_thread()
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationVersion(__version__)
    QApplication.setOrganizationName("Fizzly")
    QApplication.setOrganizationDomain("fizzly.ai")
    QGuiApplication.setDesktopFileName(APP_ID)
    app = QApplication(sys.argv[:1])
    app.setWindowIcon(_app_icon())
    # Closing the window ends the app through the controller's shut-down (or, during
    # start-up, through _run_app), never by Qt's event loop stopping under asyncio.
    app.setQuitOnLastWindowClosed(False)

    # The language first: phrases kept at module level are translated when their module loads.
    settings = QSettings(str(app_paths().config_dir / "window.ini"), QSettings.Format.IniFormat)
    language = resolve_language(options.language, saved_language(settings))
    translators = install_language(language, app)
    log.info("Language %s (%d translators)", language, len(translators))

    # Paint first: the window's skeleton needs only light modules. The API client, schemas and
    # keyring are imported off the GUI thread while it shows, then the controller fills it in.
    from fizzly_desktop.ui.shell.main_window import MainWindow

    window = MainWindow()
    window.restore_layout(settings)
    window.show()
    app.processEvents()  # paint the skeleton now, before the event loop's own imports
    # A submenu the first frame does not show; no input is handled before the loop runs.
    from fizzly_desktop.ui.shell.language_menu import add_language_menu

    add_language_menu(
        window.view_menu, settings, language, lambda text: window.statusBar().showMessage(text)
    )
    # The local server boots (~0.3 s of its own imports) on the other core while this process
    # loads the heavy modules, which take longer: started before the paint instead, it only
    # added its start (~10 ms of CPU) to the paint and made nothing usable sooner (measured).
    launch = _launch_sandbox(options.sandbox_arg) if options.sandbox else None
    try:
        return _run_loop(app, window, options, launch)
    finally:
        if launch is not None:
            launch.abandon()  # the app ended before anything took it


def _run_loop(
    app: QApplication, window: MainWindow, options: argparse.Namespace, launch: SandboxLaunch | None
) -> int:
    """Run the app on the asyncio loop until it quits; its exit code."""
    # asyncio (with ssl) and qasync load only now that the window is on screen.
    import asyncio

    from fizzly_desktop.ui.event_loop import GuiEventLoop
    from fizzly_desktop.ui.quit_signals import QuitSignals

    loop = GuiEventLoop(app)
    asyncio.set_event_loop(loop)
    # A session logout (SIGTERM) or Ctrl+C (SIGINT) quits as File ▸ Quit does: the window's
    # close starts the same orderly shutdown, rather than the process dying mid-write.
    quit_signals = QuitSignals()
    quit_signals.received.connect(lambda _signum: _close(window))
    try:
        with loop:
            exit_code: int = loop.run_until_complete(_run_app(window, options, launch))
    finally:
        quit_signals.close()
    log.info("%s exited with status %d", APP_NAME, exit_code)
    return exit_code


def _close(window: object) -> None:
    """Close the main window unless the shutdown already deleted it; a signal does not ask."""
    import shiboken6

    from fizzly_desktop.ui.shell.main_window import MainWindow

    if isinstance(window, MainWindow) and shiboken6.isValid(window):
        window.close_without_asking()


def _app_icon() -> QIcon:
    from PySide6.QtGui import QIcon

    from fizzly_desktop.resources import app_icon_files

    icon = QIcon()
    for path in app_icon_files():
        icon.addFile(str(path))
    return icon


def _preload_heavy_modules() -> None:
    """Import what the controller needs (httpx, the schema reader, the engine) in a worker.

    The controller's own module and the panels it makes come last: class definitions and
    value types only (no widget is made at import), ~70 ms the GUI thread would otherwise
    spend unable to answer input while the window is on screen.
    """
    import importlib

    for name in (
        "fizzly_desktop.api",
        "fizzly_desktop.core.engine",
        "fizzly_desktop.core.schema",
        "fizzly_desktop.core.profiles",
        "fizzly_desktop.core.session",
        "fizzly_desktop.ui.controller",
    ):
        importlib.import_module(name)


async def _sandbox_ready(launch: SandboxLaunch) -> RunningSandbox:
    return await launch.ready()


async def _run_app(
    window: object, options: argparse.Namespace, launch: SandboxLaunch | None = None
) -> int:
    import asyncio
    import contextlib

    from fizzly_desktop.ui.shell.main_window import MainWindow

    assert isinstance(window, MainWindow)
    # --sandbox: the server started once the window painted; its first line is awaited here
    # while the heavy modules load, and the session takes it when the sandbox profile asks.
    early_sandbox = (
        asyncio.create_task(_sandbox_ready(launch), name="sandbox-early") if launch else None
    )
    closed = asyncio.Event()  # the user may close the window before the controller exists
    window.close_requested.connect(closed.set)
    if not window.has_painted:
        # Imports hold the GIL: start them once the window is on screen, not while it paints.
        painted = asyncio.Event()
        window.first_painted.connect(painted.set)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(painted.wait(), timeout=1.0)
    await asyncio.to_thread(_preload_heavy_modules)
    if closed.is_set() or not window.isVisible():
        log.info("The window was closed while %s was starting", APP_NAME)
        if early_sandbox is not None:
            with contextlib.suppress(Exception):
                await (await early_sandbox).stop()
        return 0
    from fizzly_desktop.core.session import AppSession
    from fizzly_desktop.ui.controller import AppController

    # Cheap to build: the history, the engine and the sandbox open later, as owned tasks.
    session = AppSession(sandbox_args=options.sandbox_arg, early_sandbox=early_sandbox)
    controller = AppController(
        session,
        window,
        use_sandbox=options.sandbox,
        base_url=options.base_url,
        profile=options.profile,
    )
    return await controller.run_until_quit()


if __name__ == "__main__":
    raise SystemExit(main())
