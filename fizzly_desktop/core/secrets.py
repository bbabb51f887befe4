"""API keys in the OS keyring, or, when the user explicitly asks, in memory for this session only.

A key is a user's money: it lives in the operating system's keyring (Secret Service on Linux,
Keychain on macOS, Credential Locker on Windows) and nowhere else on disk. When no usable keyring
exists, :class:`KeyringUnavailable` says plainly what is missing and how to get it; only after
the user chooses "keep for this session only" does :class:`KeyVault` hold a key in memory.
There is no plaintext fallback and no silent one.

Threading: keyring calls can block (D-Bus round trips, an unlock prompt), so every method of
:class:`SecretStore` and :class:`KeyVault` that touches the keyring must be called off the GUI
thread (``await asyncio.to_thread(vault.set_key, ...)`` from a coroutine, or a worker thread).
All classes here are safe to call from several threads at once.
"""

from __future__ import annotations

import enum
import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from fizzly_desktop import APP_ID

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

# The keyring package (~25 ms to import: its backends, found through the installed packages'
# entry points) is imported by the calls that use it, which run off the GUI thread: a start
# that reads no key (the sandbox profile) never loads it.

log = logging.getLogger(__name__)

SERVICE_NAME = APP_ID
"""The keyring "service" under which every key is stored; the username is the profile name."""

KEY_PREFIX = "fiz_"
"""The documented prefix of Fizzly API keys (``Authorization: Key fiz_...``)."""

_FINGERPRINT_TAIL = 4
# Below this length even four characters would give away too much of the key.
_MIN_LENGTH_FOR_TAIL = 12

_T = TypeVar("_T")


def normalize_key(key: str) -> str:
    """The key as the API expects it: pasted whitespace and line breaks removed."""
    return "".join(key.split())


def fingerprint(key: str) -> str:
    """A short, safe-to-show label for a key: the ``fiz_`` prefix if present and the last 4 chars.

    >>> fingerprint("fiz_live_0123456789abcd")
    'fiz_…abcd'
    """
    key = normalize_key(key)
    prefix = KEY_PREFIX if key.startswith(KEY_PREFIX) else ""
    tail = key[-_FINGERPRINT_TAIL:] if len(key) >= _MIN_LENGTH_FOR_TAIL else ""
    return f"{prefix}…{tail}"


def looks_like_key(key: str) -> str | None:
    """A warning when the text does not look like a Fizzly key, or None when it does.

    A warning, not a refusal: the server is the judge of a key, and a user may have a key in a
    format this app has not seen.
    """
    key = normalize_key(key)
    if not key:
        return "Paste your API key first."
    if not key.startswith(KEY_PREFIX):
        return (
            f"This does not look like a Fizzly API key: they start with “{KEY_PREFIX}”. "
            "You can still save it if you are sure."
        )
    if len(key) <= len(KEY_PREFIX):
        return "This key looks incomplete: only the “fiz_” prefix was pasted."
    return None


class KeyStoreError(Exception):
    """A key could not be stored, read or removed. ``user_message`` says why in plain words.

    Never carries the key itself.
    """

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


class KeyringUnavailable(KeyStoreError):
    """No usable OS keyring: none installed, not running, or locked with the unlock refused."""


def _missing_keyring_message() -> str:
    if sys.platform == "darwin":
        return (
            "The macOS Keychain could not be reached, so your API key cannot be stored safely. "
            "Unlock the login keychain in Keychain Access and try again."
        )
    if sys.platform == "win32":
        return (
            "The Windows Credential Locker could not be reached, so your API key cannot be "
            "stored safely. Sign in to Windows with your own account and try again."
        )
    return (
        "No keyring is available, so your API key cannot be stored safely. Install and unlock "
        "GNOME Keyring (package “gnome-keyring”) or KWallet, make sure your desktop session "
        "starts it, and try again."
    )


_LOCKED_MESSAGE = (
    "Your keyring is locked and was not unlocked, so your API key cannot be read or stored. "
    "Unlock it (usually with your login password) when asked, then try again."
)


def _classify(exc: Exception) -> KeyStoreError:
    """Turn whatever a keyring backend raised into a plain-language error, never losing the kind."""
    import keyring.errors

    if isinstance(exc, keyring.errors.KeyringLocked):
        return KeyringUnavailable(_LOCKED_MESSAGE)
    if isinstance(exc, keyring.errors.NoKeyringError | keyring.errors.InitError):
        return KeyringUnavailable(_missing_keyring_message())
    if _is_secret_service_error(exc):
        if type(exc).__name__ == "LockedException":
            return KeyringUnavailable(_LOCKED_MESSAGE)
        return KeyringUnavailable(_missing_keyring_message())
    return KeyStoreError(
        "The keyring refused the request "
        f"({type(exc).__name__}). Check that it is unlocked and working, then try again."
    )


def _is_secret_service_error(exc: Exception) -> bool:
    # SecretStorage raises its own errors before keyring can wrap them (for example when no
    # Secret Service daemon answers on the session bus). It only exists on Linux.
    try:
        from secretstorage.exceptions import SecretStorageException
    except ImportError:
        return False
    return isinstance(exc, SecretStorageException)


class SecretStore:
    """API keys in the OS keyring through the ``keyring`` package: one entry per profile.

    Args:
        service: the keyring service name; entries are (service, profile name) pairs.
        backend: a specific keyring backend; by default whatever ``keyring.get_keyring()``
            returns at the time of each call, so the platform's keyring is used.

    Every method blocks on the keyring: call it off the GUI thread.
    """

    def __init__(self, service: str = SERVICE_NAME, backend: KeyringBackend | None = None) -> None:
        self._service = service
        self._backend = backend

    def __repr__(self) -> str:
        return f"SecretStore(service={self._service!r})"

    @property
    def service(self) -> str:
        return self._service

    def backend(self) -> KeyringBackend:
        """The backend in use; raises :class:`KeyringUnavailable` when it cannot hold secrets."""
        import keyring
        from keyring.backends import fail, null

        backend = self._backend if self._backend is not None else keyring.get_keyring()
        # keyring's "fail" backend raises on every call and the "null" one silently drops
        # every secret; neither may ever hold a user's key.
        if isinstance(backend, fail.Keyring | null.Keyring):
            raise KeyringUnavailable(_missing_keyring_message())
        return backend

    def check(self) -> None:
        """Raise :class:`KeyringUnavailable` unless the keyring can be read right now."""
        self._call(lambda b: b.get_password(self._service, "availability check"))

    def get_key(self, profile_name: str) -> str | None:
        """The stored key of a profile, or None when there is none."""
        key = self._call(lambda b: b.get_password(self._service, profile_name))
        return None if key is None else str(key)

    def set_key(self, profile_name: str, key: str) -> None:
        """Store (or replace) the key of a profile."""
        self._call(lambda b: b.set_password(self._service, profile_name, key))
        log.info("Stored the API key of profile %r in the keyring", profile_name)

    def delete_key(self, profile_name: str) -> bool:
        """Remove the key of a profile; False when there was none to remove."""

        import keyring.errors

        def delete(backend: KeyringBackend) -> bool:
            try:
                backend.delete_password(self._service, profile_name)
            except keyring.errors.PasswordDeleteError:
                # Backends report "no such entry" this way; a real failure would show up on
                # the lookup below.
                return backend.get_password(self._service, profile_name) is not None
            return True

        removed = self._call(delete)
        if removed:
            log.info("Removed the API key of profile %r from the keyring", profile_name)
        return removed

    def _call(self, operation: Callable[[KeyringBackend], _T]) -> _T:
        backend = self.backend()
        try:
            return operation(backend)
        except Exception as exc:  # keyring backends raise all kinds: D-Bus, OS, their own
            _close_abandoned_connections(exc)
            log.warning("Keyring request failed: %s", type(exc).__name__)
            # Raised without a name for it in this frame: a local holding the error would tie
            # the error, its traceback and every caller's frame into a reference cycle.
            raise _classify(exc) from exc


def _close_abandoned_connections(exc: BaseException) -> None:
    """Close D-Bus connections that a failed Secret Service call left open.

    keyring's Secret Service backend opens a connection per call and does not close it when the
    collection cannot be found or unlocked (jaraco/keyring#380), so every refused unlock would
    leak a socket until garbage collection. The connection is still referenced by the failed
    call's frames, which is where it is found.
    """
    try:
        from jeepney.io.blocking import DBusConnection  # type: ignore[import-untyped]
    except ImportError:  # not on Linux: no Secret Service, nothing to close
        return
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        tb = current.__traceback__
        while tb is not None:
            for value in list(tb.tb_frame.f_locals.values()):
                if isinstance(value, DBusConnection):
                    value.close()
            tb = tb.tb_next
        current = current.__cause__ or current.__context__


class SessionSecretStore:
    """API keys held in memory for this session only; forgotten when the app quits.

    Same interface as :class:`SecretStore`. Used only when the user explicitly chooses it after
    being told the keyring is unavailable.
    """

    def __init__(self) -> None:
        self._keys: dict[str, str] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        with self._lock:
            return f"SessionSecretStore(profiles={sorted(self._keys)!r})"

    def check(self) -> None:
        """Memory is always available."""

    def get_key(self, profile_name: str) -> str | None:
        with self._lock:
            return self._keys.get(profile_name)

    def set_key(self, profile_name: str, key: str) -> None:
        with self._lock:
            self._keys[profile_name] = key
        log.info("Holding the API key of profile %r in memory for this session", profile_name)

    def delete_key(self, profile_name: str) -> bool:
        with self._lock:
            return self._keys.pop(profile_name, None) is not None

    def holds(self, profile_name: str) -> bool:
        with self._lock:
            return profile_name in self._keys


class KeyLocation(enum.Enum):
    """Where a profile's key is kept."""

    NONE = "none"
    KEYRING = "keyring"
    SESSION = "session"


@dataclass(frozen=True)
class KeyInfo:
    """What may be shown about a profile's key: where it is and its fingerprint, never the key."""

    location: KeyLocation
    fingerprint: str | None = None
    is_sandbox: bool = False

    @property
    def text(self) -> str:
        """One plain line for the user, e.g. ``Key stored: fiz_…abcd``."""
        if self.is_sandbox:
            return "Uses the sandbox's own demo key"
        if self.location is KeyLocation.SESSION:
            return f"Key kept for this session only: {self.fingerprint}"
        if self.location is KeyLocation.KEYRING:
            return f"Key stored: {self.fingerprint}"
        return "No key stored"


class KeyVault:
    """The app's one door to API keys: the OS keyring, plus session-only keys the user chose.

    A key reaches the session store only through ``set_key(..., session_only=True)``, which the
    UI calls only after the user, told that the keyring is unavailable, chose "Keep for this
    session only". Lookups look at the session store first (memory, never blocks), then the
    keyring.

    Methods that touch the keyring block: call them off the GUI thread.
    """

    def __init__(
        self,
        keyring_store: SecretStore | None = None,
        session_store: SessionSecretStore | None = None,
    ) -> None:
        self._keyring = keyring_store if keyring_store is not None else SecretStore()
        self._session = session_store if session_store is not None else SessionSecretStore()
        self._lock = threading.RLock()

    def __repr__(self) -> str:
        return f"KeyVault(keyring={self._keyring!r}, session={self._session!r})"

    def check_keyring(self) -> None:
        """Raise :class:`KeyringUnavailable` unless the OS keyring works right now (blocks)."""
        self._keyring.check()

    def holds_session_key(self, profile_name: str) -> bool:
        """Whether the profile's key is held in memory for this session (never blocks)."""
        return self._session.holds(profile_name)

    def session_fingerprint(self, profile_name: str) -> str | None:
        """The fingerprint of a session-only key, or None (never blocks)."""
        key = self._session.get_key(profile_name)
        return None if key is None else fingerprint(key)

    def get_key(self, profile_name: str) -> str | None:
        """The profile's key from this session's memory or else the keyring; None if neither."""
        with self._lock:
            key = self._session.get_key(profile_name)
            if key is not None:
                return key
            return self._keyring.get_key(profile_name)

    def set_key(self, profile_name: str, key: str, *, session_only: bool = False) -> str:
        """Store a key (whitespace removed) and return its fingerprint.

        Raises :class:`KeyringUnavailable` when the keyring cannot take it; then, and only if the
        user agrees, call again with ``session_only=True``.
        """
        key = normalize_key(key)
        if not key:
            raise KeyStoreError("The key is empty. Paste your API key and try again.")
        with self._lock:
            if session_only:
                self._session.set_key(profile_name, key)
            else:
                self._keyring.set_key(profile_name, key)
                # The keyring now holds the key; a session copy would shadow later replacements.
                self._session.delete_key(profile_name)
        return fingerprint(key)

    def delete_key(self, profile_name: str, *, keyring_required: bool = True) -> bool:
        """Forget the profile's key everywhere; False when there was none.

        With ``keyring_required=False`` an unavailable keyring is not an error (used when the
        app knows of no key stored there, so there is nothing that could be left behind).
        """
        with self._lock:
            removed = self._session.delete_key(profile_name)
            try:
                removed = self._keyring.delete_key(profile_name) or removed
            except KeyringUnavailable:
                if keyring_required:
                    raise
            return removed

    def move_key(self, old_name: str, new_name: str, *, keyring_required: bool = True) -> None:
        """Move the key of a renamed profile, from wherever it is kept, to the new name."""
        with self._lock:
            session_key = self._session.get_key(old_name)
            if session_key is not None:
                self._session.delete_key(old_name)
                self._session.set_key(new_name, session_key)
            try:
                self._move_in_keyring(old_name, new_name)
            except KeyringUnavailable:
                if keyring_required:
                    if session_key is not None:
                        self._session.delete_key(new_name)
                        self._session.set_key(old_name, session_key)
                    raise

    def _move_in_keyring(self, old_name: str, new_name: str) -> None:
        key = self._keyring.get_key(old_name)
        if key is None:
            return
        if old_name.casefold() == new_name.casefold():
            # Some keyrings compare usernames without case: writing the new entry first and
            # deleting the old one would then delete the key just written.
            self._keyring.delete_key(old_name)
            try:
                self._keyring.set_key(new_name, key)
            except KeyStoreError:
                self._keyring.set_key(old_name, key)
                raise
            return
        self._keyring.set_key(new_name, key)
        self._keyring.delete_key(old_name)
