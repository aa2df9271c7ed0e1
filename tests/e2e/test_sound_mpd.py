"""Ambient sound end to end: a real MPD, added through Home Assistant's mpd integration.

Home Assistant runs as its own process (harness.py) and MPD (Debian package ``mpd``) as
another, with a null output and a software mixer, on 127.0.0.1. The test drives Home
Assistant only through its APIs and checks MPD only through MPD's own protocol: during
the block MPD plays a Tomatoes loop it fetched over HTTP from Home Assistant (it knows
the file's audio format and duration, so it decoded it) on repeat at the focus volume;
after the block MPD is stopped and has its volume and repeat mode back.

Every check waits for MPD's status to show the result, with a deadline; the block is
ended with ``tomatoes.skip`` once the loop has played a second round, so no step races
the block's end on a busy machine. python-mpd2 is imported by the fixture, not with
this module, so that ``-m "not e2e"`` collects without it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
import contextlib
from pathlib import Path
import subprocess
import time
from typing import TYPE_CHECKING, Any

import pytest

from .client import wait_until
from .harness import HomeAssistantFactory, free_port, require_binary, require_module

if TYPE_CHECKING:
    from mpd import MPDClient

pytestmark = pytest.mark.e2e

MPD_VOLUME_BEFORE = 70
FOCUS_VOLUME = 40
# Longer than the test can take: the block ends with tomatoes.skip, never by the clock.
FOCUS_MINUTES = 30
LOOP_SECONDS = 16.0  # the bundled loops' length
LOOP_PATH = "/api/tomatoes/sound/bundled/brown_noise.flac?authSig="
# MPD starting, or reaching a state after an action (generous: a busy machine).
START_TIMEOUT = 60.0
STATUS_TIMEOUT = 30.0


class Mpd:
    """An MPD daemon of the test's own: config, process and a way to ask it things."""

    def __init__(self, folder: Path, binary: Path) -> None:
        """Write the configuration (nothing runs yet)."""
        self.folder = folder
        self.port = free_port()
        (folder / "music").mkdir(parents=True)
        self.config = folder / "mpd.conf"
        self.config.write_text(
            "\n".join(
                [
                    f'music_directory "{folder / "music"}"',
                    f'db_file "{folder / "database"}"',
                    f'state_file "{folder / "state"}"',
                    f'log_file "{folder / "mpd.log"}"',
                    'bind_to_address "127.0.0.1"',
                    f'port "{self.port}"',
                    'zeroconf_enabled "no"',
                    "audio_output {",
                    '    type "null"',
                    '    name "Silent"',
                    '    mixer_type "software"',
                    "}",
                    "",
                ]
            )
        )
        self.binary = binary
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        """Start MPD in the foreground of its own process and wait until it answers."""
        self.process = subprocess.Popen(  # noqa: S603 (the mpd binary, our own config)
            [str(self.binary), "--no-daemon", str(self.config)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(self._answers, f"MPD to answer; log: {self.log()}", START_TIMEOUT)

    def _answers(self) -> bool:
        """Tell whether MPD answers; raise if it exited."""
        if self.process is None or self.process.poll() is not None:
            raise RuntimeError(f"MPD exited: {self.log()}")
        try:
            self.status()
        except OSError:
            return False
        return True

    def stop(self) -> None:
        """Stop MPD (the process this fixture started)."""
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    @contextlib.contextmanager
    def connection(self) -> Iterator[MPDClient]:
        """Connect with python-mpd2 (the client Home Assistant's integration uses)."""
        client: MPDClient = require_module("mpd", "python-mpd2").MPDClient()
        client.timeout = STATUS_TIMEOUT
        client.connect("127.0.0.1", self.port)
        try:
            yield client
        finally:
            with contextlib.suppress(Exception):
                client.close()
            client.disconnect()

    def status(self) -> dict[str, str]:
        """Return MPD's status (state, volume, repeat, single, audio, duration, ...)."""
        with self.connection() as client:
            status: dict[str, str] = client.status()
            return status

    def current_file(self) -> str | None:
        """Return the file (here: the URL) MPD plays."""
        with self.connection() as client:
            song: dict[str, Any] = client.currentsong()
            return song.get("file")

    def wait_for(
        self, check: Callable[[dict[str, str]], bool], what: str, timeout: float = STATUS_TIMEOUT
    ) -> dict[str, str]:
        """Poll MPD's status until check passes; fail with the last status otherwise."""
        deadline = time.monotonic() + timeout
        while True:
            status = self.status()
            if check(status):
                return status
            if time.monotonic() > deadline:
                pytest.fail(f"MPD never {what}; last status {status}; log: {self.log()}")
            time.sleep(0.2)

    def log(self) -> str:
        """Return the end of MPD's log."""
        path = self.folder / "mpd.log"
        return path.read_text(errors="replace")[-2000:] if path.is_file() else "(no log)"


@pytest.fixture
def mpd_daemon(tmp_path_factory: pytest.TempPathFactory, socket_enabled: None) -> Iterator[Mpd]:
    """Run an MPD of the test's own on 127.0.0.1 (skipped without mpd, failing in CI)."""
    require_module("mpd", "python-mpd2")  # skip (or fail in CI) before starting anything
    daemon = Mpd(tmp_path_factory.mktemp("mpd"), require_binary("mpd"))
    daemon.start()
    try:
        yield daemon
    finally:
        daemon.stop()


def test_focus_plays_a_tomatoes_loop_on_mpd_and_gives_it_back(
    home_assistant: HomeAssistantFactory, mpd_daemon: Mpd
) -> None:
    with mpd_daemon.connection() as mpd:
        mpd.setvol(MPD_VOLUME_BEFORE)
        mpd.repeat(0)
        mpd.single(0)

    ha = home_assistant()
    client = ha.client
    result = client.config_flow("mpd", {"host": "127.0.0.1", "port": mpd_daemon.port})
    assert result["type"] == "create_entry", result
    (player,) = wait_until(
        lambda: [
            state.entity_id
            for state in client.states()
            if state.entity_id.startswith("media_player.")
        ],
        "the MPD player entity",
    )
    # A stopped MPD is "off": its state shows no volume; Tomatoes asks the entity for it.
    client.wait_for_state(player, "off")

    result = client.config_flow(
        "tomatoes",
        {
            "name": "Study",
            "focus_minutes": 25,
            "short_break_minutes": 5,
            "long_break_minutes": 15,
            "long_break_every": 4,
            "auto_start_breaks": False,
            "auto_start_focus": False,
        },
    )
    assert result["type"] == "create_entry", result
    entry_id = result["result"]["entry_id"]
    result = client.options_flow(
        entry_id,
        {"next_step_id": "sound"},
        {
            "sound_players": [player],
            "sound_source": "media-source://tomatoes/bundled/brown_noise.flac",
            "sound_volume": FOCUS_VOLUME,
            "sound_fade_in": 2,
            "sound_fade_out": 2,
            "sound_on_break": "stop",
            "sound_break_source": "media-source://tomatoes/bundled/ocean.flac",
            "sound_take_over": False,
            "sound_chimes": False,
            "sound_folders": [],
        },
    )
    assert result["type"] == "create_entry", result
    client.wait_for_state("number.study_sound_volume", lambda state: state.state == "40")

    client.call_service("tomatoes", "start", {"duration": {"minutes": FOCUS_MINUTES}})

    # MPD plays our loop, fetched from Home Assistant's HTTP server, on repeat. Tomatoes
    # sets repeat after play starts: wait for all of it (finding: a check of repeat right
    # after play started failed on a busy machine).
    playing = mpd_daemon.wait_for(
        lambda status: (
            status.get("state") == "play"
            and "audio" in status
            and "duration" in status
            and (status.get("repeat"), status.get("single")) == ("1", "1")
        ),
        "played the loop on repeat",
    )
    url = mpd_daemon.current_file()
    assert url is not None
    assert url.startswith(f"{ha.url}{LOOP_PATH}")
    assert playing["audio"] == "22050:16:1"  # the loop's format: MPD decoded our file
    assert float(playing["duration"]) == pytest.approx(LOOP_SECONDS, abs=0.1)
    # The fade in ends at the focus volume.
    mpd_daemon.wait_for(
        lambda status: status.get("volume") == str(FOCUS_VOLUME), "reached the focus volume"
    )
    # The same song (not started again) wraps around: the loop plays a second round.
    song, position = playing["songid"], [float(playing.get("elapsed", "0"))]

    def second_round(status: dict[str, str]) -> bool:
        if status.get("state") != "play" or status.get("songid") != song:
            return False
        elapsed = float(status.get("elapsed", "0"))
        wrapped = elapsed < position[0]
        position[0] = elapsed
        return wrapped

    mpd_daemon.wait_for(
        second_round, "played the loop a second time", timeout=LOOP_SECONDS + STATUS_TIMEOUT
    )

    # The block ends (the break stops the sound): MPD is stopped and has the volume and
    # repeat mode it had before.
    client.call_service("tomatoes", "skip")
    client.wait_for_state("sensor.study_phase", "short_break")
    mpd_daemon.wait_for(
        lambda status: (
            status.get("state") == "stop"
            and status.get("volume") == str(MPD_VOLUME_BEFORE)
            and (status.get("repeat"), status.get("single")) == ("0", "0")
        ),
        "was given back",
    )
    ours = [line for line in ha.logged_errors() if "tomatoes" in line or "[mpd" in line]
    assert not ours
    assert "cannot be used" not in ha.output()  # no player was reported as failing
