"""The HTTP view that serves library files to media players, and nothing else.

Paths look like ``/api/tomatoes/sound/<source>/<relative path>``. The view requires
authentication, which media players get from a signed URL (``authSig``, checked by
Home Assistant's auth middleware: path, expiry and signature). A file is served only
when the library indexed it and, checked on disk again, it still lies inside its
source's folder; anything else is a 404 without a byte of any file. Range requests
(seeking, resuming) are answered by aiohttp's FileResponse.
"""

from __future__ import annotations

from aiohttp import hdrs, web
from homeassistant.helpers.http import HomeAssistantView
from homeassistant.util import raise_if_invalid_path

from .library import URL_PREFIX, SoundLibrary


class SoundFileView(HomeAssistantView):
    """Serve a file of the sound library (GET and HEAD)."""

    url = URL_PREFIX + "/{source}/{path:.+}"
    name = "api:tomatoes:sound"
    requires_auth = True

    def __init__(self, library: SoundLibrary) -> None:
        """Serve the files of this library."""
        self.library = library

    async def get(self, request: web.Request, source: str, path: str) -> web.StreamResponse:
        """Send the file (or the requested range of it)."""
        absolute, content_type = await self._async_file(source, path)
        return web.FileResponse(
            absolute,
            headers={
                hdrs.CONTENT_TYPE: content_type,
                hdrs.CACHE_CONTROL: "private, max-age=3600",
            },
        )

    async def head(self, request: web.Request, source: str, path: str) -> web.StreamResponse:
        """Answer what GET would send, without the body (some players ask first)."""
        return await self.get(request, source, path)

    async def _async_file(self, source: str, path: str) -> tuple[str, str]:
        try:
            raise_if_invalid_path(source)
            raise_if_invalid_path(path)
        except ValueError as err:
            raise web.HTTPNotFound from err
        if path.startswith("/") or "\\" in path or "\x00" in path:
            raise web.HTTPNotFound
        if (found := await self.library.async_file(source, path)) is None:
            raise web.HTTPNotFound
        return found
