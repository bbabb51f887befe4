"""Recovery figure: from reopening after a crash mid-batch to every restored run's truthful state.

A session runs a batch on the app's sandbox (with its data folder), then crashes: the engine is
aborted and the sandbox killed with SIGKILL. A new session opens on the same folders, starts the
sandbox again and follows the restored runs. The clock stops when every run shows what the app
knows: final, waiting or uncertain (local facts), out of contact, or heard from since reopening.
The baseline is the same reopening of an empty folder, measured in the same run.
"""

from __future__ import annotations

import asyncio
import os
import signal
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fizzly_desktop.core.engine import EngineSettings, RunEngine
from fizzly_desktop.core.paths import AppPaths
from fizzly_desktop.core.profiles import SANDBOX_PROFILE_NAME
from fizzly_desktop.core.runs import Contact, Run, RunState
from fizzly_desktop.core.secrets import KeyVault, SecretStore
from fizzly_desktop.core.session import AppSession
from tests.bench.bench_engine import _until as _until_engine
from tests.fixtures.keyring import MemoryKeyring

BATCH_RUNS = 16
SANDBOX_ARGS = ("--time-scale", "0.5", "--workers", "4", "--ping-interval", "0.5")
REPEATS = 3


def _paths(root: Path) -> AppPaths:
    return AppPaths(root / "data", root / "config", root / "logs", root / "cache")


def _session(root: Path) -> AppSession:
    vault = KeyVault(SecretStore(backend=MemoryKeyring()))
    settings = EngineSettings(download_outputs=False, max_active_runs=4)
    return AppSession(
        vault=vault, engine_settings=settings, sandbox_args=SANDBOX_ARGS, paths=_paths(root)
    )


async def _until(engine: RunEngine, condition: Callable[[], bool]) -> None:
    """Wait for ``condition``, re-checked at each change the engine publishes."""
    await _until_engine(engine, condition, 120.0)


def _truthful(run: Run, since: float) -> bool:
    if run.state.is_terminal or run.state in (RunState.WAITING, RunState.UNCERTAIN):
        return True
    return run.contact is not Contact.IN_TOUCH or run.updated_at >= since


async def _crash_mid_batch(root: Path) -> int:
    """Run a batch until some runs are on the server, then crash; returns runs on the server."""
    session = _session(root)
    engine = await session.open()
    sandbox = await session.start_sandbox()
    assert sandbox is not None, session.sandbox_problem
    inputs = [{"prompt": f"dune {i}", "width": 256, "height": 256} for i in range(BATCH_RUNS)]
    await engine.submit_batch(
        "Bench batch", "demo/text-to-image", inputs, profile=SANDBOX_PROFILE_NAME, max_active=4
    )
    await _until(engine, lambda: sum(r.state.is_remote for r in engine.runs()) >= 4)
    on_server = sum(r.state.is_remote for r in engine.runs())
    await engine.abort()
    os.kill(sandbox.pid, signal.SIGKILL)
    session.engine = None  # aborted: nothing more is recorded, as in a crash
    await session.close()
    return on_server


async def _reopen(root: Path) -> tuple[float, int]:
    """Seconds from opening a session to every run showing a truthful state; and run count."""
    since = time.time()
    started = time.perf_counter()
    session = _session(root)
    try:
        engine = await session.open()
        await session.start_sandbox()
        await _until(engine, lambda: all(_truthful(run, since) for run in engine.runs()))
        took = time.perf_counter() - started
        return took, len(engine.runs())
    finally:
        await session.close()


def measure() -> list[dict[str, Any]]:
    empty: list[float] = []
    restored: list[float] = []
    on_server = runs = 0
    with tempfile.TemporaryDirectory() as tmp:
        for repeat in range(REPEATS):
            base = Path(tmp) / f"empty-{repeat}"
            empty.append(asyncio.run(_reopen(base))[0])
            crashed = Path(tmp) / f"crashed-{repeat}"
            on_server = asyncio.run(_crash_mid_batch(crashed))
            took, runs = asyncio.run(_reopen(crashed))
            restored.append(took)
    baseline = min(empty)
    value = min(restored)
    return [
        {
            "benchmark": (
                f"reopen after a crash mid-batch ({runs} runs, {on_server} on the server, "
                "sandbox killed) until every run shows a truthful state, vs an empty reopen"
            ),
            "value": round(value, 3),
            "unit": "s",
            "baseline": round(baseline, 3),
            "ratio": round(value / baseline, 2) if baseline else None,
            "goal": "ratio < 2",
        }
    ]
