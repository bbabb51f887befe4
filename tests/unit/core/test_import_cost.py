"""What a start loads before the window can be used: keyring only once a key is read."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
import fizzly_desktop.core.session
from fizzly_desktop.core.secrets import SecretStore
print("before", "keyring" in sys.modules)
from keyring.backends import null
try:
    SecretStore(backend=null.Keyring()).get_key("Personal")
except Exception as exc:
    print("then", type(exc).__name__)
"""


def test_the_session_loads_keyring_only_when_a_key_is_asked_for() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=120
    )
    # The null backend would drop every key: refused in plain words, as before.
    assert result.stdout.splitlines() == ["before False", "then KeyringUnavailable"]
