"""`make bench`: run every ``tests/bench/bench_*.py`` module and print one table of figures.

Each module exposes ``measure() -> list[dict]`` with the keys ``benchmark``, ``value``, ``unit``,
``baseline`` (same measurement of a reference in the same run, or None), ``ratio`` (value over
baseline, or a ratio the benchmark defines itself) and ``goal``. Figures are reported, never
asserted: timing belongs here, not in the test suite.

    python -m tests.bench            # everything
    python -m tests.bench startup    # only modules whose name contains "startup"
"""

from __future__ import annotations

import importlib
import sys
import time
import traceback
from pathlib import Path
from typing import Any


def _format(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value)


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    modules = sorted(p.stem for p in here.glob("bench_*.py"))
    if argv:
        modules = [m for m in modules if any(word in m for word in argv)]
    rows: list[dict[str, Any]] = []
    failures = 0
    for name in modules:
        started = time.perf_counter()
        print(f"running {name} …", file=sys.stderr, flush=True)
        try:
            module = importlib.import_module(f"tests.bench.{name}")
            rows.extend(module.measure())
        except Exception:
            failures += 1
            traceback.print_exc()
            rows.append({"benchmark": f"{name}: FAILED (see above)"})
        print(f"  {name} took {time.perf_counter() - started:.1f} s", file=sys.stderr)

    headers = ["benchmark", "value", "unit", "baseline", "ratio", "goal"]
    table = [[_format(row.get(h)) for h in headers] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in table]) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))
    print(line)
    print("  ".join("-" * w for w in widths))
    for r in table:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
