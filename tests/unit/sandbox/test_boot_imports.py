"""The sandbox boots without what only a run needs: Pillow draws, jsonschema checks a submit."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
import fizzly_desktop.sandbox.__main__
import fizzly_desktop.sandbox.server
print("boot", sorted(name for name in ("PIL", "jsonschema") if name in sys.modules))

from fizzly_desktop.sandbox.images import ImageSpec, render
from fizzly_desktop.sandbox.workflows import WORKFLOWS, validate_inputs

t2i = WORKFLOWS["demo/text-to-image"]
print("checked", sorted(validate_inputs(t2i, {"width": 5000, "output_format": "gif"})))
print("drawn", render(ImageSpec("a lake", 1, 64, 48, "png"))[:4] == b"\\x89PNG")
"""


def test_the_sandbox_boots_without_pillow_or_jsonschema_and_loads_them_on_use() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=120
    )
    assert result.stdout.splitlines() == [
        "boot []",
        "checked ['output_format', 'prompt', 'width']",
        "drawn True",
    ]
