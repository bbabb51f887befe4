"""The Workflows API on the wire: client, typed payloads, errors, rate budget, SSE. No Qt."""
