"""The workflow library: the workflows a user added, per profile, with their schemas and presets.

Kept as one JSON file (``library.json`` in the config folder), one section per profile, written
atomically. A file that cannot be read is set aside (never overwritten) and the user is told in
one sentence. A workflow's input schema comes, in order of preference, from the server's schema
endpoint, an imported schema file, a pasted example of inputs, or the field editor; a workflow
with none of these starts from the reference example (a prompt and a seed).
"""

from __future__ import annotations

import builtins
import copy
import json
import logging
import os
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal, Protocol, cast, get_args
from urllib.parse import urlsplit

from fizzly_desktop.core.jsonfile import read_json, write_json_atomic
from fizzly_desktop.core.paths import app_paths
from fizzly_desktop.core.schema import InputSchema, SchemaError, humanize

log = logging.getLogger(__name__)

SchemaSource = Literal["server", "file", "example", "editor", "reference"]
SCHEMA_SOURCES: tuple[SchemaSource, ...] = get_args(SchemaSource)

LIBRARY_FILE = "library.json"
_FORMAT_VERSION = 1

# GitHub-like names: letters, digits, "-", "_" and "." (not leading), up to 100 characters.
_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-]{0,99}$")
_API_HOSTS = ("queue.fizzly.ai",)
_SITE_HOSTS = ("fizzly.ai", "www.fizzly.ai", "app.fizzly.ai")


class WorkflowRefError(ValueError):
    """Text that does not name a workflow; ``str(error)`` says what was expected."""


class LibraryError(Exception):
    """A library operation that cannot be done (unknown workflow, duplicate, bad name)."""


class SchemaFetcher(Protocol):
    """What the library needs from the API client to ask the server for a workflow's schema."""

    async def workflow_schema(self, owner: str, slug: str) -> dict[str, Any] | None: ...


@dataclass(frozen=True)
class WorkflowEntry:
    """A workflow in the library. ``schema`` is its input JSON Schema, or None when unknown."""

    owner: str
    slug: str
    display_name: str
    schema: Mapping[str, Any] | None = None
    schema_source: SchemaSource = "reference"

    @property
    def ref(self) -> str:
        """``owner/slug``, as the API's URLs spell it."""
        return f"{self.owner}/{self.slug}"

    def input_schema(self) -> InputSchema:
        """The inputs to build a form from (the reference example when the schema is unknown)."""
        if self.schema is None:
            return InputSchema.reference_example()
        try:
            return InputSchema.from_document(self.schema)
        except SchemaError:
            log.warning("Stored schema of %s is unusable; using the reference example", self.ref)
            return InputSchema.reference_example()


def parse_workflow_ref(text: str) -> tuple[str, str]:
    """``owner/slug`` from what a user types or pastes: the pair itself or a workflow's URL.

    Accepts ``owner/slug``, ``https://queue.fizzly.ai/workflows/owner/slug[/...]`` and
    ``https://fizzly.ai/owner/slug[/...]`` (with or without a query or trailing parts).
    """
    cleaned = text.strip().strip("<>\"'")
    if not cleaned:
        raise WorkflowRefError("Enter a workflow as owner/slug, or paste its address.")
    parts: list[str]
    if "://" in cleaned or cleaned.lower().startswith(("queue.fizzly.ai/", "fizzly.ai/", "www.")):
        url = cleaned if "://" in cleaned else f"https://{cleaned}"
        try:
            split = urlsplit(url)
        except ValueError as exc:
            raise WorkflowRefError(f"{cleaned!r} is not a web address I can read.") from exc
        if split.scheme not in ("http", "https"):
            raise WorkflowRefError("A workflow's address starts with https://.")
        parts = [p for p in split.path.split("/") if p]
        host = (split.hostname or "").lower()
        if parts and parts[0] == "workflows":
            parts = parts[1:]
        elif host in _API_HOSTS:
            raise WorkflowRefError(
                "This address is not a workflow's: it should look like "
                "https://queue.fizzly.ai/workflows/owner/slug."
            )
        if len(parts) < 2:
            raise WorkflowRefError(
                "This address does not name a workflow: it should end in /owner/slug, "
                "e.g. https://fizzly.ai/owner/slug."
            )
        owner, slug = parts[0], parts[1]
    else:
        parts = [p for p in cleaned.split("/") if p]
        if len(parts) != 2:
            raise WorkflowRefError(
                f"{cleaned!r} is not a workflow name: write it as owner/slug, "
                "e.g. demo/text-to-image."
            )
        owner, slug = parts
    for label, value in (("owner", owner), ("slug", slug)):
        if not _NAME.match(value):
            raise WorkflowRefError(
                f"The {label} {value!r} has characters a workflow name cannot have; use letters, "
                "digits, '-', '_' and '.'."
            )
    return owner, slug


def default_display_name(slug: str) -> str:
    """``text-to-image`` → ``Text to image``."""
    return humanize(slug)


class WorkflowLibrary:
    """The workflows of one profile, persisted in ``library.json`` next to the other profiles'.

    ``problem`` holds a plain message when the file could not be read on load (it was set aside
    as ``library.corrupt-<time>.json``). Every change is written at once.
    """

    def __init__(self, profile: str, path: Path | None = None) -> None:
        self.profile = profile
        self.path = path or app_paths().config_dir / LIBRARY_FILE
        self.problem: str | None = None
        self._data: dict[str, Any] = {"version": _FORMAT_VERSION, "profiles": {}}
        self._load()

    # --- persistence ---

    def _load(self) -> None:
        try:
            data = read_json(self.path)
        except FileNotFoundError:
            return
        except OSError as exc:
            self.problem = f"Your workflow library could not be read ({exc.strerror or exc})."
            return
        except ValueError:
            data = None
        if not isinstance(data, dict) or not isinstance(data.get("profiles"), dict):
            aside = self.path.with_name(f"library.corrupt-{time.strftime('%Y%m%d-%H%M%S')}.json")
            try:
                os.replace(self.path, aside)
            except OSError:
                aside = self.path
            self.problem = (
                "Your workflow library file was damaged, so a new one was started; the old one "
                f"was kept as {aside.name}."
            )
            log.warning("Library file %s unreadable; kept aside as %s", self.path, aside)
            return
        self._data = data

    def _save(self) -> None:
        write_json_atomic(self.path, self._data)

    def _section(self) -> dict[str, Any]:
        profiles = cast(dict[str, Any], self._data.setdefault("profiles", {}))
        section = profiles.setdefault(self.profile, {})
        if not isinstance(section, dict):
            section = profiles[self.profile] = {}
        section.setdefault("workflows", [])
        section.setdefault("presets", {})
        return cast(dict[str, Any], section)

    def _records(self) -> builtins.list[dict[str, Any]]:
        records = self._section()["workflows"]
        return [r for r in records if isinstance(r, dict)] if isinstance(records, list) else []

    @staticmethod
    def _entry(record: Mapping[str, Any]) -> WorkflowEntry | None:
        owner, slug = record.get("owner"), record.get("slug")
        if not isinstance(owner, str) or not isinstance(slug, str):
            return None
        schema = record.get("schema")
        source = record.get("schema_source")
        name = record.get("display_name")
        return WorkflowEntry(
            owner=owner,
            slug=slug,
            display_name=name if isinstance(name, str) and name else default_display_name(slug),
            schema=schema if isinstance(schema, dict) else None,
            schema_source=source if source in SCHEMA_SOURCES else "reference",
        )

    # --- workflows ---

    def list(self) -> builtins.list[WorkflowEntry]:
        """The workflows in the order they were added."""
        entries = (self._entry(r) for r in self._records())
        return [e for e in entries if e is not None]

    def get(self, owner: str, slug: str) -> WorkflowEntry | None:
        for entry in self.list():
            if (entry.owner, entry.slug) == (owner, slug):
                return entry
        return None

    def add(
        self,
        owner: str,
        slug: str,
        display_name: str = "",
        schema: Mapping[str, Any] | None = None,
        schema_source: SchemaSource | None = None,
    ) -> WorkflowEntry:
        """Add a workflow (a schema is checked first). Raises LibraryError if already there."""
        parse_workflow_ref(f"{owner}/{slug}")
        if self.get(owner, slug) is not None:
            raise LibraryError(f"{owner}/{slug} is already in your library.")
        if schema is not None:
            InputSchema.from_document(schema)
        entry = WorkflowEntry(
            owner=owner,
            slug=slug,
            display_name=display_name.strip() or default_display_name(slug),
            schema=copy.deepcopy(dict(schema)) if schema is not None else None,
            schema_source=schema_source or ("reference" if schema is None else "file"),
        )
        self._section()["workflows"].append(self._record(entry))
        self._save()
        return entry

    @staticmethod
    def _record(entry: WorkflowEntry) -> dict[str, Any]:
        return {
            "owner": entry.owner,
            "slug": entry.slug,
            "display_name": entry.display_name,
            "schema": copy.deepcopy(dict(entry.schema)) if entry.schema is not None else None,
            "schema_source": entry.schema_source,
        }

    def _replace(self, entry: WorkflowEntry) -> WorkflowEntry:
        records = self._section()["workflows"]
        for index, record in enumerate(records):
            if isinstance(record, dict) and (record.get("owner"), record.get("slug")) == (
                entry.owner,
                entry.slug,
            ):
                records[index] = self._record(entry)
                self._save()
                return entry
        raise LibraryError(f"{entry.ref} is not in your library.")

    def _require(self, owner: str, slug: str) -> WorkflowEntry:
        entry = self.get(owner, slug)
        if entry is None:
            raise LibraryError(f"{owner}/{slug} is not in your library.")
        return entry

    def rename(self, owner: str, slug: str, display_name: str) -> WorkflowEntry:
        name = display_name.strip()
        if not name:
            raise LibraryError("A workflow's name cannot be empty.")
        return self._replace(replace(self._require(owner, slug), display_name=name))

    def remove(self, owner: str, slug: str) -> None:
        """Remove a workflow and its presets."""
        self._require(owner, slug)
        section = self._section()
        section["workflows"] = [
            r for r in self._records() if (r.get("owner"), r.get("slug")) != (owner, slug)
        ]
        section["presets"].pop(f"{owner}/{slug}", None)
        self._save()

    def set_schema(
        self, owner: str, slug: str, schema: Mapping[str, Any] | None, source: SchemaSource
    ) -> WorkflowEntry:
        """Store a new input schema for a workflow (checked first: SchemaError if unusable)."""
        if schema is not None:
            InputSchema.from_document(schema)
        entry = self._require(owner, slug)
        return self._replace(
            replace(
                entry,
                schema=copy.deepcopy(dict(schema)) if schema is not None else None,
                schema_source=source if schema is not None else "reference",
            )
        )

    def ensure(self, refs: Iterable[str]) -> builtins.list[WorkflowEntry]:
        """Make sure these ``owner/slug`` workflows are present (the sandbox's demos)."""
        added: builtins.list[WorkflowEntry] = []
        for ref in refs:
            owner, slug = parse_workflow_ref(ref)
            if self.get(owner, slug) is None:
                added.append(self.add(owner, slug))
        return added

    async def fetch_schema(self, owner: str, slug: str, fetcher: SchemaFetcher) -> WorkflowEntry:
        """Ask the server for the workflow's schema and keep it when it gives a usable one.

        The server's schema wins over any other source. When the server has none (404), the
        entry keeps what it had (an imported file, an example, the editor's fields, or the
        reference example). A schema the server sends that cannot be read raises SchemaError;
        errors of the client (connection, key) propagate unchanged.
        """
        entry = self._require(owner, slug)
        schema = await fetcher.workflow_schema(owner, slug)
        if schema is None:
            return entry
        InputSchema.from_document(schema)
        return self.set_schema(owner, slug, schema, "server")

    # --- presets ---

    def _presets(self, owner: str, slug: str) -> dict[str, Any]:
        presets = self._section()["presets"]
        found = presets.get(f"{owner}/{slug}")
        return found if isinstance(found, dict) else {}

    def presets(self, owner: str, slug: str) -> builtins.list[str]:
        """Names of the workflow's presets, sorted."""
        return sorted(self._presets(owner, slug), key=str.casefold)

    def preset(self, owner: str, slug: str, name: str) -> dict[str, Any]:
        """The input values saved under ``name`` (a copy: apply it to a form)."""
        values = self._presets(owner, slug).get(name)
        if not isinstance(values, dict):
            raise LibraryError(f"There is no preset called {name!r}.")
        return copy.deepcopy(values)

    apply_preset = preset

    def save_preset(self, owner: str, slug: str, name: str, values: Mapping[str, Any]) -> None:
        """Save input values under a name (replacing a preset of the same name)."""
        self._require(owner, slug)
        clean = name.strip()
        if not clean:
            raise LibraryError("A preset needs a name.")
        presets = self._section()["presets"]
        bucket = presets.get(f"{owner}/{slug}")
        if not isinstance(bucket, dict):
            bucket = presets[f"{owner}/{slug}"] = {}
        bucket[clean] = json.loads(json.dumps(dict(values)))
        self._save()

    def delete_preset(self, owner: str, slug: str, name: str) -> None:
        bucket = self._section()["presets"].get(f"{owner}/{slug}")
        if not isinstance(bucket, dict) or name not in bucket:
            raise LibraryError(f"There is no preset called {name!r}.")
        del bucket[name]
        self._save()
