"""What a sound reference plays, and what a player is handed for it.

A reference to one library file plays that file; a library folder plays its files in a
shuffled order (seeded per block, so a restart keeps the order); anything else (a stream,
another integration's media source) is handed over as it is. Library files reach players
as absolute URLs signed for Home Assistant's read-only content user.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
import logging
import random

from homeassistant.core import HomeAssistant

from .library import CHIMES, SoundLibrary, Track
from .options import DEFAULT_SOUND, library_identifier
from .tracks import signed_url

_LOGGER = logging.getLogger(__name__)

URL_VALIDITY = timedelta(hours=24)
"""Signed URLs stay valid this long after the block's end (players fetch a loop again)."""


@dataclass(frozen=True, slots=True)
class Item:
    """One thing to play: a library track, or a reference Tomatoes cannot look into."""

    reference: str
    track: Track | None = None

    @property
    def gain(self) -> float | None:
        """Return the item's ReplayGain in dB (None for streams and files without one)."""
        return self.track.gain if self.track is not None else None


class Media:
    """Turns the sound references of one timer into items and what players are handed."""

    def __init__(self, hass: HomeAssistant, library: SoundLibrary, timer_name: str) -> None:
        """Use the instance's library on behalf of one timer."""
        self.hass = hass
        self.library = library
        self._timer_name = timer_name
        self._warned: set[str] = set()

    def items(self, reference: str, seed: int) -> list[Item]:
        """Return what a reference plays: one item, or a folder's files in shuffled order."""
        identifier = library_identifier(reference)
        if identifier is None:
            return [Item(reference)]
        tracks = self.library.playlist(identifier)
        if not tracks:
            if reference not in self._warned:
                self._warned.add(reference)
                _LOGGER.warning(
                    "%s: the sound %s is not in the library; playing %s instead",
                    self._timer_name,
                    reference,
                    DEFAULT_SOUND,
                )
            tracks = self.library.playlist(library_identifier(DEFAULT_SOUND) or "")
            if not tracks:
                return [Item(reference)]
        if len(tracks) > 1:
            random.Random(seed).shuffle(tracks)  # noqa: S311 - a shuffle, not a secret
        return [Item(track.media_id, track) for track in tracks]

    def chime(self, name: str) -> Item | None:
        """Return a chime of the library by file name, if it is there."""
        track = self.library.track(f"{CHIMES}/{name}")
        return Item(track.media_id, track) if track is not None else None

    def media_id(self, item: Item, valid_for: timedelta) -> str:
        """Return what a player gets: a signed URL of a library file, else the reference."""
        if item.track is None:
            return item.reference
        if (url := signed_url(self.hass, item.track, valid_for + URL_VALIDITY)) is None:
            # The player's integration resolves the media source id itself.
            return item.reference
        return url
