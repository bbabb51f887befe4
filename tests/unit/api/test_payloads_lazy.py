"""The typed payloads (pydantic) load when the first payload is parsed, not with the client."""

from __future__ import annotations

import subprocess
import sys

import pytest

from fizzly_desktop.api import MalformedResponse, RemoteStatus, payloads

PROBE = """
import sys
import fizzly_desktop.api
import fizzly_desktop.api.client
import fizzly_desktop.core.engine
import fizzly_desktop.core.session
import fizzly_desktop.core.tracking
print("before", "pydantic" in sys.modules)
from fizzly_desktop.api import payloads
status = payloads.run_status({"status": "IN_QUEUE", "queue_position": 3})
print("parsed", status.status.value, status.queue_position, "pydantic" in sys.modules)
from fizzly_desktop.api import RunStatus
print("same class", type(status) is RunStatus)
"""


def test_the_client_and_engine_load_without_pydantic_and_parsing_loads_it() -> None:
    # A fresh interpreter: this test process may have loaded pydantic long ago.
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.splitlines() == [
        "before False",
        "parsed IN_QUEUE 3 True",
        "same class True",
    ]


def test_a_bad_payload_still_names_its_field_in_plain_words() -> None:
    with pytest.raises(MalformedResponse) as caught:
        payloads.run_status({"status": "SLEEPING"}, status=200)
    assert str(caught.value).startswith("status: field 'status': Input should be")
    assert caught.value.field == "status"
    with pytest.raises(MalformedResponse) as caught:
        payloads.submission({"owner": "o", "slug": "s", "request_id": ""}, what="submit answer")
    assert caught.value.field == "request_id"
    assert "submit answer: field 'request_id'" in str(caught.value)


def test_every_kind_of_stream_event_parses_and_the_final_ones_are_told_apart() -> None:
    submit = payloads.stream_event("submit", {"node": "load"}, what="event")
    output = payloads.stream_event("output", {"outputs": {"a": 1}}, what="event")
    error = payloads.stream_event(
        "error",
        {"error": "bad key sk-123"},
        what="event",
        scrub=lambda s: s.replace("sk-123", "***"),
    )
    ping = payloads.stream_event("ping", {}, what="event")
    assert [payloads.is_final_event(e) for e in (submit, output, error, ping)] == [
        False,
        True,
        True,
        False,
    ]
    assert getattr(error, "error", None) == "bad key ***"
    assert payloads.run_result({"status": "FAILED", "error": "x"}).status is RemoteStatus.FAILED
    assert payloads.cancel_outcome({"already_completed": True}).already_completed is True


WARM_UP = """
import sys
from fizzly_desktop.core import session
print("before", "pydantic" in sys.modules)
session._warm_up()
print("after", "pydantic" in sys.modules, "fizzly_desktop.api.models" in sys.modules)
"""


def test_the_warm_up_after_start_loads_the_models_off_the_gui_thread() -> None:
    # Two seconds after a start (in a worker): the first answer parsed then imports nothing.
    result = subprocess.run(
        [sys.executable, "-c", WARM_UP], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.splitlines() == ["before False", "after True True"]
