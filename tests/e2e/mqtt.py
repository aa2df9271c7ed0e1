"""A Mosquitto broker on 127.0.0.1 and MQTT "bulbs" that answer as real devices do.

`Mosquitto` runs the Debian package's broker with a config of its own (a free port,
127.0.0.1 only, anonymous clients, nothing persisted). `Bulb` is a JSON-schema MQTT
light as a device implements it: it listens on its command topic, applies what it
is told and publishes its new state (retained) on its state topic. `by_hand` is a
change made at the device (its button, its app): it reports a state nobody asked for.

paho-mqtt is imported when a bulb is made (``paho_client``), not with this module, so that
``-m "not e2e"`` collects without it.
"""

from __future__ import annotations

import json
from pathlib import Path
import socket
import subprocess
import threading
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .client import wait_until
from .harness import free_port, require_module

if TYPE_CHECKING:
    from paho.mqtt import client as mqtt

MOSQUITTO_PATHS = (Path("/usr/sbin/mosquitto"), Path("/usr/bin/mosquitto"))
# Starting the broker, connecting a bulb, a publish acknowledged (generous: a busy machine).
START_TIMEOUT = 60.0


def paho_client() -> ModuleType:
    """Return paho.mqtt.client; skip without paho-mqtt, or fail under TOMATOES_E2E=1."""
    return require_module("paho.mqtt.client", "paho-mqtt")


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
        wait_until(self._accepts, "mosquitto to accept connections", START_TIMEOUT)

    def _accepts(self) -> bool:
        """Tell whether the broker accepts a connection; raise if it exited."""
        if self._process is None or self._process.poll() is not None:
            raise RuntimeError(f"mosquitto exited: {self.log.read_text(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=5):
                return True
        except OSError:
            return False

    def stop(self) -> None:
        """Stop the broker."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


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
        paho = paho_client()
        self._client = paho.Client(paho.CallbackAPIVersion.VERSION2, client_id=f"bulb-{name}")
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
        # Sent by the network thread once this callback returns: waiting for it here (in
        # that thread) would hold every report back until the wait timed out.
        self._publish(wait=False)

    def _publish(self, *, wait: bool = True) -> None:
        with self._lock:
            payload = json.dumps(self.state)
        info = self._client.publish(self.state_topic, payload, retain=True)
        if wait:
            info.wait_for_publish(START_TIMEOUT)
            if not info.is_published():
                raise RuntimeError(f"bulb {self.name} could not publish its state")

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
