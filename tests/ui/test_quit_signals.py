"""SIGTERM and SIGINT end the app as File ▸ Quit does: clean shutdown, exit status 0."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fizzly_desktop import APP_NAME

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="POSIX signals; Windows ends apps another way"
)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_quit_signal_shuts_the_app_down_cleanly(tmp_path: Path, signum: signal.Signals) -> None:
    env = {**os.environ, "FIZZLY_DESKTOP_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    app = subprocess.Popen(
        [sys.executable, "-m", "fizzly_desktop", "--sandbox", "--verbose"],
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert app.stderr is not None
        seen: list[str] = []
        deadline = time.monotonic() + 60
        # Read the log as it is written (blocking reads, no sleeps) until the app is ready.
        while not any(f"{APP_NAME} is ready" in line for line in seen[-1:]):
            line = app.stderr.readline()
            assert line, "the app ended before it was ready:\n" + "".join(seen[-40:])
            assert time.monotonic() < deadline, "the app did not get ready in time"
            seen.append(line)
        app.send_signal(signum)
        _, rest = app.communicate(timeout=60)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
    assert app.returncode == 0, rest[-3000:]
    assert f"Received {signum.name}: quitting" in rest
    assert f"{APP_NAME} exited with status 0" in rest
    assert "Traceback" not in rest
    log_file = (tmp_path / "logs" / "fizzly-desktop.log").read_text()
    assert f"{APP_NAME} is ready" in log_file
    assert log_file.rstrip().endswith(f"{APP_NAME} exited with status 0")
