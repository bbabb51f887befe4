"""Keys in the keyring: fingerprints, prefix warnings, unusable keyrings, session-only keys."""

from __future__ import annotations

import logging
import threading

import keyring.errors
import pytest
from keyring.backends import null

from fizzly_desktop.core.secrets import (
    SERVICE_NAME,
    KeyInfo,
    KeyLocation,
    KeyringUnavailable,
    KeyStoreError,
    KeyVault,
    SecretStore,
    SessionSecretStore,
    fingerprint,
    looks_like_key,
    normalize_key,
)
from tests.fixtures.keyring import MemoryKeyring, installed_keyring

KEY = "fiz_live_9f8e7d6c5b4a3210abcd"
OTHER_KEY = "fiz_live_0000111122223333wxyz"


# -- fingerprints and key text ---------------------------------------------------------------


def test_fingerprint_shows_prefix_and_last_four_only() -> None:
    assert fingerprint(KEY) == "fiz_…abcd"


def test_fingerprint_of_key_without_prefix() -> None:
    assert fingerprint("sk-1234567890ABCDEF") == "…CDEF"


def test_fingerprint_of_short_key_gives_nothing_away() -> None:
    assert fingerprint("fiz_abc12") == "fiz_…"
    assert fingerprint("abc") == "…"


def test_fingerprint_ignores_pasted_whitespace() -> None:
    assert fingerprint(f"  {KEY}\n") == "fiz_…abcd"


def test_normalize_key_strips_whitespace_and_line_breaks() -> None:
    assert normalize_key(f"\t{KEY[:10]}\n{KEY[10:]}  ") == KEY


def test_looks_like_key_accepts_fizzly_keys() -> None:
    assert looks_like_key(KEY) is None
    assert looks_like_key(f" {KEY} ") is None


def test_looks_like_key_warns_without_prefix() -> None:
    warning = looks_like_key("sk-1234567890ABCDEF")
    assert warning is not None
    assert "fiz_" in warning
    assert "still save" in warning


def test_looks_like_key_warns_on_empty_and_prefix_only() -> None:
    assert looks_like_key("   ") == "Paste your API key first."
    assert "incomplete" in (looks_like_key("fiz_") or "")


# -- SecretStore over the keyring package ----------------------------------------------------


def test_secret_store_round_trip(memory_keyring: MemoryKeyring) -> None:
    store = SecretStore()
    assert store.get_key("Work") is None
    store.set_key("Work", KEY)
    assert memory_keyring.entries == {(SERVICE_NAME, "Work"): KEY}
    assert store.get_key("Work") == KEY
    store.set_key("Work", OTHER_KEY)
    assert store.get_key("Work") == OTHER_KEY
    assert store.delete_key("Work") is True
    assert store.get_key("Work") is None
    assert store.delete_key("Work") is False


def test_secret_store_uses_service_name_of_the_app(memory_keyring: MemoryKeyring) -> None:
    SecretStore().set_key("Work", KEY)
    SecretStore(service="other.app").set_key("Work", OTHER_KEY)
    assert memory_keyring.entries[("ai.fizzly.Desktop", "Work")] == KEY
    assert memory_keyring.entries[("other.app", "Work")] == OTHER_KEY


def test_secret_store_with_explicit_backend_ignores_the_global_one(
    memory_keyring: MemoryKeyring,
) -> None:
    own = MemoryKeyring()
    SecretStore(backend=own).set_key("Work", KEY)
    assert own.secrets() == [KEY]
    assert memory_keyring.secrets() == []


def test_fail_backend_is_reported_plainly(no_keyring: object) -> None:
    store = SecretStore()
    for call in (lambda: store.get_key("Work"), lambda: store.set_key("Work", KEY), store.check):
        with pytest.raises(KeyringUnavailable) as caught:
            call()
        message = caught.value.user_message
        assert "No keyring is available" in message
        assert "GNOME Keyring" in message
        assert "KWallet" in message


def test_null_backend_would_drop_keys_so_it_counts_as_unavailable() -> None:
    with installed_keyring(null.Keyring()), pytest.raises(KeyringUnavailable):
        SecretStore().set_key("Work", KEY)


@pytest.mark.parametrize(
    ("failure", "expected"),
    [
        (keyring.errors.KeyringLocked("Failed to unlock the collection!"), "locked"),
        (keyring.errors.InitError("Failed to create the collection"), "No keyring is available"),
        (keyring.errors.NoKeyringError("none"), "No keyring is available"),
    ],
)
def test_unusable_keyring_errors_become_keyring_unavailable(
    memory_keyring: MemoryKeyring, failure: Exception, expected: str
) -> None:
    memory_keyring.failure = failure
    with pytest.raises(KeyringUnavailable) as caught:
        SecretStore().set_key("Work", KEY)
    assert expected in caught.value.user_message
    assert caught.value.__cause__ is failure


def test_refused_unlock_says_how_to_unlock(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.failure = keyring.errors.KeyringLocked("Failed to unlock the item!")
    with pytest.raises(KeyringUnavailable) as caught:
        SecretStore().get_key("Work")
    assert "Unlock it" in caught.value.user_message


def test_secret_service_not_running_becomes_keyring_unavailable(
    memory_keyring: MemoryKeyring,
) -> None:
    from secretstorage.exceptions import SecretServiceNotAvailableException

    memory_keyring.failure = SecretServiceNotAvailableException("no daemon")
    with pytest.raises(KeyringUnavailable):
        SecretStore().get_key("Work")


def test_other_backend_failure_is_a_plain_error_not_unavailable(
    memory_keyring: MemoryKeyring,
) -> None:
    memory_keyring.failure = keyring.errors.PasswordSetError("denied")
    with pytest.raises(KeyStoreError) as caught:
        SecretStore().set_key("Work", KEY)
    assert not isinstance(caught.value, KeyringUnavailable)
    assert "PasswordSetError" in caught.value.user_message


# -- the session store and the vault ---------------------------------------------------------


def test_session_store_has_the_same_interface() -> None:
    store = SessionSecretStore()
    store.check()
    assert store.get_key("Work") is None
    store.set_key("Work", KEY)
    assert store.holds("Work")
    assert store.get_key("Work") == KEY
    assert store.delete_key("Work") is True
    assert store.delete_key("Work") is False
    assert not store.holds("Work")


def test_vault_stores_in_keyring_and_returns_fingerprint(memory_keyring: MemoryKeyring) -> None:
    vault = KeyVault()
    assert vault.set_key("Work", f"  {KEY}\n") == "fiz_…abcd"
    assert memory_keyring.secrets() == [KEY]
    assert vault.get_key("Work") == KEY
    assert not vault.holds_session_key("Work")


def test_vault_never_falls_back_silently(no_keyring: object) -> None:
    vault = KeyVault()
    with pytest.raises(KeyringUnavailable):
        vault.set_key("Work", KEY)
    assert not vault.holds_session_key("Work")
    with pytest.raises(KeyringUnavailable):
        vault.get_key("Work")


def test_vault_session_only_after_explicit_choice(no_keyring: object) -> None:
    vault = KeyVault()
    with pytest.raises(KeyringUnavailable):
        vault.set_key("Work", KEY)
    assert vault.set_key("Work", KEY, session_only=True) == "fiz_…abcd"
    assert vault.holds_session_key("Work")
    assert vault.session_fingerprint("Work") == "fiz_…abcd"
    # Served from memory: the unusable keyring is not even asked.
    assert vault.get_key("Work") == KEY


def test_vault_keyring_save_replaces_a_session_key(memory_keyring: MemoryKeyring) -> None:
    vault = KeyVault()
    vault.set_key("Work", KEY, session_only=True)
    assert memory_keyring.secrets() == []
    vault.set_key("Work", OTHER_KEY)
    assert not vault.holds_session_key("Work")
    assert vault.get_key("Work") == OTHER_KEY


def test_vault_refuses_empty_key(memory_keyring: MemoryKeyring) -> None:
    with pytest.raises(KeyStoreError, match="empty"):
        KeyVault().set_key("Work", " \n ")
    assert memory_keyring.calls == 0


def test_vault_delete_forgets_session_and_keyring(memory_keyring: MemoryKeyring) -> None:
    vault = KeyVault()
    vault.set_key("Work", KEY)
    vault.set_key("Home", OTHER_KEY, session_only=True)
    assert vault.delete_key("Work") is True
    assert vault.delete_key("Home") is True
    assert vault.delete_key("Home") is False
    assert memory_keyring.secrets() == []
    assert vault.get_key("Home") is None


def test_vault_delete_with_unavailable_keyring(no_keyring: object) -> None:
    vault = KeyVault()
    vault.set_key("Work", KEY, session_only=True)
    with pytest.raises(KeyringUnavailable):
        vault.delete_key("Work")
    assert vault.delete_key("Work", keyring_required=False) is False


def test_vault_move_key_in_keyring(memory_keyring: MemoryKeyring) -> None:
    vault = KeyVault()
    vault.set_key("Work", KEY)
    vault.move_key("Work", "Studio")
    assert memory_keyring.entries == {(SERVICE_NAME, "Studio"): KEY}


def test_vault_move_key_case_only_rename(memory_keyring: MemoryKeyring) -> None:
    vault = KeyVault()
    vault.set_key("work", KEY)
    vault.move_key("work", "Work")
    assert memory_keyring.entries == {(SERVICE_NAME, "Work"): KEY}


def test_vault_move_session_key(no_keyring: object) -> None:
    vault = KeyVault()
    vault.set_key("Work", KEY, session_only=True)
    vault.move_key("Work", "Studio", keyring_required=False)
    assert vault.get_key("Studio") == KEY
    assert not vault.holds_session_key("Work")


def test_vault_failed_move_restores_session_key(no_keyring: object) -> None:
    vault = KeyVault()
    vault.set_key("Work", KEY, session_only=True)
    with pytest.raises(KeyringUnavailable):
        vault.move_key("Work", "Studio")
    assert vault.holds_session_key("Work")
    assert not vault.holds_session_key("Studio")


def test_vault_is_usable_from_worker_threads(memory_keyring: MemoryKeyring) -> None:
    vault = KeyVault()
    errors: list[BaseException] = []

    def store(index: int) -> None:
        try:
            vault.set_key(f"Profile {index}", f"fiz_thread_key_{index:04d}xyz")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=store, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(memory_keyring.entries) == 8
    assert vault.get_key("Profile 3") == "fiz_thread_key_0003xyz"


# -- what may be shown ------------------------------------------------------------------------


def test_key_status_texts() -> None:
    assert KeyInfo(KeyLocation.KEYRING, "fiz_…abcd").text == "Key stored: fiz_…abcd"
    assert KeyInfo(KeyLocation.NONE).text == "No key stored"
    assert (
        KeyInfo(KeyLocation.SESSION, "fiz_…abcd").text
        == "Key kept for this session only: fiz_…abcd"
    )
    assert "sandbox" in KeyInfo(KeyLocation.NONE, is_sandbox=True).text


def test_key_never_in_reprs_errors_or_logs(
    memory_keyring: MemoryKeyring, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    session = SessionSecretStore()
    vault = KeyVault(SecretStore(), session)
    vault.set_key("Work", KEY)
    vault.set_key("Home", OTHER_KEY, session_only=True)
    vault.move_key("Work", "Studio")
    memory_keyring.failure = keyring.errors.KeyringLocked("locked")
    with pytest.raises(KeyringUnavailable) as caught:
        vault.set_key("Studio", KEY)
    texts = [
        repr(vault),
        repr(session),
        repr(SecretStore()),
        str(caught.value),
        repr(caught.value),
        caplog.text,
    ]
    assert caplog.records, "the operations above are expected to log"
    for text in texts:
        assert KEY not in text
        assert OTHER_KEY not in text
        assert KEY[-8:] not in text
