"""Integration tests of the Workflows API client against the sandbox over loopback."""
