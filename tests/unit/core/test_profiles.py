"""Profiles: add, rename, delete, activate, validate, persist, survive a damaged file."""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path

import httpx
import keyring.errors
import pytest

from fizzly_desktop.core.paths import app_paths
from fizzly_desktop.core.profiles import (
    DEFAULT_BASE_URL,
    SANDBOX_PROFILE_NAME,
    KeyCheckStatus,
    Profile,
    ProfileError,
    ProfileStore,
    check_name,
    normalize_base_url,
    verify_key,
)
from fizzly_desktop.core.secrets import (
    SERVICE_NAME,
    KeyLocation,
    KeyringUnavailable,
    KeyVault,
)
from tests.fixtures.keyring import MemoryKeyring

KEY = "fiz_live_9f8e7d6c5b4a3210abcd"
OTHER_KEY = "fiz_live_0000111122223333wxyz"


@pytest.fixture
def store(memory_keyring: MemoryKeyring) -> ProfileStore:
    return ProfileStore(KeyVault())


def reopen(store: ProfileStore) -> ProfileStore:
    """A fresh store over the same file, as after restarting the app."""
    return ProfileStore(KeyVault(), store.path)


# -- the built-in sandbox profile ------------------------------------------------------------


def test_new_store_has_only_the_sandbox_and_it_is_active(store: ProfileStore) -> None:
    assert store.names() == [SANDBOX_PROFILE_NAME]
    sandbox = store.active
    assert sandbox.is_sandbox
    assert sandbox.key_fingerprint is None
    assert store.load_problem is None
    assert store.path == app_paths().config_dir / "profiles.json"
    assert not store.path.exists()


def test_sandbox_cannot_be_deleted_renamed_or_given_a_key(store: ProfileStore) -> None:
    for action in (
        lambda: store.delete(SANDBOX_PROFILE_NAME),
        lambda: store.rename(SANDBOX_PROFILE_NAME, "Mine"),
        lambda: store.set_key(SANDBOX_PROFILE_NAME, KEY),
        lambda: store.set_base_url(SANDBOX_PROFILE_NAME, "https://example.com"),
    ):
        with pytest.raises(ProfileError, match="built-in “Local sandbox” profile"):
            action()
    assert store.names() == [SANDBOX_PROFILE_NAME]
    assert store.get_key(SANDBOX_PROFILE_NAME) is None
    assert store.key_status(SANDBOX_PROFILE_NAME).is_sandbox


def test_sandbox_is_present_after_reload_even_if_file_omits_it(store: ProfileStore) -> None:
    store.add("Work")
    again = reopen(store)
    assert again.names() == [SANDBOX_PROFILE_NAME, "Work"]
    saved = json.loads(store.path.read_text())
    assert [p["name"] for p in saved["profiles"]] == ["Work"]


# -- add / rename / delete / activate ---------------------------------------------------------


def test_add_trims_name_and_uses_default_base_url(store: ProfileStore) -> None:
    profile = store.add("  Work  ")
    assert profile == Profile(name="Work", base_url=DEFAULT_BASE_URL)
    assert store.get("Work") == profile
    assert store.get(" Work ") == profile
    assert store.find("Nope") is None


def test_get_unknown_profile_is_a_plain_error(store: ProfileStore) -> None:
    with pytest.raises(ProfileError, match="There is no profile named “Nope”"):
        store.get("Nope")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Give the profile a name."),
        ("   ", "Give the profile a name."),
        ("x" * 65, "under 64 characters"),
        ("two\nlines", "line breaks"),
        ("Local sandbox", "already exists"),
        ("local SANDBOX", "already exists"),
    ],
)
def test_add_rejects_bad_names_with_clear_messages(
    store: ProfileStore, name: str, message: str
) -> None:
    with pytest.raises(ProfileError, match=message):
        store.add(name)
    assert store.names() == [SANDBOX_PROFILE_NAME]


def test_names_are_unique_regardless_of_case(store: ProfileStore) -> None:
    store.add("Work")
    with pytest.raises(ProfileError) as caught:
        store.add("work")
    assert caught.value.user_message == "A profile named “Work” already exists. Pick another name."


def test_check_name_helpers(store: ProfileStore) -> None:
    assert check_name(" ok ") is None
    store.add("Work")
    assert store.check_new_name("Studio") is None
    assert store.check_new_name("WORK") is not None
    assert store.check_new_name("WORK", renaming="Work") is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://queue.fizzly.ai", "https://queue.fizzly.ai"),
        ("  HTTPS://Queue.Fizzly.AI/ ", "https://queue.fizzly.ai"),
        ("https://api.example.com:8443/fizzly/", "https://api.example.com:8443/fizzly"),
        ("http://127.0.0.1:41234", "http://127.0.0.1:41234"),
        ("http://localhost:8000", "http://localhost:8000"),
        ("http://[::1]:9000", "http://[::1]:9000"),
    ],
)
def test_base_url_normalised(url: str, expected: str) -> None:
    assert normalize_base_url(url) == expected


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("", "Enter the API address"),
        ("queue.fizzly.ai", "must start with https://"),
        ("ftp://queue.fizzly.ai", "must start with https://"),
        ("http://queue.fizzly.ai", "travel unencrypted"),
        ("http://192.168.1.10:8000", "travel unencrypted"),
        ("https://", "no server name"),
        ("https://user:pw@queue.fizzly.ai", "user name or password"),
        ("https://queue.fizzly.ai/?x=1", "“?” or “#”"),
        ("https://queue.fizzly.ai:99999", "not valid"),
    ],
)
def test_base_url_rejected_with_clear_messages(url: str, message: str) -> None:
    with pytest.raises(ProfileError, match=message):
        normalize_base_url(url)


def test_add_with_bad_url_changes_nothing(store: ProfileStore) -> None:
    with pytest.raises(ProfileError):
        store.add("Work", "http://example.com")
    assert store.names() == [SANDBOX_PROFILE_NAME]


def test_set_base_url(store: ProfileStore) -> None:
    store.add("Work")
    assert store.set_base_url("Work", "https://eu.example.com/").base_url == (
        "https://eu.example.com"
    )
    assert reopen(store).get("Work").base_url == "https://eu.example.com"


def test_set_active_and_persist(store: ProfileStore) -> None:
    store.add("Work")
    store.add("Home")
    assert store.set_active("Home").name == "Home"
    assert store.active_name == "Home"
    assert reopen(store).active.name == "Home"


def test_rename_moves_the_key_and_keeps_active(
    store: ProfileStore, memory_keyring: MemoryKeyring
) -> None:
    store.add("Work")
    store.set_key("Work", KEY)
    store.set_active("Work")
    renamed = store.rename("Work", " Studio ")
    assert renamed.name == "Studio"
    assert renamed.key_fingerprint == "fiz_…abcd"
    assert memory_keyring.entries == {(SERVICE_NAME, "Studio"): KEY}
    assert store.active_name == "Studio"
    assert store.get_key("Studio") == KEY
    again = reopen(store)
    assert again.names() == [SANDBOX_PROFILE_NAME, "Studio"]
    assert again.active_name == "Studio"


def test_rename_case_only(store: ProfileStore, memory_keyring: MemoryKeyring) -> None:
    store.add("work")
    store.set_key("work", KEY)
    store.rename("work", "Work")
    assert store.names() == [SANDBOX_PROFILE_NAME, "Work"]
    assert memory_keyring.entries == {(SERVICE_NAME, "Work"): KEY}


def test_rename_to_taken_name_is_refused(store: ProfileStore) -> None:
    store.add("Work")
    store.add("Home")
    with pytest.raises(ProfileError, match="already exists"):
        store.rename("Home", "WORK")
    assert store.names() == [SANDBOX_PROFILE_NAME, "Work", "Home"]


def test_rename_with_locked_keyring_keeps_everything(
    store: ProfileStore, memory_keyring: MemoryKeyring
) -> None:
    store.add("Work")
    store.set_key("Work", KEY)
    memory_keyring.failure = keyring.errors.KeyringLocked("refused")
    with pytest.raises(KeyringUnavailable):
        store.rename("Work", "Studio")
    memory_keyring.failure = None
    assert store.names() == [SANDBOX_PROFILE_NAME, "Work"]
    assert memory_keyring.entries == {(SERVICE_NAME, "Work"): KEY}


def test_rename_keyless_profile_works_without_keyring(
    store: ProfileStore, memory_keyring: MemoryKeyring
) -> None:
    store.add("Work")
    memory_keyring.failure = keyring.errors.NoKeyringError("none")
    assert store.rename("Work", "Studio").name == "Studio"


def test_delete_removes_key_from_keyring(
    store: ProfileStore, memory_keyring: MemoryKeyring
) -> None:
    store.add("Work")
    store.add("Home")
    store.set_key("Work", KEY)
    store.set_key("Home", OTHER_KEY)
    store.set_active("Work")
    store.delete("Work")
    assert store.names() == [SANDBOX_PROFILE_NAME, "Home"]
    assert memory_keyring.entries == {(SERVICE_NAME, "Home"): OTHER_KEY}
    assert store.active_name == SANDBOX_PROFILE_NAME
    assert reopen(store).names() == [SANDBOX_PROFILE_NAME, "Home"]


def test_delete_with_locked_keyring_deletes_nothing(
    store: ProfileStore, memory_keyring: MemoryKeyring
) -> None:
    store.add("Work")
    store.set_key("Work", KEY)
    memory_keyring.failure = keyring.errors.KeyringLocked("refused")
    with pytest.raises(KeyringUnavailable):
        store.delete("Work")
    assert store.names() == [SANDBOX_PROFILE_NAME, "Work"]


def test_delete_forgets_a_session_key(no_keyring: object) -> None:
    store = ProfileStore(KeyVault())
    store.add("Work")
    store.set_key("Work", KEY, session_only=True)
    store.delete("Work")
    assert not store.vault.holds_session_key("Work")


# -- keys -------------------------------------------------------------------------------------


def test_set_replace_remove_key(store: ProfileStore, memory_keyring: MemoryKeyring) -> None:
    store.add("Work")
    assert store.key_status("Work").text == "No key stored"
    assert store.set_key("Work", f" {KEY}\n").key_fingerprint == "fiz_…abcd"
    assert store.key_status("Work").text == "Key stored: fiz_…abcd"
    assert store.get_key("Work") == KEY
    store.set_key("Work", OTHER_KEY)
    assert store.key_status("Work").text == "Key stored: fiz_…wxyz"
    assert memory_keyring.secrets() == [OTHER_KEY]
    assert store.remove_key("Work").key_fingerprint is None
    assert memory_keyring.secrets() == []
    assert store.key_status("Work").location is KeyLocation.NONE


def test_set_empty_key_is_refused(store: ProfileStore) -> None:
    store.add("Work")
    with pytest.raises(ProfileError, match="empty"):
        store.set_key("Work", "   ")


def test_fingerprint_survives_restart(store: ProfileStore) -> None:
    store.add("Work")
    store.set_key("Work", KEY)
    assert reopen(store).key_status("Work").text == "Key stored: fiz_…abcd"


def test_key_unavailable_then_session_only(no_keyring: object) -> None:
    store = ProfileStore(KeyVault())
    store.add("Work")
    with pytest.raises(KeyringUnavailable) as caught:
        store.set_key("Work", KEY)
    assert "GNOME Keyring" in caught.value.user_message
    assert store.key_status("Work").location is KeyLocation.NONE
    store.set_key("Work", KEY, session_only=True)
    assert store.key_status("Work").text == "Key kept for this session only: fiz_…abcd"
    assert store.get_key("Work") == KEY
    # Nothing about a session-only key reaches the file.
    saved = json.loads(store.path.read_text())
    assert saved["profiles"][0]["key_fingerprint"] is None
    # And after a restart it is gone.
    assert reopen(store).key_status("Work").location is KeyLocation.NONE


def test_get_key_brings_fingerprint_in_line_with_keyring(
    store: ProfileStore, memory_keyring: MemoryKeyring
) -> None:
    store.add("Work")
    store.set_key("Work", KEY)
    memory_keyring.entries.clear()  # removed with another tool, e.g. Seahorse
    assert store.get_key("Work") is None
    assert store.get("Work").key_fingerprint is None
    memory_keyring.entries[(SERVICE_NAME, "Work")] = OTHER_KEY
    assert store.get_key("Work") == OTHER_KEY
    assert reopen(store).get("Work").key_fingerprint == "fiz_…wxyz"


def test_reading_profiles_never_waits_for_the_keyring(
    store: ProfileStore, memory_keyring: MemoryKeyring
) -> None:
    """A keyring waiting on an unlock prompt must not freeze whoever reads the profiles."""
    store.add("Work")
    entered = threading.Event()
    release = threading.Event()
    original = memory_keyring.set_password

    def slow_set(service: str, username: str, password: str) -> None:
        entered.set()
        assert release.wait(timeout=30)
        original(service, username, password)

    memory_keyring.set_password = slow_set  # type: ignore[method-assign]
    worker = threading.Thread(target=store.set_key, args=("Work", KEY))
    worker.start()
    try:
        assert entered.wait(timeout=30)
        assert store.names() == [SANDBOX_PROFILE_NAME, "Work"]
        assert store.key_status("Work").location is KeyLocation.NONE
        store.add("Home")
        store.set_active("Home")
        assert store.active_name == "Home"
    finally:
        release.set()
        worker.join(timeout=30)
    assert not worker.is_alive()
    assert store.key_status("Work").text == "Key stored: fiz_…abcd"
    assert reopen(store).names() == [SANDBOX_PROFILE_NAME, "Work", "Home"]


# -- welcome ----------------------------------------------------------------------------------


def test_needs_welcome_until_own_profile_or_dismissed(store: ProfileStore) -> None:
    assert store.needs_welcome
    store.dismiss_welcome()
    assert not store.needs_welcome
    assert not reopen(store).needs_welcome


def test_own_profile_ends_the_welcome(store: ProfileStore) -> None:
    store.add("Fizzly")
    assert not store.needs_welcome


# -- the file ---------------------------------------------------------------------------------


def test_file_is_written_atomically_without_leftovers(store: ProfileStore) -> None:
    store.add("Work")
    store.set_active("Work")
    leftovers = [p.name for p in store.path.parent.iterdir() if p.name != "profiles.json"]
    assert leftovers == []
    saved = json.loads(store.path.read_text())
    assert saved == {
        "version": 1,
        "active": "Work",
        "welcome_done": False,
        "profiles": [{"name": "Work", "base_url": DEFAULT_BASE_URL, "key_fingerprint": None}],
    }


def test_save_failure_is_plain_and_changes_nothing(
    store: ProfileStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add("Work")

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("fizzly_desktop.core.jsonfile.os.replace", refuse)
    with pytest.raises(ProfileError, match="No space left on device"):
        store.add("Home")
    assert store.names() == [SANDBOX_PROFILE_NAME, "Work"]
    assert [p.name for p in store.path.parent.iterdir()] == ["profiles.json"]


def test_rename_save_failure_moves_key_back(
    store: ProfileStore, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add("Work")
    store.set_key("Work", KEY)

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(13, "Permission denied")

    monkeypatch.setattr("fizzly_desktop.core.jsonfile.os.replace", refuse)
    with pytest.raises(ProfileError, match="could not be saved"):
        store.rename("Work", "Studio")
    assert store.names() == [SANDBOX_PROFILE_NAME, "Work"]
    assert memory_keyring.entries == {(SERVICE_NAME, "Work"): KEY}


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_corrupt_file_is_kept_aside_and_reported(memory_keyring: MemoryKeyring) -> None:
    path = app_paths().config_dir / "profiles.json"
    damaged = '{"version": 1, "profiles": [{"name": "Work", '
    _write(path, damaged)
    store = ProfileStore(KeyVault())
    assert store.names() == [SANDBOX_PROFILE_NAME]
    assert store.load_problem is not None
    assert "not valid JSON" in store.load_problem
    assert "profiles.json.bak" in store.load_problem
    assert (path.parent / "profiles.json.bak").read_text() == damaged
    # A damaged file is not a first run: no welcome over the user's problem.
    assert not store.needs_welcome
    # The next save replaces the damaged file, but the copy stays.
    store.add("Work")
    assert (path.parent / "profiles.json.bak").read_text() == damaged
    assert ProfileStore(KeyVault()).names() == [SANDBOX_PROFILE_NAME, "Work"]


def test_second_corruption_does_not_overwrite_first_backup(memory_keyring: MemoryKeyring) -> None:
    folder = app_paths().config_dir
    _write(folder / "profiles.json", "first damage")
    ProfileStore(KeyVault())
    _write(folder / "profiles.json", "second damage")
    store = ProfileStore(KeyVault())
    assert "profiles.json.1.bak" in (store.load_problem or "")
    assert (folder / "profiles.json.bak").read_text() == "first damage"
    assert (folder / "profiles.json.1.bak").read_text() == "second damage"


def test_invalid_entries_are_skipped_reported_and_kept(memory_keyring: MemoryKeyring) -> None:
    path = app_paths().config_dir / "profiles.json"
    document = {
        "version": 1,
        "active": "Broken",
        "profiles": [
            {"name": "Work", "base_url": "https://queue.fizzly.ai", "key_fingerprint": "fiz_…abcd"},
            {"name": "Broken", "base_url": "http://example.com"},
            {"name": "work", "base_url": "https://queue.fizzly.ai"},
            "nonsense",
        ],
    }
    _write(path, json.dumps(document))
    store = ProfileStore(KeyVault())
    assert store.names() == [SANDBOX_PROFILE_NAME, "Work"]
    assert store.active_name == SANDBOX_PROFILE_NAME
    problem = store.load_problem or ""
    assert "profile 2: Use https://" in problem
    assert "profile 3: the name “work” appears twice" in problem
    assert "profile 4: not a profile record" in problem
    assert json.loads((path.parent / "profiles.json.bak").read_text()) == document


def test_file_from_another_version_is_kept_aside(memory_keyring: MemoryKeyring) -> None:
    path = app_paths().config_dir / "profiles.json"
    _write(path, json.dumps({"version": 7, "profiles": []}))
    store = ProfileStore(KeyVault())
    assert "another version" in (store.load_problem or "")
    assert (path.parent / "profiles.json.bak").exists()


# -- the key stays secret ---------------------------------------------------------------------


def test_key_never_in_file_reprs_or_logs(
    store: ProfileStore, memory_keyring: MemoryKeyring, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    store.add("Work")
    store.set_key("Work", KEY)
    store.set_active("Work")
    store.rename("Work", "Studio")
    store.add("Home")
    store.set_key("Home", OTHER_KEY, session_only=True)
    store.get_key("Studio")
    store.get_key("Home")
    memory_keyring.failure = keyring.errors.KeyringLocked("refused")
    with pytest.raises(KeyringUnavailable) as caught:
        store.delete("Studio")
    texts = [
        store.path.read_text(),
        repr(store),
        repr(store.profiles()),
        repr(store.vault),
        repr(store.key_status("Studio")),
        repr(caught.value),
        caplog.text,
    ]
    assert caplog.records
    for text in texts:
        assert KEY not in text
        assert OTHER_KEY not in text
        # Not even a longer tail than the fingerprint's four characters.
        assert KEY[-5:] not in text
        assert OTHER_KEY[-5:] not in text


# -- verifying a key --------------------------------------------------------------------------


def _service(status: int, seen: list[httpx.Request]) -> httpx.MockTransport:
    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        body = {"error": "x", "code": "NOT_FOUND"} if status == 404 else {"error": "x"}
        return httpx.Response(status, json=body)

    return httpx.MockTransport(answer)


@pytest.mark.parametrize(
    ("status", "expected", "words"),
    [
        (404, KeyCheckStatus.VALID, "works"),
        (401, KeyCheckStatus.INVALID, "did not accept"),
        (403, KeyCheckStatus.NO_API_ACCESS, "no API access"),
    ],
)
async def test_verify_key_outcomes_in_plain_words(
    status: int, expected: KeyCheckStatus, words: str
) -> None:
    seen: list[httpx.Request] = []
    check = await verify_key(
        "https://queue.fizzly.ai", f" {KEY}\n", transport=_service(status, seen)
    )
    assert check.status is expected
    assert words in check.message
    assert KEY not in check.message
    assert len(seen) == 1
    assert seen[0].url.host == "queue.fizzly.ai"
    assert seen[0].headers["Authorization"] == f"Key {KEY}"


async def test_verify_key_unreachable() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    check = await verify_key("https://queue.fizzly.ai", KEY, transport=httpx.MockTransport(refuse))
    assert check.status is KeyCheckStatus.UNREACHABLE
    assert "could not be reached" in check.message


async def test_verify_without_key_sends_nothing() -> None:
    seen: list[httpx.Request] = []
    check = await verify_key("https://queue.fizzly.ai", "  ", transport=_service(404, seen))
    assert check.status is KeyCheckStatus.INVALID
    assert "Set a key first" in check.message
    assert seen == []


async def test_verify_with_unusable_address_is_reported_not_raised() -> None:
    check = await verify_key("ftp://queue.fizzly.ai", KEY)
    assert check.status is KeyCheckStatus.UNREACHABLE
    assert check.message
