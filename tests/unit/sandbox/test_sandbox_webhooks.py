"""Which webhook URLs the sandbox accepts, and the payloads it sends."""

from __future__ import annotations

import pytest

from fizzly_desktop.sandbox.webhooks import check_webhook_url


@pytest.mark.parametrize(
    "url",
    [
        "https://hooks.example.com/fizzly",
        "https://hooks.example.com:8443/fizzly?token=abc",
        "https://93.184.216.34/hook",
        "https://[2606:4700::1111]/hook",
    ],
)
def test_public_https_is_accepted(url: str) -> None:
    assert check_webhook_url(url) is None


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://hooks.example.com/x", "HTTPS"),
        ("https://localhost/x", "private"),
        ("https://LOCALHOST./x", "private"),
        ("https://127.0.0.1/x", "private"),
        ("https://127.1/x", "private"),
        ("https://0x7f000001/x", "private"),
        ("https://10.0.0.1/x", "private"),
        ("https://192.168.0.1/x", "private"),
        ("https://169.254.1.1/x", "private"),
        ("https://224.0.0.1/x", "private"),
        ("https://240.0.0.1/x", "private"),
        ("https://[::ffff:10.0.0.1]/x", "private"),
        ("https://printer.local/x", "private"),
        ("https://hooks.example.com:99999/x", "not a valid URL"),
        ("https:///x", "host"),
        ("", "empty"),
        ("https://example.com/" + "a" * 3000, "longer"),
    ],
)
def test_unsafe_urls_are_refused_with_a_reason(url: str, reason: str) -> None:
    message = check_webhook_url(url)
    assert message is not None
    assert reason in message


def test_test_flag_allows_http_to_loopback_only() -> None:
    assert check_webhook_url("http://127.0.0.1:8080/hook", allow_http_loopback=True) is None
    assert check_webhook_url("http://localhost:8080/hook", allow_http_loopback=True) is None
    assert check_webhook_url("https://[::1]:8080/hook", allow_http_loopback=True) is None
    assert check_webhook_url("http://hooks.example.com/x", allow_http_loopback=True) is not None
    assert check_webhook_url("https://10.0.0.1/x", allow_http_loopback=True) is not None
