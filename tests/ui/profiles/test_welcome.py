"""The first-run welcome: connect an account with a key, or try the sandbox."""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterator

import pytest
import qasync
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from fizzly_desktop import APP_NAME
from fizzly_desktop.core.profiles import (
    DEFAULT_BASE_URL,
    SANDBOX_PROFILE_NAME,
    KeyCheck,
    KeyCheckStatus,
    ProfileStore,
)
from fizzly_desktop.core.sandbox_process import SandboxInfo
from fizzly_desktop.core.secrets import SERVICE_NAME, KeyLocation, KeyVault
from fizzly_desktop.ui.profiles import API_KEYS_URL, WelcomeView
from tests.fixtures.keyring import MemoryKeyring

KEY = "fiz_live_9f8e7d6c5b4a3210abcd"


class FakeService:
    """Answers key checks with a fixed outcome and records what it was asked."""

    def __init__(self, status: KeyCheckStatus, message: str) -> None:
        self.check = KeyCheck(status, message)
        self.calls: list[tuple[str, str]] = []

    async def __call__(self, base_url: str, key: str) -> KeyCheck:
        self.calls.append((base_url, key))
        return self.check


VALID = (KeyCheckStatus.VALID, "The key works.")


@pytest.fixture(autouse=True)
def collect_widgets_on_the_gui_thread() -> Iterator[None]:
    """Free this test's garbage here, after its widgets are closed, on the GUI thread.

    Exception tracebacks (httpx's, asyncio's) can tie a test's frames, and the widgets they
    hold, into reference cycles. Left to the garbage collector, such a cycle may be freed on
    whichever thread allocates next, such as a keyring worker, and Qt must not destroy widgets
    off the GUI thread.
    """
    yield
    gc.collect()


@pytest.fixture
def store(memory_keyring: MemoryKeyring) -> ProfileStore:
    return ProfileStore(KeyVault())


@pytest.fixture
def make_view(
    store: ProfileStore, qtbot: QtBot, qloop: qasync.QEventLoop
) -> Iterator[Callable[..., WelcomeView]]:
    views: list[WelcomeView] = []

    def make(service: FakeService | None = None, **kwargs: object) -> WelcomeView:
        if service is not None:
            kwargs["verify"] = service
        view = WelcomeView(store, **kwargs)
        qtbot.addWidget(view)
        view.resize(1000, 700)
        view.show()
        views.append(view)
        return view

    yield make
    for view in views:
        qloop.run_until_complete(view.aclose())


def act(loop: qasync.QEventLoop, view: WelcomeView, action: Callable[[], object]) -> None:
    """Do ``action`` on the running loop, as in the app, and wait for what it started."""

    async def scenario() -> None:
        action()
        await view.wait_idle()

    loop.run_until_complete(scenario())


def test_shows_the_app_and_two_choices(make_view: Callable[..., WelcomeView]) -> None:
    view = make_view()
    texts = [label.text() for label in view.findChildren(QLabel)]
    assert f"Welcome to {APP_NAME}" in texts
    assert any("watch every run live" in text for text in texts)
    assert "Connect your Fizzly account" in texts
    assert "Try the local sandbox" in texts
    assert view.connect_button.accessibleName() == "Connect your Fizzly account"
    assert view.sandbox_button.accessibleName() == "Try the local sandbox"
    assert view.key_entry.field.accessibleName() == "API key"
    assert view.key_entry.field.echoMode() == view.key_entry.field.EchoMode.Password


def test_first_run_is_when_welcome_is_needed(store: ProfileStore) -> None:
    assert store.needs_welcome


def test_try_the_sandbox(
    make_view: Callable[..., WelcomeView], qtbot: QtBot, store: ProfileStore
) -> None:
    view = make_view()
    with qtbot.waitSignal(view.sandbox_chosen, timeout=1000):
        qtbot.mouseClick(view.sandbox_button, Qt.MouseButton.LeftButton)
    assert store.active_name == SANDBOX_PROFILE_NAME
    assert not ProfileStore(KeyVault(), store.path).needs_welcome


def test_connect_account_creates_fizzly_profile(
    make_view: Callable[..., WelcomeView],
    qtbot: QtBot,
    qloop: qasync.QEventLoop,
    store: ProfileStore,
    memory_keyring: MemoryKeyring,
) -> None:
    service = FakeService(*VALID)
    view = make_view(service)
    qtbot.keyClicks(view.key_entry.field, f" {KEY} ")
    with qtbot.waitSignal(view.account_connected, timeout=5000) as signal:
        act(qloop, view, lambda: qtbot.mouseClick(view.connect_button, Qt.MouseButton.LeftButton))
    assert signal.args == ["Fizzly"]
    assert service.calls == [(DEFAULT_BASE_URL, f" {KEY} ")]
    profile = store.get("Fizzly")
    assert profile.base_url == "https://queue.fizzly.ai"
    assert profile.key_fingerprint == "fiz_…abcd"
    assert store.active_name == "Fizzly"
    assert memory_keyring.entries == {(SERVICE_NAME, "Fizzly"): KEY}
    assert view.key_entry.text() == ""
    reopened = ProfileStore(KeyVault(), store.path)
    assert not reopened.needs_welcome
    assert reopened.active_name == "Fizzly"
    assert KEY not in store.path.read_text()


def test_enter_in_key_field_connects(
    make_view: Callable[..., WelcomeView], qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    view = make_view(FakeService(*VALID))
    qtbot.keyClicks(view.key_entry.field, KEY)
    with qtbot.waitSignal(view.account_connected, timeout=5000):
        act(qloop, view, lambda: qtbot.keyClick(view.key_entry.field, Qt.Key.Key_Return))


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (KeyCheckStatus.INVALID, "The service did not accept this API key."),
        (KeyCheckStatus.NO_API_ACCESS, "The key is valid but its plan has no API access."),
    ],
)
def test_rejected_key_is_not_stored_and_kept_for_fixing(
    make_view: Callable[..., WelcomeView],
    qtbot: QtBot,
    qloop: qasync.QEventLoop,
    store: ProfileStore,
    memory_keyring: MemoryKeyring,
    status: KeyCheckStatus,
    message: str,
) -> None:
    view = make_view(FakeService(status, message))
    connected: list[str] = []
    view.account_connected.connect(connected.append)
    qtbot.keyClicks(view.key_entry.field, KEY)
    assert qloop.run_until_complete(view.connect_account()) is False
    assert view.status_label.text() == message
    assert view.status_icon.isVisible()
    assert view.key_entry.text() == KEY
    assert connected == []
    assert store.names() == [SANDBOX_PROFILE_NAME]
    assert memory_keyring.secrets() == []
    assert view.connect_button.isEnabled()


def test_unreachable_service_still_connects(
    make_view: Callable[..., WelcomeView],
    qtbot: QtBot,
    qloop: qasync.QEventLoop,
    memory_keyring: MemoryKeyring,
) -> None:
    view = make_view(FakeService(KeyCheckStatus.UNREACHABLE, "could not be reached"))
    qtbot.keyClicks(view.key_entry.field, KEY)
    assert qloop.run_until_complete(view.connect_account()) is True
    assert memory_keyring.secrets() == [KEY]


def test_empty_key_asks_for_one(
    make_view: Callable[..., WelcomeView], qloop: qasync.QEventLoop, store: ProfileStore
) -> None:
    service = FakeService(*VALID)
    view = make_view(service)
    assert qloop.run_until_complete(view.connect_account()) is False
    assert view.status_label.text() == "Paste your API key first."
    assert service.calls == []
    assert store.names() == [SANDBOX_PROFILE_NAME]


def test_key_without_prefix_warns(make_view: Callable[..., WelcomeView], qtbot: QtBot) -> None:
    view = make_view(FakeService(*VALID))
    qtbot.keyClicks(view.key_entry.field, "sk-1234567890ABCDEF")
    assert view.key_entry.warning_label.isVisible()
    assert view.connect_button.isEnabled()


def test_reveal_toggle(make_view: Callable[..., WelcomeView], qtbot: QtBot) -> None:
    view = make_view()
    qtbot.keyClicks(view.key_entry.field, KEY)
    qtbot.mouseClick(view.key_entry.reveal_button, Qt.MouseButton.LeftButton)
    assert view.key_entry.field.displayText() == KEY
    assert view.key_entry.reveal_button.accessibleName() == "Hide key"


def test_link_opens_account_settings(
    make_view: Callable[..., WelcomeView], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    view = make_view()
    qtbot.mouseClick(view.key_link_button, Qt.MouseButton.LeftButton)
    assert opened == [API_KEYS_URL]
    assert API_KEYS_URL == "https://fizzly.ai/settings/api-keys"


def test_link_without_browser_shows_address(
    make_view: Callable[..., WelcomeView], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    view = make_view()
    qtbot.mouseClick(view.key_link_button, Qt.MouseButton.LeftButton)
    assert API_KEYS_URL in view.status_label.text()


def test_no_keyring_offers_session_only_and_leaves_no_half_profile(
    no_keyring: object, qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    store = ProfileStore(KeyVault())
    view = WelcomeView(store, verify=FakeService(*VALID))
    qtbot.addWidget(view)
    view.show()
    qtbot.keyClicks(view.key_entry.field, KEY)
    assert qloop.run_until_complete(view.connect_account()) is False
    assert "No keyring is available" in view.status_label.text()
    assert "GNOME Keyring" in view.status_label.text()
    assert view.session_only_button.isVisible()
    assert view.key_entry.text() == KEY
    # Nothing half-made: no keyless "Fizzly" profile that would end the welcome for good.
    assert store.names() == [SANDBOX_PROFILE_NAME]
    assert store.needs_welcome

    connected: list[str] = []
    view.account_connected.connect(connected.append)
    act(
        qloop,
        view,
        lambda: qtbot.mouseClick(view.session_only_button, Qt.MouseButton.LeftButton),
    )
    assert connected == ["Fizzly"]
    assert store.key_status("Fizzly").location is KeyLocation.SESSION
    assert store.get_key("Fizzly") == KEY
    assert KEY not in json.dumps(json.loads(store.path.read_text()))
    qloop.run_until_complete(view.aclose())


def test_connect_against_the_sandbox(
    memory_keyring: MemoryKeyring, sandbox: SandboxInfo, qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    store = ProfileStore(KeyVault())
    view = WelcomeView(store, base_url=sandbox.base_url)
    qtbot.addWidget(view)
    view.key_entry.field.setText("fiz_wrong_key_for_this_sandbox")
    assert qloop.run_until_complete(view.connect_account()) is False
    assert "did not accept" in view.status_label.text()
    view.key_entry.field.setText(sandbox.demo_key)
    assert qloop.run_until_complete(view.connect_account()) is True
    assert store.get("Fizzly").base_url == sandbox.base_url
    assert memory_keyring.secrets() == [sandbox.demo_key]
    qloop.run_until_complete(view.aclose())


def test_connect_by_keys_alone(
    make_view: Callable[..., WelcomeView], qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    """The key field has the focus first; Tab goes through the choices in reading order and
    Space on Connect connects: no mouse."""
    view = make_view(FakeService(*VALID))
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.setFocus(Qt.FocusReason.OtherFocusReason)  # the view hands it to the key field
    assert QApplication.focusWidget() is view.key_entry.field
    qtbot.keyClicks(view.key_entry.field, KEY)
    order = []
    for _ in range(4):
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [
        view.key_entry.reveal_button,
        view.key_link_button,
        view.connect_button,
        view.sandbox_button,
    ]
    qtbot.keyClick(view.sandbox_button, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is view.connect_button
    with qtbot.waitSignal(view.account_connected, timeout=5000):
        act(qloop, view, lambda: qtbot.keyClick(view.connect_button, Qt.Key.Key_Space))
