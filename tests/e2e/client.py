"""A small synchronous client of Home Assistant's REST and WebSocket APIs, for e2e tests.

Only plain HTTP to 127.0.0.1 is expected; proxies from the environment are ignored.
See harness.py for how a client is obtained.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http import HTTPStatus
import json
import time
from typing import Any
import urllib.error
import urllib.parse
import urllib.request

import aiohttp

# JSON as Home Assistant sends it: objects are dicts of anything JSON can hold.
type JsonObject = dict[str, Any]

DEFAULT_TIMEOUT = 30.0
FLOW_END_TYPES = frozenset({"create_entry", "abort"})

# Never route 127.0.0.1 through a proxy named in the environment.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class ApiError(Exception):
    """Home Assistant answered a request with an error status."""

    def __init__(self, method: str, url: str, status: int, body: str) -> None:
        """Keep the status and the body of the answer."""
        super().__init__(f"{method} {url} -> HTTP {status}: {body[:2000]}")
        self.status = status
        self.body = body


class WebSocketError(Exception):
    """A WebSocket command was answered with an error."""

    def __init__(self, error: JsonObject) -> None:
        """Keep the error object (code, message, translation_key where given)."""
        super().__init__(f"{error.get('code')}: {error.get('message')}")
        self.error = error
        self.code: str | None = error.get("code")
        self.translation_key: str | None = error.get("translation_key")


class FlowError(Exception):
    """A data entry flow did not go the way its steps expected."""

    def __init__(self, message: str, result: JsonObject) -> None:
        """Keep the last result of the flow."""
        super().__init__(f"{message}: {json.dumps(result, default=str)[:2000]}")
        self.result = result


class WaitTimeoutError(AssertionError):
    """A state did not reach what was expected in time."""


@dataclass(frozen=True, slots=True)
class State:
    """An entity's state as the REST API shows it."""

    entity_id: str
    state: str
    attributes: JsonObject
    last_changed: str
    last_updated: str

    @classmethod
    def from_json(cls, data: JsonObject) -> State:
        """Build a State from the REST API's JSON."""
        return cls(
            entity_id=data["entity_id"],
            state=data["state"],
            attributes=dict(data.get("attributes", {})),
            last_changed=data.get("last_changed", ""),
            last_updated=data.get("last_updated", ""),
        )


@dataclass(frozen=True, slots=True)
class ServiceResult:
    """What a service (action) call returned: the states it changed and its response."""

    changed_states: list[State]
    response: JsonObject | None


def http_request(
    method: str,
    url: str,
    *,
    json_body: object = None,
    form: Mapping[str, str] | None = None,
    token: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> tuple[int, Any]:
    """Send one HTTP request; return the status and the decoded JSON (or text) body.

    Error statuses are returned, not raised; a refused connection raises OSError.
    """
    headers = {"Accept": "application/json"}
    data: bytes | None = None
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif json_body is not None:
        data = json.dumps(json_body).encode()
        headers["Content-Type"] = "application/json"
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=data, headers=headers, method=method)  # noqa: S310 (always http://127.0.0.1)
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as err:
        status, raw = err.code, err.read()
    text = raw.decode(errors="replace")
    try:
        return status, json.loads(text) if text else None
    except ValueError:
        return status, text


class HomeAssistantClient:
    """Talks to one running Home Assistant with an access token (valid 30 minutes)."""

    def __init__(self, url: str, token: str, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        """Remember the base URL (http://127.0.0.1:PORT) and the access token."""
        self.url = url.rstrip("/")
        self.token = token
        self.timeout = timeout

    def request(self, method: str, path: str, body: object = None) -> Any:
        """Send a request to an API path with the token; return its JSON, raise ApiError."""
        url = f"{self.url}{path}"
        status, answer = http_request(
            method, url, json_body=body, token=self.token, timeout=self.timeout
        )
        if status >= HTTPStatus.MULTIPLE_CHOICES:
            raise ApiError(method, url, status, json.dumps(answer, default=str))
        return answer

    def config(self) -> JsonObject:
        """Return /api/config (state, version, recovery_mode, components, ...)."""
        config: JsonObject = self.request("GET", "/api/config")
        return config

    def call_service(
        self,
        domain: str,
        service: str,
        data: Mapping[str, object] | None = None,
        *,
        return_response: bool = False,
    ) -> ServiceResult:
        """Call an action and wait for it; targets (entity_id, device_id, ...) go in data.

        A validation error raises ApiError with status 400 and the translated message.
        """
        path = f"/api/services/{domain}/{service}"
        if return_response:
            path += "?return_response"
        answer = self.request("POST", path, dict(data or {}))
        if return_response:
            return ServiceResult(
                changed_states=[State.from_json(item) for item in answer["changed_states"]],
                response=answer["service_response"],
            )
        return ServiceResult(
            changed_states=[State.from_json(item) for item in answer], response=None
        )

    def state(self, entity_id: str) -> State | None:
        """Return an entity's state, or None when it does not exist."""
        try:
            return State.from_json(self.request("GET", f"/api/states/{entity_id}"))
        except ApiError as err:
            if err.status == HTTPStatus.NOT_FOUND:
                return None
            raise

    def states(self) -> list[State]:
        """Return the states of all entities."""
        return [State.from_json(item) for item in self.request("GET", "/api/states")]

    def wait_for_state(
        self,
        entity_id: str,
        expected: str | Callable[[State], bool],
        *,
        timeout: float = 10.0,
        interval: float = 0.1,
    ) -> State:
        """Poll until the entity's state equals `expected` (or the predicate holds).

        Raise WaitTimeoutError (an AssertionError) naming the last state seen.
        """
        check = (lambda state: state.state == expected) if isinstance(expected, str) else expected
        deadline = time.monotonic() + timeout
        while True:
            current = self.state(entity_id)
            if current is not None and check(current):
                return current
            if time.monotonic() >= deadline:
                seen = "missing" if current is None else f"{current.state!r} {current.attributes}"
                wanted = repr(expected) if isinstance(expected, str) else "the predicate"
                raise WaitTimeoutError(
                    f"{entity_id} did not become {wanted} within {timeout} s; last: {seen}"
                )
            time.sleep(interval)

    def config_entries(self, domain: str | None = None) -> list[JsonObject]:
        """List config entries (entry_id, domain, title, state, ...), of one domain if given."""
        query = f"?{urllib.parse.urlencode({'domain': domain})}" if domain else ""
        entries: list[JsonObject] = self.request("GET", f"/api/config/config_entries/entry{query}")
        return entries

    def config_flow(self, domain: str, *steps: Mapping[str, object]) -> JsonObject:
        """Start the domain's user config flow, submit each step in turn, return the last result.

        A step is the user input of the shown form, or {"next_step_id": name} to pick
        from a menu. A create_entry result carries the new entry under "result".
        """
        return self._run_flow(
            "/api/config/config_entries/flow",
            {"handler": domain, "show_advanced_options": False},
            steps,
        )

    def options_flow(self, entry_id: str, *steps: Mapping[str, object]) -> JsonObject:
        """Run an entry's options flow like config_flow and return its last result.

        A menu choice {"next_step_id": name} is skipped when the flow already shows that
        step (a menu of one entry is not shown), so tests keep working as menus grow.
        """
        return self._run_flow(
            "/api/config/config_entries/options/flow", {"handler": entry_id}, steps
        )

    def _run_flow(
        self, base: str, start: Mapping[str, object], steps: Sequence[Mapping[str, object]]
    ) -> JsonObject:
        result: JsonObject = self.request("POST", base, start)
        for step in steps:
            if result["type"] in FLOW_END_TYPES:
                raise FlowError(f"the flow ended before the step {dict(step)}", result)
            if result.get("errors"):
                raise FlowError(f"the form showed errors before the step {dict(step)}", result)
            choice = step.get("next_step_id")
            if choice is not None and result["type"] == "form" and result["step_id"] == choice:
                continue
            if result["type"] == "menu" and choice is None:
                raise FlowError(f"a menu was shown, not a form, for the step {dict(step)}", result)
            result = self.request("POST", f"{base}/{result['flow_id']}", dict(step))
        return result

    def websocket(self, command: Mapping[str, object]) -> Any:
        """Send one WebSocket command ({"type": ..., ...}); return its result.

        An error answer raises WebSocketError (with its code and translation_key).
        """
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="e2e-websocket") as pool:
            return pool.submit(asyncio.run, self._async_websocket(dict(command))).result()

    async def _async_websocket(self, command: JsonObject) -> Any:
        connector = aiohttp.TCPConnector(resolver=aiohttp.ThreadedResolver())
        async with (
            asyncio.timeout(self.timeout),
            aiohttp.ClientSession(connector=connector) as session,
            session.ws_connect(f"{self.url}/api/websocket") as socket,
        ):
            greeting = await socket.receive_json()
            if greeting.get("type") != "auth_required":
                raise WebSocketError({"code": "unexpected", "message": str(greeting)})
            await socket.send_json({"type": "auth", "access_token": self.token})
            answer = await socket.receive_json()
            if answer.get("type") != "auth_ok":
                raise WebSocketError({"code": "auth_failed", "message": str(answer)})
            await socket.send_json({**command, "id": 1})
            while True:
                message = await socket.receive_json()
                if message.get("id") == 1 and message.get("type") == "result":
                    break
            if not message.get("success"):
                raise WebSocketError(dict(message.get("error") or {}))
            return message.get("result")
