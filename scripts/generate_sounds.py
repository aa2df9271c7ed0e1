"""Build the bundled sounds: seamless ambient loops and transition chimes, as tagged FLAC.

Every loop is synthesised to be exactly periodic over its length (noise is made in the
frequency domain, tones and modulations use whole numbers of cycles per loop, and notes,
drops and crackles that run past the end wrap round to the start), so the last sample
flows into the first one and a player that repeats the file has no seam.

Besides noise and nature sounds there are two musical loops: slow pads that breathe
between two chords, and a soft chord progression of rolled piano-like chords over a bass.
FLAC is lossless, so no encoder padding or priming samples are added at either end.

Noise loops keep 12 bits of resolution (the low 4 bits are zero, which FLAC stores as
"wasted bits" for free): the quantisation noise sits about 54 dB under the sound itself,
where noise masks it, and it keeps every loop well under half a megabyte. The musical
loops keep 14 bits, where soft tones would let 12-bit quantisation noise be heard.

Loudness is measured the way ReplayGain 2.0 does (ITU-R BS.1770 K-weighting, applied
to the spectrum of the periodic signal), each file is scaled to the reference loudness
where its peak allows, and the resulting gain is written as a REPLAYGAIN_TRACK_GAIN tag.

Needs numpy and mutagen (both in the test requirements) and the `flac` encoder
(Debian package `flac`). Output is deterministic for a given seed and flac version.

    scripts/generate_sounds [--out DIR]
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
import shutil
import subprocess
import tempfile
from typing import TYPE_CHECKING
import wave

from mutagen.flac import FLAC
import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    from collections.abc import Callable

RATE = 22050
"""Sample rate of the bundled files: enough for ambient sound, and half the size of 44.1 kHz."""

LOOP_SECONDS = 16
REFERENCE_LUFS = -18.0
"""ReplayGain 2.0's reference loudness."""

PEAK_LIMIT = 10 ** (-1.0 / 20)
"""Highest sample allowed after scaling (-1 dBFS)."""

ARTIST = "Tomatoes"
ALBUM = "Tomatoes"
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "custom_components/tomatoes/sound/sounds"

type Signal = NDArray[np.float64]


def _frequencies(n: int) -> Signal:
    return np.fft.rfftfreq(n, 1 / RATE)


def periodic_noise(rng: np.random.Generator, n: int, shape: Callable[[Signal], Signal]) -> Signal:
    """Return noise of ``n`` samples that repeats without a seam, spectrum shaped by ``shape``."""
    freqs = _frequencies(n)
    spectrum = (rng.normal(size=freqs.size) + 1j * rng.normal(size=freqs.size)) * shape(freqs)
    spectrum[0] = 0
    signal = np.fft.irfft(spectrum, n)
    return signal / np.sqrt(np.mean(signal**2))


def band(low: float, high: float, slope: float) -> Callable[[Signal], Signal]:
    """Return an amplitude spectrum f^-slope between two soft corners (Hz)."""

    def shape(freqs: Signal) -> Signal:
        f = np.maximum(freqs, 1.0)
        highpass = (f / low) ** 4 / (1 + (f / low) ** 4)
        lowpass = 1 / (1 + (f / high) ** 4)
        return np.sqrt(highpass * lowpass) * f ** (-slope)

    return shape


def cycles(n: int, per_loop: int, phase: float = 0.0) -> Signal:
    """Return a cosine with a whole number of cycles per loop (so it is periodic too)."""
    t = np.arange(n) / n
    return np.cos(2 * np.pi * per_loop * t + phase)


def brown_noise(rng: np.random.Generator, n: int) -> Signal:
    """Deep, smooth noise: power falls 6 dB per octave."""
    return periodic_noise(rng, n, band(25, 6000, 1.0))


def pink_noise(rng: np.random.Generator, n: int) -> Signal:
    """Balanced noise: equal power per octave."""
    return periodic_noise(rng, n, band(30, 9000, 0.5))


def rain(rng: np.random.Generator, n: int) -> Signal:
    """Steady rain: bright hiss, a low patter, and thousands of small drops."""
    hiss = periodic_noise(rng, n, band(900, 9000, 0.3))
    patter = periodic_noise(rng, n, band(120, 2500, 0.7))
    drops = np.zeros(n)
    length = int(0.012 * RATE)
    decay = np.exp(-np.arange(length) / (0.0025 * RATE))
    for _ in range(LOOP_SECONDS * 140):
        start = int(rng.integers(n))
        burst = rng.normal(size=length) * decay * rng.uniform(0.2, 1.0)
        index = (start + np.arange(length)) % n  # drops near the end wrap to the start
        drops[index] += burst
    drops = np.fft.irfft(np.fft.rfft(drops) * band(1500, 8000, 0.0)(_frequencies(n)), n)
    drops /= np.sqrt(np.mean(drops**2))
    return 0.55 * hiss + 0.45 * patter + 0.35 * drops


def ocean(rng: np.random.Generator, n: int) -> Signal:
    """Waves on a beach: surf noise that swells and recedes, two waves per loop."""
    deep = periodic_noise(rng, n, band(30, 1200, 1.0))
    surf = periodic_noise(rng, n, band(300, 8000, 0.4))
    swell = 0.5 - 0.5 * cycles(n, 2)
    swell = swell**1.6 * (0.85 + 0.15 * cycles(n, 1, 1.0))
    return (0.35 + 0.65 * swell) * deep + (0.1 + 0.9 * swell**2) * surf


def drone(rng: np.random.Generator, n: int) -> Signal:
    """A soft low drone for deep focus: slowly beating partials of a low A."""
    t = np.arange(n) / RATE
    signal = np.zeros(n)
    # (frequency in Hz, level): every frequency is a whole number of cycles per loop.
    partials = ((55.0, 1.0), (110.0, 0.7), (110.05, 0.5), (165.0, 0.35), (220.1, 0.2))
    for frequency, level in partials:
        whole = round(frequency * LOOP_SECONDS) / LOOP_SECONDS
        signal += level * np.sin(2 * np.pi * whole * t + rng.uniform(0, 2 * np.pi))
    breath = 0.8 + 0.2 * cycles(n, 2)
    air = periodic_noise(rng, n, band(80, 700, 1.0))
    return signal * breath + 0.15 * air


def _whole(frequency: float) -> float:
    """Return the nearest frequency with a whole number of cycles per loop."""
    return round(frequency * LOOP_SECONDS) / LOOP_SECONDS


def _tone(n: int, frequency: float, harmonics: int, phase: float) -> Signal:
    """Return a soft periodic tone: ``harmonics`` partials falling 9 dB per octave."""
    t = np.arange(n) / RATE
    tone = np.zeros(n)
    for k in range(1, harmonics + 1):
        if (whole := _whole(frequency * k)) < RATE / 2:
            tone += k**-1.5 * np.sin(2 * np.pi * whole * t + phase * k)
    return tone


def _place(signal: Signal, sound: Signal, start: int) -> None:
    """Add ``sound`` into the loop from ``start`` on; what runs past the end wraps to the start."""
    index = (start + np.arange(sound.size)) % signal.size
    np.add.at(signal, index, sound)


def slow_pads(rng: np.random.Generator, n: int) -> Signal:
    """Warm pads that breathe between two chords (D major 9 and B minor 9), eight seconds each."""
    chords = ((73.42, 146.83, 220.0, 329.63, 369.99), (61.74, 123.47, 185.0, 293.66, 554.37))
    signal = np.zeros(n)
    for index, chord in enumerate(chords):
        weight = 0.5 + 0.5 * cycles(n, 1, np.pi * index)  # one crossfade each way per loop
        for note in chord:
            # Two voices a sixteenth of a hertz apart: one slow beat per loop.
            voices = sum(
                _tone(n, note + detune, 6, rng.uniform(0, 2 * np.pi)) for detune in (0, 1 / 16)
            )
            swell = 0.75 + 0.25 * cycles(n, int(rng.integers(1, 4)), rng.uniform(0, 2 * np.pi))
            signal += weight * swell * voices
    air = periodic_noise(rng, n, band(200, 3000, 1.0))
    return signal / np.sqrt(np.mean(signal**2)) + 0.05 * air


def _piano_note(frequency: float, seconds: float, rng: np.random.Generator) -> Signal:
    """Return one soft electric-piano-like note: a quick attack and a long decay."""
    t = np.arange(int(seconds * RATE)) / RATE
    note = np.zeros(t.size)
    for ratio, level, decay in ((1.0, 1.0, 2.2), (2.0, 0.25, 1.0), (3.0, 0.08, 0.5)):
        phase = rng.uniform(0, 2 * np.pi)
        note += level * np.sin(2 * np.pi * frequency * ratio * t + phase) * np.exp(-t / decay)
    attack = np.minimum(t / 0.02, 1.0)
    release = np.minimum((t[-1] - t) / 0.3, 1.0)  # silent by its end
    return note * attack * release


def soft_chords(rng: np.random.Generator, n: int) -> Signal:
    """A soft chord progression (C major 7, G6, A minor 7, F major 7), rolled, over a warm bass."""
    progression = (
        (65.41, (261.63, 329.63, 392.0, 493.88)),
        (98.0, (246.94, 293.66, 329.63, 392.0)),
        (110.0, (261.63, 329.63, 392.0, 440.0)),
        (87.31, (261.63, 349.23, 440.0, 659.25)),
    )
    signal = np.zeros(n)
    length = n // len(progression)
    for index, (bass, notes) in enumerate(progression):
        start = index * length
        _place(signal, 0.6 * _piano_note(bass, 6.0, rng), start)
        for offset, note in enumerate(notes):  # rolled upwards, 70 ms apart
            _place(signal, 0.35 * _piano_note(note, 5.0, rng), start + int(0.07 * RATE) * offset)
    return signal + 0.02 * periodic_noise(rng, n, band(150, 2500, 1.0))


def stream(rng: np.random.Generator, n: int) -> Signal:
    """A stream over stones: flowing water and many small rising bubbles."""
    flow = periodic_noise(rng, n, band(200, 5000, 0.6))
    flow *= 0.8 + 0.2 * cycles(n, 3, 0.5) * cycles(n, 5, 1.5)
    bubbles = np.zeros(n)
    for _ in range(LOOP_SECONDS * 45):
        seconds = rng.uniform(0.01, 0.04)
        t = np.arange(int(seconds * RATE)) / RATE
        base = rng.uniform(450, 1800)
        pitch = base * (1 + 2.5 * t / seconds)  # a bubble rises as it closes
        bubble = np.sin(2 * np.pi * np.cumsum(pitch) / RATE) * np.exp(-t / (seconds / 3))
        _place(bubbles, bubble * rng.uniform(0.2, 1.0), int(rng.integers(n)))
    bubbles /= np.sqrt(np.mean(bubbles**2))
    return 0.7 * flow + 0.45 * bubbles


def fireplace(rng: np.random.Generator, n: int) -> Signal:
    """A fire in the hearth: a low roar, a soft hiss, crackles and now and then a pop."""
    roar = periodic_noise(rng, n, band(30, 400, 1.0)) * (0.8 + 0.2 * cycles(n, 3, 0.3))
    hiss = periodic_noise(rng, n, band(2000, 9000, 0.2))
    crackles = np.zeros(n)
    for _ in range(LOOP_SECONDS * 22):
        length = int(rng.uniform(0.001, 0.006) * RATE)
        click = rng.normal(size=length) * np.exp(-np.arange(length) / (length / 4))
        level = rng.uniform(0.1, 1.0) ** 2
        start = int(rng.integers(n))
        for echo in range(int(rng.integers(1, 4))):  # crackles come in small clusters
            _place(crackles, click * level * 0.6**echo, start + int(rng.integers(80, 900)) * echo)
    crackles /= np.sqrt(np.mean(crackles**2))
    crackles = 3 * np.tanh(crackles / 3)  # rounds off the sharpest peaks, as a room does
    return 0.6 * roar + 0.08 * hiss + 0.3 * crackles


def wind(rng: np.random.Generator, n: int) -> Signal:
    """Wind round the house: bands of noise that rise and fall in slow gusts."""
    signal = np.zeros(n)
    for low, high, gusts in ((60, 400, 2), (250, 900, 3), (600, 1800, 5), (1500, 4000, 7)):
        gust = 0.5 + 0.5 * cycles(n, gusts, rng.uniform(0, 2 * np.pi))
        gust *= 0.6 + 0.4 * cycles(n, gusts + 1, rng.uniform(0, 2 * np.pi))
        signal += periodic_noise(rng, n, band(low, high, 0.8)) * (0.2 + gust**2)
    return signal


def chime(notes: tuple[float, ...]) -> Signal:
    """A soft bell arpeggio (not a loop): each note's partials fade out."""
    spacing = int(0.28 * RATE)
    length = spacing * (len(notes) - 1) + int(2.2 * RATE)
    signal = np.zeros(length)
    t = np.arange(int(2.2 * RATE)) / RATE
    for index, frequency in enumerate(notes):
        note = np.zeros(t.size)
        for ratio, level, decay in ((1.0, 1.0, 0.9), (2.0, 0.35, 0.5), (3.01, 0.12, 0.3)):
            note += level * np.sin(2 * np.pi * frequency * ratio * t) * np.exp(-t / decay)
        attack = np.minimum(t / 0.004, 1.0)
        start = index * spacing
        signal[start : start + t.size] += note * attack
    fade = np.ones(length)
    fade[-int(0.05 * RATE) :] = np.linspace(1, 0, int(0.05 * RATE))
    return signal * fade


def _k_weighting(freqs: Signal) -> Signal:
    """Return |H(f)|^2 of BS.1770's K-weighting (its two published 48 kHz biquads)."""
    z = np.exp(-2j * np.pi * freqs / 48000)
    shelf = (1.53512485958697 - 2.69169618940638 * z + 1.19839281085285 * z**2) / (
        1 - 1.69065929318241 * z + 0.73248077421585 * z**2
    )
    highpass = (1 - 2 * z + z**2) / (1 - 1.99004745483398 * z + 0.99007225036621 * z**2)
    return np.abs(shelf * highpass) ** 2


def loudness(signal: Signal) -> float:
    """Return the loudness in LUFS (K-weighted mean square, as ReplayGain 2.0 measures)."""
    spectrum = np.fft.rfft(signal)
    power = np.abs(spectrum) ** 2 * _k_weighting(_frequencies(signal.size))
    power[1:-1] *= 2  # one-sided spectrum
    mean_square = power.sum() / signal.size**2
    return -0.691 + 10 * np.log10(mean_square)


@dataclass(frozen=True)
class Sound:
    """One bundled file: its name, title and how it is made."""

    name: str
    title: str
    make: Callable[[np.random.Generator, int], Signal] | None
    notes: tuple[float, ...] = ()
    bits: int = 16

    @property
    def loop(self) -> bool:
        """Return whether the file is a seamless loop (chimes are not)."""
        return self.make is not None


LOOPS = (
    Sound("brown_noise", "Brown noise", brown_noise, bits=12),
    Sound("pink_noise", "Pink noise", pink_noise, bits=12),
    Sound("rain", "Rain", rain, bits=12),
    Sound("ocean", "Ocean", ocean, bits=12),
    Sound("deep_focus_drone", "Deep Focus drone", drone),
    # Added for focus modes; new loops go at the end so earlier ones keep their seeds.
    Sound("slow_pads", "Slow pads", slow_pads, bits=14),
    Sound("soft_chords", "Soft chords", soft_chords, bits=14),
    Sound("stream", "Stream", stream, bits=12),
    Sound("fireplace", "Fireplace", fireplace, bits=12),
    Sound("wind", "Wind", wind, bits=12),
)
CHIMES = (
    Sound("chime_focus", "Focus chime", None, (523.25, 659.25, 783.99)),
    Sound("chime_break", "Break chime", None, (783.99, 659.25, 523.25)),
)


def render(sound: Sound, seed: int) -> tuple[NDArray[np.int16], float]:
    """Return the 16-bit samples of a sound and its ReplayGain track gain in dB."""
    if sound.make is not None:
        signal = sound.make(np.random.default_rng(seed), RATE * LOOP_SECONDS)
    else:
        signal = chime(sound.notes)
    scale = 10 ** ((REFERENCE_LUFS - loudness(signal)) / 20)
    scale = min(scale, PEAK_LIMIT / np.max(np.abs(signal)))
    step = 2 ** (16 - sound.bits)
    samples = (np.round(signal * scale * 32767 / step) * step).clip(-32768, 32767)
    samples = samples.astype(np.int16)
    gain = REFERENCE_LUFS - loudness(samples.astype(np.float64) / 32767)
    return samples, gain


def write_flac(samples: NDArray[np.int16], target: Path, flac: str) -> None:
    """Encode mono 16-bit samples as FLAC with the `flac` tool."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "sound.wav"
        with wave.open(str(source), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(samples.tobytes())
        subprocess.run(  # noqa: S603 - fixed arguments, the path of the flac tool
            [flac, "--silent", "--force", "--best", "--no-padding", "-o", str(target), str(source)],
            check=True,
        )


def tag(target: Path, sound: Sound, gain: float, peak: float, frames: int) -> None:
    """Write the Vorbis comments: title, artist, album, loop marker and ReplayGain."""
    audio = FLAC(target)
    audio.clear()
    audio["TITLE"] = sound.title
    audio["ARTIST"] = ARTIST
    audio["ALBUM"] = ALBUM
    audio["COPYRIGHT"] = "Tomatoes project, MIT licence"
    audio["TOMATOES_LOOP"] = "1" if sound.loop else "0"
    if sound.loop:
        audio["LOOPSTART"] = "0"
        audio["LOOPLENGTH"] = str(frames)
    audio["REPLAYGAIN_TRACK_GAIN"] = f"{round(gain, 2) + 0.0:+.2f} dB"
    audio["REPLAYGAIN_TRACK_PEAK"] = f"{peak:.6f}"
    audio.save(deleteid3=True, padding=lambda _info: 0)


def seam_jump(samples: NDArray[np.int16]) -> float:
    """Return how the step from the last sample to the first compares to ordinary steps.

    1.0 means the seam looks like any other pair of neighbouring samples.
    """
    values = samples.astype(np.float64)
    steps = np.abs(np.diff(values))
    return float(abs(values[0] - values[-1]) / max(np.percentile(steps, 99.9), 1.0))


def main() -> None:
    """Render, encode and tag every bundled sound."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    flac = shutil.which("flac")
    if flac is None:
        raise SystemExit("the flac encoder is missing: apt-get install flac")
    for folder, sounds in ((args.out / "loops", LOOPS), (args.out / "chimes", CHIMES)):
        folder.mkdir(parents=True, exist_ok=True)
        for seed, sound in enumerate(sounds, start=1):
            samples, gain = render(sound, seed)
            target = folder / f"{sound.name}.flac"
            write_flac(samples, target, flac)
            peak = float(np.max(np.abs(samples.astype(np.float64)))) / 32767
            tag(target, sound, gain, peak, samples.size)
            size = target.stat().st_size
            seam = f"seam {seam_jump(samples):.2f}" if sound.loop else "not a loop"
            print(
                f"{target.name:24} {size / 1024:6.0f} KiB  gain {round(gain, 2) + 0.0:+.2f} dB  "
                f"peak {peak:.3f}  {seam}"
            )


if __name__ == "__main__":
    main()
