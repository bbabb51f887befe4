"""Run the frozen app's self-test offscreen: ``make package-test`` (after ``make package``).

    .venv/bin/python packaging/smoke_test.py [--timeout SECONDS] [APP]

Starts the built app (``packaging/dist/...`` unless APP is given) as
``<app> --sandbox --self-test`` with Qt offscreen and the app's folders in a temporary home,
so it never touches the user's data; on Linux, then once more against a real Secret Service
in a private D-Bus session. Output is shown as it comes; the exit status is the self-test's
(0 = every step passed), or 1 if it did not finish within the timeout.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bundle

DEFAULT_TIMEOUT = 180.0


def default_app() -> Path:
    """Where ``build.py`` leaves the app's executable on this platform."""
    if sys.platform == "darwin":
        return bundle.DIST_DIR / "Fizzly Desktop.app" / "Contents" / "MacOS" / bundle.APP_DIR_NAME
    suffix = ".exe" if sys.platform == "win32" else ""
    return bundle.DIST_DIR / bundle.APP_DIR_NAME / f"{bundle.APP_DIR_NAME}{suffix}"


def run(command: list[str], env: dict[str, str], timeout: float) -> int:
    """Run ``command`` with its output passed through; its exit status, or 1 on timeout."""
    print("$", shlex.join(command), flush=True)
    # Its own process group, so that on a timeout the app and its sandbox child both go.
    if os.name == "posix":
        process = subprocess.Popen(
            command, env=env, stdin=subprocess.DEVNULL, start_new_session=True
        )
    else:
        process = subprocess.Popen(
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            creationflags=subprocess.CREATE_NEW_PROCESS_GROUP,  # type: ignore[attr-defined,unused-ignore]
        )
    try:
        return int(process.wait(timeout))
    except subprocess.TimeoutExpired:
        print(f"FAIL  the app did not finish within {timeout:g} s; stopping it", flush=True)
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
        process.wait()
        return 1


def run_with_secret_service(app: Path, env: dict[str, str], home: Path, timeout: float) -> int:
    """Linux: the self-test again, against a real Secret Service (GNOME Keyring).

    A private D-Bus session with a fresh, unlocked keyring under the temporary home proves the
    frozen app's SecretService backend (secretstorage, jeepney, cryptography) really works,
    not only the in-memory fallback used where no keyring runs. Skipped where the tools are
    missing (they come with the Debian packages dbus and gnome-keyring).
    """
    if not sys.platform.startswith("linux"):
        return 0
    missing = [t for t in ("dbus-run-session", "gnome-keyring-daemon") if not shutil.which(t)]
    if missing:
        print(f"Skipped the Secret Service self-test: {', '.join(missing)} not installed.")
        return 0
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    (home / ".cache").mkdir(exist_ok=True)
    keyring_env = {**env, "HOME": str(home), "XDG_RUNTIME_DIR": str(runtime)}
    script = (
        "printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 && "
        'exec "$0" --sandbox --self-test'
    )
    print("With a real Secret Service (GNOME Keyring in a private D-Bus session):", flush=True)
    return run(["dbus-run-session", "--", "sh", "-c", script, str(app)], keyring_env, timeout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app", nargs="?", type=Path, default=None, help="the app's executable")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="seconds")
    options = parser.parse_args(argv)
    app = options.app or default_app()
    if not app.is_file():
        print(f"No built app at {app}: run `make package` first.", file=sys.stderr)
        return 2

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="fizzly-package-test-") as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FIZZLY_DESKTOP_HOME": home}
        # A frozen app must not pick up modules from a surrounding virtualenv or checkout.
        for variable in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"):
            env.pop(variable, None)
        status = run([str(app), "--version"], env, 30.0)
        if status == 0:
            status = run([str(app), "--sandbox", "--self-test"], env, options.timeout)
        if status == 0:
            status = run_with_secret_service(app, env, Path(home), options.timeout)
    verdict = "passed" if status == 0 else f"FAILED (exit status {status})"
    print(f"Package test {verdict} in {time.monotonic() - started:.1f} s.", flush=True)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
