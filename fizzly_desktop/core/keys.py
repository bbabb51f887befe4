"""The one policy for storing an API key: check it with the service first, then keep it.

Both screens that take a key (the first-run welcome and the Profiles dialog) call
``check_and_store_key`` and show the ``KeySaved`` it returns, so they cannot disagree on what
happens to a key the service rejects, a service that cannot be reached, or a missing keyring:

- rejected (401) or a plan without API access (403): nothing is stored; the screen keeps the
  typed key so that a typo can be fixed;
- the service cannot be reached: the key is stored anyway, and the outcome says it is
  unchecked (being offline now should not stop the user later);
- no keyring: nothing is stored; the outcome offers keeping the key in memory for this session
  only, which the user chooses explicitly (``session_only=True``).
"""

from __future__ import annotations

import asyncio
import enum
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from fizzly_desktop.core.profiles import (
    KeyCheck,
    KeyCheckStatus,
    Profile,
    ProfileError,
    ProfileStore,
)
from fizzly_desktop.core.secrets import KeyringUnavailable, KeyStoreError, normalize_key

log = logging.getLogger(__name__)

KeyVerifier = Callable[[str, str], Awaitable[KeyCheck]]
"""``verify(base_url, key) -> KeyCheck``; by default one request to the profile's service."""

SESSION_ONLY_OFFER = (
    "You can also keep the key in memory until you quit the app; it is never written to disk."
)


class KeySaveOutcome(enum.Enum):
    SAVED = "saved"
    """Checked by the service and kept in the keyring."""
    SAVED_UNCHECKED = "saved-unchecked"
    """The service could not be reached; kept in the keyring all the same."""
    SESSION_ONLY = "session-only"
    """Kept in memory until the app quits, as the user chose."""
    EMPTY = "empty"
    """Nothing was typed."""
    REJECTED = "rejected"
    """The service refused the key (or its plan has no API access): not stored."""
    NO_KEYRING = "no-keyring"
    """No keyring backend: not stored; the screen may offer "this session only"."""
    FAILED = "failed"
    """The keyring or the profiles file failed: not stored."""


@dataclass(frozen=True)
class KeySaved:
    """What became of a key, with the sentence a screen shows for it."""

    outcome: KeySaveOutcome
    message: str
    profile: Profile | None = None
    check: KeyCheck | None = None

    @property
    def stored(self) -> bool:
        return self.outcome in (
            KeySaveOutcome.SAVED,
            KeySaveOutcome.SAVED_UNCHECKED,
            KeySaveOutcome.SESSION_ONLY,
        )


async def check_and_store_key(
    store: ProfileStore,
    name: str,
    key: str,
    *,
    verify: KeyVerifier,
    base_url: str | None = None,
    session_only: bool = False,
) -> KeySaved:
    """Check ``key`` with the profile's service, then store it for profile ``name``.

    Args:
        store: the profiles; keyring calls run in a worker thread (they can block).
        name: the profile; created with ``base_url`` when there is none of that name (and
            deleted again when its key cannot be stored: no half-made profile stays behind).
        key: what the user typed (the verifier and the store remove pasted whitespace).
        verify: how the key is checked (``Connector.verify_key``).
        base_url: the address for a profile that does not exist yet.
        session_only: the user's explicit choice after ``NO_KEYRING``: hold the key in memory.
            That choice follows a check that passed, so the key is not checked again.
    """
    if not normalize_key(key):
        return KeySaved(KeySaveOutcome.EMPTY, "Paste your API key first.")
    existing = store.find(name)
    target = existing.base_url if existing is not None else base_url
    if target is None:
        return KeySaved(KeySaveOutcome.FAILED, f"There is no profile named “{name}”.")
    check: KeyCheck | None = None
    if not session_only:
        check = await verify(target, key)
        if check.status in (KeyCheckStatus.INVALID, KeyCheckStatus.NO_API_ACCESS):
            return KeySaved(KeySaveOutcome.REJECTED, check.message, check=check)
        if check.status is KeyCheckStatus.UNREACHABLE:
            log.info("Storing the key of %s unchecked: %s", name, check.message)
    try:
        profile = await asyncio.to_thread(
            _store, store, name, key, base_url if existing is None else None, session_only
        )
    except KeyringUnavailable as exc:
        return KeySaved(
            KeySaveOutcome.NO_KEYRING, f"{exc.user_message}\n\n{SESSION_ONLY_OFFER}", check=check
        )
    except (KeyStoreError, ProfileError) as exc:
        return KeySaved(KeySaveOutcome.FAILED, exc.user_message, check=check)
    shown = store.key_status(profile.name).fingerprint
    if session_only:
        return KeySaved(
            KeySaveOutcome.SESSION_ONLY,
            f"The key ({shown}) is kept for this session only; you will need to set it again "
            "after restarting the app.",
            profile,
        )
    if check is not None and check.status is KeyCheckStatus.UNREACHABLE:
        return KeySaved(
            KeySaveOutcome.SAVED_UNCHECKED,
            f"The key ({shown}) is saved in your keyring, but it could not be checked: "
            f"{check.message}",
            profile,
            check,
        )
    return KeySaved(
        KeySaveOutcome.SAVED, f"The key ({shown}) is saved in your keyring.", profile, check
    )


def _store(
    store: ProfileStore, name: str, key: str, create_at: str | None, session_only: bool
) -> Profile:
    """Create the profile when asked to, and store its key; blocks on the keyring."""
    if create_at is not None:
        store.add(name, create_at)
    try:
        return store.set_key(name, key, session_only=session_only)
    except BaseException:
        if create_at is not None:
            store.delete(name)
        raise


__all__ = [
    "SESSION_ONLY_OFFER",
    "KeySaveOutcome",
    "KeySaved",
    "KeyVerifier",
    "check_and_store_key",
]
