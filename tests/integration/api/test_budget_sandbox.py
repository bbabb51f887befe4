"""The rate budget at the sandbox's boundary: a burst far over the limit earns no 429."""

from __future__ import annotations

import asyncio

import pytest

from fizzly_desktop.api import BudgetState, Priority, RateBudget
from tests.fixtures.sandbox import SandboxFactory
from tests.integration.api.conftest import ClientMaker


@pytest.mark.slow
async def test_150_submits_against_30_per_2_seconds_earn_no_429(
    sandbox_factory: SandboxFactory, connect: ClientMaker
) -> None:
    info = sandbox_factory("--rate-limit", "30", "--rate-window", "2", "--workers", "8")
    # Two clients of one key share the key's budget, as the engine's tasks do.
    budget = RateBudget.for_key(info.demo_key, info.base_url)
    first, first_wire = connect(info, budget=budget)
    second, second_wire = connect(info, budget=budget)
    states: list[BudgetState] = []
    budget.subscribe(states.append)

    async def submit(index: int) -> str:
        client = first if index % 2 else second
        sub = await client.submit(
            "demo", "prompt-enhancer", {"prompt": f"run {index}"}, priority=Priority.BATCH
        )
        return sub.request_id

    async with asyncio.timeout(40):
        ids = await asyncio.gather(*(submit(i) for i in range(150)))

    assert len(set(ids)) == 150
    statuses = first_wire.statuses + second_wire.statuses
    assert statuses[429] == 0
    assert statuses[200] == 150
    final = budget.state()
    assert final.limit == 30
    assert final.window == pytest.approx(2.0, abs=1.05)
    assert min(state.remaining for state in states) == 0
    assert max(state.waiting for state in states) >= 100


@pytest.mark.slow
async def test_151_submits_paced_to_the_window_edge_earn_no_429(
    sandbox_factory: SandboxFactory, connect: ClientMaker
) -> None:
    # The sandbox rounds Reset up to whole seconds, as long as the window itself here.
    info = sandbox_factory("--rate-limit", "25", "--rate-window", "1", "--workers", "8")
    client, wire = connect(info)

    async def submit(index: int) -> str:
        sub = await client.submit(
            "demo", "prompt-enhancer", {"prompt": f"run {index}"}, priority=Priority.BATCH
        )
        return sub.request_id

    async with asyncio.timeout(40):
        ids = await asyncio.gather(*(submit(i) for i in range(151)))

    assert len(set(ids)) == 151
    assert wire.statuses[429] == 0
    assert wire.statuses[200] == 151
    # Learned to within the first window's spread (1/25 s) and the loopback's latency, where
    # one whole-second Reset alone would leave it anywhere up to 2 s.
    assert 1.0 <= client.budget.state().window < 1.25
