"""Fizzly Desktop: a desktop app for the Fizzly Workflows API."""

__version__ = "0.1.0"
APP_NAME = "Fizzly Desktop"
APP_ID = "ai.fizzly.Desktop"
