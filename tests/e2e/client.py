"""A small synchronous client of Home Assistant's REST and WebSocket APIs, for e2e tests.

Only plain HTTP to 127.0.0.1 is expected; proxies from the environment are ignored.
See harness.py for how a client is obtained.

Nothing here assumes how fast the machine is: a test waits for a condition with a deadline
(``wait_until``, ``wait_for_state``, ``StateRecorder.wait_for``), and the deadlines are
generous because CI runs on a busy 2-core machine; a passing test never waits them out.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
import contextlib
from dataclasses import dataclass
from http import HTTPStatus
import json
import threading
import time
from typing import Any
import urllib.error
import urllib.parse
import urllib.request

import aiohttp

# JSON as Home Assistant sends it: objects are dicts of anything JSON can hold.
type JsonObject = dict[str, Any]

# One HTTP request or WebSocket command (Home Assistant may answer slowly while busy).
DEFAULT_TIMEOUT = 60.0
# Waiting for a state or another condition that follows an action.
STATE_TIMEOUT = 30.0
POLL_INTERVAL = 0.1
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


def wait_until[T](probe: Callable[[], T | None], what: str, timeout: float = STATE_TIMEOUT) -> T:
    """Poll ``probe`` until it returns something truthy; return it.

    Raise WaitTimeoutError naming ``what`` when the deadline passes first.
    """
    deadline = time.monotonic() + timeout
    while True:
        if value := probe():
            return value
        if time.monotonic() >= deadline:
            raise WaitTimeoutError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(POLL_INTERVAL)


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
        timeout: float = STATE_TIMEOUT,
        interval: float = POLL_INTERVAL,
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

    @contextlib.contextmanager
    def record_states(self, *entity_ids: str) -> Iterator[StateRecorder]:
        """Record every state the entities take while the block runs (see StateRecorder)."""
        recorder = StateRecorder(self, entity_ids)
        recorder.start()
        try:
            yield recorder
        finally:
            recorder.stop()

    async def _async_websocket(self, command: JsonObject) -> Any:
        async with (
            asyncio.timeout(self.timeout),
            _websocket_session() as session,
            session.ws_connect(f"{self.url}/api/websocket") as socket,
        ):
            return await self._async_command(socket, command)

    async def _async_command(
        self, socket: aiohttp.ClientWebSocketResponse, command: JsonObject
    ) -> Any:
        """Authenticate on a fresh WebSocket and send one command (id 1); return its result."""
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


def _websocket_session() -> aiohttp.ClientSession:
    """Return a session that resolves 127.0.0.1 without aiodns."""
    return aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(resolver=aiohttp.ThreadedResolver())
    )


class StateRecorder:
    """Every state some entities take, in order, from a WebSocket subscription.

    A phase that lasts a few seconds can end before a poll sees it on a busy machine;
    the subscription sees every change however slowly the test runs. Made by
    ``HomeAssistantClient.record_states(*entity_ids)``, which subscribes before it
    returns, so nothing that happens inside the ``with`` block is missed.
    """

    def __init__(self, client: HomeAssistantClient, entity_ids: Sequence[str]) -> None:
        """Remember what to record; ``start`` subscribes."""
        self._client = client
        self._entity_ids = frozenset(entity_ids)
        self._states: dict[str, list[str]] = {entity_id: [] for entity_id in entity_ids}
        self._lock = threading.Lock()
        self._subscribed = threading.Event()
        self._error: BaseException | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._socket: aiohttp.ClientWebSocketResponse | None = None
        self._thread = threading.Thread(target=self._run, name="e2e-states", daemon=True)

    def start(self) -> None:
        """Subscribe to state changes and wait until Home Assistant confirmed it."""
        self._thread.start()
        if not self._subscribed.wait(self._client.timeout) or self._error is not None:
            self.stop()
            raise WebSocketError(
                {"code": "subscribe_failed", "message": repr(self._error or "no answer")}
            )

    def stop(self) -> None:
        """Close the subscription."""
        loop, socket = self._loop, self._socket
        if loop is not None and socket is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop ended meanwhile
                asyncio.run_coroutine_threadsafe(socket.close(), loop)
        self._thread.join(self._client.timeout)

    def states(self, entity_id: str) -> list[str]:
        """Return the states the entity took so far (repeats of one state counted once)."""
        with self._lock:
            return list(self._states[entity_id])

    def wait_for(
        self, entity_id: str, expected: Sequence[str], timeout: float = STATE_TIMEOUT
    ) -> None:
        """Wait until the entity has taken exactly the states ``expected``, in order.

        Fail at once when it took a state that does not fit, and when the deadline passes.
        """
        wanted = list(expected)
        deadline = time.monotonic() + timeout
        while True:
            if self._error is not None:
                raise AssertionError(f"the state subscription failed: {self._error!r}")
            seen = self.states(entity_id)
            if seen == wanted:
                return
            if seen != wanted[: len(seen)]:
                raise AssertionError(f"{entity_id} took {seen}, expected {wanted}")
            if time.monotonic() >= deadline:
                raise WaitTimeoutError(
                    f"{entity_id} took {seen} within {timeout} s, expected {wanted}"
                )
            time.sleep(POLL_INTERVAL)

    def _run(self) -> None:
        try:
            asyncio.run(self._record())
        except BaseException as err:  # noqa: BLE001 (reported to the waiting test)
            self._error = err
            self._subscribed.set()

    async def _record(self) -> None:
        self._loop = asyncio.get_running_loop()
        command = {"type": "subscribe_events", "event_type": "state_changed"}
        async with (
            _websocket_session() as session,
            session.ws_connect(f"{self._client.url}/api/websocket") as socket,
        ):
            self._socket = socket
            async with asyncio.timeout(self._client.timeout):
                await self._client._async_command(socket, command)
            self._subscribed.set()
            async for message in socket:
                if message.type is not aiohttp.WSMsgType.TEXT:
                    break
                self._add(json.loads(message.data))

    def _add(self, message: JsonObject) -> None:
        data = (message.get("event") or {}).get("data") or {}
        entity_id, new_state = data.get("entity_id"), data.get("new_state")
        if entity_id not in self._entity_ids or not new_state:
            return
        with self._lock:
            states = self._states[entity_id]
            if not states or states[-1] != new_state["state"]:
                states.append(new_state["state"])
