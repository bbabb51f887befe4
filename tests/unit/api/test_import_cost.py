"""What importing the API client loads: nothing of httpx's command-line tool."""

from __future__ import annotations

import subprocess
import sys

# httpx imports its command line (rich, click, pygments) when they are installed; the app never
# runs it, so fizzly_desktop keeps it from loading (fizzly_desktop/__init__.py).
PROBE = """
import sys
import fizzly_desktop.api.client
import httpx

loaded = sorted(
    name for name in ("httpx._main", "rich", "click", "pygments")
    if sys.modules.get(name) is not None
)
print("loaded", loaded)

def answer(request):
    return httpx.Response(200, json={"path": request.url.path})

with httpx.Client(transport=httpx.MockTransport(answer)) as client:
    print("answer", client.get("https://api.fizzly.example/v1/ping").json()["path"])
"""


def test_the_client_does_not_load_httpx_command_line_and_httpx_still_works() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.splitlines() == ["loaded []", "answer /v1/ping"]
