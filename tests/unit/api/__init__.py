"""Unit tests of the Workflows API client (no network beyond loopback)."""
