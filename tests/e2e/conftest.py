"""Fixtures of the end-to-end tests (see harness.py for the API).

These tests need neither pytest-homeassistant-custom-component nor anything of
tests/conftest.py: against the newest Home Assistant, which no release of that plugin
covers yet, `scripts/test --newest` runs them with `--confcutdir=tests/e2e`.
"""

from __future__ import annotations

from collections.abc import Iterator
import importlib.util

import pytest

from .harness import HomeAssistantFactory, HomeAssistantProcess

if importlib.util.find_spec("pytest_socket") is None:

    @pytest.fixture
    def socket_enabled() -> None:
        """Stand in for pytest-socket's fixture where it is not installed: nothing blocks."""


@pytest.fixture
def auto_enable_custom_integrations() -> None:
    """Replace the suite's autouse fixture: e2e tests run no Home Assistant in pytest."""


@pytest.fixture
def home_assistant(
    socket_enabled: None, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[HomeAssistantFactory]:
    """Make Home Assistant processes on demand; stop every one of them at teardown."""
    processes: list[HomeAssistantProcess] = []

    def make(
        extra_yaml: str = "", *, start: bool = True, skip_pip: bool = False
    ) -> HomeAssistantProcess:
        process = HomeAssistantProcess(
            tmp_path_factory.mktemp("home-assistant"), extra_yaml, skip_pip=skip_pip
        )
        processes.append(process)
        if start:
            process.start()
        return process

    try:
        yield make
    finally:
        for process in reversed(processes):
            process.stop()
