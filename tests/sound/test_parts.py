"""The pure parts of the sound: fades, sound references and tag flattening."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from mutagen.apev2 import APEv2
from mutagen.mp4 import MP4FreeForm, MP4Tags
import pytest

from custom_components.tomatoes.sound.fade import MAX_STEPS, Fade
from custom_components.tomatoes.sound.options import (
    SoundOptions,
    is_valid_reference,
    library_identifier,
)
from custom_components.tomatoes.sound.tags import _gain, _tag_values

T0 = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("seconds", "steps"), [(0, 0), (0.5, 1), (1, 1), (4, 4), (10, 10), (60, 10), (300, 10)]
)
def test_a_fade_has_a_bounded_number_of_steps(seconds: float, steps: int) -> None:
    fade = Fade.over(T0, seconds, 0.0, 1.0)
    assert fade.steps == steps
    assert fade.steps <= MAX_STEPS
    instants = []
    now = T0
    while (step := fade.next_step(now)) is not None:
        instants.append(step)
        now = step
    assert len(instants) == steps
    if steps:
        assert instants[-1] == fade.end  # the last step is the end instant itself


def test_a_fade_is_pinned_to_its_end() -> None:
    fade = Fade.over(T0, 60, 0.2, 1.0)
    assert fade.level_at(T0 - timedelta(seconds=5)) == 0.2
    assert fade.level_at(T0 + timedelta(seconds=30)) == pytest.approx(0.6)
    assert fade.level_at(T0 + timedelta(hours=1)) == 1.0
    # A step that runs late is followed by the next one still due, not by a stretched fade.
    assert fade.next_step(T0 + timedelta(seconds=13)) == T0 + timedelta(seconds=18)
    assert fade.next_step(T0 + timedelta(seconds=60)) is None
    assert Fade.from_dict(fade.as_dict()) == fade


@pytest.mark.parametrize(
    ("reference", "valid"),
    [
        ("media-source://tomatoes/bundled/rain.flac", True),
        ("media-source://tomatoes/folder_abc", True),
        ("media-source://radio_browser/abc", True),
        ("media-source://", False),
        ("https://radio.example/stream", True),
        ("HTTP://radio.example/stream", True),
        ("https://", False),
        ("https://radio.example/a stream", False),
        ("ftp://files.example/rain.mp3", False),
        ("rain.flac", False),
        ("", False),
    ],
)
def test_what_counts_as_a_sound(reference: str, valid: bool) -> None:
    assert is_valid_reference(reference) is valid


def test_library_identifiers_and_options() -> None:
    assert library_identifier("media-source://tomatoes/bundled/rain.flac") == "bundled/rain.flac"
    assert library_identifier("media-source://tomatoes/") is None
    assert library_identifier("https://example.com") is None
    options = SoundOptions.from_options({"sound_volume": 55, "sound_players": ["a", "b"]})
    assert options.volume == 0.55
    assert options.players == ("a", "b")
    assert options.on_break == "stop"


def test_mp4_tags_and_their_replaygain() -> None:
    tags = MP4Tags()
    tags["\xa9nam"] = ["Morning"]
    tags["\xa9ART"] = ["Birds"]
    tags["\xa9alb"] = ["Dawn"]
    tags["----:com.apple.iTunes:replaygain_track_gain"] = [MP4FreeForm(b"-4.10 dB")]
    tags["trkn"] = [(1, 2)]
    tags["covr"] = []
    values = _tag_values(tags)
    assert values["title"] == "Morning"
    assert values["artist"] == "Birds"
    assert values["album"] == "Dawn"
    assert _gain(values) == -4.1


def test_ape_tags_and_opus_gains() -> None:
    tags = APEv2()
    tags["Title"] = "Brook"
    tags["Artist"] = "Water"
    values = _tag_values(tags)
    assert (values["title"], values["artist"]) == ("Brook", "Water")
    assert _tag_values(None) == {}
    assert _tag_values(object()) == {}
    # R128 gains are Q7.8 numbers relative to -23 LUFS; ReplayGain's reference is 5 dB louder.
    assert _gain({"r128_track_gain": "-512"}) == 3.0
    assert _gain({"replaygain_track_gain": "loud"}) is None
    assert _gain({}) is None
