"""scripts/develop from a fresh clone: ready in seconds, nothing installed, no repairs."""

from __future__ import annotations

from pathlib import Path
import sys

import pytest

from .develop import DevelopRun, venv_is_set_up
from .harness import STUDY_TIMER, require_binary

pytestmark = pytest.mark.e2e


def test_a_fresh_clone_starts_without_installing_anything_and_without_repairs(
    socket_enabled: None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    record_property: pytest.RecordProperty,
) -> None:
    require_binary("git")
    if not venv_is_set_up(Path(sys.prefix)):
        pytest.skip("scripts/develop runs on the venv scripts/setup makes (.venv); this is another")
    run = DevelopRun(tmp_path)
    try:
        run.start()
        ready = run.wait_until_ready()
        client = run.onboard()
        running = run.wait_until_running()
        # The figure, in the test output (benchmarks/develop_start.py measures it on its own).
        with capsys.disabled():
            sys.stdout.write(
                f"\nscripts/develop from a clean copy: frontend and onboarding ready in "
                f"{ready:.1f} s, running in {running:.1f} s\n"
            )
        record_property("develop_ready_seconds", round(ready, 1))

        config = client.config()
        assert config["internal_url"] == run.url
        assert not config.get("recovery_mode")
        assert {"zeroconf", "ssdp", "dhcp"}.isdisjoint(config["components"])
        # What a newcomer sees first: demo lights and players to try Tomatoes on.
        states = {state.entity_id for state in client.states()}
        assert any(entity.startswith("light.") for entity in states)
        assert any(entity.startswith("media_player.") for entity in states)

        run.wait_for_onboarding_integrations()
        assert run.installs() == []
        issues = client.websocket({"type": "repairs/list_issues"})["issues"]
        assert issues == []
        # Adding a timer works as in the README.
        result = client.config_flow("tomatoes", STUDY_TIMER)
        assert result["type"] == "create_entry"
        client.wait_for_state("switch.study_countdown", "off")
    finally:
        run.stop()
