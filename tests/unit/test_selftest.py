"""The installation self-test, run from source against the real sandbox launcher."""

from __future__ import annotations

import importlib.metadata
import io
import sys
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from fizzly_desktop import selftest
from fizzly_desktop.selftest import (
    KEYRING_SERVICE,
    DownloadedImage,
    MemoryKeyring,
    SelfTest,
    StepFailed,
    run_self_test,
)

pytestmark = pytest.mark.usefixtures("qapp")

STEPS = ("Qt", "sandbox run", "image decode", "video playback", "keyring")


@pytest.fixture
def no_os_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """The machine has no keyring daemon (as in CI): keyring offers only its fail backend."""
    monkeypatch.setattr(keyring, "get_keyring", fail.Keyring)


@pytest.fixture
def recording_keyring(monkeypatch: pytest.MonkeyPatch) -> RecordingKeyring:
    """An OS keyring that remembers every write, standing in for Secret Service."""
    backend = RecordingKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: backend)
    return backend


class RecordingKeyring(MemoryKeyring):
    def __init__(self) -> None:
        super().__init__()
        self.writes: list[tuple[str, str]] = []

    def set_password(self, service: str, username: str, password: str) -> None:
        self.writes.append((service, username))
        super().set_password(service, username, password)

    def entries(self) -> dict[tuple[str, str], str]:
        return dict(self._secrets)


def _lines(out: io.StringIO) -> list[str]:
    return out.getvalue().splitlines()


@pytest.mark.usefixtures("no_os_keyring")
def test_self_test_passes_every_step_from_source() -> None:
    out = io.StringIO()

    status = run_self_test(["--sandbox"], out=out)

    lines = _lines(out)
    assert status == 0, out.getvalue()
    passed = [line.split(":")[0].removeprefix("PASS  ") for line in lines if line[:4] == "PASS"]
    assert passed == list(STEPS)
    assert not [line for line in lines if line.startswith("FAIL")]
    assert "PASS  image decode: webp 320x192, as the run reported" in lines
    assert any("prompt-encode -> image-generation -> upscale" in line for line in lines)
    assert any("in-memory keyring backend" in line for line in lines)
    assert any(
        line.startswith("PASS  video playback: played the 3.0 s clip to its end (")
        for line in lines
    )
    assert any("clip streamed in" in line and "video/mp4" in line for line in lines)
    assert lines[-1].startswith("Self-test passed: 5 of 5 steps")


def test_self_test_fails_at_the_sandbox_and_runs_nothing_after_it() -> None:
    out = io.StringIO()

    status = run_self_test(["--sandbox-arg=--no-such-flag"], out=out)

    lines = _lines(out)
    assert status == 1
    assert lines[1].startswith("PASS  Qt")
    assert lines[2].startswith("FAIL  sandbox run: ")
    assert "exited before it was ready" in lines[2]
    assert not any(line.startswith(("PASS  image", "PASS  keyring")) for line in lines)
    assert lines[-1].startswith("Self-test FAILED at step 'sandbox run'")


def test_sandbox_flags_from_the_app_command_line_reach_the_sandbox(tmp_path: Path) -> None:
    out = io.StringIO()
    test = SelfTest(out, sandbox_args=["--time-scale", "0.05"])

    image = test.check_sandbox_run(tmp_path)

    assert (image.width, image.height) == (320, 192)
    assert image.path.parent == tmp_path
    assert image.path.read_bytes()[8:12] == b"WEBP"


def test_a_failed_run_fails_the_step_with_the_node_and_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(selftest, "RUN_WORKFLOW", ("demo", "broken-pipeline"))
    monkeypatch.setattr(selftest, "RUN_INPUTS", {"prompt": "anything"})

    with pytest.raises(StepFailed, match="the run failed at safety-check"):
        SelfTest(io.StringIO(), sandbox_args=["--time-scale", "0.05"]).check_sandbox_run(tmp_path)


def test_a_run_that_takes_too_long_fails_the_step_plainly(tmp_path: Path) -> None:
    test = SelfTest(io.StringIO(), sandbox_args=["--time-scale", "20"], timeout=3.0)

    with pytest.raises(StepFailed, match=r"no image within 3 s"):
        test.check_sandbox_run(tmp_path)


def _save_image(path: Path, width: int, height: int, *, flat: bool = False) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#7c3aed"))
    if not flat:
        for x in range(width // 2, width):
            image.setPixelColor(x, height // 2, QColor(Qt.GlobalColor.white))
            image.setPixelColor(x, 0, QColor(Qt.GlobalColor.white))
    assert image.save(str(path))
    return path


def test_image_step_accepts_a_picture_of_the_reported_size(tmp_path: Path) -> None:
    path = _save_image(tmp_path / "ok.png", 64, 48)

    summary = SelfTest(io.StringIO()).check_image(DownloadedImage(path, 64, 48))

    assert summary == "png 64x48, as the run reported"


@pytest.mark.parametrize(
    ("content", "reported", "reason"),
    [
        ("garbage", (64, 48), "could not decode"),
        ("swapped", (48, 64), "the image is 64x48, the run reported 48x64"),
        ("flat", (64, 48), "single flat colour"),
    ],
)
def test_image_step_refuses_what_is_not_the_run_s_picture(
    tmp_path: Path, content: str, reported: tuple[int, int], reason: str
) -> None:
    path = tmp_path / "output.png"
    if content == "garbage":
        path.write_bytes(b"\x89PNG\r\n\x1a\n but not really")
    else:
        _save_image(path, 64, 48, flat=content == "flat")

    with pytest.raises(StepFailed, match=reason):
        SelfTest(io.StringIO()).check_image(DownloadedImage(path, *reported))


def test_keyring_step_uses_the_os_keyring_and_leaves_nothing_behind(
    recording_keyring: RecordingKeyring,
) -> None:
    out = io.StringIO()

    summary = SelfTest(out).check_keyring()

    assert "stored, read back and removed" in summary
    assert recording_keyring.writes == [(KEYRING_SERVICE, selftest.KEYRING_PROFILE)]
    assert recording_keyring.entries() == {}
    assert "OS keyring" in out.getvalue()
    assert "RecordingKeyring" in out.getvalue()


@pytest.mark.usefixtures("no_os_keyring")
def test_keyring_step_falls_back_to_memory_only_without_an_os_keyring() -> None:
    out = io.StringIO()

    SelfTest(out).check_keyring()

    assert "no OS keyring here; used an in-memory keyring backend" in out.getvalue()


def test_keyring_step_fails_when_the_platform_backend_is_not_bundled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")

    def only_fail_backend(group: str) -> list[Any]:
        assert group == "keyring.backends"
        return []

    monkeypatch.setattr(importlib.metadata, "entry_points", only_fail_backend)

    with pytest.raises(StepFailed, match="cannot see its SecretService backend"):
        SelfTest(io.StringIO()).check_keyring()


def test_keyring_step_fails_when_the_key_does_not_come_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class ForgetfulKeyring(RecordingKeyring):
        def get_password(self, service: str, username: str) -> str | None:
            return None

    monkeypatch.setattr(keyring, "get_keyring", ForgetfulKeyring)

    with pytest.raises(StepFailed, match="not the one stored"):
        SelfTest(io.StringIO()).check_keyring()


def test_memory_keyring_is_never_chosen_by_keyring_itself() -> None:
    assert not MemoryKeyring.viable
    assert MemoryKeyring not in {type(backend) for backend in keyring.backend.get_all_keyring()}


def test_a_frozen_app_starts_its_sandbox_as_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    from fizzly_desktop.core import sandbox_process

    monkeypatch.setattr(sys, "frozen", True, raising=False)

    command = sandbox_process.sandbox_command(("--time-scale", "0.1"))

    assert command == [sys.executable, "--run-sandbox", "--exit-with-stdin", "--time-scale", "0.1"]
    # A new instance of the app, not a worker of this one, as far as PyInstaller is concerned.
    environment = sandbox_process.sandbox_environment()
    assert environment is not None
    assert environment["PYINSTALLER_RESET_ENVIRONMENT"] == "1"


def test_from_source_the_sandbox_inherits_the_environment() -> None:
    from fizzly_desktop.core import sandbox_process

    assert not getattr(sys, "frozen", False)
    assert sandbox_process.sandbox_environment() is None
    assert sandbox_process.sandbox_command(())[1:3] == ["-m", "fizzly_desktop.sandbox"]


def test_the_app_hands_run_sandbox_to_the_sandbox_before_anything_else(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from fizzly_desktop.app import main

    with pytest.raises(SystemExit) as exit_info:
        main(["--run-sandbox", "--help"])

    assert exit_info.value.code == 0
    assert "--time-scale" in capsys.readouterr().out
