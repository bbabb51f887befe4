"""The installation self-test (``fizzly-desktop --sandbox --self-test``): one real run, end to end.

It proves that an installed or frozen app has everything it needs, with the same code the window
uses: Qt with its image plugins and text services (sorting, time-zone names, encodings), the
bundled sandbox started the way the app starts it, a run submitted and followed over the status
stream through :class:`~fizzly_desktop.api.FizzlyClient`, the output image fetched with the
credential-free downloader and decoded by Qt, and a key stored, read back and removed through the
app's keyring code. It prints one line per step and returns 0 only when every step passed.

It needs no window: it uses the running Qt application if there is one, else creates a
QGuiApplication (offscreen when no display exists), and runs its network steps on a private
asyncio loop.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.metadata
import os
import secrets
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import keyring
from jaraco.classes import properties
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import PasswordDeleteError
from PySide6.QtGui import QGuiApplication, QImageReader

from fizzly_desktop import APP_ID, APP_NAME, __version__
from fizzly_desktop.api import (
    ErrorEvent,
    FizzlyClient,
    OutputDownloader,
    OutputEvent,
    RemoteStatus,
    RunRef,
    StreamInterrupted,
    SubmitEvent,
)
from fizzly_desktop.core.sandbox_process import SandboxInfo, start_sandbox
from fizzly_desktop.core.secrets import SecretStore
from fizzly_desktop.selftest_media import DownloadedClip, fetch_clip, play_to_end
from fizzly_desktop.selftest_text import TextServicesFailed, check_text_services

# A small, non-square picture: a wrong width/height swap or a scaled output is caught.
RUN_WORKFLOW = ("demo", "text-to-image")
RUN_INPUTS: dict[str, Any] = {
    "prompt": "Fizzly self-test: bubbles rising into a spark",
    "seed": 2026,
    "width": 320,
    "height": 192,
    "steps": 10,
    "output_format": "webp",
}
# Keys written by the self-test live under their own keyring service, so a user's real keys
# can never be read, replaced or removed by it.
KEYRING_SERVICE = f"{APP_ID}.self-test"
KEYRING_PROFILE = "Self-test"
# The keyring backend each platform is expected to offer (its entry-point name).
NATIVE_KEYRING = {"linux": "SecretService", "darwin": "macOS", "win32": "Windows"}
DEFAULT_TIMEOUT = 120.0


class StepFailed(Exception):
    """A self-test step did not work; the message says what was seen."""


@dataclass(frozen=True)
class DownloadedImage:
    """The run's output image on disk and the size the run reported for it."""

    path: Path
    width: int
    height: int


@dataclass
class SelfTestReport:
    """The outcome of each step, in order."""

    steps: list[tuple[str, bool, str]] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return bool(self.steps) and all(ok for _, ok, _ in self.steps)


class SelfTest:
    """Runs the steps in order, stopping at the first failure, and prints one line per step.

    Args:
        out: where the lines go (standard output by default).
        sandbox_args: extra flags for the sandbox server.
        timeout: seconds allowed for the whole network part (sandbox start, run, download).
    """

    def __init__(
        self,
        out: TextIO | None = None,
        *,
        sandbox_args: Sequence[str] = (),
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self.out = out if out is not None else sys.stdout
        self.sandbox_args = tuple(sandbox_args)
        self.timeout = timeout
        self.report = SelfTestReport()
        self._current = ""
        #: The sandbox's video clip, streamed down by the sandbox step for the playback step.
        self.clip: DownloadedClip | None = None

    # --- running -----------------------------------------------------------------------------

    def run(self) -> SelfTestReport:
        """Run every step; stops at the first failure, since later steps need earlier ones."""
        frozen = "frozen build" if getattr(sys, "frozen", False) else "from source"
        self._print(
            f"{APP_NAME} {__version__} self-test ({frozen}, Python {sys.version.split()[0]})"
        )
        started = time.monotonic()
        downloaded: list[DownloadedImage] = []

        def sandbox_run(workdir: Path) -> str:
            downloaded.append(self.check_sandbox_run(workdir))
            return (
                f"{'/'.join(RUN_WORKFLOW)} completed, image downloaded "
                f"({downloaded[0].path.stat().st_size} bytes); video clip downloaded"
            )

        with tempfile.TemporaryDirectory(prefix="fizzly-self-test-") as workdir:
            ok = (
                self._step("Qt", self.check_qt)
                and self._step("sandbox run", lambda: sandbox_run(Path(workdir)))
                and self._step("image decode", lambda: self.check_image(downloaded[0]))
                and self._step("video playback", self.check_video)
                and self._step("keyring", self.check_keyring)
            )
        elapsed = time.monotonic() - started
        total = len(self.report.steps)
        if ok:
            self._print(f"Self-test passed: {total} of {total} steps in {elapsed:.1f} s.")
        else:
            failed = next(name for name, passed, _ in self.report.steps if not passed)
            self._print(f"Self-test FAILED at step {failed!r} after {elapsed:.1f} s.")
        return self.report

    def _step(self, name: str, check: Callable[[], str]) -> bool:
        """Run one step and print its PASS or FAIL line; progress lines come from ``_note``."""
        self._current = name
        try:
            summary = check()
        except Exception as exc:  # every failure becomes a FAIL line, never a traceback
            message = str(exc) if isinstance(exc, StepFailed) else f"{type(exc).__name__}: {exc}"
            user_message = getattr(exc, "user_message", None)
            if user_message and user_message not in message:
                message = f"{message} ({user_message})"
            self.report.steps.append((name, False, message))
            self._print(f"FAIL  {name}: {message}")
            return False
        self.report.steps.append((name, True, summary))
        self._print(f"PASS  {name}: {summary}")
        return True

    def _note(self, text: str) -> None:
        """A progress line of the current step."""
        self._print(f"      {self._current}: {text}")

    def _print(self, line: str) -> None:
        print(line, file=self.out, flush=True)

    # --- Qt ----------------------------------------------------------------------------------

    def check_qt(self) -> str:
        """Qt starts, reads the image formats outputs come in, and its text services answer."""
        app = QGuiApplication.instance()
        if app is None:
            if _needs_offscreen():
                os.environ["QT_QPA_PLATFORM"] = "offscreen"
            app = QGuiApplication([sys.argv[0] if sys.argv else APP_NAME])
            # Kept for the whole process: Qt objects created later need it alive.
            _KEEP_ALIVE.append(app)
        formats = {bytes(f.data()).decode().lower() for f in QImageReader.supportedImageFormats()}
        missing = sorted({"png", "jpeg", "webp"} - formats)
        if missing:
            raise StepFailed(f"Qt cannot read {', '.join(missing)} images (image plugins missing)")
        try:
            text = check_text_services()
        except TextServicesFailed as exc:
            raise StepFailed(str(exc)) from exc
        return (
            f"platform {QGuiApplication.platformName()!r}, reads png, jpeg and webp images, {text}"
        )

    # --- sandbox, submit, stream, download ---------------------------------------------------

    def check_sandbox_run(self, workdir: Path) -> DownloadedImage:
        """Start the sandbox, run the demo workflow to completion, download its image."""
        try:
            return asyncio.run(self._sandbox_run(workdir))
        except TimeoutError:
            raise StepFailed(
                f"no image within {self.timeout:g} s (sandbox start, run and download)"
            ) from None

    async def _sandbox_run(self, workdir: Path) -> DownloadedImage:
        async with asyncio.timeout(self.timeout):
            sandbox = await start_sandbox(*self.sandbox_args)
            try:
                self._note(f"sandbox listening at {sandbox.info.base_url} (pid {sandbox.pid})")
                image = await self._run_and_download(sandbox.info, workdir)
                info = sandbox.info
                async with FizzlyClient(info.base_url, info.demo_key) as client:
                    origins = (info.base_url, info.output_origin)
                    self.clip = await fetch_clip(client, origins, workdir, self._note)
                return image
            finally:
                await sandbox.stop()

    async def _run_and_download(self, info: SandboxInfo, workdir: Path) -> DownloadedImage:
        owner, slug = RUN_WORKFLOW
        if f"{owner}/{slug}" not in info.workflows:
            raise StepFailed(f"the sandbox does not offer {owner}/{slug}")
        async with FizzlyClient(
            info.base_url, info.demo_key, ping_interval=info.ping_interval
        ) as client:
            submission = await client.submit(owner, slug, RUN_INPUTS)
            run = submission.ref
            self._note(f"submitted {owner}/{slug} as {run.request_id}")
            outputs: dict[str, Any] | None = None
            nodes: list[str] = []
            try:
                async with contextlib.aclosing(client.stream(run)) as events:
                    async for event in events:
                        if isinstance(event, SubmitEvent):
                            nodes.append(event.node)
                        elif isinstance(event, ErrorEvent):
                            raise StepFailed(f"the run failed at {event.node}: {event.error}")
                        elif isinstance(event, OutputEvent):
                            outputs = dict(event.outputs)
            except StreamInterrupted as exc:
                # The window falls back to polling when a stream breaks; so does the self-test.
                self._note(f"status stream broke ({exc}); following by status instead")
                outputs = await _poll_until_done(client, run)
            self._note(f"streamed nodes: {' -> '.join(nodes) if nodes else '(none seen)'}")
            if outputs is None:
                raise StepFailed("the status stream ended without the run's outputs")

        image = outputs.get("generated_image")
        if not isinstance(image, dict) or not isinstance(image.get("url"), str):
            raise StepFailed(f"the run's outputs have no image: {sorted(outputs)}")
        extension = "webp" if "webp" in str(image.get("content_type", "webp")) else "png"
        async with OutputDownloader(max_bytes=20_000_000) as downloader:
            path = await downloader.download(
                image["url"],
                workdir / f"output.{extension}",
                # The sandbox serves outputs on this computer: its origins are the trusted ones.
                trusted_origins=(info.base_url, info.output_origin),
            )
        return DownloadedImage(path, int(image["width"]), int(image["height"]))

    # --- decode ------------------------------------------------------------------------------

    def check_video(self) -> str:
        """QtMultimedia plays the sandbox's clip to its end, decoding its frames."""
        if self.clip is None:
            raise StepFailed("no video clip was downloaded")
        return play_to_end(self.clip)

    def check_image(self, downloaded: DownloadedImage) -> str:
        """Qt decodes the downloaded image, at the size the run reported, and it is a picture."""
        reader = QImageReader(str(downloaded.path))
        image_format = bytes(reader.format().data()).decode() or "unknown"
        image = reader.read()
        if image.isNull():
            raise StepFailed(f"Qt could not decode the image: {reader.errorString()}")
        width, height = image.width(), image.height()
        if (width, height) != (downloaded.width, downloaded.height):
            raise StepFailed(
                f"the image is {width}x{height}, the run reported "
                f"{downloaded.width}x{downloaded.height}"
            )
        # A blank or transparent picture would decode too; the sandbox draws a real one.
        corners = {image.pixel(x, y) for x in (0, width // 2, width - 1) for y in (0, height // 2)}
        if len(corners) < 2:
            raise StepFailed("the image decoded but is a single flat colour")
        return f"{image_format} {width}x{height}, as the run reported"

    # --- keyring -----------------------------------------------------------------------------

    def check_keyring(self) -> str:
        """keyring sees the platform's backend, and a key makes a round trip through SecretStore."""
        platform = "linux" if sys.platform.startswith("linux") else sys.platform
        native = NATIVE_KEYRING.get(platform)
        discovered = sorted(
            ep.name for ep in importlib.metadata.entry_points(group="keyring.backends")
        )
        if native is not None and native not in discovered:
            found = ", ".join(discovered) or "none"
            raise StepFailed(f"keyring cannot see its {native} backend (found: {found})")
        self._note(f"backends found: {', '.join(discovered)}")

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring | null.Keyring):
            # Headless machines (CI, containers) have no keyring daemon: the app's own keyring
            # code is still exercised, against a memory-only backend.
            backend = MemoryKeyring()
            where = "no OS keyring here; used an in-memory keyring backend"
        else:
            where = f"OS keyring {type(backend).__module__}.{type(backend).__name__}"
        self._note(where)
        store = SecretStore(service=KEYRING_SERVICE, backend=backend)
        key = f"fiz_selftest_{secrets.token_hex(12)}"
        store.set_key(KEYRING_PROFILE, key)
        try:
            if store.get_key(KEYRING_PROFILE) != key:
                raise StepFailed("the key read back from the keyring is not the one stored")
        finally:
            removed = store.delete_key(KEYRING_PROFILE)
        if not removed or store.get_key(KEYRING_PROFILE) is not None:
            raise StepFailed("the test key could not be removed from the keyring")
        return "a key was stored, read back and removed through the app's keyring code"


# QGuiApplication objects created by the self-test, kept alive until the process ends.
_KEEP_ALIVE: list[Any] = []


def _needs_offscreen() -> bool:
    """True on Linux without a display, where Qt's default platform plugin would abort."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    if not sys.platform.startswith("linux"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


async def _poll_until_done(client: FizzlyClient, run: RunRef) -> dict[str, Any]:
    """Follow a run by status calls until it ends; its outputs, or StepFailed."""
    delay = 0.25
    while True:
        status = await client.status(run)
        if status.status is RemoteStatus.COMPLETED:
            result = await client.result(run)
            return dict(result.outputs)
        if status.status in (RemoteStatus.FAILED, RemoteStatus.CANCELLED):
            raise StepFailed(f"the run ended as {status.status}: {status.error or 'no reason'}")
        # Polling between status calls is what the window does too when a stream breaks.
        await asyncio.sleep(delay)
        delay = min(delay * 2, 2.0)


class MemoryKeyring(KeyringBackend):
    """A keyring backend that keeps secrets in this process's memory only (self-test use).

    keyring registers every backend class it sees and picks the best "viable" one for the whole
    process; a backend is viable when its priority can be read. This one's priority raises, so
    keyring never chooses it by itself: only the self-test, which creates it, ever uses it.
    """

    @properties.classproperty
    def priority(cls) -> float:
        raise RuntimeError("the in-memory keyring is used only when chosen explicitly")

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self._secrets.pop((service, username), None) is None:
            raise PasswordDeleteError("no such entry")


def _options(options: argparse.Namespace | Sequence[str] | None) -> argparse.Namespace:
    if isinstance(options, argparse.Namespace):
        return options
    parser = argparse.ArgumentParser(prog="fizzly-desktop --self-test")
    parser.add_argument("--sandbox", action="store_true")
    parser.add_argument("--sandbox-arg", action="append", default=[])
    parser.add_argument("--self-test-timeout", type=float, default=DEFAULT_TIMEOUT)
    return parser.parse_args(list(options or []))


def run_self_test(
    options: argparse.Namespace | Sequence[str] | None = None, *, out: TextIO | None = None
) -> int:
    """Run the self-test; 0 when every step passed, 1 otherwise.

    ``options`` is the app's parsed command line (``--sandbox-arg`` flags are passed on to the
    sandbox) or a list of those flags. The self-test always uses the bundled sandbox: it never
    spends credits on a real service.
    """
    parsed = _options(options)
    sandbox_args = [str(arg) for arg in getattr(parsed, "sandbox_arg", None) or []]
    timeout = float(getattr(parsed, "self_test_timeout", DEFAULT_TIMEOUT))
    stream = out if out is not None else sys.stdout
    if getattr(parsed, "base_url", None):
        print("Note: the self-test always runs against the bundled sandbox.", file=stream)
    with contextlib.suppress(AttributeError, ValueError):
        # Windowed builds on Windows may have no usable stdout; nothing to report there then.
        stream.flush()
    report = SelfTest(stream, sandbox_args=sandbox_args, timeout=timeout).run()
    return 0 if report.passed else 1


if __name__ == "__main__":
    raise SystemExit(run_self_test(sys.argv[1:]))
