"""The output address rules: which addresses are refused, whatever way they are written."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import httpx
import pytest

from fizzly_desktop.api import DownloadRejected, OutputDownloader
from fizzly_desktop.api.addresses import address_problem, host_address, system_resolver
from tests.unit.api.wire import Wire

PNG = b"\x89PNG\r\n\x1a\n" + bytes(16)


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("169.254.169.254", "169.254.169.254"),
        ("2852039166", "169.254.169.254"),  # decimal
        ("0xa9fea9fe", "169.254.169.254"),  # hexadecimal
        ("0251.0376.0251.0376", "169.254.169.254"),  # octal parts
        ("0x7f.1", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("10.1.2.3.", "10.1.2.3"),  # a trailing dot is the same host
        ("[::1]", "::1"),
        ("::ffff:a9fe:a9fe", "::ffff:169.254.169.254"),
        ("93.184.216.34", "93.184.216.34"),
    ],
)
def test_numeric_hosts_are_read_as_the_address_they_are(host: str, expected: str) -> None:
    assert host_address(host) == ipaddress.ip_address(expected)


@pytest.mark.parametrize(
    "host", ["cdn.fizzly.ai", "localhost", "1.2.3.4.5", "256.1.1.1", "0x", "12.example", ""]
)
def test_names_are_not_addresses(host: str) -> None:
    assert host_address(host) is None


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("169.254.169.254", "cloud metadata address"),
        ("fd00:ec2::254", "cloud metadata address"),
        ("168.63.129.16", "cloud metadata address"),
        ("169.254.1.1", "link-local address"),
        ("fe80::1", "link-local address"),
        ("10.1.2.3", "private address"),
        ("172.16.0.1", "private address"),
        ("172.31.255.255", "private address"),
        ("192.168.1.20", "private address"),
        ("100.64.0.1", "private address"),
        ("fc00::1", "private address"),
        ("fd12:3456::1", "private address"),
        ("127.0.0.1", "address on this computer"),
        ("127.8.9.10", "address on this computer"),
        ("::1", "address on this computer"),
        ("0.0.0.0", "address on this computer"),
        ("0.1.2.3", "address on this computer"),
        ("::", "address on this computer"),
        ("224.0.0.1", "multicast address"),
        ("240.0.0.1", "reserved address"),
        ("192.0.2.10", "private address"),  # documentation range
        # IPv6 forms that carry an IPv4 address are judged by it.
        ("::ffff:169.254.169.254", "cloud metadata address"),
        ("::ffff:10.0.0.1", "private address"),
        ("::ffff:127.0.0.1", "address on this computer"),
        ("::127.0.0.1", "address on this computer"),
        ("64:ff9b::a00:1", "private address"),
        ("2002:a9fe:a9fe::", "cloud metadata address"),
    ],
)
def test_local_and_private_addresses_are_named(address: str, problem: str) -> None:
    assert address_problem(ipaddress.ip_address(address)) == problem


@pytest.mark.parametrize(
    "address", ["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8"]
)
def test_public_addresses_pass(address: str) -> None:
    assert address_problem(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://169.254.169.254/latest/meta-data/", "refused: cloud metadata address"),
        ("http://2852039166/x.png", "refused: cloud metadata address"),
        ("http://0x7f.1/x.png", "refused: address on this computer"),
        ("http://10.1.2.3/x.png", "refused: private address"),
        ("http://[::ffff:192.168.0.1]/x.png", "refused: private address"),
        ("http://[fe80::1]/x.png", "refused: link-local address"),
    ],
)
async def test_literal_addresses_are_refused_without_a_request(
    tmp_path: Path, url: str, reason: str
) -> None:
    wire = Wire(httpx.Response(200, headers={"content-type": "image/png"}, content=PNG))
    async with OutputDownloader(transport=wire.transport) as downloader:
        with pytest.raises(DownloadRejected) as caught:
            await downloader.download(url, tmp_path / "x.png")
    assert caught.value.reason == reason
    assert "refused" in caught.value.user_message
    assert wire.requests == []
    assert files_in(tmp_path) == []


async def test_a_name_is_refused_when_any_of_its_addresses_is_private(tmp_path: Path) -> None:
    asked: list[tuple[str, int]] = []

    async def resolver(host: str, port: int) -> list[str]:
        asked.append((host, port))
        return ["93.184.216.34", "10.0.0.7"]

    wire = Wire(httpx.Response(200, headers={"content-type": "image/png"}, content=PNG))
    async with OutputDownloader(transport=wire.transport, resolver=resolver) as downloader:
        with pytest.raises(DownloadRejected) as caught:
            await downloader.download("https://cdn.fizzly.test/x.png", tmp_path / "x.png")
    assert asked == [("cdn.fizzly.test", 443)]
    assert caught.value.reason == "refused: private address"
    assert wire.requests == []


async def test_a_name_that_does_not_resolve_is_not_requested(tmp_path: Path) -> None:
    async def resolver(host: str, port: int) -> list[str]:
        raise OSError("Name or service not known")

    wire = Wire(httpx.Response(200, headers={"content-type": "image/png"}, content=PNG))
    async with OutputDownloader(transport=wire.transport, resolver=resolver) as downloader:
        with pytest.raises(DownloadRejected) as caught:
            await downloader.download("https://gone.fizzly.test/x.png", tmp_path / "x.png")
    assert caught.value.reason == "host not found"
    assert wire.requests == []


async def test_trusted_origins_allow_local_but_never_metadata_addresses(tmp_path: Path) -> None:
    wire = Wire(httpx.Response(200, headers={"content-type": "image/png"}, content=PNG))
    async with OutputDownloader(transport=wire.transport) as downloader:
        saved = await downloader.download(
            "http://10.1.2.3:8080/x.png",
            tmp_path / "x.png",
            trusted_origins=["http://10.1.2.3:8080/api"],
        )
        assert saved.read_bytes() == PNG
        # Another port of the same host is another origin.
        with pytest.raises(DownloadRejected):
            await downloader.download(
                "http://10.1.2.3:9090/x.png",
                tmp_path / "y.png",
                trusted_origins=["http://10.1.2.3:8080"],
            )
        with pytest.raises(DownloadRejected) as caught:
            await downloader.download(
                "http://169.254.169.254/x.png",
                tmp_path / "z.png",
                trusted_origins=["http://169.254.169.254"],
            )
    assert caught.value.reason == "refused: cloud metadata address"
    assert len(wire.requests) == 1


async def test_the_system_resolver_reads_addresses_without_the_network() -> None:
    # A literal address needs no lookup, so this stays on this computer.
    assert await system_resolver("127.0.0.1", 80) == ["127.0.0.1"]
