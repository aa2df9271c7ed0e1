"""The HTTP view that serves library files to media players, and nothing else.

Paths look like ``/api/tomatoes/sound/<source>/<name>``, where the name is a track's
URL name (its relative path, or ``~<digest>.<ext>`` for any other name; see tracks.py).
The view requires authentication, which media players get from a signed URL
(``authSig``, checked by Home Assistant's auth middleware: path, expiry and signature).
A file is served only when the library lists a track under that exact URL name and,
checked on disk again, it still lies inside its source's folder; nothing in the request
is ever used as a path. Anything else is a 404 without a byte of any file. Range
requests (seeking, resuming) are answered by aiohttp's FileResponse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiohttp import hdrs, web
from homeassistant.helpers.http import HomeAssistantView

from .tracks import URL_PREFIX

if TYPE_CHECKING:
    from .library import SoundLibrary


class SoundFileView(HomeAssistantView):
    """Serve a file of the sound library (GET and HEAD)."""

    url = URL_PREFIX + "/{source}/{name:.+}"
    name = "api:tomatoes:sound"
    requires_auth = True

    def __init__(self, library: SoundLibrary) -> None:
        """Serve the files of this library."""
        self.library = library

    async def get(self, request: web.Request, source: str, name: str) -> web.StreamResponse:
        """Send the file (or the requested range of it)."""
        if (found := await self.library.async_file(source, name)) is None:
            raise web.HTTPNotFound
        absolute, content_type = found
        return web.FileResponse(
            absolute,
            headers={
                hdrs.CONTENT_TYPE: content_type,
                hdrs.CACHE_CONTROL: "private, max-age=3600",
            },
        )

    async def head(self, request: web.Request, source: str, name: str) -> web.StreamResponse:
        """Answer what GET would send, without the body (some players ask first)."""
        return await self.get(request, source, name)


COVER_ART = r"(?:.+/)?(?:cover|folder|album|front)\.(?:png|jpe?g|webp|gif)"
"""The names players look for cover art under (the library never holds images)."""


class CoverArtView(HomeAssistantView):
    """Answer the cover art some players look for next to a file: there is none.

    MPD, for one, asks for ``cover.png``, ``cover.jpg`` and ``cover.webp`` beside every URL
    it plays, without the signature. Left to the file view, each ask would count as a
    failed login (a warning, a "Login attempt failed" notification, and towards the IP ban
    of the speaker). The library holds audio files only, so the answer is always a 404.
    """

    url = URL_PREFIX + "/{source}/{name:" + COVER_ART + "}"
    name = "api:tomatoes:sound:cover"
    requires_auth = False

    async def get(self, request: web.Request, source: str, name: str) -> web.StreamResponse:
        """Say that there is no such image."""
        raise web.HTTPNotFound

    async def head(self, request: web.Request, source: str, name: str) -> web.StreamResponse:
        """Say that there is no such image."""
        raise web.HTTPNotFound
