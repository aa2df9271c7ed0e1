"""`scripts/develop` as a newcomer runs it: from a clean copy of the repository, then onboarding.

``DevelopRun(workdir)`` copies what a fresh clone has (the files git knows, none of the
ignored state such as ``config/.storage``) into ``workdir/repo``, links the venv running the
tests as the copy's ``.venv`` (the venv ``scripts/setup`` made, so setup has nothing to do),
and starts ``scripts/develop`` there on a free port. Package installs are made to fail at
once (no index, no cache, offline), so a start that tries to install anything shows it in
its log ("Attempting install of ...") instead of changing the venv or waiting for a network.

    run = DevelopRun(tmp_path)
    run.start()
    seconds = run.wait_until_ready()   # HTTP 200 on the frontend and onboarding answering
    client = run.onboard()             # every onboarding step, as the frontend takes them
    run.installs(); run.stop()

Used by tests/e2e/test_develop.py and benchmarks/develop_start.py.
"""

from __future__ import annotations

import contextlib
import hashlib
from http import HTTPStatus
import os
from pathlib import Path
import shutil
import signal
import subprocess
import sys
import time
from typing import Any

from .client import HomeAssistantClient, JsonObject, http_request
from .harness import OWNER_NAME, OWNER_PASSWORD, OWNER_USERNAME, REPO, free_port

READY_TIMEOUT = 300.0
"""Generous: a start that installs packages took over 250 s; a good one takes seconds."""

SETTLE_TIMEOUT = 120.0
POLL_INTERVAL = 0.2
STOP_TIMEOUT = 30.0
INSTALL_MARK = "Attempting install of"

ONBOARDING_INTEGRATIONS = ("google_translate", "radio_browser", "shopping_list")
"""What Home Assistant's onboarding sets up once its location step is done (and met, the
weather, which makes no entry while the home is at Home Assistant's default location; its
flow starts with the others, so its package would be asked for meanwhile)."""


class DevelopError(RuntimeError):
    """scripts/develop did not come up, or onboarding failed; ends with the log's tail."""


def venv_is_set_up(venv: Path) -> bool:
    """Tell whether venv is what scripts/setup made for scripts/develop (same requirements)."""
    stamp = venv / ".tomatoes-stamp"
    requirements = REPO / "requirements"
    text = (requirements / "test.txt").read_bytes() + (requirements / "lint.txt").read_bytes()
    return stamp.is_file() and stamp.read_text().strip() == hashlib.sha256(text).hexdigest()


def clean_copy(target: Path) -> Path:
    """Copy the files git knows (tracked, or new and not ignored) of this repository."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],  # noqa: S607
        cwd=REPO,
        check=True,
        capture_output=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file() and not source.is_symlink():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


class DevelopRun:
    """One scripts/develop process in a clean copy of the repository."""

    def __init__(self, workdir: Path, venv: Path | None = None) -> None:
        """Make the clean copy (nothing is started yet); venv defaults to the running one."""
        self.repo = clean_copy(workdir / "repo")
        (self.repo / ".venv").symlink_to(venv or Path(sys.prefix), target_is_directory=True)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.output_path = workdir / "develop.out"
        self._process: subprocess.Popen[bytes] | None = None
        self._started = 0.0
        self._offset = 0
        self._client: HomeAssistantClient | None = None
        self.first_answer: float | None = None
        """Seconds from start to the first HTTP answer of any kind."""

    @property
    def client(self) -> HomeAssistantClient:
        """Return the owner's client (after onboard)."""
        if self._client is None:
            raise RuntimeError("no owner yet: call onboard() first")
        return self._client

    def start(self) -> None:
        """Start scripts/develop, as a person types it, with installs made to fail at once."""
        empty = self.output_path.parent / "no-packages"
        empty.mkdir(exist_ok=True)
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("UV_", "PIP_", "VIRTUAL_ENV"))
        }
        env |= {
            "TOMATOES_DEV_PORT": str(self.port),
            "UV_OFFLINE": "1",
            "UV_NO_INDEX": "1",
            "UV_NO_CACHE": "1",
            "PIP_NO_INDEX": "1",
            "PIP_FIND_LINKS": str(empty),
        }
        self._offset = self.output_path.stat().st_size if self.output_path.exists() else 0
        self.first_answer = None
        self._started = time.monotonic()
        with self.output_path.open("ab") as output:
            self._process = subprocess.Popen(  # noqa: S603 (the copy's own script)
                [str(self.repo / "scripts" / "develop"), "--log-no-color"],
                cwd=self.repo,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def output(self) -> str:
        """Return what this run printed (Home Assistant's log included)."""
        if not self.output_path.is_file():
            return ""
        with self.output_path.open("rb") as output:
            output.seek(self._offset)
            return output.read().decode(errors="replace")

    def installs(self) -> list[str]:
        """Return the log lines of packages Home Assistant tried to install."""
        return [line for line in self.output().splitlines() if INSTALL_MARK in line]

    def stop(self) -> None:
        """Stop Home Assistant (SIGTERM, wait, then SIGKILL) and whatever it started."""
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            # The whole group: scripts/develop's shell and Home Assistant under it.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)

    def fail(self, reason: str) -> DevelopError:
        """Return an error naming the reason, with the tail of the log."""
        tail = "\n".join(self.output().splitlines()[-60:]) or "(nothing printed)"
        return DevelopError(f"{reason}\n--- tail of {self.output_path} ---\n{tail}")

    def _poll[T](self, timeout: float, what: str, probe: Any) -> T:
        deadline = time.monotonic() + timeout
        while True:
            if self._process is None or self._process.poll() is not None:
                raise self.fail(f"scripts/develop exited while waiting for {what}")
            if (value := probe()) is not None:
                result: T = value
                return result
            if time.monotonic() >= deadline:
                raise self.fail(f"timed out after {timeout:.0f} s waiting for {what}")
            time.sleep(POLL_INTERVAL)

    def _get(self, path: str) -> tuple[int, Any] | None:
        try:
            return http_request("GET", f"{self.url}{path}", timeout=10)
        except OSError:
            return None

    def _ready(self, *, new: bool = True) -> bool | None:
        """Return True once the frontend answers 200 and, on a new instance, onboarding waits.

        new: onboarding must wait for an owner (once it is done, it no longer answers).
        """
        page = self._get("/")
        if self.first_answer is None and page is not None:
            self.first_answer = time.monotonic() - self._started
        if page is None or page[0] != HTTPStatus.OK:
            return None
        if not new:
            return True
        steps = self._get("/api/onboarding")
        if steps is None or steps[0] != HTTPStatus.OK:
            return None
        done = {step["step"]: step["done"] for step in steps[1]}
        if done.get("user") is not False:
            raise self.fail(f"onboarding does not wait for an owner: {steps[1]}")
        return True

    def wait_until_ready(self, timeout: float = READY_TIMEOUT, *, new: bool = True) -> float:
        """Wait for HTTP 200 on the frontend and onboarding; return the seconds since start."""
        self._poll(timeout, "the frontend and onboarding", lambda: self._ready(new=new))
        return time.monotonic() - self._started

    def wait_until_running(self, timeout: float = READY_TIMEOUT) -> float:
        """Wait for the core state RUNNING; return the seconds since start (needs onboard)."""

        def running() -> bool | None:
            state = self.client.request("GET", "/api/core/state").get("state")
            return True if state == "RUNNING" else None

        self._poll(timeout, "the core state RUNNING", running)
        return time.monotonic() - self._started

    def onboard(self, country: str = "NL") -> HomeAssistantClient:
        """Take every onboarding step as the frontend does; return a client of the owner."""
        client_id = f"{self.url}/"
        answer = self._post(
            "/api/onboarding/users",
            {
                "client_id": client_id,
                "name": OWNER_NAME,
                "username": OWNER_USERNAME,
                "password": OWNER_PASSWORD,
                "language": "en",
            },
        )
        token = self._token(answer["auth_code"], client_id)
        self._client = HomeAssistantClient(self.url, token)
        # The location step: the frontend saves what the person chose, then finishes the step.
        self.client.websocket({"type": "config/core/update", "country": country})
        self._post("/api/onboarding/core_config", {}, token)
        self._post("/api/onboarding/analytics", {}, token)
        self._post(
            "/api/onboarding/integration",
            {"client_id": client_id, "redirect_uri": client_id},
            token,
        )
        return self._client

    def wait_for_onboarding_integrations(self, timeout: float = SETTLE_TIMEOUT) -> None:
        """Wait until every integration onboarding sets up has its entry."""

        def settled() -> bool | None:
            entries: list[JsonObject] = self.client.request(
                "GET", "/api/config/config_entries/entry"
            )
            return True if {e["domain"] for e in entries} >= set(ONBOARDING_INTEGRATIONS) else None

        self._poll(timeout, f"the entries of {', '.join(ONBOARDING_INTEGRATIONS)}", settled)

    def _post(self, path: str, body: JsonObject, token: str | None = None) -> Any:
        status, answer = http_request("POST", f"{self.url}{path}", json_body=body, token=token)
        if status != HTTPStatus.OK:
            raise self.fail(f"{path} refused: {status} {answer}")
        return answer

    def _token(self, code: str, client_id: str) -> str:
        form = {"grant_type": "authorization_code", "code": code, "client_id": client_id}
        status, answer = http_request("POST", f"{self.url}/auth/token", form=form)
        if status != HTTPStatus.OK or not isinstance(answer, dict):
            raise self.fail(f"/auth/token refused the code: {status} {answer}")
        token: str = answer["access_token"]
        return token
