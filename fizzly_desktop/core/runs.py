"""A workflow run as the app knows it: its state machine, inputs, node timeline and outcome.

The states are those of the architecture guide. Local states: ``DRAFT`` (in the batch builder),
``WAITING`` (queued here, not yet sent), ``SUBMITTING``, ``UNCERTAIN`` (sent, outcome unknown) and
``REJECTED`` (the server refused the submit). Remote states, as the server reports them:
``PENDING``, ``IN_QUEUE``, ``IN_PROGRESS``, ``COMPLETED``, ``FAILED``, ``CANCELLED``; plus
``CANCELLING`` between a cancel request and its confirmation.

Every state change goes through :meth:`Run.transition`, which consults :data:`TRANSITIONS`: an
illegal change is refused and logged, never applied, so a late or replayed server event cannot
move a finished run backwards.
"""

from __future__ import annotations

import enum
import json
import logging
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from fizzly_desktop.core.i18n import QT_TRANSLATE_NOOP, translate

log = logging.getLogger(__name__)


class RunState(enum.StrEnum):
    """Where a run is in its life; the value is what the history stores."""

    DRAFT = "DRAFT"
    WAITING = "WAITING"
    SUBMITTING = "SUBMITTING"
    UNCERTAIN = "UNCERTAIN"
    REJECTED = "REJECTED"
    PENDING = "PENDING"
    IN_QUEUE = "IN_QUEUE"
    IN_PROGRESS = "IN_PROGRESS"
    CANCELLING = "CANCELLING"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"

    @property
    def is_terminal(self) -> bool:
        return self in TERMINAL_STATES

    @property
    def is_remote(self) -> bool:
        """The server holds the run: it has a request id and is followed by the tracker."""
        return self in REMOTE_ACTIVE_STATES

    @property
    def is_active(self) -> bool:
        """The run counts against the limit of runs active at once."""
        return self in ACTIVE_STATES

    @property
    def label(self) -> str:
        """The state in words for the window."""
        return translate("RunState", _LABELS[self])


#: The one word for each state, everywhere the user sees a state (the architecture guide's
#: table). Longer phrases built from these (position, node, reason) are in core/words.py.
_LABELS: dict[RunState, str] = {
    RunState.DRAFT: QT_TRANSLATE_NOOP("RunState", "Draft"),
    RunState.WAITING: QT_TRANSLATE_NOOP("RunState", "Waiting to send"),
    RunState.SUBMITTING: QT_TRANSLATE_NOOP("RunState", "Sending"),
    RunState.UNCERTAIN: QT_TRANSLATE_NOOP("RunState", "Sent, no answer"),
    RunState.REJECTED: QT_TRANSLATE_NOOP("RunState", "Refused"),
    RunState.PENDING: QT_TRANSLATE_NOOP("RunState", "In queue"),
    RunState.IN_QUEUE: QT_TRANSLATE_NOOP("RunState", "In queue"),
    RunState.IN_PROGRESS: QT_TRANSLATE_NOOP("RunState", "Running"),
    RunState.CANCELLING: QT_TRANSLATE_NOOP("RunState", "Cancelling"),
    RunState.COMPLETED: QT_TRANSLATE_NOOP("RunState", "Done"),
    RunState.FAILED: QT_TRANSLATE_NOOP("RunState", "Failed"),
    RunState.CANCELLED: QT_TRANSLATE_NOOP("RunState", "Cancelled"),
}

TERMINAL_STATES: frozenset[RunState] = frozenset(
    {RunState.COMPLETED, RunState.FAILED, RunState.CANCELLED, RunState.REJECTED}
)
REMOTE_ACTIVE_STATES: frozenset[RunState] = frozenset(
    {RunState.PENDING, RunState.IN_QUEUE, RunState.IN_PROGRESS, RunState.CANCELLING}
)
ACTIVE_STATES: frozenset[RunState] = REMOTE_ACTIVE_STATES | {RunState.SUBMITTING}
#: The states a user may retry from: a retry is a new run linked to the old one.
RETRYABLE_STATES: frozenset[RunState] = frozenset(
    {RunState.FAILED, RunState.REJECTED, RunState.CANCELLED, RunState.UNCERTAIN}
)

_S = RunState
#: Every legal change of state. A state missing from a row's set is refused.
TRANSITIONS: Mapping[RunState, frozenset[RunState]] = {
    _S.DRAFT: frozenset({_S.WAITING}),
    # A waiting run is sent, or dropped locally without any request.
    _S.WAITING: frozenset({_S.SUBMITTING, _S.CANCELLED}),
    # A submit is accepted, refused (4xx), lost in flight, or certainly not taken (back to wait:
    # a 402/403 pausing its batch, a connection that failed before the request was sent).
    _S.SUBMITTING: frozenset({_S.PENDING, _S.REJECTED, _S.UNCERTAIN, _S.WAITING}),
    # An uncertain run stays so until the user decides, unless its request id turns up.
    _S.UNCERTAIN: frozenset(
        {_S.PENDING, _S.IN_QUEUE, _S.IN_PROGRESS, _S.COMPLETED, _S.FAILED, _S.CANCELLED}
    ),
    _S.PENDING: frozenset(
        {_S.IN_QUEUE, _S.IN_PROGRESS, _S.COMPLETED, _S.FAILED, _S.CANCELLED, _S.CANCELLING}
    ),
    _S.IN_QUEUE: frozenset({_S.IN_PROGRESS, _S.COMPLETED, _S.FAILED, _S.CANCELLED, _S.CANCELLING}),
    _S.IN_PROGRESS: frozenset({_S.COMPLETED, _S.FAILED, _S.CANCELLED, _S.CANCELLING}),
    # A cancel is confirmed, beaten by the run finishing, or fails and the run goes on.
    _S.CANCELLING: frozenset(
        {_S.CANCELLED, _S.COMPLETED, _S.FAILED, _S.PENDING, _S.IN_QUEUE, _S.IN_PROGRESS}
    ),
    _S.COMPLETED: frozenset(),
    _S.FAILED: frozenset(),
    _S.CANCELLED: frozenset(),
    _S.REJECTED: frozenset(),
}

# How far along a remote run is; a status older than what the app already knows is not applied.
_PROGRESS_RANK: dict[RunState, int] = {
    _S.PENDING: 1,
    _S.IN_QUEUE: 2,
    _S.IN_PROGRESS: 3,
    _S.CANCELLING: 3,
    _S.COMPLETED: 4,
    _S.FAILED: 4,
    _S.CANCELLED: 4,
}


def is_legal(old: RunState, new: RunState) -> bool:
    """Whether ``old -> new`` is in the transition table."""
    return new in TRANSITIONS[old]


def is_forward(old: RunState, new: RunState) -> bool:
    """A legal change that does not take a remote run back to an earlier stage."""
    if not is_legal(old, new):
        return False
    return _PROGRESS_RANK.get(new, 0) >= _PROGRESS_RANK.get(old, 0)


class Contact(enum.StrEnum):
    """Whether the app still hears from the server about a run; the value is what history stores.

    Kept beside the state rather than as more states: a run out of contact is still, as far as
    anyone knows, where it was (in queue, running), and answers again from where it is once
    the server does. Only what the window shows, and what the engine spends on it, changes.
    """

    IN_TOUCH = "ok"
    #: The server could not be reached for a while, or the run's addresses no longer match its
    #: profile's (the key is never sent there): nothing is known, so nothing is shown moving.
    LOST = "lost"
    #: The server answered 404: it no longer knows this run. The local record stays.
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        """The words the window shows in place of the run's state."""
        return translate("Contact", text) if (text := _CONTACT_LABELS[self]) else ""


_CONTACT_LABELS: dict[Contact, str] = {
    Contact.IN_TOUCH: "",
    Contact.LOST: QT_TRANSLATE_NOOP("Contact", "Lost contact"),
    Contact.UNKNOWN: QT_TRANSLATE_NOOP("Contact", "Unknown to the server"),
}


class NodeState(enum.StrEnum):
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"


@dataclass(slots=True)
class NodeEntry:
    """One node of a run's timeline: when it started and finished, and what it produced."""

    node: str
    state: NodeState = NodeState.RUNNING
    started_at: float | None = None
    completed_at: float | None = None
    output: Any = None

    @property
    def duration(self) -> float | None:
        if self.started_at is None or self.completed_at is None:
            return None
        return max(0.0, self.completed_at - self.started_at)


@dataclass(frozen=True)
class WorkflowId:
    """A workflow's owner and slug; written ``owner/slug``."""

    owner: str
    slug: str

    @classmethod
    def parse(cls, text: str) -> WorkflowId:
        owner, sep, slug = text.strip().partition("/")
        if not sep or not owner or not slug or "/" in slug:
            raise ValueError(
                f"A workflow is written owner/slug, for example demo/text-to-image: {text!r}"
            )
        return cls(owner, slug)

    def __str__(self) -> str:
        return f"{self.owner}/{self.slug}"


def new_run_id() -> str:
    """A local id for a run, known before anything is sent."""
    return uuid.uuid4().hex


def parse_time(value: object) -> float | None:
    """A server timestamp (ISO 8601 text, a datetime, or epoch seconds) as epoch seconds."""
    if value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, datetime):
        return value.timestamp()
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
        except ValueError:
            return None
    return None


@dataclass(slots=True)
class Run:
    """A workflow run, from the moment it is queued here to its final state.

    ``profile`` and ``key_fingerprint`` name the account that runs it; the key itself is never
    held here. ``error`` is plain text for the user (server text is data, never markup).
    """

    id: str
    workflow: str
    #: What was sent. This mapping, ``outputs``, ``metrics`` and ``logs`` are replaced whole,
    #: never changed in place: snapshots (``copy``) share them.
    inputs: dict[str, Any]
    profile: str
    key_fingerprint: str = ""
    state: RunState = RunState.WAITING
    webhook: str | None = None
    request_id: str | None = None
    status_url: str | None = None
    response_url: str | None = None
    cancel_url: str | None = None
    progress: float | None = None
    current_node: str | None = None
    queue_position: int | None = None
    #: When the server said ``queue_position`` (not kept in history: after a restart, a
    #: position of unknown age is shown as unknown).
    queue_position_at: float | None = None
    timeline: list[NodeEntry] = field(default_factory=list)
    outputs: dict[str, Any] | None = None
    metrics: dict[str, Any] | None = None
    logs: list[dict[str, Any]] | None = None
    credits_used: float | None = None
    credits_refunded: float | None = None
    error: str | None = None
    batch_id: str | None = None
    retry_of: str | None = None
    #: Whether the server still answers about this run (see :class:`Contact`).
    contact: Contact = Contact.IN_TOUCH
    #: When contact was lost: the run's elapsed time stops there, as nothing is known since.
    contact_lost_at: float | None = None
    #: Waiting in a paused batch: it will not be sent until the batch is resumed (not stored:
    #: the engine sets it from the batch's state whenever that changes or is loaded).
    held: bool = False
    #: Handed to the views as it is (see :meth:`snapshot`): from then on the engine changes a
    #: copy that replaces it (the ledger's ``writable``), never this record (not stored).
    shared: bool = field(default=False, compare=False, repr=False)
    result_fetched: bool = False
    state_before_cancel: RunState | None = None
    created_at: float = field(default_factory=time.time)
    submitted_at: float | None = None
    started_at: float | None = None
    completed_at: float | None = None
    updated_at: float = field(default_factory=time.time)

    @classmethod
    def create(
        cls,
        workflow: str | WorkflowId,
        inputs: Mapping[str, Any],
        profile: str,
        *,
        key_fingerprint: str = "",
        webhook: str | None = None,
        batch_id: str | None = None,
        retry_of: str | None = None,
    ) -> Run:
        """A new run waiting to be sent (the workflow name is checked here)."""
        wf = workflow if isinstance(workflow, WorkflowId) else WorkflowId.parse(workflow)
        return cls(
            id=new_run_id(),
            workflow=str(wf),
            inputs=dict(inputs),
            profile=profile,
            key_fingerprint=key_fingerprint,
            webhook=webhook,
            batch_id=batch_id,
            retry_of=retry_of,
        )

    @property
    def workflow_id(self) -> WorkflowId:
        return WorkflowId.parse(self.workflow)

    @property
    def gone_from_server(self) -> bool:
        """The server answered 404 for this run (it no longer knows it)."""
        return self.contact is Contact.UNKNOWN

    @gone_from_server.setter
    def gone_from_server(self, gone: bool) -> None:
        if gone:
            self.lose_contact(Contact.UNKNOWN)
        elif self.contact is Contact.UNKNOWN:
            self.regain_contact()

    @property
    def out_of_contact(self) -> bool:
        """A run not finished whose server is not heard from (lost, or it forgot the run)."""
        return self.contact is not Contact.IN_TOUCH and not self.state.is_terminal

    def lose_contact(self, contact: Contact, *, now: float | None = None) -> None:
        """Note that the server no longer answers (``LOST``) or no longer knows it (``UNKNOWN``)."""
        if self.contact is Contact.IN_TOUCH or self.contact_lost_at is None:
            self.contact_lost_at = time.time() if now is None else now
        self.contact = contact
        self.queue_position = None

    def regain_contact(self) -> None:
        """The server answered about this run again."""
        self.contact = Contact.IN_TOUCH
        self.contact_lost_at = None

    @property
    def state_words(self) -> str:
        """The run's state as the window shows it: what the app knows, not what it last heard."""
        if self.out_of_contact:
            return self.contact.label
        return self.state.label

    @property
    def can_run_again(self) -> bool:
        """A new run with the same inputs is what resolves this one (see RETRYABLE_STATES)."""
        return self.state in RETRYABLE_STATES or self.out_of_contact

    @property
    def can_check_again(self) -> bool:
        """One status call may tell where this run is: it was sent, and its news stopped."""
        return self.request_id is not None and (
            self.out_of_contact or self.state is RunState.UNCERTAIN
        )

    def elapsed(self, now: float | None = None) -> float | None:
        """Seconds since it started (or was sent), up to its end or to when contact was lost."""
        start = self.started_at or self.submitted_at
        if start is None:
            return None
        if self.state.is_terminal and self.completed_at:
            end = self.completed_at
        elif self.out_of_contact and self.contact_lost_at is not None:
            end = self.contact_lost_at
        else:
            end = time.time() if now is None else now
        return max(0.0, end - start)

    @property
    def needs_attention(self) -> bool:
        """The user has to decide something: a send with no answer, a refused one, a run out of
        contact ("Lost contact", "Unknown to the server"), or a run waiting in a paused batch."""
        return (
            self.state in (RunState.UNCERTAIN, RunState.REJECTED)
            or self.out_of_contact
            or (self.held and self.state is RunState.WAITING)
        )

    def set_queue_position(self, position: int | None, *, now: float | None = None) -> None:
        """Record the server's place for the run in its queue, as said, and when it was said."""
        self.queue_position = position
        self.queue_position_at = None if position is None else (time.time() if now is None else now)

    def can_transition(self, new: RunState) -> bool:
        return is_legal(self.state, new)

    def transition(self, new: RunState, *, now: float | None = None) -> bool:
        """Move to ``new`` if the table allows it; otherwise log and leave the run unchanged."""
        old = self.state
        if new is old:
            return True
        if not is_legal(old, new):
            log.warning("Run %s: refused change of state %s -> %s", self.id, old, new)
            return False
        stamp = time.time() if now is None else now
        if new is RunState.CANCELLING:
            self.state_before_cancel = old
        elif old is RunState.CANCELLING:
            self.state_before_cancel = None
        self.state = new
        self.updated_at = stamp
        if new is RunState.IN_PROGRESS and self.started_at is None:
            self.started_at = stamp
        if new.is_terminal:
            if self.completed_at is None:
                self.completed_at = stamp
            if new is RunState.COMPLETED:
                self.progress = 100.0
        if new is not RunState.IN_QUEUE:
            self.queue_position = None
            self.queue_position_at = None
        return True

    # --- timeline ---------------------------------------------------------------------------

    def node(self, name: str) -> NodeEntry | None:
        for entry in self.timeline:
            if entry.node == name:
                return entry
        return None

    def node_started(self, name: str, at: float | None = None) -> NodeEntry:
        """Record that ``name`` started (idempotent: a replayed event changes nothing)."""
        entry = self.node(name)
        if entry is None:
            entry = NodeEntry(
                name, NodeState.RUNNING, started_at=at if at is not None else time.time()
            )
            self.timeline.append(entry)
        elif entry.started_at is None:
            entry.started_at = at if at is not None else time.time()
        self.current_node = name
        self.updated_at = time.time()
        return entry

    def node_completed(self, name: str, output: Any = None, at: float | None = None) -> NodeEntry:
        """Record that ``name`` finished with ``output``."""
        entry = self.node(name)
        if entry is None:
            entry = NodeEntry(name, started_at=None)
            self.timeline.append(entry)
        entry.state = NodeState.COMPLETED
        if entry.completed_at is None:
            entry.completed_at = at if at is not None else time.time()
        if output is not None:
            entry.output = output
        self.updated_at = time.time()
        return entry

    def node_failed(self, name: str, at: float | None = None) -> NodeEntry:
        entry = self.node(name) or NodeEntry(name)
        if entry not in self.timeline:
            self.timeline.append(entry)
        entry.state = NodeState.FAILED
        if entry.completed_at is None:
            entry.completed_at = at if at is not None else time.time()
        return entry

    def apply_logs(self, logs: list[dict[str, Any]]) -> None:
        """Fill the timeline from a result's logs (node, status, started_at, completed_at)."""
        self.logs = logs
        for item in logs:
            name = item.get("node")
            if not isinstance(name, str) or not name:
                continue
            entry = self.node(name)
            if entry is None:
                entry = NodeEntry(name)
                self.timeline.append(entry)
            started = parse_time(item.get("started_at"))
            completed = parse_time(item.get("completed_at"))
            if started is not None:
                entry.started_at = started
            if completed is not None:
                entry.completed_at = completed
            status = str(item.get("status", "")).lower()
            if status in ("completed", "success", "ok"):
                entry.state = NodeState.COMPLETED
            elif status in ("failed", "error"):
                entry.state = NodeState.FAILED

    def copy(self) -> Run:
        """A snapshot whose fields and timeline are independent of this run.

        ``inputs``, ``outputs``, ``metrics`` and ``logs`` are shared with it: they are
        replaced whole when a run learns more, never changed in place, so a snapshot keeps
        the ones it was taken with. (A copy of each, per run of a long history in each view,
        was a large share of the memory the history took.)
        """
        snapshot = replace(
            self,
            timeline=[replace(e) for e in self.timeline],
            metrics=None,
            logs=None,
            shared=False,
        )
        for slot in _READ_WHEN_ASKED.values():  # as they are: stored text stays unparsed
            slot.__set__(snapshot, slot.__get__(self, Run))
        return snapshot

    @property
    def settled(self) -> bool:
        """Finished, with its result fetched: nothing more comes from the server for it."""
        return self.result_fetched and self.state.is_terminal

    def snapshot(self) -> Run:
        """What the views may keep of this run: a settled run's record itself, else a copy.

        A long history is settled runs: each is held once, by the engine and every view,
        instead of a copy per view. A settled run changes only rarely (its server moved, its
        result fetched again) and only through the ledger, which then changes a copy and puts
        it in the record's place (copy-on-write, ``RunLedger.writable``): a record once shared
        is never changed in place, and views compare what they hold with what a change brings.
        """
        if self.settled:
            self.shared = True
            return self
        return self.copy()

    def keep_stored(self, *, metrics: str | None, logs: str | None) -> None:
        """Hold ``metrics`` and ``logs`` as the history's JSON text, parsed when first read.

        Only the run's details, its sidecar and an export read them: a long history keeps
        them as one string each instead of a mapping or a list of mappings per run.
        """
        _READ_WHEN_ASKED["metrics"].__set__(self, metrics)
        _READ_WHEN_ASKED["logs"].__set__(self, logs)

    def stored_text(self, name: str) -> str | None:
        """The stored JSON text of ``metrics`` or ``logs`` while it was not read yet, else None."""
        value = _READ_WHEN_ASKED[name].__get__(self, Run)
        return value if isinstance(value, str) else None


def _parse_stored(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def _read_when_asked(name: str) -> Any:
    """Make ``Run.<name>`` hold stored JSON text until it is first read, then the value.

    The slot keeps whichever it holds (the field's types are never text, so text means "not
    parsed yet"); the field's property parses it on the first read and keeps the result.
    """
    slot = Run.__dict__[name]

    def get(run: Run) -> Any:
        value = slot.__get__(run, Run)
        if isinstance(value, str):
            value = _parse_stored(value)
            slot.__set__(run, value)
        return value

    setattr(Run, name, property(get, slot.__set__, doc=f"{name}, parsed when first read"))
    return slot


_READ_WHEN_ASKED: dict[str, Any] = {name: _read_when_asked(name) for name in ("metrics", "logs")}


class StateGroup(enum.StrEnum):
    """The groups of the status sidebar; every run is in exactly one of them (and in ALL).

    The values are those stored before the groups were renamed (``queued`` then held the runs
    not sent yet, ``active`` the runs on the server); ``QUEUED`` and ``ACTIVE`` stay as aliases.
    """

    ALL = "all"
    NOT_SENT = "queued"
    ON_SERVER = "active"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"
    NEEDS_ATTENTION = "needs_attention"
    QUEUED = "queued"
    ACTIVE = "active"

    @property
    def label(self) -> str:
        """The group's name in the sidebar."""
        return translate("StateGroup", _GROUP_LABELS[self])

    def contains(self, run: Run) -> bool:
        return self is StateGroup.ALL or group_of(run) is self


_GROUP_LABELS: dict[StateGroup, str] = {
    StateGroup.ALL: QT_TRANSLATE_NOOP("StateGroup", "All runs"),
    StateGroup.NOT_SENT: QT_TRANSLATE_NOOP("StateGroup", "Not sent yet"),
    StateGroup.ON_SERVER: QT_TRANSLATE_NOOP("StateGroup", "On the server"),
    StateGroup.COMPLETED: QT_TRANSLATE_NOOP("StateGroup", "Done"),
    StateGroup.FAILED: QT_TRANSLATE_NOOP("StateGroup", "Failed"),
    StateGroup.CANCELLED: QT_TRANSLATE_NOOP("StateGroup", "Cancelled"),
    StateGroup.NEEDS_ATTENTION: QT_TRANSLATE_NOOP("StateGroup", "Needs attention"),
}

_GROUP_OF_STATE: dict[RunState, StateGroup] = {
    RunState.DRAFT: StateGroup.NOT_SENT,
    RunState.WAITING: StateGroup.NOT_SENT,
    RunState.SUBMITTING: StateGroup.NOT_SENT,
    RunState.PENDING: StateGroup.ON_SERVER,
    RunState.IN_QUEUE: StateGroup.ON_SERVER,
    RunState.IN_PROGRESS: StateGroup.ON_SERVER,
    RunState.CANCELLING: StateGroup.ON_SERVER,
    RunState.COMPLETED: StateGroup.COMPLETED,
    RunState.FAILED: StateGroup.FAILED,
    RunState.CANCELLED: StateGroup.CANCELLED,
    RunState.UNCERTAIN: StateGroup.NEEDS_ATTENTION,
    RunState.REJECTED: StateGroup.NEEDS_ATTENTION,
}


def group_of(run: Run) -> StateGroup:
    """The one sidebar group ``run`` is counted in (never ALL)."""
    if run.needs_attention:
        return StateGroup.NEEDS_ATTENTION
    return _GROUP_OF_STATE[run.state]


def group_counts(runs: Iterable[Run]) -> dict[StateGroup, int]:
    """How many of ``runs`` each state group holds, in one pass."""
    tally = StateTally({})
    for run in runs:
        tally.add(run)
    return tally.counts()


class StateTally:
    """The sidebar's counts kept in step with a set of runs, at the cost of what changed.

    ``mark(ids)`` notes runs that were added, changed or removed in ``runs`` (the mapping the
    tally reads); ``counts()`` settles those and answers. With thousands of runs in history and
    a few hundred streaming, counting everything again on each change took milliseconds.
    """

    def __init__(self, runs: Mapping[str, Run]) -> None:
        self._runs = runs
        # The group each counted run was counted in.
        self._counted: dict[str, StateGroup] = {}
        self._by_group: Counter[StateGroup] = Counter()
        self._marked: set[str] = set()

    def mark(self, ids: Iterable[str]) -> None:
        self._marked.update(ids)

    def add(self, run: Run) -> None:
        self._uncount(run.id)
        group = group_of(run)
        self._counted[run.id] = group
        self._by_group[group] += 1

    def _uncount(self, run_id: str) -> None:
        before = self._counted.pop(run_id, None)
        if before is not None:
            self._by_group[before] -= 1

    def counts(self) -> dict[StateGroup, int]:
        for run_id in self._marked:
            run = self._runs.get(run_id)
            if run is None:
                self._uncount(run_id)
            else:
                self.add(run)
        self._marked.clear()
        result = dict.fromkeys(StateGroup, 0)
        result.update(self._by_group)
        result[StateGroup.ALL] = len(self._counted)
        return result
