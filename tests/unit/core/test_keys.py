"""The one key-storing policy: check with the service, then store; what each outcome leaves."""

from __future__ import annotations

import json

import keyring.errors
import pytest

from fizzly_desktop.core.keys import KeySaveOutcome, check_and_store_key
from fizzly_desktop.core.profiles import (
    SANDBOX_PROFILE_NAME,
    KeyCheck,
    KeyCheckStatus,
    ProfileStore,
)
from fizzly_desktop.core.secrets import SERVICE_NAME, KeyLocation, KeyVault
from tests.fixtures.keyring import MemoryKeyring

KEY = "fiz_live_9f8e7d6c5b4a3210abcd"


class FakeService:
    """Answers key checks with a fixed outcome and records what it was asked."""

    def __init__(self, status: KeyCheckStatus, message: str = "") -> None:
        self.check = KeyCheck(status, message or status.value)
        self.calls: list[tuple[str, str]] = []

    async def __call__(self, base_url: str, key: str) -> KeyCheck:
        self.calls.append((base_url, key))
        return self.check


@pytest.fixture
def store(memory_keyring: MemoryKeyring) -> ProfileStore:
    store = ProfileStore(KeyVault())
    store.add("Studio", "https://eu.example.com")
    return store


async def test_a_valid_key_is_checked_at_the_profile_address_then_stored(
    store: ProfileStore, memory_keyring: MemoryKeyring
) -> None:
    service = FakeService(KeyCheckStatus.VALID, "The key works.")
    saved = await check_and_store_key(store, "Studio", f" {KEY}\n", verify=service)
    assert saved.outcome is KeySaveOutcome.SAVED
    assert saved.stored
    assert service.calls == [("https://eu.example.com", f" {KEY}\n")]
    assert memory_keyring.entries[(SERVICE_NAME, "Studio")] == KEY
    assert saved.message == "The key (fiz_…abcd) is saved in your keyring."
    assert saved.profile is not None
    assert saved.profile.key_fingerprint == "fiz_…abcd"


@pytest.mark.parametrize("status", [KeyCheckStatus.INVALID, KeyCheckStatus.NO_API_ACCESS])
async def test_a_rejected_key_is_not_stored(
    store: ProfileStore, memory_keyring: MemoryKeyring, status: KeyCheckStatus
) -> None:
    saved = await check_and_store_key(
        store, "Studio", KEY, verify=FakeService(status, "Refused by the service.")
    )
    assert saved.outcome is KeySaveOutcome.REJECTED
    assert not saved.stored
    assert saved.message == "Refused by the service."
    assert memory_keyring.secrets() == []
    assert store.key_status("Studio").location is KeyLocation.NONE


async def test_an_unreachable_service_stores_the_key_and_says_it_is_unchecked(
    store: ProfileStore, memory_keyring: MemoryKeyring
) -> None:
    offline = FakeService(KeyCheckStatus.UNREACHABLE, "The service could not be reached.")
    saved = await check_and_store_key(store, "Studio", KEY, verify=offline)
    assert saved.outcome is KeySaveOutcome.SAVED_UNCHECKED
    assert saved.stored
    assert memory_keyring.secrets() == [KEY]
    assert saved.message.endswith("could not be checked: The service could not be reached.")


async def test_an_empty_key_is_neither_checked_nor_stored(store: ProfileStore) -> None:
    service = FakeService(KeyCheckStatus.VALID)
    saved = await check_and_store_key(store, "Studio", "  \n", verify=service)
    assert saved.outcome is KeySaveOutcome.EMPTY
    assert saved.message == "Paste your API key first."
    assert service.calls == []


async def test_a_new_profile_is_created_at_the_given_address(
    store: ProfileStore, memory_keyring: MemoryKeyring
) -> None:
    service = FakeService(KeyCheckStatus.VALID)
    saved = await check_and_store_key(
        store, "Fizzly", KEY, verify=service, base_url="https://queue.fizzly.ai"
    )
    assert saved.outcome is KeySaveOutcome.SAVED
    assert service.calls == [("https://queue.fizzly.ai", KEY)]
    assert store.get("Fizzly").base_url == "https://queue.fizzly.ai"
    assert memory_keyring.entries[(SERVICE_NAME, "Fizzly")] == KEY


async def test_an_unknown_profile_without_address_is_refused(store: ProfileStore) -> None:
    service = FakeService(KeyCheckStatus.VALID)
    saved = await check_and_store_key(store, "Nowhere", KEY, verify=service)
    assert saved.outcome is KeySaveOutcome.FAILED
    assert "Nowhere" in saved.message
    assert service.calls == []


async def test_no_keyring_stores_nothing_and_leaves_no_half_made_profile(
    no_keyring: object,
) -> None:
    store = ProfileStore(KeyVault())
    service = FakeService(KeyCheckStatus.VALID)
    saved = await check_and_store_key(
        store, "Fizzly", KEY, verify=service, base_url="https://queue.fizzly.ai"
    )
    assert saved.outcome is KeySaveOutcome.NO_KEYRING
    assert "No keyring is available" in saved.message
    assert "keep the key in memory until you quit" in saved.message
    assert store.names() == [SANDBOX_PROFILE_NAME]

    # The user's explicit choice: in memory only; checked already, so not checked again.
    saved = await check_and_store_key(
        store,
        "Fizzly",
        KEY,
        verify=service,
        base_url="https://queue.fizzly.ai",
        session_only=True,
    )
    assert saved.outcome is KeySaveOutcome.SESSION_ONLY
    assert "session only" in saved.message
    assert len(service.calls) == 1
    assert store.key_status("Fizzly").location is KeyLocation.SESSION
    assert KEY not in json.dumps(json.loads(store.path.read_text()))


async def test_a_failing_keyring_is_reported_in_plain_words(
    store: ProfileStore, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object) -> None:
        raise keyring.errors.PasswordSetError("the keyring is locked")

    monkeypatch.setattr(memory_keyring, "set_password", refuse)
    saved = await check_and_store_key(
        store, "Studio", KEY, verify=FakeService(KeyCheckStatus.VALID)
    )
    assert saved.outcome is KeySaveOutcome.FAILED
    assert not saved.stored
    assert saved.message
    assert store.key_status("Studio").location is KeyLocation.NONE
