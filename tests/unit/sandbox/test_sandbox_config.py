"""Sandbox flags and key configuration, parsed in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fizzly_desktop.sandbox.__main__ import _origin
from fizzly_desktop.sandbox.config import (
    DEFAULT_KEYS,
    DEMO_KEY,
    ConfigError,
    config_from_args,
    load_config_file,
    parse_key_flag,
)


def test_defaults_follow_the_reference() -> None:
    config = config_from_args([])
    assert (config.rate_limit, config.rate_window) == (60, 60.0)
    assert config.ping_interval == 15.0
    assert config.webhook_backoff_scale == 1.0
    assert config.webhook_timeout == 30.0
    assert config.max_body_bytes == 10 * 1024 * 1024
    assert config.host == "127.0.0.1"
    assert config.demo_key == DEMO_KEY
    assert config.keys == DEFAULT_KEYS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fiz_a", ("fiz_a", "pro", 1000)),
        ("fiz_a:free", ("fiz_a", "free", 1000)),
        ("fiz_a:ultimate:0", ("fiz_a", "ultimate", 0)),
        ("fiz_a::12", ("fiz_a", "pro", 12)),
    ],
)
def test_key_flag(text: str, expected: tuple[str, str, int]) -> None:
    assert parse_key_flag(text) == expected


@pytest.mark.parametrize("text", ["", ":pro", "k:gold", "k:pro:lots", "k:pro:-1", "a:b:c:d"])
def test_bad_key_flag(text: str) -> None:
    with pytest.raises(ConfigError):
        parse_key_flag(text)


def test_key_flags_add_to_and_override_defaults() -> None:
    config = config_from_args(["--key", "fiz_x:ultimate:3", "--key", f"{DEMO_KEY}:pro:1"])
    assert config.keys["fiz_x"] == ("ultimate", 3)
    assert config.keys[DEMO_KEY] == ("pro", 1)
    accounts = config.accounts()
    accounts["fiz_x"].credits -= 1
    assert config.accounts()["fiz_x"].credits == 3  # each call gives fresh balances


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not valid JSON"),
        ('{"keys": []}', 'needs an object "keys"'),
        ('{"keys": {"k": 3}}', "must be an object"),
        ('{"keys": {"k": {"plan": "gold"}}}', "unknown plan"),
        ('{"keys": {"k": {"credits": -4}}}', "whole number"),
        ('{"keys": {"k": {"credits": true}}}', "whole number"),
    ],
)
def test_bad_config_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "keys.json"
    path.write_text(content)
    with pytest.raises(ConfigError, match=message):
        load_config_file(path)


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_config_file(tmp_path / "absent.json")


def test_config_without_api_keys_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "keys.json"
    path.write_text(json.dumps({"keys": {"fiz_free": {"plan": "free"}}}))
    with pytest.raises(SystemExit):
        config_from_args(["--config", str(path)])


@pytest.mark.parametrize(
    "argv",
    [
        ["--workers", "0"],
        ["--rate-limit", "0"],
        ["--rate-window", "0"],
        ["--time-scale", "-1"],
        ["--time-scale", "nan"],
        ["--get-error-rate", "1.5"],
        ["--drop-stream-after", "0"],
        ["--port", "-1"],
    ],
)
def test_bad_flags_exit_with_usage(argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        config_from_args(argv)


@pytest.mark.parametrize(
    ("host", "origin"),
    [
        ("127.0.0.1", "http://127.0.0.1:8000"),
        ("0.0.0.0", "http://127.0.0.1:8000"),
        ("::", "http://[::1]:8000"),
        ("::1", "http://[::1]:8000"),
        ("localhost", "http://localhost:8000"),
    ],
)
def test_advertised_origin_is_connectable(host: str, origin: str) -> None:
    assert _origin(host, 8000) == origin
