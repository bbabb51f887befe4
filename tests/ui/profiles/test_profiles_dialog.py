"""The Profiles dialog: profiles, a masked key with reveal, fingerprints, verify, no keyring."""

from __future__ import annotations

import asyncio
import gc
import json
from collections.abc import Callable, Iterator
from typing import Any

import keyring.errors
import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from fizzly_desktop.core.profiles import (
    SANDBOX_PROFILE_NAME,
    KeyCheck,
    KeyCheckStatus,
    ProfileStore,
)
from fizzly_desktop.core.sandbox_process import SandboxInfo
from fizzly_desktop.core.secrets import SERVICE_NAME, KeyVault
from fizzly_desktop.ui.profiles import ProfileForm, ProfilesDialog
from tests.fixtures.keyring import MemoryKeyring

KEY = "fiz_live_9f8e7d6c5b4a3210abcd"
OTHER_KEY = "fiz_live_0000111122223333wxyz"


class FakeService:
    """Answers key checks with a fixed outcome and records what it was asked."""

    def __init__(self, status: KeyCheckStatus, message: str) -> None:
        self.check = KeyCheck(status, message)
        self.calls: list[tuple[str, str]] = []

    async def __call__(self, base_url: str, key: str) -> KeyCheck:
        self.calls.append((base_url, key))
        return self.check


@pytest.fixture
def service() -> FakeService:
    return FakeService(KeyCheckStatus.VALID, "The key works.")


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
    store = ProfileStore(KeyVault())
    store.add("Work")
    store.set_key("Work", KEY)
    store.set_active("Work")
    store.add("Studio", "https://eu.example.com")
    return store


@pytest.fixture
def dialog(
    store: ProfileStore, service: FakeService, qtbot: QtBot, qloop: qasync.QEventLoop
) -> Iterator[ProfilesDialog]:
    dialog = ProfilesDialog(store, verify=service)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog
    qloop.run_until_complete(dialog.aclose())


def run(loop: qasync.QEventLoop, coro: Any) -> Any:
    return loop.run_until_complete(coro)


def act(loop: qasync.QEventLoop, dialog: ProfilesDialog, action: Callable[[], object]) -> None:
    """Do ``action`` (a click, a key press) on the running loop, as in the app, and wait until
    the operations it started have finished."""

    async def scenario() -> None:
        action()
        await dialog.wait_idle()

    loop.run_until_complete(scenario())


def shown_texts(widget: QWidget) -> list[str]:
    """Every text the dialog shows or holds in a field, for checking where a key appears."""
    texts = [label.text() for label in widget.findChildren(QLabel)]
    texts += [edit.text() for edit in widget.findChildren(QLineEdit)]
    texts += [widget.windowTitle()]
    return texts


def answer_questions(
    monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton
) -> list[str]:
    asked: list[str] = []

    def question(
        parent: QWidget, title: str, text: str, *args: object
    ) -> QMessageBox.StandardButton:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def type_key(qtbot: QtBot, dialog: ProfilesDialog, key: str) -> None:
    qtbot.mouseClick(dialog.keys.set_key_button, Qt.MouseButton.LeftButton)
    assert dialog.keys.key_editor.isVisible()
    qtbot.keyClicks(dialog.keys.key_entry.field, key)


# -- what is shown ----------------------------------------------------------------------------


def test_lists_profiles_and_shows_the_active_one(dialog: ProfilesDialog) -> None:
    names = [dialog.profile_list.item(i).text() for i in range(dialog.profile_list.count())]
    assert names == [SANDBOX_PROFILE_NAME, "Work", "Studio"]
    assert dialog.selected_name() == "Work"
    assert dialog.name_label.text() == "Work"
    assert dialog.base_url_label.text() == "https://queue.fizzly.ai"
    assert dialog.keys.key_status_label.text() == "Key stored: fiz_…abcd"
    assert dialog.active_label.isVisible()
    assert not dialog.make_active_button.isVisible()
    assert dialog.keys.set_key_button.text().replace("&", "") == "Replace key…"
    assert not dialog.keys.key_editor.isVisible()
    assert KEY not in "\n".join(shown_texts(dialog))


def test_profile_without_key(dialog: ProfilesDialog) -> None:
    dialog.select_profile("Studio")
    assert dialog.keys.key_status_label.text() == "No key stored"
    assert dialog.keys.set_key_button.text().replace("&", "") == "Set key…"
    assert not dialog.keys.remove_key_button.isEnabled()
    assert not dialog.keys.verify_button.isEnabled()
    assert dialog.make_active_button.isVisible()


def test_sandbox_profile_cannot_be_edited(dialog: ProfilesDialog) -> None:
    dialog.select_profile(SANDBOX_PROFILE_NAME)
    assert "sandbox" in dialog.keys.key_status_label.text()
    assert "this computer" in dialog.base_url_label.text()
    for button in (dialog.rename_button, dialog.delete_button):
        assert not button.isEnabled()
    for button in (dialog.keys.set_key_button, dialog.keys.verify_button, dialog.change_url_button):
        assert not button.isVisible()


def test_controls_have_accessible_names(dialog: ProfilesDialog) -> None:
    for widget in (
        dialog.profile_list,
        dialog.add_button,
        dialog.rename_button,
        dialog.delete_button,
        dialog.keys.set_key_button,
        dialog.keys.remove_key_button,
        dialog.keys.verify_button,
        dialog.make_active_button,
        dialog.keys.key_entry.field,
        dialog.keys.key_entry.reveal_button,
        dialog.keys.save_key_button,
        dialog.keys.session_only_button,
        dialog.keys.key_status_label,
    ):
        assert widget.accessibleName(), widget


def test_load_problem_is_shown(memory_keyring: MemoryKeyring, qtbot: QtBot) -> None:
    store = ProfileStore(KeyVault())
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text("{ damaged")
    dialog = ProfilesDialog(ProfileStore(KeyVault()))
    qtbot.addWidget(dialog)
    assert "profiles.json.bak" in dialog.message_label.text()


# -- add / rename / delete / activate ---------------------------------------------------------


def test_add_profile_selects_it_and_reports(dialog: ProfilesDialog, qtbot: QtBot) -> None:
    with qtbot.waitSignal(dialog.profiles_changed, timeout=1000):
        assert dialog.add_profile("  Home ", "https://home.example.com/") is None
    assert dialog.selected_name() == "Home"
    assert dialog.base_url_label.text() == "https://home.example.com"
    assert "Set its API key" in dialog.message_label.text()


def test_add_profile_refused_with_clear_message(
    dialog: ProfilesDialog, store: ProfileStore
) -> None:
    problem = dialog.add_profile("Home", "http://home.example.com")
    assert problem is not None
    assert "https://" in problem
    assert dialog.message_label.text() == problem
    assert store.names() == [SANDBOX_PROFILE_NAME, "Work", "Studio"]


def test_add_button_form_keeps_typed_values_on_error(
    dialog: ProfilesDialog, qtbot: QtBot, store: ProfileStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen_errors: list[str] = []

    def fill_and_accept(form: ProfileForm) -> int:
        assert form.name_edit is not None
        assert form.url_edit is not None
        form.name_edit.setText("work")  # taken
        form.accept()
        seen_errors.append(form.error_label.text())
        assert form.result() != QDialog.DialogCode.Accepted
        assert form.name_edit.text() == "work"
        form.name_edit.setText("Home")
        form.url_edit.setText("https://home.example.com")
        form.accept()
        return form.result()

    monkeypatch.setattr(ProfileForm, "exec", fill_and_accept)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert seen_errors == ["A profile named “Work” already exists. Pick another name."]
    # The form is gone, not kept as a child referring back to the dialog.
    assert dialog.findChildren(ProfileForm) == []
    assert store.names() == [SANDBOX_PROFILE_NAME, "Work", "Studio", "Home"]
    assert dialog.selected_name() == "Home"


def test_rename_moves_the_key(
    dialog: ProfilesDialog,
    qtbot: QtBot,
    qloop: qasync.QEventLoop,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def rename(form: ProfileForm) -> int:
        assert form.name_edit is not None
        assert form.name_edit.text() == "Work"
        form.name_edit.setText("Office")
        form.accept()
        return form.result()

    monkeypatch.setattr(ProfileForm, "exec", rename)
    active: list[str] = []
    dialog.active_profile_changed.connect(active.append)
    act(qloop, dialog, lambda: qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton))
    assert dialog.selected_name() == "Office"
    assert dialog.findChildren(ProfileForm) == []
    assert memory_keyring.entries == {(SERVICE_NAME, "Office"): KEY}
    assert active == ["Office"]
    assert dialog.keys.key_status_label.text() == "Key stored: fiz_…abcd"


def test_change_base_url(dialog: ProfilesDialog, store: ProfileStore) -> None:
    dialog.select_profile("Studio")
    assert dialog.change_base_url("ftp://x") is not None
    assert dialog.change_base_url("https://us.example.com") is None
    assert store.get("Studio").base_url == "https://us.example.com"
    assert dialog.base_url_label.text() == "https://us.example.com"


def test_delete_asks_then_removes_profile_and_key(
    dialog: ProfilesDialog,
    qtbot: QtBot,
    qloop: qasync.QEventLoop,
    memory_keyring: MemoryKeyring,
    store: ProfileStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    active: list[str] = []
    dialog.active_profile_changed.connect(active.append)
    act(qloop, dialog, lambda: qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton))
    assert len(asked) == 1
    assert "removed from your keyring" in asked[0]
    assert store.names() == [SANDBOX_PROFILE_NAME, "Studio"]
    assert memory_keyring.secrets() == []
    assert active == [SANDBOX_PROFILE_NAME]
    assert dialog.selected_name() == SANDBOX_PROFILE_NAME


def test_delete_cancelled_keeps_everything(
    dialog: ProfilesDialog,
    qtbot: QtBot,
    qloop: qasync.QEventLoop,
    memory_keyring: MemoryKeyring,
    store: ProfileStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answer_questions(monkeypatch, QMessageBox.StandardButton.Cancel)
    act(qloop, dialog, lambda: qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton))
    assert store.names() == [SANDBOX_PROFILE_NAME, "Work", "Studio"]
    assert memory_keyring.secrets() == [KEY]


def test_delete_with_locked_keyring_says_nothing_was_deleted(
    dialog: ProfilesDialog,
    qloop: qasync.QEventLoop,
    memory_keyring: MemoryKeyring,
    store: ProfileStore,
) -> None:
    memory_keyring.failure = keyring.errors.KeyringLocked("refused")
    assert run(qloop, dialog.delete_profile()) is False
    assert "was not deleted" in dialog.message_label.text()
    assert "locked" in dialog.message_label.text()
    assert "Work" in store.names()


def test_make_active(dialog: ProfilesDialog, qtbot: QtBot, store: ProfileStore) -> None:
    dialog.select_profile("Studio")
    with qtbot.waitSignal(dialog.active_profile_changed, timeout=1000) as signal:
        qtbot.mouseClick(dialog.make_active_button, Qt.MouseButton.LeftButton)
    assert signal.args == ["Studio"]
    assert store.active_name == "Studio"
    assert dialog.active_label.isVisible()


# -- keys -------------------------------------------------------------------------------------


def test_key_field_is_masked_with_explicit_reveal(dialog: ProfilesDialog, qtbot: QtBot) -> None:
    dialog.select_profile("Studio")
    type_key(qtbot, dialog, OTHER_KEY)
    field = dialog.keys.key_entry.field
    reveal = dialog.keys.key_entry.reveal_button
    assert field.echoMode() == QLineEdit.EchoMode.Password
    assert field.displayText() != OTHER_KEY
    assert reveal.accessibleName() == "Show key"
    qtbot.mouseClick(reveal, Qt.MouseButton.LeftButton)
    assert field.echoMode() == QLineEdit.EchoMode.Normal
    assert field.displayText() == OTHER_KEY
    assert reveal.accessibleName() == "Hide key"
    qtbot.mouseClick(reveal, Qt.MouseButton.LeftButton)
    assert field.echoMode() == QLineEdit.EchoMode.Password


def test_set_key_shows_only_fingerprint_afterwards(
    dialog: ProfilesDialog,
    qtbot: QtBot,
    qloop: qasync.QEventLoop,
    memory_keyring: MemoryKeyring,
    store: ProfileStore,
) -> None:
    dialog.select_profile("Studio")
    type_key(qtbot, dialog, f"  {OTHER_KEY}  ")
    qtbot.mouseClick(dialog.keys.key_entry.reveal_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.profiles_changed, timeout=5000):
        # Enter in the key field saves the key (and does not close the dialog).
        act(qloop, dialog, lambda: qtbot.keyClick(dialog.keys.key_entry.field, Qt.Key.Key_Return))
    assert dialog.isVisible()
    assert memory_keyring.entries[(SERVICE_NAME, "Studio")] == OTHER_KEY
    assert dialog.keys.key_status_label.text() == "Key stored: fiz_…wxyz"
    assert not dialog.keys.key_editor.isVisible()
    assert dialog.keys.key_entry.text() == ""
    assert dialog.keys.key_entry.field.echoMode() == QLineEdit.EchoMode.Password
    assert "saved in your keyring" in dialog.message_label.text()
    assert OTHER_KEY not in "\n".join(shown_texts(dialog))
    assert OTHER_KEY not in store.path.read_text()


def test_replace_key(
    dialog: ProfilesDialog, qtbot: QtBot, qloop: qasync.QEventLoop, memory_keyring: MemoryKeyring
) -> None:
    type_key(qtbot, dialog, OTHER_KEY)
    act(
        qloop,
        dialog,
        lambda: qtbot.mouseClick(dialog.keys.save_key_button, Qt.MouseButton.LeftButton),
    )
    assert memory_keyring.secrets() == [OTHER_KEY]
    assert dialog.keys.key_status_label.text() == "Key stored: fiz_…wxyz"


def test_key_without_prefix_warns_but_saves(
    dialog: ProfilesDialog, qtbot: QtBot, qloop: qasync.QEventLoop, memory_keyring: MemoryKeyring
) -> None:
    dialog.select_profile("Studio")
    type_key(qtbot, dialog, "sk-1234567890ABCDEF")
    assert dialog.keys.key_entry.warning_label.isVisible()
    assert "fiz_" in dialog.keys.key_entry.warning_label.text()
    assert dialog.keys.save_key_button.isEnabled()
    act(
        qloop,
        dialog,
        lambda: qtbot.mouseClick(dialog.keys.save_key_button, Qt.MouseButton.LeftButton),
    )
    assert memory_keyring.entries[(SERVICE_NAME, "Studio")] == "sk-1234567890ABCDEF"
    assert dialog.keys.key_status_label.text() == "Key stored: …CDEF"


def test_empty_key_is_not_saved(
    dialog: ProfilesDialog, qtbot: QtBot, qloop: qasync.QEventLoop, memory_keyring: MemoryKeyring
) -> None:
    dialog.select_profile("Studio")
    type_key(qtbot, dialog, "   ")
    assert run(qloop, dialog.save_key()) is False
    assert dialog.message_label.text() == "Paste your API key first."
    assert memory_keyring.secrets() == [KEY]


def test_escape_leaves_key_entry_then_closes(dialog: ProfilesDialog, qtbot: QtBot) -> None:
    type_key(qtbot, dialog, OTHER_KEY)
    qtbot.keyClick(dialog.keys.key_entry.field, Qt.Key.Key_Escape)
    assert not dialog.keys.key_editor.isVisible()
    assert dialog.keys.key_entry.text() == ""
    assert dialog.isVisible()
    qtbot.keyClick(dialog.profile_list, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_remove_key_asks_first(
    dialog: ProfilesDialog,
    qtbot: QtBot,
    qloop: qasync.QEventLoop,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answer_questions(monkeypatch, QMessageBox.StandardButton.Yes)
    act(
        qloop,
        dialog,
        lambda: qtbot.mouseClick(dialog.keys.remove_key_button, Qt.MouseButton.LeftButton),
    )
    assert memory_keyring.secrets() == []
    assert dialog.keys.key_status_label.text() == "No key stored"
    assert not dialog.keys.remove_key_button.isEnabled()


def test_keyring_unavailable_offers_session_only(
    no_keyring: object, qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    store = ProfileStore(KeyVault())
    store.add("Work")
    dialog = ProfilesDialog(store, verify=FakeService(KeyCheckStatus.VALID, "The key works."))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_profile("Work")
    type_key(qtbot, dialog, KEY)
    act(
        qloop,
        dialog,
        lambda: qtbot.mouseClick(dialog.keys.save_key_button, Qt.MouseButton.LeftButton),
    )
    # Plainly said what is missing and how to get it; the key is not stored anywhere yet,
    # and what was typed is kept for the user's choice.
    assert dialog.keys.keyring_problem.isVisible()
    problem = dialog.keys.keyring_problem_label.text()
    assert "No keyring is available" in problem
    assert "GNOME Keyring" in problem
    assert dialog.keys.session_only_button.isVisible()
    assert dialog.keys.session_only_button.text() == "Keep for this session only"
    assert dialog.keys.key_status_label.text() == "No key stored"
    assert dialog.keys.key_entry.text() == KEY
    assert not store.vault.holds_session_key("Work")

    act(
        qloop,
        dialog,
        lambda: qtbot.mouseClick(dialog.keys.session_only_button, Qt.MouseButton.LeftButton),
    )
    assert dialog.keys.key_status_label.text() == "Key kept for this session only: fiz_…abcd"
    assert not dialog.keys.key_editor.isVisible()
    assert "session only" in dialog.message_label.text()
    assert store.get_key("Work") == KEY
    saved = json.loads(store.path.read_text())
    assert KEY not in json.dumps(saved)
    run(qloop, dialog.aclose())


def test_saving_checks_the_key_with_the_profile_service_first(
    dialog: ProfilesDialog,
    service: FakeService,
    qtbot: QtBot,
    qloop: qasync.QEventLoop,
    memory_keyring: MemoryKeyring,
) -> None:
    dialog.select_profile("Studio")
    type_key(qtbot, dialog, OTHER_KEY)
    assert run(qloop, dialog.save_key()) is True
    assert service.calls == [("https://eu.example.com", OTHER_KEY)]
    assert memory_keyring.entries[(SERVICE_NAME, "Studio")] == OTHER_KEY
    assert dialog.message_label.text() == "The key (fiz_…wxyz) is saved in your keyring."


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (KeyCheckStatus.INVALID, "The service did not accept this API key."),
        (KeyCheckStatus.NO_API_ACCESS, "This key's plan has no API access."),
    ],
)
def test_rejected_key_is_not_saved_and_kept_for_fixing(
    store: ProfileStore,
    qtbot: QtBot,
    qloop: qasync.QEventLoop,
    memory_keyring: MemoryKeyring,
    status: KeyCheckStatus,
    message: str,
) -> None:
    dialog = ProfilesDialog(store, verify=FakeService(status, message))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_profile("Studio")
    changed: list[None] = []
    dialog.profiles_changed.connect(lambda: changed.append(None))
    type_key(qtbot, dialog, OTHER_KEY)
    act(
        qloop,
        dialog,
        lambda: qtbot.mouseClick(dialog.keys.save_key_button, Qt.MouseButton.LeftButton),
    )
    assert dialog.message_label.text() == message
    assert dialog.keys.key_editor.isVisible()
    assert dialog.keys.key_entry.text() == OTHER_KEY
    assert dialog.keys.key_status_label.text() == "No key stored"
    assert (SERVICE_NAME, "Studio") not in memory_keyring.entries
    assert changed == []
    run(qloop, dialog.aclose())


def test_unreachable_service_saves_the_key_and_says_it_is_unchecked(
    store: ProfileStore, qtbot: QtBot, qloop: qasync.QEventLoop, memory_keyring: MemoryKeyring
) -> None:
    offline = FakeService(KeyCheckStatus.UNREACHABLE, "The service could not be reached.")
    dialog = ProfilesDialog(store, verify=offline)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_profile("Studio")
    type_key(qtbot, dialog, OTHER_KEY)
    assert run(qloop, dialog.save_key()) is True
    assert memory_keyring.entries[(SERVICE_NAME, "Studio")] == OTHER_KEY
    assert dialog.message_label.text() == (
        "The key (fiz_…wxyz) is saved in your keyring, but it could not be checked: "
        "The service could not be reached."
    )
    assert dialog.message_icon.isVisible()
    run(qloop, dialog.aclose())


# -- verify -----------------------------------------------------------------------------------


def test_verify_shows_checking_then_result(
    store: ProfileStore, qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    release = asyncio.Event()
    calls: list[tuple[str, str]] = []

    async def slow_verify(base_url: str, key: str) -> KeyCheck:
        calls.append((base_url, key))
        await release.wait()
        return KeyCheck(KeyCheckStatus.INVALID, "The service did not accept this API key.")

    dialog = ProfilesDialog(store, verify=slow_verify)
    qtbot.addWidget(dialog)
    dialog.show()

    async def scenario() -> None:
        qtbot.mouseClick(dialog.keys.verify_button, Qt.MouseButton.LeftButton)
        deadline = asyncio.get_running_loop().time() + 10
        while not calls:
            assert asyncio.get_running_loop().time() < deadline
            await asyncio.sleep(0.01)
        assert dialog.keys.verify_spinner.isVisible()
        assert dialog.keys.verify_result_label.text() == "Checking…"
        assert not dialog.keys.verify_button.isEnabled()
        release.set()
        await dialog.wait_idle()

    run(qloop, scenario())
    assert calls == [("https://queue.fizzly.ai", KEY)]
    assert not dialog.keys.verify_spinner.isVisible()
    assert dialog.keys.verify_icon.isVisible()
    assert dialog.keys.verify_result_label.text() == "The service did not accept this API key."
    assert dialog.keys.verify_button.isEnabled()
    run(qloop, dialog.aclose())


@pytest.mark.parametrize(
    ("which", "expected"),
    [
        ("demo", "The key works."),
        ("free", "no API access"),
        ("wrong", "did not accept"),
    ],
)
def test_verify_against_the_sandbox(
    memory_keyring: MemoryKeyring,
    sandbox: SandboxInfo,
    qtbot: QtBot,
    qloop: qasync.QEventLoop,
    which: str,
    expected: str,
) -> None:
    keys = {
        "demo": sandbox.demo_key,
        "free": next(k for k, v in sandbox.keys.items() if v.get("plan") == "free"),
        "wrong": "fiz_not_a_key_the_sandbox_knows",
    }
    store = ProfileStore(KeyVault())
    store.add("Local test", sandbox.base_url)
    store.set_key("Local test", keys[which])
    dialog = ProfilesDialog(store)
    qtbot.addWidget(dialog)
    dialog.select_profile("Local test")
    check = run(qloop, dialog.verify())
    assert expected in dialog.keys.verify_result_label.text()
    assert check is not None
    assert expected in check.message
    run(qloop, dialog.aclose())


def test_verify_unreachable_service(
    memory_keyring: MemoryKeyring, qtbot: QtBot, qloop: qasync.QEventLoop
) -> None:
    store = ProfileStore(KeyVault())
    # Port 9 (discard) on loopback: nothing listens there, so the connection is refused.
    store.add("Nowhere", "http://127.0.0.1:9")
    store.set_key("Nowhere", KEY)
    dialog = ProfilesDialog(store)
    qtbot.addWidget(dialog)
    dialog.select_profile("Nowhere")
    check = run(qloop, dialog.verify())
    assert check is not None
    assert check.status is KeyCheckStatus.UNREACHABLE
    assert "could not be reached" in dialog.keys.verify_result_label.text()
    run(qloop, dialog.aclose())


def test_a_key_is_added_by_keys_alone(
    dialog: ProfilesDialog,
    qtbot: QtBot,
    qloop: qasync.QEventLoop,
    memory_keyring: MemoryKeyring,
) -> None:
    """Arrows pick the profile, Tab reaches "Set key…", Space opens the key field with the
    focus in it, Enter saves: no mouse."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.profile_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def press(key: Qt.Key) -> None:
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClick(widget, key)

    press(Qt.Key.Key_Home)
    while dialog.profile_list.currentItem().text().split()[0] != "Studio":
        press(Qt.Key.Key_Down)
    for _ in range(30):
        if QApplication.focusWidget() is dialog.keys.set_key_button:
            break
        press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.keys.set_key_button
    press(Qt.Key.Key_Space)
    assert dialog.keys.key_editor.isVisible()
    assert QApplication.focusWidget() is dialog.keys.key_entry.field
    qtbot.keyClicks(dialog.keys.key_entry.field, OTHER_KEY)
    with qtbot.waitSignal(dialog.profiles_changed, timeout=5000):
        act(qloop, dialog, lambda: press(Qt.Key.Key_Return))
    assert memory_keyring.entries[(SERVICE_NAME, "Studio")] == OTHER_KEY
    assert dialog.keys.key_status_label.text() == "Key stored: fiz_…wxyz"
    assert dialog.isVisible()
