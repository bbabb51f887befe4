"""The app's key storage against a real Secret Service: gnome-keyring in a private D-Bus session.

Each test starts its own ``dbus-daemon`` (a minimal configuration that activates nothing, so no
system service can be pulled in behind the test's back) and, where needed, its own
``gnome-keyring-daemon`` unlocked with an empty password, all with their files in a temporary
folder. ``DBUS_SESSION_BUS_ADDRESS`` points at that bus only for the test. Where the daemons
cannot start, the test is skipped and says why.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.keyring_service

secretstorage = pytest.importorskip(
    "secretstorage", reason="the SecretStorage package (a keyring dependency on Linux) is missing"
)
from keyring.backends import SecretService  # noqa: E402  (needs secretstorage, checked above)

from fizzly_desktop.core.profiles import ProfileStore  # noqa: E402
from fizzly_desktop.core.secrets import (  # noqa: E402
    SERVICE_NAME,
    KeyringUnavailable,
    KeyVault,
    SecretStore,
)
from tests.fixtures.keyring import installed_keyring  # noqa: E402

KEY = "fiz_live_secretservice_test_1a2b"
NEW_KEY = "fiz_live_secretservice_test_9z8y"
START_TIMEOUT = 15.0

_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@dataclass
class PrivateBus:
    address: str
    folder: Path


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
    for stream in (process.stdin, process.stdout, process.stderr):
        if stream is not None:
            stream.close()


def _require(program: str, package: str) -> str:
    path = shutil.which(program)
    if path is None:
        pytest.skip(f"{program} is not installed (Debian package “{package}”); run `make sysdeps`")
    return path


@pytest.fixture
def private_bus(monkeypatch: pytest.MonkeyPatch) -> Iterator[PrivateBus]:
    """A D-Bus session bus of this test's own; the test's environment points at it."""
    dbus_daemon = _require("dbus-daemon", "dbus")
    # A short folder under /tmp: unix socket paths are limited to about 100 characters.
    folder = Path(tempfile.mkdtemp(prefix="fizzly-bus-"))
    folder.chmod(0o700)
    config = folder / "bus.conf"
    config.write_text(_BUS_CONFIG.format(socket=folder / "bus"), encoding="utf-8")
    process = subprocess.Popen(
        [dbus_daemon, f"--config-file={config}", "--nofork", "--print-address=1"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        address = process.stdout.readline().decode().strip()
        if not address:
            process.wait(timeout=5)
            assert process.stderr is not None
            reason = process.stderr.read().decode(errors="replace").strip()
            pytest.skip(f"dbus-daemon could not start a private session bus: {reason}")
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        yield PrivateBus(address=address, folder=folder)
    finally:
        _stop(process)
        shutil.rmtree(folder, ignore_errors=True)


def _wait_for_default_collection(daemon: subprocess.Popen[bytes], log: Path) -> None:
    """Poll (with a deadline) until the daemon serves an unlocked default collection."""
    deadline = time.monotonic() + START_TIMEOUT
    last_error = "no answer"
    while time.monotonic() < deadline:
        if daemon.poll() is not None:
            pytest.skip(
                f"gnome-keyring-daemon exited with status {daemon.returncode}: "
                f"{log.read_text(errors='replace').strip()}"
            )
        try:
            with contextlib.closing(secretstorage.dbus_init()) as connection:
                if secretstorage.check_service_availability(connection):
                    collection = secretstorage.get_collection_by_alias(connection, "default")
                    if not collection.is_locked():
                        return
                    last_error = "the default collection is still locked"
        except secretstorage.exceptions.SecretStorageException as exc:
            last_error = f"{type(exc).__name__}: {exc}"
        time.sleep(0.05)
    pytest.skip(
        f"gnome-keyring-daemon did not offer an unlocked keyring within {START_TIMEOUT:.0f} s "
        f"({last_error}); its output: {log.read_text(errors='replace').strip()}"
    )


@pytest.fixture
def secret_service(private_bus: PrivateBus) -> Iterator[SecretService.Keyring]:
    """gnome-keyring's Secret Service on the private bus, selected as the process's keyring."""
    daemon_path = _require("gnome-keyring-daemon", "gnome-keyring")
    home = private_bus.folder / "home"
    runtime = private_bus.folder / "run"
    for folder in (home, runtime):
        folder.mkdir(mode=0o700)
    log = private_bus.folder / "gnome-keyring.log"
    env = {
        **os.environ,
        "DBUS_SESSION_BUS_ADDRESS": private_bus.address,
        # Keep the daemon's keyrings and sockets in the test's folder, away from the user's.
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_RUNTIME_DIR": str(runtime),
    }
    with log.open("wb") as log_file:
        daemon = subprocess.Popen(
            [daemon_path, "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            env=env,
        )
    try:
        assert daemon.stdin is not None
        # --unlock reads the login keyring's password from stdin: an empty one.
        daemon.stdin.write(b"\n")
        daemon.stdin.close()
        _wait_for_default_collection(daemon, log)
        with installed_keyring(SecretService.Keyring()) as backend:
            yield backend
    finally:
        _stop(daemon)


def _items(profile_name: str) -> list[tuple[str, bytes]]:
    """What the Secret Service itself holds for a profile: (label, secret) pairs."""
    with contextlib.closing(secretstorage.dbus_init()) as connection:
        collection = secretstorage.get_default_collection(connection)
        items = collection.search_items({"service": SERVICE_NAME, "username": profile_name})
        return [(item.get_label(), item.get_secret()) for item in items]


def test_store_read_replace_delete_through_the_vault(
    secret_service: SecretService.Keyring,
) -> None:
    vault = KeyVault()
    assert vault.get_key("Work") is None

    assert vault.set_key("Work", f" {KEY}\n") == "fiz_…1a2b"
    assert vault.get_key("Work") == KEY
    assert not vault.holds_session_key("Work")
    assert _items("Work") == [(f"Password for 'Work' on '{SERVICE_NAME}'", KEY.encode())]

    assert vault.set_key("Work", NEW_KEY) == "fiz_…9z8y"
    assert vault.get_key("Work") == NEW_KEY
    assert [secret for _, secret in _items("Work")] == [NEW_KEY.encode()]

    assert vault.delete_key("Work") is True
    assert vault.get_key("Work") is None
    assert _items("Work") == []
    assert vault.delete_key("Work") is False


def test_profiles_keep_keys_in_the_secret_service(
    secret_service: SecretService.Keyring,
) -> None:
    store = ProfileStore(KeyVault())
    store.add("Work")
    store.set_key("Work", KEY)
    assert store.key_status("Work").text == "Key stored: fiz_…1a2b"

    store.rename("Work", "Studio")
    assert _items("Work") == []
    assert [secret for _, secret in _items("Studio")] == [KEY.encode()]
    assert store.get_key("Studio") == KEY

    store.delete("Studio")
    assert _items("Studio") == []
    assert KEY not in store.path.read_text()


def test_refused_unlock_is_reported_and_session_store_is_opt_in(
    secret_service: SecretService.Keyring,
) -> None:
    vault = KeyVault()
    vault.set_key("Work", KEY)
    with contextlib.closing(secretstorage.dbus_init()) as connection:
        secretstorage.get_default_collection(connection).lock()
    # The daemon has no prompter to ask for the password here, so the unlock is refused,
    # exactly as when a user dismisses the unlock prompt.
    with pytest.raises(KeyringUnavailable) as caught:
        vault.get_key("Work")
    assert "locked" in caught.value.user_message
    with pytest.raises(KeyringUnavailable):
        vault.set_key("Work", NEW_KEY)
    assert not vault.holds_session_key("Work")

    assert vault.set_key("Work", NEW_KEY, session_only=True) == "fiz_…9z8y"
    assert vault.get_key("Work") == NEW_KEY


def test_bus_without_secret_service_is_reported(private_bus: PrivateBus) -> None:
    with installed_keyring(SecretService.Keyring()):
        store = SecretStore()
        with pytest.raises(KeyringUnavailable) as caught:
            store.set_key("Work", KEY)
    assert "gnome-keyring" in caught.value.user_message
