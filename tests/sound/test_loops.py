"""The bundled loops as a player hears them: seamless when repeated, equally loud after ReplayGain.

The files are decoded (libsndfile, through soundfile) and measured here with an
implementation of ITU-R BS.1770 of our own (libebur128's K-weighting for the file's sample
rate, 400 ms blocks with 75 % overlap, the absolute and relative gates of ReplayGain 2.0),
independent of how scripts/generate_sounds.py measured them when it made them.
"""

from __future__ import annotations

import math
from pathlib import Path

from mutagen.flac import FLAC
import numpy as np
from numpy.typing import NDArray
import pytest
import soundfile

from custom_components.tomatoes.sound.library import SOUNDS_DIR

LOOPS = sorted((SOUNDS_DIR / "loops").glob("*.flac"))
REFERENCE_LUFS = -18.0

type Samples = NDArray[np.float64]


def _biquad(b: tuple[float, ...], a: tuple[float, ...], w: Samples) -> NDArray[np.complex128]:
    z = np.exp(-1j * w)
    return (b[0] + b[1] * z + b[2] * z * z) / (a[0] + a[1] * z + a[2] * z * z)


def _k_weighting(rate: int, size: int) -> NDArray[np.complex128]:
    """Return the K-weighting filter's response for an rfft of ``size`` samples at ``rate``."""
    w = 2 * np.pi * np.fft.rfftfreq(size, 1 / rate) / rate
    f0, gain, q = 1681.974450955533, 3.999843853973347, 0.7071752369554196
    k = math.tan(math.pi * f0 / rate)
    vh = 10 ** (gain / 20)
    vb = vh**0.4996667741545416
    a0 = 1 + k / q + k * k
    shelf = _biquad(
        ((vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0),
        (1.0, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0),
        w,
    )
    f0, q = 38.13547087602444, 0.5003270373238773
    k = math.tan(math.pi * f0 / rate)
    a0 = 1 + k / q + k * k
    highpass = _biquad((1.0, -2.0, 1.0), (1.0, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0), w)
    return shelf * highpass


def gated_loudness(samples: Samples, rate: int) -> float:
    """Return the integrated loudness (LUFS) of a loop as it sounds when played on repeat."""
    # Filtering the periodic signal in the frequency domain gives the steady state of a
    # loop that repeats, which is what a player that repeats the file plays.
    weighted = np.fft.irfft(np.fft.rfft(samples) * _k_weighting(rate, samples.size), samples.size)
    block, hop = int(0.4 * rate), int(0.1 * rate)
    squares = np.concatenate([weighted, weighted[:block]]) ** 2
    sums = np.concatenate([[0.0], np.cumsum(squares)])
    starts = np.arange(0, samples.size, hop)
    powers = (sums[starts + block] - sums[starts]) / block
    powers = powers[-0.691 + 10 * np.log10(powers) > -70]
    relative_gate = -0.691 + 10 * np.log10(powers.mean()) - 10
    powers = powers[-0.691 + 10 * np.log10(powers) > relative_gate]
    return float(-0.691 + 10 * np.log10(powers.mean()))


def seam_prediction_error(values: Samples, order: int = 32, window: int = 32) -> float:
    """Return how badly the loop's start is predicted from its end, relative to the worst inside.

    A linear predictor of ``order`` samples is fitted inside the file; the error energy of
    the ``window`` samples after the seam (predicted from the file's last samples) is divided
    by the largest error energy of any ``window`` samples inside the file. At most 1.0: the
    seam is no harder to predict than the file itself.
    """
    history = np.lib.stride_tricks.sliding_window_view(values[:-1], order)[:20000]
    coefficients = np.linalg.lstsq(history, values[order : order + history.shape[0]])[0]
    looped = np.concatenate([values[-order:], values, values[:window]])
    errors = (
        looped[order:] - np.lib.stride_tricks.sliding_window_view(looped[:-1], order) @ coefficients
    ) ** 2
    sums = np.concatenate([[0.0], np.cumsum(errors)])
    energies = sums[window:] - sums[:-window]  # error energy of the window starting at each sample
    inside = energies[order + 1 : values.size - window]  # windows predicted from the file alone
    floor = 1e-6 * window * float(np.mean(values**2))  # a perfectly predictable file
    return float(energies[0] / max(inside.max(), floor))


def _decode(path: Path) -> tuple[NDArray[np.int16], int]:
    samples, rate = soundfile.read(path, dtype="int16")
    return samples, rate


def _gain(path: Path) -> float:
    return float(FLAC(path)["REPLAYGAIN_TRACK_GAIN"][0].split()[0])


def test_at_least_ten_loops_ship_and_each_is_small() -> None:
    assert len(LOOPS) >= 10
    assert all(path.stat().st_size < 512 * 1024 for path in LOOPS)


@pytest.mark.parametrize("path", LOOPS, ids=[path.stem for path in LOOPS])
def test_each_loop_joins_without_a_step(path: Path) -> None:
    samples, rate = _decode(path)
    tags = FLAC(path)
    assert tags["TOMATOES_LOOP"] == ["1"]
    assert tags["LOOPSTART"] == ["0"]
    assert tags["LOOPLENGTH"] == [str(samples.size)]  # no padding at either end
    assert samples.size == 16 * rate
    values = samples.astype(np.float64)
    # Played on repeat, the last sample is followed by the first: that step (and the bend
    # it makes) is no larger than the largest between any two neighbours inside the file.
    steps = np.abs(np.diff(values))
    assert abs(values[0] - values[-1]) <= steps.max()
    bends = np.abs(np.diff(values, 2))
    assert abs(values[1] - 2 * values[0] + values[-1]) <= bends.max()
    assert abs(values[0] - 2 * values[-1] + values[-2]) <= bends.max()
    # The first samples follow from the last ones as well as any samples inside the file
    # follow from theirs (a click in a tone or a drone would not).
    assert seam_prediction_error(values) <= 1.0
    # And the loop does not fade to silence to hide a seam.
    edge = int(0.25 * rate)
    whole = np.sqrt(np.mean(values**2))
    assert np.sqrt(np.mean(values[:edge] ** 2)) > 0.2 * whole
    assert np.sqrt(np.mean(values[-edge:] ** 2)) > 0.2 * whole


def test_loops_are_equally_loud_after_replaygain() -> None:
    corrected: dict[str, float] = {}
    for path in LOOPS:
        samples, rate = _decode(path)
        loudness = gated_loudness(samples.astype(np.float64) / 32768, rate)
        corrected[path.stem] = loudness + _gain(path)
    assert max(corrected.values()) - min(corrected.values()) <= 1.0, corrected
    assert all(abs(value - REFERENCE_LUFS) <= 1.0 for value in corrected.values()), corrected


def test_gains_leave_headroom_for_the_focus_volume() -> None:
    # A loop that needed a large positive gain would be capped at full volume by the player
    # and sound quieter than the others; every loop is levelled within 2 dB of the reference.
    assert all(abs(_gain(path)) <= 2.0 for path in LOOPS)


def test_the_seam_checks_catch_a_loop_cut_short() -> None:
    rate = 22050
    t = np.arange(16 * rate) / rate
    tone = 8000 * np.sin(2 * np.pi * 220 * t)  # a whole number of cycles: seamless
    assert seam_prediction_error(tone) <= 1.0
    cut = tone[: -rate // 300]  # a few milliseconds short: the wave jumps at the seam
    assert seam_prediction_error(cut) > 1.0


def test_the_measure_tells_a_quiet_loop_from_a_loud_one() -> None:
    rate = 22050
    t = np.arange(16 * rate) / rate
    tone = 0.1 * np.sin(2 * np.pi * 1000 * t)
    # A 1 kHz sine at -20 dBFS peak reads about -23 LUFS (-20 dB, -3 dB for a sine's RMS,
    # K-weighting adds about 0.7 dB at 1 kHz, minus the 0.691 offset).
    assert gated_loudness(tone, rate) == pytest.approx(-23.0, abs=0.2)
    assert gated_loudness(tone / 2, rate) == pytest.approx(gated_loudness(tone, rate) - 6.02, 0.01)
