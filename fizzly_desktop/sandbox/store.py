"""The sandbox's state on disk: runs, stream events, credits, rate-limit hits and its address.

One SQLite file (stdlib ``sqlite3``, WAL, ``PRAGMA user_version`` migrations) in the data folder.
Every change of a run is written in one transaction together with its account's balance and its
new stream events, so a sandbox killed at any moment restarts from a consistent state. Writes
are small and the sandbox is its own process, so they run on its event loop; with WAL and
``synchronous=NORMAL`` a commit is not an fsync, and a killed process loses nothing committed.
"""

from __future__ import annotations

import base64
import json
import logging
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fizzly_desktop.sandbox.config import Account
from fizzly_desktop.sandbox.images import ImageSpec
from fizzly_desktop.sandbox.instance import StoreError
from fizzly_desktop.sandbox.media.spec import MediaSpec
from fizzly_desktop.sandbox.outputs import OutputSpec
from fizzly_desktop.sandbox.queue import Run, StreamEvent
from fizzly_desktop.sandbox.workflows import NodeStep, RunPlan, Workflow

log = logging.getLogger(__name__)

DB_NAME = "sandbox.sqlite3"
SCHEMA_VERSION = 1

_SCHEMA_V1 = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE accounts (key TEXT PRIMARY KEY, plan TEXT NOT NULL, credits INTEGER NOT NULL);
CREATE TABLE runs (
    request_id TEXT PRIMARY KEY,
    account TEXT NOT NULL,
    workflow TEXT NOT NULL,
    plan TEXT NOT NULL,
    webhook TEXT,
    status TEXT NOT NULL,
    reserved INTEGER NOT NULL,
    charged INTEGER NOT NULL,
    step_index INTEGER NOT NULL,
    started_at REAL,
    completed_at REAL,
    total_time_ms INTEGER NOT NULL,
    error TEXT,
    error_node TEXT,
    logs TEXT NOT NULL
);
CREATE TABLE events (
    request_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    event TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (request_id, idx)
);
CREATE TABLE rate_hits (key TEXT NOT NULL, at REAL NOT NULL);
CREATE INDEX rate_hits_by_key ON rate_hits (key, at);
"""


@dataclass(frozen=True)
class Address:
    """Where the sandbox listened last time (ports 0 and empty origins when never started)."""

    api_port: int = 0
    output_port: int = 0
    base_url: str = ""
    output_origin: str = ""


# --- plan encoding -----------------------------------------------------------------------


def _spec_to_json(spec: OutputSpec) -> dict[str, Any]:
    if isinstance(spec, MediaSpec):
        return {
            "kind": spec.kind,
            "prompt": spec.prompt,
            "seed": spec.seed,
            "width": spec.width,
            "height": spec.height,
            "seconds": spec.seconds,
            "fps": spec.fps,
            "detail": spec.detail,
        }
    return {
        "prompt": spec.prompt,
        "seed": spec.seed,
        "width": spec.width,
        "height": spec.height,
        "fmt": spec.fmt,
        "source_png": (
            base64.b64encode(spec.source_png).decode("ascii") if spec.source_png else None
        ),
        "strength": spec.strength,
    }


def _spec_from_json(data: dict[str, Any]) -> OutputSpec:
    if "kind" in data:  # a media output; pictures (saved before media existed) have no kind
        return MediaSpec(
            kind=str(data["kind"]),
            prompt=str(data["prompt"]),
            seed=int(data["seed"]),
            width=int(data["width"]),
            height=int(data["height"]),
            seconds=float(data["seconds"]),
            fps=int(data["fps"]),
            detail=str(data["detail"]),
        )
    source = data["source_png"]
    return ImageSpec(
        prompt=str(data["prompt"]),
        seed=int(data["seed"]),
        width=int(data["width"]),
        height=int(data["height"]),
        fmt=str(data["fmt"]),
        source_png=base64.b64decode(source) if source is not None else None,
        strength=float(data["strength"]),
    )


def plan_to_json(plan: RunPlan) -> str:
    steps = [
        {
            "node": step.node,
            "seconds": step.seconds,
            "credits": step.credits,
            "output": step.output,
            "publish": [_spec_to_json(spec) for spec in step.publish],
            "error": step.error,
        }
        for step in plan.steps
    ]
    return json.dumps({"steps": steps, "outputs": plan.outputs})


def plan_from_json(text: str) -> RunPlan:
    """Raises ``ValueError``/``KeyError``/``TypeError`` when the text is not a plan."""
    data = json.loads(text)
    steps = tuple(
        NodeStep(
            node=str(step["node"]),
            seconds=float(step["seconds"]),
            credits=int(step["credits"]),
            output=dict(step["output"]),
            publish=tuple(_spec_from_json(spec) for spec in step["publish"]),
            error=None if step["error"] is None else str(step["error"]),
        )
        for step in data["steps"]
    )
    return RunPlan(steps=steps, outputs=dict(data["outputs"]))


# --- the store ---------------------------------------------------------------------------


class SandboxStore:
    """The data folder's database; used from the sandbox's event loop thread only."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        data_dir.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(data_dir / DB_NAME, isolation_level=None)
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise StoreError(f"{data_dir / DB_NAME} is not a sandbox database: {exc}") from None
        self._saved_events: dict[str, int] = {}

    @property
    def outputs_dir(self) -> Path:
        return self.data_dir / "outputs"

    def _migrate(self) -> None:
        version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.data_dir / DB_NAME} was written by a newer sandbox "
                f"(schema {version}, this one knows {SCHEMA_VERSION})"
            )
        if version < 1:
            with self._transaction():
                for statement in _SCHEMA_V1.split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _transaction(self) -> sqlite3.Connection:
        # isolation_level=None: transactions are explicit, `with` commits or rolls back.
        self._db.execute("BEGIN")
        return self._db

    def close(self) -> None:
        self._db.close()

    # --- address --------------------------------------------------------------------

    def address(self) -> Address:
        meta = dict(self._db.execute("SELECT name, value FROM meta").fetchall())
        return Address(
            api_port=int(meta.get("api_port", 0)),
            output_port=int(meta.get("output_port", 0)),
            base_url=meta.get("base_url", ""),
            output_origin=meta.get("output_origin", ""),
        )

    def set_address(self, address: Address, previous: Address) -> None:
        """Record where the sandbox listens now; output links of old runs follow a new origin."""
        old_prefix = f"{previous.output_origin}/outputs/"
        new_prefix = f"{address.output_origin}/outputs/"
        with self._transaction() as db:
            for name, value in (
                ("api_port", str(address.api_port)),
                ("output_port", str(address.output_port)),
                ("base_url", address.base_url),
                ("output_origin", address.output_origin),
            ):
                db.execute("INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)", (name, value))
            if previous.output_origin and old_prefix != new_prefix:
                # The origin never needs JSON escaping, so a text replace is exact.
                db.execute("UPDATE runs SET plan = replace(plan, ?, ?)", (old_prefix, new_prefix))
                db.execute("UPDATE events SET data = replace(data, ?, ?)", (old_prefix, new_prefix))

    # --- accounts -------------------------------------------------------------------

    def accounts(self, configured: dict[str, Account]) -> dict[str, Account]:
        """The configured keys with their saved balances, plus saved keys no longer configured.

        A key's plan follows the configuration; its credits are what it had last time.
        """
        saved = {
            key: Account(key, plan, credits)
            for key, plan, credits in self._db.execute("SELECT key, plan, credits FROM accounts")
        }
        merged = dict(saved)
        for key, account in configured.items():
            known = saved.get(key)
            merged[key] = account if known is None else Account(key, account.plan, known.credits)
        with self._transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO accounts (key, plan, credits) VALUES (?, ?, ?)",
                [(a.key, a.plan, a.credits) for a in merged.values()],
            )
        return merged

    # --- runs -----------------------------------------------------------------------

    def save(self, run: Run) -> None:
        """Write the run's state, its account's balance and its new stream events at once."""
        saved_events = self._saved_events.get(run.request_id, 0)
        new_events = run.events[saved_events:]
        with self._transaction() as db:
            db.execute(
                """
                INSERT INTO runs (request_id, account, workflow, plan, webhook, status, reserved,
                    charged, step_index, started_at, completed_at, total_time_ms, error,
                    error_node, logs)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (request_id) DO UPDATE SET
                    status = excluded.status, charged = excluded.charged,
                    step_index = excluded.step_index, started_at = excluded.started_at,
                    completed_at = excluded.completed_at, total_time_ms = excluded.total_time_ms,
                    error = excluded.error, error_node = excluded.error_node, logs = excluded.logs
                """,
                (
                    run.request_id,
                    run.account.key,
                    run.workflow.workflow_id,
                    plan_to_json(run.plan) if run.request_id not in self._saved_events else "",
                    run.webhook,
                    run.status,
                    run.reserved,
                    run.charged,
                    run.step_index,
                    run.started_at,
                    run.completed_at,
                    run.total_time_ms,
                    run.error,
                    run.error_node,
                    json.dumps(run.logs),
                ),
            )
            db.execute(
                "UPDATE accounts SET credits = ? WHERE key = ?",
                (run.account.credits, run.account.key),
            )
            db.executemany(
                "INSERT OR REPLACE INTO events (request_id, idx, event, data) VALUES (?, ?, ?, ?)",
                [(run.request_id, e.index, e.event, json.dumps(e.data)) for e in new_events],
            )
        self._saved_events[run.request_id] = len(run.events)

    def load_runs(
        self,
        accounts: dict[str, Account],
        workflows: dict[str, Workflow],
        time_scale: float,
    ) -> tuple[list[Run], list[tuple[Run, str]]]:
        """Every saved run in submission order, and the unfinished ones that cannot resume.

        The second list pairs such a run with the reason (its plan could not be read); the
        caller fails them. Runs of a workflow this sandbox no longer has are left out.
        """
        events: dict[str, list[StreamEvent]] = {}
        for request_id, idx, event, data in self._db.execute(
            "SELECT request_id, idx, event, data FROM events ORDER BY request_id, idx"
        ):
            events.setdefault(request_id, []).append(StreamEvent(idx, event, json.loads(data)))
        runs: list[Run] = []
        broken: list[tuple[Run, str]] = []
        rows = self._db.execute(
            """
            SELECT request_id, account, workflow, plan, webhook, status, reserved, charged,
                step_index, started_at, completed_at, total_time_ms, error, error_node, logs
            FROM runs ORDER BY rowid
            """
        ).fetchall()
        now_wall, now_mono = time.time(), time.monotonic()
        for row in rows:
            (request_id, key, workflow_id, plan_text, webhook, status, reserved, charged) = row[:8]
            (step_index, started_at, completed_at, total_ms, error, error_node, logs) = row[8:]
            account = accounts.get(key)
            workflow = workflows.get(workflow_id)
            if account is None or workflow is None:
                log.warning(
                    "run %s of %s is left out: its key or workflow is gone", request_id, workflow_id
                )
                continue
            problem: str | None = None
            try:
                plan = plan_from_json(plan_text)
            except (ValueError, KeyError, TypeError) as exc:
                plan, problem = RunPlan((), {}), f"its saved plan is unreadable ({exc})"
            run = Run(
                request_id=request_id,
                account=account,
                workflow=workflow,
                plan=plan,
                webhook=webhook,
                time_scale=time_scale,
                status=status,
                reserved=reserved,
                charged=charged,
                step_index=step_index,
                step_started=now_mono,
                started_mono=(now_mono - (now_wall - started_at)) if started_at else 0.0,
                started_at=started_at,
                completed_at=completed_at,
                total_time_ms=total_ms,
                error=error,
                error_node=error_node,
                logs=json.loads(logs),
                events=events.get(request_id, []),
            )
            self._saved_events[request_id] = len(run.events)
            runs.append(run)
            if problem is not None and not run.finished:
                broken.append((run, problem))
        return runs, broken

    # --- rate limit -----------------------------------------------------------------

    def rate_hits(self, since: float) -> dict[str, list[float]]:
        """Accepted requests per key at or after ``since`` (wall clock), oldest first."""
        hits: dict[str, list[float]] = {}
        for key, at in self._db.execute(
            "SELECT key, at FROM rate_hits WHERE at > ? ORDER BY at", (since,)
        ):
            hits.setdefault(key, []).append(at)
        return hits

    def record_hit(self, key: str, at: float, forget_before: float) -> None:
        with self._transaction() as db:
            db.execute("INSERT INTO rate_hits (key, at) VALUES (?, ?)", (key, at))
            db.execute("DELETE FROM rate_hits WHERE key = ? AND at <= ?", (key, forget_before))
