"""Asking a server for a workflow's inputs on the library's behalf, with a plain outcome."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from fizzly_desktop.core.library import SchemaFetcher, WorkflowEntry, WorkflowLibrary
from fizzly_desktop.core.schema import SchemaError
from fizzly_desktop.ui.i18n import translate

log = logging.getLogger(__name__)

FetchFunction = Callable[[str, str], Awaitable[dict[str, Any] | None]]


class _CallableFetcher:
    """Adapts ``async def fetch(owner, slug)`` to the library's ``workflow_schema`` protocol."""

    def __init__(self, fetch: FetchFunction) -> None:
        self._fetch = fetch

    async def workflow_schema(self, owner: str, slug: str) -> dict[str, Any] | None:
        return await self._fetch(owner, slug)


def as_fetcher(fetcher: SchemaFetcher | FetchFunction | None) -> SchemaFetcher | None:
    if fetcher is None or hasattr(fetcher, "workflow_schema"):
        return fetcher
    if callable(fetcher):
        return _CallableFetcher(fetcher)
    raise TypeError("a schema fetcher is an async callable or has workflow_schema()")


def _user_message(error: BaseException) -> str:
    message = getattr(error, "user_message", None)
    return message if isinstance(message, str) and message else str(error) or type(error).__name__


async def fetch_schema_into(
    library: WorkflowLibrary,
    entry: WorkflowEntry,
    fetcher: SchemaFetcher | None,
    show_message: Callable[[str], None],
    *,
    quiet_when_missing: bool,
) -> WorkflowEntry:
    """Ask the server for ``entry``'s inputs and store them; says the outcome in one sentence.

    A server that cannot be reached, or describes the inputs unusably, leaves the entry as it
    was; the sentence says why.
    """
    if fetcher is None:
        show_message(
            translate(
                "Fetching",
                "{display_name}: no server to ask for its inputs; it starts with a "
                "prompt and a seed. Use “Edit inputs…” to change them.",
            ).format(display_name=entry.display_name)
        )
        return entry
    try:
        updated = await library.fetch_schema(entry.owner, entry.slug, fetcher)
    except SchemaError as exc:
        show_message(
            translate("Fetching", "The server's description of {ref} is unusable: {exc}").format(
                ref=entry.ref, exc=exc
            )
        )
        return entry
    except Exception as exc:  # the client's errors carry a plain user_message
        log.warning("Schema fetch for %s failed: %s", entry.ref, type(exc).__name__)
        show_message(
            translate("Fetching", "Could not ask the server about {ref}: {user_message}").format(
                ref=entry.ref, user_message=_user_message(exc)
            )
        )
        return entry
    if updated.schema_source == "server":
        show_message(
            translate("Fetching", "{display_name}: inputs from the server.").format(
                display_name=updated.display_name
            )
        )
    elif not quiet_when_missing:
        kept = {
            "file": "the imported schema",
            "example": "the inputs inferred from your example",
            "editor": "the inputs you set up",
        }.get(updated.schema_source, "a prompt and a seed")
        show_message(
            translate(
                "Fetching",
                "The server does not describe the inputs of {ref}; using {kept}. Use "
                "“Edit inputs…” to change them.",
            ).format(ref=updated.ref, kept=kept)
        )
    return updated
