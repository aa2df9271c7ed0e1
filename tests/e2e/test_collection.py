"""The suite without the end-to-end tests needs none of their client libraries.

`pytest -m "not e2e"` must collect where python-mpd2 and paho-mqtt are not installed: the
e2e modules import them inside fixtures (harness.require_module), never at import time.
A pytest run in a subprocess collects the whole suite with both made unimportable.
"""

from __future__ import annotations

import os
from pathlib import Path
import subprocess
import sys

from .harness import REPO

# The client libraries that only the end-to-end tests use (import names).
E2E_ONLY_MODULES = ("mpd", "paho", "paho.mqtt", "paho.mqtt.client")
COLLECT_TIMEOUT = 600.0  # a few seconds idle; generous for a busy machine

# A pytest plugin (loaded with -p before any test module is imported) that makes the
# modules unimportable: `import mpd` then raises ImportError, as where it is not installed.
# It acts at pytest_configure, after the plugins installed with pytest-homeassistant-custom-
# component have loaded (one of them imports paho for Home Assistant's own MQTT fixtures).
BLOCKER = f"""
import sys

MODULES = {E2E_ONLY_MODULES!r}


def pytest_configure(config):
    for name in MODULES:
        sys.modules[name] = None  # what Python's import system reads as "cannot be imported"
"""


def test_not_e2e_collects_without_the_e2e_client_libraries(tmp_path: Path) -> None:
    (tmp_path / "e2e_blocker.py").write_text(BLOCKER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(REPO)])}
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--collect-only",
            "-q",
            "-p",
            "e2e_blocker",
            "-m",
            "not e2e",
            "tests",
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=COLLECT_TIMEOUT,
        check=False,
    )

    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-4000:]
    collected = run.stdout.splitlines()
    assert (
        "tests/e2e/test_collection.py::test_not_e2e_collects_without_the_e2e_client_libraries"
        in collected
    )
    # The e2e tests themselves are deselected, not collected.
    assert not [line for line in collected if "test_sound_mpd.py::" in line]
    assert "deselected" in run.stdout
