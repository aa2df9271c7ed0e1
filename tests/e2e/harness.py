"""Home Assistant as a process of its own, for end-to-end tests.

The harness runs `<venv>/bin/hass -c <config dir>` (the venv of the Python running pytest)
with a generated configuration.yaml, this repository's `custom_components/tomatoes`
linked into the config folder, HTTP bound to 127.0.0.1 on a free port, and an
access token obtained without a person (see "Auth" below).

Fixtures (tests/e2e/conftest.py)
    home_assistant
        A factory ``home_assistant(extra_yaml: str = "", *, start: bool = True,
        skip_pip: bool = False) -> HomeAssistantProcess``. Each call makes a fresh
        config folder under pytest's tmp_path and (by default) starts Home Assistant
        and waits until it runs. Every process it made is stopped at teardown, whatever
        happened. It depends on ``socket_enabled`` (the test plugin blocks sockets).

Process: ``HomeAssistantProcess(config_dir, extra_yaml="", *, skip_pip=False)``
    .config_dir, .port, .url (http://127.0.0.1:PORT), .log_path, .running
    .start(timeout=STARTUP_TIMEOUT) -> HomeAssistantClient   also used after stop()
    .stop(timeout=STOP_TIMEOUT) -> int | None                SIGTERM, wait, then SIGKILL
    .restart() -> HomeAssistantClient                        stop, then start
    .client -> HomeAssistantClient                           of the running process
    .browser_tokens() -> dict    a fresh login, as the frontend keeps it (localStorage)
    .finish_onboarding()         the steps after the owner, which browsers need (skip_pip=True)
    .log_tail(lines=80) -> str; .logged_errors() -> list[str]; .output() -> str
        this run's log (read from the console copy, hass.out, which survives the log
        restart of recovery mode)
    A failed start (exit, timeout, recovery mode) raises HomeAssistantStartError with the
    ERROR lines and the tail of the log; the process is stopped.

Client (client.py): ``HomeAssistantClient(url, token)``, synchronous
    .call_service(domain, service, data=None, *, return_response=False) -> ServiceResult
        (.changed_states: list[State], .response: dict | None); errors raise ApiError
    .state(entity_id) -> State | None; .states() -> list[State]
        State(entity_id, state, attributes, last_changed, last_updated)
    .wait_for_state(entity_id, expected: str | Callable[[State], bool], *,
        timeout=STATE_TIMEOUT, interval=0.1) -> State  polls; raises WaitTimeoutError
    .record_states(*entity_ids) -> StateRecorder      a context manager: every state the
        entities take inside the block, from a WebSocket subscription (nothing is missed,
        however short a phase and however slow the machine); .states(entity_id) -> list,
        .wait_for(entity_id, [state, ...], timeout=STATE_TIMEOUT)
    .config_flow(domain, *steps) -> dict              last flow result
    .options_flow(entry_id, *steps) -> dict           a step is a form's input or
        {"next_step_id": name} for a menu (skipped when the flow already shows name)
    .config_entries(domain=None) -> list[dict]
    .websocket(command: dict) -> Any                  one command; raises WebSocketError
    .request(method, path, body=None) -> Any; .config() -> dict
    ``wait_until(probe, what, timeout=STATE_TIMEOUT)`` polls any condition (client.py).

Waiting
    A test never assumes how fast the machine is (CI shares 2 cores with other jobs): after
    an action it waits for the condition that shows the result, with a deadline, and never
    sleeps a fixed time instead. The deadlines are generous (STARTUP_TIMEOUT for a start,
    STATE_TIMEOUT, 30 s, for a state) since a passing test never waits them out. A test that
    must see a short-lived state records states (``record_states``) instead of polling.

Configuration
    The generated configuration.yaml holds ``homeassistant: internal_url`` (so URLs that
    Home Assistant hands to media players point at 127.0.0.1), ``http`` (server_host,
    server_port) and ``logger`` (warning; custom_components.tomatoes at debug).
    ``extra_yaml`` is plain YAML (no !include / !secret) merged into it: mappings are
    merged key by key, anything else replaces; the http host and port always stay.
    Home Assistant always loads its default integrations (frontend, api, config,
    onboarding, ...); their Python packages are pinned in requirements/test*.txt so
    nothing is installed at startup. With skip_pip=False (the default) Home Assistant
    installs the requirements of integrations a test adds into the venv at startup (on
    2026.3 ``demo:`` pulls conversation's and camera's, for example); pin them in
    requirements/test*.txt instead where a test needs them.

Auth
    On the first start the harness creates the owner through the onboarding API
    (POST /api/onboarding/users), exactly as the frontend does on a new instance, and
    trades the returned authorization code for tokens at /auth/token. On later starts
    (the user step is done) it logs in through the login flow (/auth/login_flow) with
    the same username and password. Both are public, stable HTTP APIs on every
    supported version; nothing in .storage is written by hand. /auth/providers, which
    answers without a token, says which of the two applies.

Binaries and clients
    ``require_binary(name, path=None) -> Path`` finds a program (mpd, mosquitto, ...);
    ``require_module(name, package) -> ModuleType`` imports a client library used by one
    test only (python-mpd2, paho-mqtt). When either is missing the test is skipped, or
    fails when TOMATOES_E2E=1 (CI). Test modules import such clients only through
    require_module, inside fixtures and functions, so that ``-m "not e2e"`` collects
    without them (test_collection.py checks it).

Example::

    pytestmark = pytest.mark.e2e

    def test_start(home_assistant: HomeAssistantFactory) -> None:
        ha = home_assistant("input_boolean:\\n  lamp:\\n")
        ha.client.call_service("input_boolean", "turn_on", {"entity_id": "input_boolean.lamp"})
        ha.client.wait_for_state("input_boolean.lamp", "on")
        ha.restart()  # same config folder and port; ha.client is the new client
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
import contextlib
from http import HTTPStatus
import importlib
import os
from pathlib import Path
import shutil
import signal
import socket
import subprocess
import sys
import time
from types import ModuleType
from typing import Any, Protocol

import pytest
import yaml

from .client import ApiError, HomeAssistantClient, JsonObject, WebSocketError, http_request

REPO = Path(__file__).resolve().parents[2]
INTEGRATION = REPO / "custom_components" / "tomatoes"
HASS_BIN = Path(sys.executable).parent / "hass"
E2E_REQUIRED_ENV = "TOMATOES_E2E"

# Generous: a start takes ~20 s on an idle 2-core machine and several times that on a busy
# one. A stop must never be cut short by SIGKILL (Home Assistant saves its stores then).
STARTUP_TIMEOUT = 300.0
STOP_TIMEOUT = 120.0
POLL_INTERVAL = 0.2
# Logged when the configuration cannot be used; the process then serves recovery mode only.
RECOVERY_MODE_MARK = "Activating recovery mode"

# A throwaway owner account of a throwaway instance that listens on 127.0.0.1 only.
OWNER_NAME = "Tomatoes E2E"
OWNER_USERNAME = "e2e"
OWNER_PASSWORD = "tomatoes-e2e-password"  # noqa: S105 (not a secret, see above)

# The config flow's form for a timer called Study in Classic's rhythm, as a person submits
# it; a test that needs another rhythm changes it with ``{**STUDY_TIMER, ...}``.
STUDY_TIMER: JsonObject = {
    "name": "Study",
    "focus_minutes": 25,
    "short_break_minutes": 5,
    "long_break_minutes": 15,
    "long_break_every": 4,
    "auto_start_breaks": True,
    "auto_start_focus": False,
}


class HomeAssistantStartError(RuntimeError):
    """Home Assistant did not come up; the message ends with the tail of its log."""


class HomeAssistantFactory(Protocol):
    """The `home_assistant` fixture: makes (and by default starts) an instance."""

    def __call__(
        self, extra_yaml: str = "", *, start: bool = True, skip_pip: bool = False
    ) -> HomeAssistantProcess:
        """Make an instance with extra configuration YAML; start it unless start=False."""
        ...


def require_binary(name: str, path: Path | None = None) -> Path:
    """Return the path of a program; skip the test without it, or fail under TOMATOES_E2E=1."""
    found = path if path is not None and path.is_file() else None
    if found is None and path is None and (which := shutil.which(name)):
        found = Path(which)
    if found is not None and os.access(found, os.X_OK):
        return found
    message = f"{name} is not installed ({path or 'not on PATH'})"
    if os.environ.get(E2E_REQUIRED_ENV) == "1":
        pytest.fail(f"{message}; {E2E_REQUIRED_ENV}=1 requires it")
    pytest.skip(message)


def require_module(name: str, package: str) -> ModuleType:
    """Import a client library; skip the test without it, or fail under TOMATOES_E2E=1."""
    try:
        return importlib.import_module(name)
    except ImportError as err:
        message = f"{package} is not installed ({err})"
    if os.environ.get(E2E_REQUIRED_ENV) == "1":
        pytest.fail(f"{message}; {E2E_REQUIRED_ENV}=1 requires it")
    pytest.skip(message)


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def merge(base: JsonObject, extra: Mapping[str, Any]) -> JsonObject:
    """Merge extra into base: mappings key by key (recursively), anything else replaces."""
    merged = dict(base)
    for key, value in extra.items():
        current = merged.get(key)
        if isinstance(current, dict) and isinstance(value, Mapping):
            merged[key] = merge(current, value)
        else:
            merged[key] = value
    return merged


def configuration(port: int, extra_yaml: str = "") -> JsonObject:
    """Build the configuration: the harness's base with extra_yaml merged in."""
    url = f"http://127.0.0.1:{port}"
    base: JsonObject = {
        "homeassistant": {"internal_url": url},
        "http": {},
        "logger": {"default": "warning", "logs": {"custom_components.tomatoes": "debug"}},
    }
    extra = yaml.safe_load(extra_yaml) if extra_yaml.strip() else {}
    if not isinstance(extra, Mapping):
        raise TypeError(f"extra_yaml must be a YAML mapping, got: {extra_yaml!r}")
    config = merge(base, extra)
    if not isinstance(config["http"], dict):
        config["http"] = {}
    config["http"].update({"server_host": "127.0.0.1", "server_port": port})
    return config


def prepare_config_dir(config_dir: Path, port: int, extra_yaml: str = "") -> None:
    """Write configuration.yaml and link the integration into custom_components."""
    config_dir.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(configuration(port, extra_yaml), sort_keys=False)
    (config_dir / "configuration.yaml").write_text(text, encoding="utf-8")
    custom = config_dir / "custom_components"
    custom.mkdir(exist_ok=True)
    link = custom / INTEGRATION.name
    if not link.is_symlink():
        link.symlink_to(INTEGRATION, target_is_directory=True)


class HomeAssistantProcess:
    """One Home Assistant instance: a config folder and, while running, its process."""

    def __init__(self, config_dir: Path, extra_yaml: str = "", *, skip_pip: bool = False) -> None:
        """Prepare the config folder (not started yet); the port stays across restarts."""
        self.hass_bin = require_binary("hass", HASS_BIN)
        self.config_dir = config_dir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.skip_pip = skip_pip
        self._process: subprocess.Popen[bytes] | None = None
        self._client: HomeAssistantClient | None = None
        self._output_offset = 0
        prepare_config_dir(config_dir, self.port, extra_yaml)

    @property
    def log_path(self) -> Path:
        """Return the path of home-assistant.log."""
        return self.config_dir / "home-assistant.log"

    @property
    def running(self) -> bool:
        """Tell whether the process is alive."""
        return self._process is not None and self._process.poll() is None

    @property
    def client(self) -> HomeAssistantClient:
        """Return the client of the running instance."""
        if self._client is None or not self.running:
            raise RuntimeError("Home Assistant is not running; call start() first")
        return self._client

    @property
    def output_path(self) -> Path:
        """Return the path of the console output (all runs, one after the other)."""
        return self.config_dir / "hass.out"

    def output(self) -> str:
        """Return the console output of the current (or last) run.

        It carries the same lines as home-assistant.log, including those logged before
        Home Assistant restarts its log (in recovery mode, for example).
        """
        if not self.output_path.is_file():
            return ""
        with self.output_path.open("rb") as output:
            output.seek(self._output_offset)
            return output.read().decode(errors="replace")

    def log_tail(self, lines: int = 80) -> str:
        """Return the last lines of this run's log."""
        text = self.output().strip()
        if not text and self.log_path.is_file():
            text = self.log_path.read_text(errors="replace").strip()
        return "\n".join(text.splitlines()[-lines:]) or "(nothing logged)"

    def logged_errors(self, limit: int = 20) -> list[str]:
        """Return the first ERROR and CRITICAL lines of this run's log."""
        marks = (" ERROR (", " CRITICAL (")
        return [line for line in self.output().splitlines() if any(m in line for m in marks)][
            :limit
        ]

    def start(self, timeout: float = STARTUP_TIMEOUT) -> HomeAssistantClient:
        """Start Home Assistant and wait until it runs; return a client with a token."""
        if self.running:
            raise RuntimeError("Home Assistant is already running")
        command = [str(self.hass_bin), "--config", str(self.config_dir), "--log-no-color"]
        if self.skip_pip:
            command.append("--skip-pip")
        self._output_offset = self.output_path.stat().st_size if self.output_path.exists() else 0
        with self.output_path.open("ab") as output:
            self._process = subprocess.Popen(  # noqa: S603 (our own venv's hass)
                command,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        try:
            self._client = self._wait_until_running(time.monotonic() + timeout)
        except BaseException:
            self.stop()
            raise
        return self._client

    def stop(self, timeout: float = STOP_TIMEOUT) -> int | None:
        """Stop Home Assistant (SIGTERM, wait, then SIGKILL); return its exit code."""
        process, self._process, self._client = self._process, None, None
        if process is None:
            return None
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        # Anything it started (a pip install, a helper binary) goes with it.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        return process.returncode

    def restart(self) -> HomeAssistantClient:
        """Stop and start again with the same config folder and port."""
        self.stop()
        return self.start()

    def finish_onboarding(self) -> None:
        """Do the onboarding steps that follow the owner, so browsers get dashboards.

        Until every step is done the frontend sends a browser to the onboarding pages.
        The core_config step starts the config flows of google_translate, met,
        radio_browser and shopping_list: make the instance with ``skip_pip=True`` so
        that nothing is installed (their set-up then fails on the missing packages and
        logs errors that say nothing about Tomatoes; nothing reaches the network).
        Steps already done (after a restart) are left as they are.
        """
        steps: list[tuple[str, JsonObject]] = [
            ("core_config", {}),
            ("analytics", {}),
            ("integration", {"client_id": self._client_id, "redirect_uri": self._client_id}),
        ]
        for step, body in steps:
            try:
                self.client.request("POST", f"/api/onboarding/{step}", body)
            except ApiError as err:
                if err.status != HTTPStatus.FORBIDDEN:  # that step is done already
                    raise

    def _fail(self, reason: str) -> HomeAssistantStartError:
        errors = "\n".join(self.logged_errors()) or "(none)"
        return HomeAssistantStartError(
            f"{reason}\n--- errors logged ---\n{errors}\n"
            f"--- tail of the log ({self.output_path}, as {self.log_path.name}) ---\n"
            f"{self.log_tail()}"
        )

    def _wait_until_running(self, deadline: float) -> HomeAssistantClient:
        """Wait for HTTP, get a token, then wait for the core state RUNNING."""
        status = self._poll(deadline, "the HTTP server to answer", self._providers)
        # 200: the owner exists, log in; 400 (onboarding_required): create the owner.
        token = self._login() if status == HTTPStatus.OK else self._onboard()
        client = HomeAssistantClient(self.url, token)
        self._poll(deadline, "the core state RUNNING", lambda: self._core_running(client))
        config = client.config()
        if config.get("recovery_mode") or config.get("safe_mode"):
            raise self._fail("Home Assistant started in recovery mode")
        self._confirm_http_settings(client)
        return client

    @staticmethod
    def _confirm_http_settings(client: HomeAssistantClient) -> None:
        """Keep the HTTP settings of configuration.yaml (127.0.0.1, our port) for good.

        From 2026.10 Home Assistant imports them once as a trial that, unless confirmed
        within five minutes, reverts to its stored settings (all interfaces, port 8123)
        and restarts. Earlier versions know no such command; on later starts nothing is
        pending any more (not_allowed).
        """
        try:
            client.websocket({"type": "http/config/promote"})
        except WebSocketError as err:
            if err.code not in {"unknown_command", "not_allowed"}:
                raise

    def _poll[T](self, deadline: float, what: str, probe: Callable[[], T | None]) -> T:
        """Call probe until it returns a value (not None); fail if HA exits or time runs out."""
        while True:
            if self._process is None or self._process.poll() is not None:
                code = None if self._process is None else self._process.returncode
                raise self._fail(f"Home Assistant exited (code {code}) while waiting for {what}")
            if RECOVERY_MODE_MARK in self.output():
                raise self._fail("Home Assistant fell back to recovery mode")
            if (value := probe()) is not None:
                return value
            if time.monotonic() >= deadline:
                raise self._fail(f"timed out waiting for {what}")
            time.sleep(POLL_INTERVAL)

    def _providers(self) -> int | None:
        """Ask /auth/providers (no token needed): 200 once an owner exists, else 400."""
        try:
            status, answer = http_request("GET", f"{self.url}/auth/providers")
        except OSError:  # not listening yet, or too busy to answer in time: ask again
            return None
        if status == HTTPStatus.OK:
            return status
        if isinstance(answer, dict) and answer.get("code") == "onboarding_required":
            return status
        return None

    @staticmethod
    def _core_running(client: HomeAssistantClient) -> bool | None:
        try:
            state = client.request("GET", "/api/core/state").get("state")
        except OSError:  # too busy to answer in time: ask again
            return None
        return True if state == "RUNNING" else None

    @property
    def _client_id(self) -> str:
        return f"{self.url}/"

    def _token(self, code: str) -> str:
        """Trade an authorization code for an access token."""
        token: str = self._tokens(code)["access_token"]
        return token

    def _tokens(self, code: str) -> JsonObject:
        """Trade an authorization code for tokens (access, refresh, expires_in)."""
        form = {"grant_type": "authorization_code", "code": code, "client_id": self._client_id}
        status, answer = http_request("POST", f"{self.url}/auth/token", form=form)
        if status != HTTPStatus.OK or not isinstance(answer, dict):
            raise self._fail(f"/auth/token refused the code: {status} {answer}")
        return answer

    def browser_tokens(self) -> JsonObject:
        """Log the owner in again and return the tokens as the frontend keeps them.

        The frontend stores this object in localStorage under ``hassTokens``; a browser
        page whose storage holds it opens logged in (tests/e2e/browser.py does that).
        """
        tokens = self._tokens(self._login_code())
        return {**tokens, "hassUrl": self.url, "clientId": self._client_id}

    def _onboard(self) -> str:
        """Create the owner through onboarding and return an access token."""
        status, answer = http_request(
            "POST",
            f"{self.url}/api/onboarding/users",
            json_body={
                "client_id": self._client_id,
                "name": OWNER_NAME,
                "username": OWNER_USERNAME,
                "password": OWNER_PASSWORD,
                "language": "en",
            },
        )
        if status != HTTPStatus.OK or not isinstance(answer, dict):
            raise self._fail(f"onboarding refused the owner: {status} {answer}")
        return self._token(answer["auth_code"])

    def _login(self) -> str:
        """Log the owner in through the login flow and return an access token."""
        return self._token(self._login_code())

    def _login_code(self) -> str:
        """Log the owner in through the login flow and return the authorization code."""
        status, flow = http_request(
            "POST",
            f"{self.url}/auth/login_flow",
            json_body={
                "client_id": self._client_id,
                "handler": ["homeassistant", None],
                "redirect_uri": self._client_id,
            },
        )
        if status != HTTPStatus.OK or not isinstance(flow, dict):
            raise self._fail(f"the login flow did not start: {status} {flow}")
        status, result = http_request(
            "POST",
            f"{self.url}/auth/login_flow/{flow['flow_id']}",
            json_body={
                "client_id": self._client_id,
                "username": OWNER_USERNAME,
                "password": OWNER_PASSWORD,
            },
        )
        if (
            status != HTTPStatus.OK
            or not isinstance(result, dict)
            or result.get("type") != "create_entry"
        ):
            raise self._fail(f"the login was refused: {status} {result}")
        code: str = result["result"]
        return code
