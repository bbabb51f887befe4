"""The sandbox's settings: command-line flags, API keys with their plans and credits."""

from __future__ import annotations

import argparse
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

PLANS = ("free", "pro", "ultimate")
# Only these plans may use the API; the reference: "PRO or ULTIMATE subscription required".
API_PLANS = frozenset({"pro", "ultimate"})

DEMO_KEY = "fiz_sandbox_demo_key"
# Keys every sandbox knows unless a config file says otherwise; handy for demos and tests.
DEFAULT_KEYS: dict[str, tuple[str, int]] = {
    DEMO_KEY: ("pro", 1_000_000),
    "fiz_sandbox_ultimate_key": ("ultimate", 1_000_000),
    "fiz_sandbox_low_credits_key": ("pro", 5),
    "fiz_sandbox_free_key": ("free", 0),
}

MAX_BODY_BYTES = 10 * 1024 * 1024


@dataclass
class Account:
    """One API key: its plan and its current credit balance (reservations are already taken)."""

    key: str
    plan: str
    credits: int

    @property
    def has_api_access(self) -> bool:
        return self.plan in API_PLANS


@dataclass(frozen=True)
class SandboxConfig:
    """Everything the server needs to know before it starts listening."""

    host: str = "127.0.0.1"
    port: int = 0
    output_port: int = 0
    workers: int = 2
    rate_limit: int = 60
    rate_window: float = 60.0
    time_scale: float = 1.0
    ping_interval: float = 15.0
    allow_http_webhooks: bool = False
    webhook_backoff_scale: float = 1.0
    webhook_timeout: float = 30.0
    latency_ms: int = 0
    get_error_rate: float = 0.0
    drop_stream_after: int | None = None
    disable_stream: bool = False
    fault_seed: int | None = None
    exit_with_stdin: bool = False
    max_body_bytes: int = MAX_BODY_BYTES
    log_level: str = "info"
    keys: dict[str, tuple[str, int]] = field(default_factory=lambda: dict(DEFAULT_KEYS))
    demo_key: str = DEMO_KEY
    # Where runs, credits, outputs and the address are kept across restarts; None = in memory.
    data_dir: Path | None = None

    def accounts(self) -> dict[str, Account]:
        return {key: Account(key, plan, credits) for key, (plan, credits) in self.keys.items()}


class ConfigError(ValueError):
    """A flag or config file value the sandbox cannot use; the message says which and why."""


def parse_key_flag(text: str) -> tuple[str, str, int]:
    """``KEY[:PLAN[:CREDITS]]`` -> (key, plan, credits); plan defaults to pro, credits to 1000."""
    parts = text.split(":")
    if len(parts) > 3 or not parts[0]:
        raise ConfigError(f"--key expects KEY[:PLAN[:CREDITS]], got {text!r}")
    key = parts[0]
    plan = parts[1] if len(parts) > 1 and parts[1] else "pro"
    if plan not in PLANS:
        raise ConfigError(f"unknown plan {plan!r} for --key (choose from {', '.join(PLANS)})")
    try:
        credits = int(parts[2]) if len(parts) > 2 and parts[2] else 1000
    except ValueError:
        raise ConfigError(f"credits must be a whole number in --key {text!r}") from None
    if credits < 0:
        raise ConfigError(f"credits must not be negative in --key {text!r}")
    return key, plan, credits


def load_config_file(path: Path) -> dict[str, tuple[str, int]]:
    """Read keys from a JSON file: ``{"keys": {"fiz_x": {"plan": "pro", "credits": 100}}}``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror}") from None
    except json.JSONDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid JSON: {exc}") from None
    keys_data = data.get("keys") if isinstance(data, dict) else None
    if not isinstance(keys_data, dict):
        raise ConfigError(f'config file {path} needs an object "keys"')
    keys: dict[str, tuple[str, int]] = {}
    for key, entry in keys_data.items():
        if not isinstance(entry, dict):
            raise ConfigError(f"config file {path}: key entry must be an object")
        plan = entry.get("plan", "pro")
        credits = entry.get("credits", 1000)
        if plan not in PLANS:
            raise ConfigError(f"config file {path}: unknown plan {plan!r}")
        if not isinstance(credits, int) or isinstance(credits, bool) or credits < 0:
            raise ConfigError(f"config file {path}: credits must be a whole number >= 0")
        keys[str(key)] = (plan, credits)
    return keys


def _positive_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive number, got {text!r}")
    return value


def _fraction(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, got {text!r}")
    return value


def _non_negative_int(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {text!r}")
    return value


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {text!r}")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="fizzly-sandbox",
        description=(
            "A local server speaking the Fizzly Workflows API. Once listening it prints one JSON "
            "line on stdout with its base URL, output origin, demo key, keys and workflows."
        ),
    )
    add = parser.add_argument
    add("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    add("--port", type=_non_negative_int, default=0, help="API port (0 = any free port)")
    add("--output-port", type=_non_negative_int, default=0, help="output origin port (0 = any)")
    add("--workers", type=_positive_int, default=2, help="runs executed at once (default 2)")
    add("--rate-limit", type=_positive_int, default=60, help="requests per window per key")
    add("--rate-window", type=_positive_float, default=60.0, help="window length in seconds")
    add("--time-scale", type=_positive_float, default=1.0, help="multiplies node durations")
    add("--ping-interval", type=_positive_float, default=15.0, help="SSE ping every N seconds")
    add(
        "--allow-http-webhooks",
        action="store_true",
        help="accept http:// webhooks and loopback hosts (for tests)",
    )
    add(
        "--webhook-backoff-scale",
        type=_positive_float,
        default=1.0,
        help="multiplies the 1, 2, 4 s webhook retry delays (default 1)",
    )
    add("--webhook-timeout", type=_positive_float, default=30.0, help="seconds per delivery")
    add("--config", type=Path, help='JSON file: {"keys": {KEY: {"plan", "credits"}}}')
    add(
        "--key",
        action="append",
        default=[],
        metavar="KEY[:PLAN[:CREDITS]]",
        help="add a key (repeatable); plan free|pro|ultimate, default pro with 1000 credits",
    )
    add("--latency-ms", type=_non_negative_int, default=0, help="fault: delay every API reply")
    add("--get-error-rate", type=_fraction, default=0.0, help="fault: fraction of GETs -> 500")
    add(
        "--drop-stream-after",
        type=_positive_int,
        default=None,
        help="fault: end each status stream after N run events (pings not counted)",
    )
    add("--disable-stream", action="store_true", help="fault: the stream endpoint answers 500")
    add("--fault-seed", type=int, default=None, help="seed for the fault dice (reproducible)")
    add("--exit-with-stdin", action="store_true", help="exit when stdin reaches end of file")
    add(
        "--data-dir",
        type=Path,
        default=None,
        help=(
            "keep runs, queue, credits and output files in this folder across restarts, and "
            "listen on the same ports as last time when they are free (default: in memory)"
        ),
    )
    add(
        "--max-body-bytes",
        type=_positive_int,
        default=MAX_BODY_BYTES,
        help="largest accepted request body (default 10 MB)",
    )
    add(
        "--log-level",
        default="info",
        choices=["debug", "info", "warning", "error"],
        help="logging on stderr (default info)",
    )
    return parser


def config_from_args(argv: list[str] | None = None) -> SandboxConfig:
    """Parse the command line; a bad value exits with argparse's usage message."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        keys = load_config_file(args.config) if args.config else dict(DEFAULT_KEYS)
        for text in args.key:
            key, plan, credits = parse_key_flag(text)
            keys[key] = (plan, credits)
    except ConfigError as exc:
        parser.error(str(exc))
    demo_key = DEMO_KEY if DEMO_KEY in keys else _first_api_key(keys)
    if demo_key is None:
        parser.error("no key with API access (plan pro or ultimate) is configured")
    return SandboxConfig(
        host=args.host,
        port=args.port,
        output_port=args.output_port,
        workers=args.workers,
        rate_limit=args.rate_limit,
        rate_window=args.rate_window,
        time_scale=args.time_scale,
        ping_interval=args.ping_interval,
        allow_http_webhooks=args.allow_http_webhooks,
        webhook_backoff_scale=args.webhook_backoff_scale,
        webhook_timeout=args.webhook_timeout,
        latency_ms=args.latency_ms,
        get_error_rate=args.get_error_rate,
        drop_stream_after=args.drop_stream_after,
        disable_stream=args.disable_stream,
        fault_seed=args.fault_seed,
        exit_with_stdin=args.exit_with_stdin,
        max_body_bytes=args.max_body_bytes,
        log_level=args.log_level,
        keys=keys,
        demo_key=demo_key,
        data_dir=args.data_dir,
    )


def _first_api_key(keys: dict[str, tuple[str, int]]) -> str | None:
    for key, (plan, _credits) in keys.items():
        if plan in API_PLANS:
            return key
    return None
