"""Finding the inputs in a document: host records, OpenAPI operations and local ``$ref`` s.

fal publishes a model record carrying its queue OpenAPI document; Replicate a model record
carrying its latest version's Cog schema; an OpenAPI document may have several POST operations.
:func:`input_object` finds the object that describes the inputs, and :class:`Resolver` inlines
the references it makes, before :mod:`.dialects` reads it into fields.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any, cast

from fizzly_desktop.core.schema.fields import SchemaError


def unwrap(document: Mapping[str, Any]) -> Mapping[str, Any]:
    """The schema inside the records model hosts publish about a model.

    fal's model record carries its queue OpenAPI document under ``openapi``; Replicate's model
    carries ``latest_version.openapi_schema``, and its version record ``openapi_schema``.
    """
    inner = document.get("openapi")
    if isinstance(inner, Mapping) and ("paths" in inner or "components" in inner):
        return inner
    version = document.get("latest_version")
    if isinstance(version, Mapping) and isinstance(version.get("openapi_schema"), Mapping):
        return cast(Mapping[str, Any], version["openapi_schema"])
    if isinstance(document.get("openapi_schema"), Mapping):
        return cast(Mapping[str, Any], document["openapi_schema"])
    return document


class Resolver:
    """Follows local ``$ref`` pointers (``#/components/schemas/X``, ``#/$defs/X``) in a document."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self._document = document

    def lookup(self, ref: str) -> Mapping[str, Any] | None:
        if not ref.startswith("#"):
            return None
        pointer = ref[1:]
        node: Any = self._document
        if pointer in ("", "/"):
            return node if isinstance(node, Mapping) else None
        for raw in pointer.lstrip("/").split("/"):
            part = raw.replace("~1", "/").replace("~0", "~")
            if isinstance(node, Mapping) and part in node:
                node = node[part]
            elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
                node = node[int(part)]
            else:
                return None
        return node if isinstance(node, Mapping) else None

    def inline(self, schema: Any, seen: tuple[str, ...] = (), depth: int = 0) -> Any:
        """A copy of ``schema`` with every resolvable local reference replaced by its target.

        A reference that cannot be followed (remote, missing, or a cycle) becomes ``{}``, which
        accepts anything: the server remains the judge of such values.
        """
        if depth > 64:
            return {}
        if isinstance(schema, list):
            return [self.inline(item, seen, depth + 1) for item in schema]
        if not isinstance(schema, Mapping):
            return schema
        ref = schema.get("$ref")
        if isinstance(ref, str):
            target = self.lookup(ref) if ref not in seen else None
            rest = {k: v for k, v in schema.items() if k != "$ref"}
            if target is None:
                resolved: dict[str, Any] = {"x-unresolved-ref": ref}
            else:
                resolved = dict(self.inline(target, (*seen, ref), depth + 1))
                # A referenced type's title names the type ("ImageFillInput", "VoiceSetting"),
                # not the input that uses it: keep it aside so the input's own name shows.
                if "title" in resolved:
                    resolved["x-type-title"] = resolved.pop("title")
            for key, value in rest.items():
                resolved[key] = self.inline(value, seen, depth + 1)
            return resolved
        out: dict[str, Any] = {}
        for key, value in schema.items():
            if key in ("$defs", "definitions"):
                continue
            if key in ("enum", "const", "default", "examples", "example"):
                out[key] = copy.deepcopy(value)
            else:
                out[key] = self.inline(value, seen, depth + 1)
        return out


SCHEMA_KEYWORDS = frozenset(
    {
        "type",
        "properties",
        "$ref",
        "allOf",
        "anyOf",
        "oneOf",
        "$schema",
        "openapi",
        "swagger",
        "components",
        "paths",
        "definitions",
        "$defs",
        "required",
        "x-fal-order-properties",
    }
)


class OperationChoiceNeeded(SchemaError):
    """An OpenAPI document with several POST operations: the user picks the one to run.

    ``operations`` lists them as (path, what it does) in the document's order.
    """

    def __init__(self, operations: Sequence[tuple[str, str]]) -> None:
        self.operations = tuple(operations)
        super().__init__(
            f"This OpenAPI document describes {len(self.operations)} operations that take "
            "inputs; choose the one this workflow runs."
        )


def post_operations(document: Any) -> list[tuple[str, str]]:
    """The POST operations with a JSON body in an OpenAPI document: (path, what it does)."""
    if not isinstance(document, Mapping):
        return []
    document = unwrap(document)
    paths = document.get("paths")
    if not isinstance(paths, Mapping):
        return []
    resolver = Resolver(document)
    found = []
    for path, item in paths.items():
        post = item.get("post") if isinstance(item, Mapping) else None
        if isinstance(post, Mapping) and _post_body(post, resolver) is not None:
            words = post.get("summary") or post.get("operationId") or ""
            found.append((str(path), str(words).strip()))
    return found


def input_object(document: Mapping[str, Any], operation: str | None) -> Mapping[str, Any]:
    """Find the object describing the inputs in a JSON Schema or an OpenAPI document."""
    resolver = Resolver(document)
    if "openapi" in document or "swagger" in document or "paths" in document:
        components = document.get("components")
        schemas = components.get("schemas") if isinstance(components, Mapping) else None
        if (
            operation is None
            and isinstance(schemas, Mapping)
            and isinstance(schemas.get("Input"), Mapping)
        ):
            return cast(Mapping[str, Any], schemas["Input"])
        operations = post_operations(document)
        if operation is None and len(operations) == 1:
            operation = operations[0][0]
        if operation is not None:
            paths = cast(Mapping[str, Any], document.get("paths") or {})
            item = paths.get(operation)
            post = item.get("post") if isinstance(item, Mapping) else None
            body = _post_body(post, resolver) if isinstance(post, Mapping) else None
            if body is None:
                raise SchemaError(f"This OpenAPI document has no operation {operation}.")
            return body
        if len(operations) > 1:
            raise OperationChoiceNeeded(operations)
        raise SchemaError(
            "This OpenAPI document has no input description: it has neither a "
            "components.schemas.Input object nor a POST operation with a JSON body."
        )
    components = document.get("components")
    if "properties" not in document and isinstance(components, Mapping):
        schemas = components.get("schemas")
        if isinstance(schemas, Mapping) and isinstance(schemas.get("Input"), Mapping):
            return cast(Mapping[str, Any], schemas["Input"])
    return document


def _post_body(post: Mapping[str, Any], resolver: Resolver) -> Mapping[str, Any] | None:
    body: Any = post.get("requestBody")
    if isinstance(body, Mapping) and "$ref" in body:
        body = resolver.lookup(str(body["$ref"]))
    content = body.get("content") if isinstance(body, Mapping) else None
    if not isinstance(content, Mapping):
        return None
    media = content.get("application/json") or next(iter(content.values()), None)
    schema = media.get("schema") if isinstance(media, Mapping) else None
    if not isinstance(schema, Mapping):
        return None
    resolved = resolver.inline(schema)
    # A Fizzly-style body wraps the inputs: {"inputs": {...}}.
    props = resolved.get("properties")
    if isinstance(props, Mapping) and set(props) == {"inputs"}:
        inner = props["inputs"]
        if isinstance(inner, Mapping):
            return cast(Mapping[str, Any], inner)
    return cast(Mapping[str, Any], resolved)
