"""URL rules: origins, and the reference's webhook requirements."""

from __future__ import annotations

import pytest

from fizzly_desktop.api.urls import (
    check_http_url,
    check_webhook_url,
    join_path,
    origin_of,
    same_origin,
)


@pytest.mark.parametrize(
    "url",
    [
        "https://hooks.example.com/fizzly",
        "https://hooks.example.com:8443/fizzly?token=abc",
        "https://93.184.216.34/hook",
        "https://[2606:4700:4700::1111]/hook",
        "HTTPS://Hooks.Example.com/x",
    ],
)
def test_public_https_webhooks_are_accepted(url: str) -> None:
    assert check_webhook_url(url) is None


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("http://hooks.example.com/fizzly", "https://"),
        ("ftp://hooks.example.com/fizzly", "https://"),
        ("hooks.example.com/fizzly", "https://"),
        ("", "empty"),
        ("https:///path-only", "host name"),
        ("https://localhost/hook", "localhost"),
        ("https://api.localhost/hook", "localhost"),
        ("https://127.0.0.1/hook", "private"),
        ("https://10.1.2.3/hook", "private"),
        ("https://192.168.1.20:8443/hook", "private"),
        ("https://172.16.5.4/hook", "private"),
        ("https://169.254.169.254/latest/meta-data", "private"),
        ("https://100.64.0.1/hook", "private"),
        ("https://0.0.0.0/hook", "private"),
        ("https://240.0.0.1/hook", "private"),
        ("https://224.0.0.1/hook", "private"),
        ("https://[::1]/hook", "private"),
        ("https://[fe80::1]/hook", "private"),
        ("https://[fd00::1]/hook", "private"),
        ("https://[::ffff:127.0.0.1]/hook", "private"),
        ("https://2130706433/hook", "public IP"),
        ("https://0x7f.1/hook", "public IP"),
        ("https://hooks.example.com:http/x", "port"),
    ],
)
def test_webhooks_breaking_the_rules_get_a_plain_reason(url: str, says: str) -> None:
    message = check_webhook_url(url)
    assert message is not None
    assert says in message
    assert message.endswith(".")


def test_origin_fills_default_ports_and_ignores_case() -> None:
    assert origin_of("HTTPS://Queue.Fizzly.AI/workflows") == ("https", "queue.fizzly.ai", 443)
    assert origin_of("http://127.0.0.1:8080") == ("http", "127.0.0.1", 8080)
    assert same_origin("https://q.fizzly.ai/a", "https://q.fizzly.ai:443/b")
    assert not same_origin("https://q.fizzly.ai/a", "http://q.fizzly.ai/a")
    assert not same_origin("https://q.fizzly.ai/a", "https://q.fizzly.ai:8443/a")
    assert not same_origin("https://q.fizzly.ai/a", "https://cdn.fizzly.ai/a")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "data:image/png;base64,AA", "ftp://x/y"])
def test_non_web_schemes_are_refused(url: str) -> None:
    message = check_http_url(url)
    assert message is not None
    assert "http or https" in message
    with pytest.raises(ValueError):
        origin_of(url)


def test_join_path_encodes_each_segment() -> None:
    assert (
        join_path("https://a.test/", "workflows", "o w", "s/x", "requests", "r?1")
        == "https://a.test/workflows/o%20w/s%2Fx/requests/r%3F1"
    )
