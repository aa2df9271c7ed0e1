"""Small tagged audio files of several formats, made on the spot for the library tests."""

from __future__ import annotations

from pathlib import Path
import shutil
import wave

from mutagen.flac import FLAC
from mutagen.id3 import ID3, TALB, TIT2, TPE1, TXXX
from mutagen.wave import WAVE

from custom_components.tomatoes.sound.library import SOUNDS_DIR

TEMPLATE_FLAC = SOUNDS_DIR / "chimes" / "chime_focus.flac"

# One MPEG-1 Layer III frame header: 128 kbit/s, 44.1 kHz, mono; 417 bytes per frame.
_MP3_HEADER = bytes([0xFF, 0xFB, 0x90, 0xC0])
_MP3_FRAME = _MP3_HEADER + bytes(417 - len(_MP3_HEADER))


def _id3(title: str | None, artist: str | None, album: str | None, extra: dict[str, str]) -> ID3:
    tags = ID3()
    if title:
        tags.add(TIT2(encoding=3, text=[title]))
    if artist:
        tags.add(TPE1(encoding=3, text=[artist]))
    if album:
        tags.add(TALB(encoding=3, text=[album]))
    for name, value in extra.items():
        tags.add(TXXX(encoding=3, desc=name, text=[value]))
    return tags


def write_flac(
    path: Path,
    title: str | None = None,
    artist: str | None = None,
    album: str | None = None,
    **extra: str,
) -> Path:
    """Write a real FLAC file (a copy of a bundled chime) with these Vorbis comments."""
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(TEMPLATE_FLAC, path)
    audio = FLAC(path)
    audio.clear()
    for name, value in (("title", title), ("artist", artist), ("album", album)):
        if value:
            audio[name] = value
    for name, value in extra.items():
        audio[name] = value
    audio.save()
    return path


def write_mp3(
    path: Path,
    title: str | None = None,
    artist: str | None = None,
    album: str | None = None,
    frames: int = 106,
    **extra: str,
) -> Path:
    """Write an MP3 of silent frames (about 2.77 s) with ID3 tags (TXXX for the extra ones)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_MP3_FRAME * frames)
    _id3(title, artist, album, extra).save(path)
    return path


def write_wav(
    path: Path,
    title: str | None = None,
    artist: str | None = None,
    album: str | None = None,
    seconds: float = 1.5,
    **extra: str,
) -> Path:
    """Write a silent 8 kHz WAV file with an ID3 chunk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(bytes(int(8000 * seconds) * 2))
    audio = WAVE(path)
    audio.add_tags()
    assert audio.tags is not None
    for frame in _id3(title, artist, album, extra).values():
        audio.tags.add(frame)
    audio.save()
    return path
