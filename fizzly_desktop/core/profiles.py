"""Connection profiles (name, API address, key fingerprint), kept in ``profiles.json``.

A profile's key itself lives in the OS keyring (see :mod:`fizzly_desktop.core.secrets`); this
file only ever holds its fingerprint (``fiz_…abcd``). The built-in "Local sandbox" profile is
always present: its address and demo key come from the running sandbox.

Threading: :class:`ProfileStore` is safe to use from several threads. Methods that touch keys
(``set_key``, ``remove_key``, ``get_key``, ``rename``, ``delete``) block on the keyring: call
them off the GUI thread. The others only read memory or write a small JSON file, and never wait
for a key operation in progress.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import threading
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from fizzly_desktop.api import FizzlyClient, FizzlyError, KeyCheck
from fizzly_desktop.api import KeyStatus as KeyCheckStatus
from fizzly_desktop.core.jsonfile import read_json, write_json_atomic
from fizzly_desktop.core.paths import app_paths
from fizzly_desktop.core.secrets import (
    KeyInfo,
    KeyLocation,
    KeyringUnavailable,
    KeyStoreError,
    KeyVault,
    fingerprint,
    normalize_key,
)

log = logging.getLogger(__name__)

DEFAULT_BASE_URL = "https://queue.fizzly.ai"
SANDBOX_PROFILE_NAME = "Local sandbox"
PROFILES_FILE_NAME = "profiles.json"
_FORMAT_VERSION = 1
_MAX_NAME_LENGTH = 64
# Seconds a key check may take: a user is watching "Checking…".
_VERIFY_TIMEOUT = 15.0


@dataclass(frozen=True)
class Profile:
    """Where to send runs and which key to use; never holds the key itself.

    ``base_url`` is empty for the built-in sandbox profile: its address is known only once the
    sandbox is running.
    """

    name: str
    base_url: str = DEFAULT_BASE_URL
    key_fingerprint: str | None = None
    is_sandbox: bool = False


SANDBOX_PROFILE = Profile(name=SANDBOX_PROFILE_NAME, base_url="", is_sandbox=True)


class ProfileError(Exception):
    """A profile request that cannot be done; ``user_message`` says why in plain words."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


def check_name(name: str) -> str | None:
    """Why a profile name is not acceptable, or None when it is (uniqueness aside)."""
    name = name.strip()
    if not name:
        return "Give the profile a name."
    if len(name) > _MAX_NAME_LENGTH:
        return f"Keep the profile name under {_MAX_NAME_LENGTH} characters."
    if any(not ch.isprintable() for ch in name):
        return "The profile name cannot contain line breaks or control characters."
    return None


def normalize_base_url(url: str) -> str:
    """The API address in canonical form, or :class:`ProfileError` saying what is wrong with it.

    Only ``http(s)://host[:port][/path]``; plain ``http`` only for this computer (loopback),
    because the key travels in every request.
    """
    text = url.strip()
    if not text:
        raise ProfileError("Enter the API address, for example https://queue.fizzly.ai.")
    if "://" not in text:
        raise ProfileError(
            "The API address must start with https://, for example https://queue.fizzly.ai."
        )
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise ProfileError(
            "This API address is not valid. Check for typing errors, for example in the port."
        ) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise ProfileError("The API address must start with https://.")
    host = (parts.hostname or "").lower()
    if not host:
        raise ProfileError("The API address has no server name, for example queue.fizzly.ai.")
    if parts.username is not None or parts.password is not None:
        raise ProfileError(
            "Do not put a user name or password in the API address; the key is set separately."
        )
    if parts.query or parts.fragment:
        raise ProfileError("The API address cannot contain “?” or “#” parts.")
    if scheme == "http" and not _is_loopback(host):
        raise ProfileError(
            "Use https:// for this API address: your key would otherwise travel unencrypted. "
            "Plain http:// is allowed only for this computer (localhost or 127.0.0.1)."
        )
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc = f"{netloc}:{port}"
    path = parts.path.rstrip("/")
    return f"{scheme}://{netloc}{path}"


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class _State:
    profiles: tuple[Profile, ...]
    active: str
    welcome_done: bool


class ProfileStore:
    """The user's profiles, one of them active, saved atomically to ``profiles.json``.

    Args:
        vault: where keys are kept (the OS keyring, or session memory by the user's choice).
        path: the JSON file; by default ``app_paths().config_dir / "profiles.json"``.

    A file that cannot be read is never overwritten: it is kept aside as ``profiles.json.bak``
    (or ``.1.bak``, …) and ``load_problem`` says so in plain words for the UI to show.
    """

    def __init__(self, vault: KeyVault, path: Path | None = None) -> None:
        self._vault = vault
        self._path = path if path is not None else app_paths().config_dir / PROFILES_FILE_NAME
        # Two locks so that reading profiles never waits for the keyring: _lock guards the
        # profiles and the file (held briefly); _key_lock serialises operations on keys, which
        # can wait on D-Bus or on a user answering an unlock prompt.
        self._lock = threading.RLock()
        self._key_lock = threading.Lock()
        self.load_problem: str | None = None
        self._state = self._load()

    def __repr__(self) -> str:
        return f"ProfileStore(path={str(self._path)!r}, profiles={self.names()!r})"

    @property
    def path(self) -> Path:
        return self._path

    @property
    def vault(self) -> KeyVault:
        return self._vault

    # -- reading -------------------------------------------------------------------------------

    def profiles(self) -> list[Profile]:
        """All profiles: the sandbox first, then the user's in the order they were added."""
        with self._lock:
            return list(self._state.profiles)

    def names(self) -> list[str]:
        with self._lock:
            return [p.name for p in self._state.profiles]

    def find(self, name: str) -> Profile | None:
        """The profile with this name (exact, after trimming), or None."""
        name = name.strip()
        with self._lock:
            for profile in self._state.profiles:
                if profile.name == name:
                    return profile
        return None

    def get(self, name: str) -> Profile:
        """The profile with this name; :class:`ProfileError` when there is none."""
        profile = self.find(name)
        if profile is None:
            raise ProfileError(f"There is no profile named “{name.strip()}”.")
        return profile

    @property
    def active(self) -> Profile:
        with self._lock:
            return self.get(self._state.active)

    @property
    def active_name(self) -> str:
        with self._lock:
            return self._state.active

    @property
    def needs_welcome(self) -> bool:
        """First run: no profile of the user's own yet and the welcome never dismissed."""
        with self._lock:
            has_own = any(not p.is_sandbox for p in self._state.profiles)
            return not has_own and not self._state.welcome_done

    def key_status(self, name: str) -> KeyInfo:
        """Where the profile's key is and its fingerprint; reads memory only, never blocks."""
        profile = self.get(name)
        if profile.is_sandbox:
            return KeyInfo(KeyLocation.NONE, is_sandbox=True)
        session_fp = self._vault.session_fingerprint(profile.name)
        if session_fp is not None:
            return KeyInfo(KeyLocation.SESSION, session_fp)
        if profile.key_fingerprint is not None:
            return KeyInfo(KeyLocation.KEYRING, profile.key_fingerprint)
        return KeyInfo(KeyLocation.NONE)

    def check_new_name(self, name: str, *, renaming: str | None = None) -> str | None:
        """Why ``name`` cannot be used for a new (or renamed) profile, or None when it can."""
        problem = check_name(name)
        if problem is not None:
            return problem
        wanted = name.strip().casefold()
        with self._lock:
            for profile in self._state.profiles:
                if profile.name == renaming:
                    continue
                if profile.name.casefold() == wanted:
                    return f"A profile named “{profile.name}” already exists. Pick another name."
        return None

    # -- changing ------------------------------------------------------------------------------

    def add(self, name: str, base_url: str = DEFAULT_BASE_URL) -> Profile:
        """Create a profile without a key. Raises :class:`ProfileError` with a plain reason."""
        with self._lock:
            problem = self.check_new_name(name)
            if problem is not None:
                raise ProfileError(problem)
            profile = Profile(name=name.strip(), base_url=normalize_base_url(base_url))
            self._commit(replace(self._state, profiles=(*self._state.profiles, profile)))
            log.info("Added profile %r (%s)", profile.name, profile.base_url)
            return profile

    def set_base_url(self, name: str, base_url: str) -> Profile:
        """Point a profile at another API address (not possible for the sandbox)."""
        with self._lock:
            profile = self._own(name, "change the address of")
            updated = replace(profile, base_url=normalize_base_url(base_url))
            self._commit(self._replaced(profile.name, updated))
            log.info("Profile %r now uses %s", updated.name, updated.base_url)
            return updated

    def rename(self, old_name: str, new_name: str) -> Profile:
        """Rename a profile and move its key to the new name (blocks on the keyring)."""
        with self._key_lock:
            profile = self._own(old_name, "rename")
            problem = self.check_new_name(new_name, renaming=profile.name)
            if problem is not None:
                raise ProfileError(problem)
            new_name = new_name.strip()
            if new_name == profile.name:
                return profile
            # With no key known to be in the keyring, a keyring that cannot be reached holds
            # nothing of this profile's, so the rename need not wait for it.
            self._vault.move_key(
                profile.name, new_name, keyring_required=profile.key_fingerprint is not None
            )
            try:
                with self._lock:
                    # Checked again: a profile may have been added while the key moved.
                    problem = self.check_new_name(new_name, renaming=profile.name)
                    if problem is not None:
                        raise ProfileError(problem)
                    updated = replace(self.get(profile.name), name=new_name)
                    state = self._replaced(profile.name, updated)
                    if self._state.active == profile.name:
                        state = replace(state, active=new_name)
                    self._commit(state)
            except ProfileError:
                self._vault.move_key(new_name, profile.name, keyring_required=False)
                raise
            log.info("Renamed profile %r to %r", profile.name, new_name)
            return updated

    def delete(self, name: str) -> None:
        """Delete a profile and remove its key from the keyring (blocks on the keyring).

        If the keyring cannot be reached while it holds this profile's key, nothing is deleted
        (:class:`KeyringUnavailable`), so that no key is left behind unseen.
        """
        with self._key_lock:
            profile = self._own(name, "delete")
            self._vault.delete_key(
                profile.name, keyring_required=profile.key_fingerprint is not None
            )
            with self._lock:
                profiles = tuple(p for p in self._state.profiles if p.name != profile.name)
                active = self._state.active
                if active == profile.name:
                    active = SANDBOX_PROFILE_NAME
                self._commit(replace(self._state, profiles=profiles, active=active))
            log.info("Deleted profile %r and its key", profile.name)

    def set_active(self, name: str) -> Profile:
        """Make this profile the one new runs use."""
        with self._lock:
            profile = self.get(name)
            if profile.name != self._state.active:
                self._commit(replace(self._state, active=profile.name))
                log.info("Active profile is now %r", profile.name)
            return profile

    def dismiss_welcome(self) -> None:
        """Remember that the first-run welcome was answered, so it is not shown again."""
        with self._lock:
            if not self._state.welcome_done:
                self._commit(replace(self._state, welcome_done=True))

    # -- keys ----------------------------------------------------------------------------------

    def set_key(self, name: str, key: str, *, session_only: bool = False) -> Profile:
        """Store (or replace) a profile's key and record its fingerprint (blocks on the keyring).

        Raises :class:`KeyringUnavailable` when the keyring cannot take the key; only if the user
        then chooses to, call again with ``session_only=True`` to hold it in memory until quit.
        """
        with self._key_lock:
            profile = self._own(name, "set a key for")
            if not normalize_key(key):
                raise ProfileError("The key is empty. Paste your API key and try again.")
            key_fp = self._vault.set_key(profile.name, key, session_only=session_only)
            if session_only:
                # The profile's record describes the keyring; a key held in memory is reported
                # by key_status() and forgotten at exit.
                return profile
            return self._record_fingerprint(profile.name, key_fp)

    def remove_key(self, name: str) -> Profile:
        """Remove a profile's key from the keyring and this session (blocks on the keyring)."""
        with self._key_lock:
            profile = self._own(name, "remove the key of")
            self._vault.delete_key(
                profile.name, keyring_required=profile.key_fingerprint is not None
            )
            return self._record_fingerprint(profile.name, None)

    def get_key(self, name: str) -> str | None:
        """The profile's key, from this session's memory or the keyring (blocks on the keyring).

        None for the sandbox (its demo key comes from the running sandbox) and for a profile
        without a key. When the keyring was changed behind the app's back, the recorded
        fingerprint is brought in line with what is really there.
        """
        with self._key_lock:
            profile = self.get(name)
            if profile.is_sandbox:
                return None
            key = self._vault.get_key(profile.name)
            if self._vault.holds_session_key(profile.name):
                return key
            try:
                self._record_fingerprint(profile.name, None if key is None else fingerprint(key))
            except ProfileError as exc:
                log.warning("Could not record the key fingerprint: %s", exc.user_message)
            return key

    # -- internals -----------------------------------------------------------------------------

    def _own(self, name: str, action: str) -> Profile:
        profile = self.get(name)
        if profile.is_sandbox:
            raise ProfileError(
                f"You cannot {action} the built-in “{SANDBOX_PROFILE_NAME}” profile: it always "
                "uses the sandbox started on this computer and its own demo key."
            )
        return profile

    def _replaced(self, name: str, new: Profile) -> _State:
        profiles = tuple(new if p.name == name else p for p in self._state.profiles)
        return replace(self._state, profiles=profiles)

    def _record_fingerprint(self, name: str, key_fp: str | None) -> Profile:
        with self._lock:
            current = self.get(name)
            updated = replace(current, key_fingerprint=key_fp)
            if updated != current:
                self._commit(self._replaced(name, updated))
            return updated

    def _commit(self, state: _State) -> None:
        """Write ``state`` to disk, then make it current; on failure nothing changes."""
        self._write(state)
        self._state = state

    def _write(self, state: _State) -> None:
        document = {
            "version": _FORMAT_VERSION,
            "active": state.active,
            "welcome_done": state.welcome_done,
            "profiles": [
                {
                    "name": p.name,
                    "base_url": p.base_url,
                    "key_fingerprint": p.key_fingerprint,
                }
                for p in state.profiles
                if not p.is_sandbox
            ],
        }
        try:
            write_json_atomic(self._path, document)
        except OSError as exc:
            raise ProfileError(
                f"Your profiles could not be saved to {self._path} ({exc.strerror or exc}). "
                "Check that the disk is not full and the folder is writable."
            ) from exc

    def _load(self) -> _State:
        empty = _State(profiles=(SANDBOX_PROFILE,), active=SANDBOX_PROFILE_NAME, welcome_done=False)
        try:
            document = read_json(self._path)
        except FileNotFoundError:
            return empty
        except OSError as exc:
            # Not readable now, but perhaps later: leave the file exactly as it is.
            self.load_problem = (
                f"Your profiles file {self._path} could not be read ({exc.strerror or exc}). "
                "The app started with only the Local sandbox profile; the file was left untouched."
            )
            log.warning("%s", self.load_problem)
            return replace(empty, welcome_done=True)
        except ValueError as exc:
            self._keep_aside(f"it is damaged: {_describe(exc)}")
            return replace(empty, welcome_done=True)
        try:
            state, skipped = _parse(document)
        except (ValueError, TypeError, KeyError) as exc:
            self._keep_aside(f"it is damaged: {_describe(exc)}")
            return replace(empty, welcome_done=True)
        if skipped:
            self._keep_aside("some profiles in it were not valid: " + "; ".join(skipped))
        return state

    def _keep_aside(self, reason: str) -> None:
        backup = _free_backup_path(self._path)
        try:
            # A copy, not a move: the original stays in place until the next save replaces it
            # atomically, so nothing is lost even if that copy cannot be made.
            backup.write_bytes(self._path.read_bytes())
            kept = f"A copy of the file was kept as {backup.name}."
        except OSError as exc:
            kept = f"A copy could not be kept ({exc.strerror or exc})."
        self.load_problem = (
            f"Your profiles file could not be read completely because {reason}. {kept} "
            "Profiles that could be read are available; add the others again."
        )
        log.warning("%s", self.load_problem)


async def verify_key(
    base_url: str,
    key: str,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
) -> KeyCheck:
    """Check a key with one cheap authenticated request; the outcome in plain words.

    One of: valid, invalid key (401), plan without API access (403), service unreachable.
    Never raises for what the network or the service does; the key goes only to ``base_url``.

    Args:
        base_url: the profile's API address (for the sandbox: the running sandbox's).
        key: the key to check; pasted whitespace is removed.
        transport: an httpx transport to use instead of the network (tests).
    """
    key = normalize_key(key)
    if not key:
        return KeyCheck(KeyCheckStatus.INVALID, "There is no key to check. Set a key first.")
    try:
        # One retry at most: the user is watching "Checking…", and an unreachable service
        # should be reported in seconds, not after a long backoff.
        async with FizzlyClient(
            base_url, key, timeout=_VERIFY_TIMEOUT, transport=transport, max_retries=1
        ) as client:
            return await client.verify_key()
    except FizzlyError as exc:
        return KeyCheck(KeyCheckStatus.UNREACHABLE, exc.user_message)


def _describe(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON (line {exc.lineno}, column {exc.colno})"
    return str(exc) or type(exc).__name__


def _parse(document: Any) -> tuple[_State, list[str]]:
    if not isinstance(document, dict):
        raise ValueError("it does not hold a list of profiles")
    version = document.get("version", _FORMAT_VERSION)
    if version != _FORMAT_VERSION:
        raise ValueError(f"it was written by another version of the app (format {version!r})")
    entries = document.get("profiles", [])
    if not isinstance(entries, list):
        raise ValueError("its “profiles” entry is not a list")
    profiles: list[Profile] = [SANDBOX_PROFILE]
    seen = {SANDBOX_PROFILE_NAME.casefold()}
    skipped: list[str] = []
    for index, entry in enumerate(entries, start=1):
        try:
            profile = _parse_profile(entry)
        except (ProfileError, ValueError) as exc:
            reason = exc.user_message if isinstance(exc, ProfileError) else str(exc)
            skipped.append(f"profile {index}: {reason}")
            continue
        if profile.name.casefold() in seen:
            skipped.append(f"profile {index}: the name “{profile.name}” appears twice")
            continue
        seen.add(profile.name.casefold())
        profiles.append(profile)
    names = {p.name for p in profiles}
    active = document.get("active")
    if not isinstance(active, str) or active not in names:
        active = SANDBOX_PROFILE_NAME
    welcome_done = document.get("welcome_done") is True
    return _State(tuple(profiles), active, welcome_done), skipped


def _parse_profile(entry: Any) -> Profile:
    if not isinstance(entry, dict):
        raise ValueError("not a profile record")
    name = entry.get("name")
    if not isinstance(name, str):
        raise ValueError("it has no name")
    problem = check_name(name)
    if problem is not None:
        raise ValueError(problem)
    base_url = entry.get("base_url", DEFAULT_BASE_URL)
    if not isinstance(base_url, str):
        raise ValueError("its API address is not text")
    key_fp = entry.get("key_fingerprint")
    if key_fp is not None and not isinstance(key_fp, str):
        raise ValueError("its key fingerprint is not text")
    return Profile(name=name.strip(), base_url=normalize_base_url(base_url), key_fingerprint=key_fp)


def _free_backup_path(path: Path) -> Path:
    candidate = path.with_name(path.name + ".bak")
    counter = 1
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.{counter}.bak")
        counter += 1
    return candidate


__all__ = [
    "DEFAULT_BASE_URL",
    "SANDBOX_PROFILE",
    "SANDBOX_PROFILE_NAME",
    "KeyCheck",
    "KeyCheckStatus",
    "KeyStoreError",
    "KeyringUnavailable",
    "Profile",
    "ProfileError",
    "ProfileStore",
    "check_name",
    "normalize_base_url",
    "verify_key",
]
