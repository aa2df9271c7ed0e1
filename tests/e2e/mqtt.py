"""A Mosquitto broker on 127.0.0.1 and MQTT "bulbs" that answer as real devices do.

`Mosquitto` runs the Debian package's broker with a config of its own (a free port,
127.0.0.1 only, anonymous clients, nothing persisted). `Bulb` is a JSON-schema MQTT
light as a device implements it: it listens on its command topic, applies what it
is told and publishes its new state (retained) on its state topic. `by_hand` is a
change made at the device (its button, its app): it reports a state nobody asked for.
"""

from __future__ import annotations

from collections.abc import Callable
import json
from pathlib import Path
import socket
import subprocess
import threading
import time
from typing import Any

from paho.mqtt import client as mqtt

from .harness import free_port

MOSQUITTO_PATHS = (Path("/usr/sbin/mosquitto"), Path("/usr/bin/mosquitto"))
START_TIMEOUT = 10.0


class Mosquitto:
    """A broker process listening on 127.0.0.1 only."""

    def __init__(self, binary: Path, folder: Path) -> None:
        """Write the broker's config into ``folder``; ``start`` runs it."""
        self.binary = binary
        self.port = free_port()
        self.config = folder / "mosquitto.conf"
        self.log = folder / "mosquitto.log"
        self.config.write_text(
            f"listener {self.port} 127.0.0.1\n"
            "allow_anonymous true\n"
            "persistence false\n"
            "log_dest stdout\n",
            encoding="utf-8",
        )
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start the broker and wait until it accepts connections."""
        with self.log.open("ab") as log:
            self._process = subprocess.Popen(  # noqa: S603 (the Debian package's broker)
                [str(self.binary), "-c", str(self.config)],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"mosquitto exited: {self.log.read_text(errors='replace')}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("mosquitto did not accept connections in time")

    def stop(self) -> None:
        """Stop the broker."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_until[T](probe: Callable[[], T | None], what: str, timeout: float = 15.0) -> T:
    """Poll ``probe`` until it returns something other than None or False."""
    deadline = time.monotonic() + timeout
    while True:
        if value := probe():
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


class Bulb:
    """One MQTT JSON-schema light device (brightness, optionally colour temperature)."""

    def __init__(self, name: str, port: int, **state: Any) -> None:
        """Connect to the broker, publish the first state, and answer commands."""
        self.name = name
        self.command_topic = f"e2e/{name}/set"
        self.state_topic = f"e2e/{name}/state"
        self.commands: list[dict[str, Any]] = []
        self.state: dict[str, Any] = {"state": "OFF", **state}
        self._lock = threading.Lock()
        self._client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION2, client_id=f"bulb-{name}")
        self._client.on_connect = self._on_connect
        self._client.on_message = self._on_message
        self._connected = threading.Event()
        self._client.connect("127.0.0.1", port)
        self._client.loop_start()
        if not self._connected.wait(START_TIMEOUT):
            raise RuntimeError(f"bulb {name} could not connect")
        self._publish()

    def _on_connect(self, client: mqtt.Client, *_args: Any) -> None:
        client.subscribe(self.command_topic)
        self._connected.set()

    def _on_message(self, _client: mqtt.Client, _userdata: Any, message: mqtt.MQTTMessage) -> None:
        command = json.loads(message.payload)
        with self._lock:
            self.commands.append(command)
            if command.get("state") == "OFF":
                self.state["state"] = "OFF"
            else:
                self.state["state"] = "ON"
                if "brightness" in command:
                    self.state["brightness"] = command["brightness"]
                if "color_temp" in command:
                    self.state["color_temp"] = command["color_temp"]
                    self.state["color_mode"] = "color_temp"
        self._publish()

    def _publish(self) -> None:
        with self._lock:
            payload = json.dumps(self.state)
        self._client.publish(self.state_topic, payload, retain=True).wait_for_publish(5)

    def by_hand(self, **state: Any) -> None:
        """Change the bulb at the device and report it, as a real bulb does."""
        with self._lock:
            self.state.update(state)
        self._publish()

    def brightness_commands(self) -> list[int]:
        """Return the brightness of every command received, in order."""
        with self._lock:
            return [command["brightness"] for command in self.commands if "brightness" in command]

    def received(self) -> list[dict[str, Any]]:
        """Return a copy of the commands received."""
        with self._lock:
            return list(self.commands)

    def close(self) -> None:
        """Disconnect."""
        self._client.loop_stop()
        self._client.disconnect()


def light_yaml(*bulbs: tuple[str, bool]) -> str:
    """Return the mqtt: YAML of JSON-schema lights (name, has colour temperature)."""
    lines = ["mqtt:", "  light:"]
    for name, color_temp in bulbs:
        modes = "[color_temp]" if color_temp else "[brightness]"
        lines += [
            f"    - name: {name.capitalize()}",
            f"      unique_id: e2e_{name}",
            "      schema: json",
            f"      command_topic: e2e/{name}/set",
            f"      state_topic: e2e/{name}/state",
            f"      supported_color_modes: {modes}",
            "      transition: true",
        ]
    return "\n".join(lines) + "\n"
