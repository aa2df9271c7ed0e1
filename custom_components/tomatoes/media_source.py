"""The sound library as a media source: "Tomatoes" in the Media panel, browsable by source.

The root lists the sources (the bundled loops, each of the users' folders, the chimes);
a source lists its sub-folders and files. A file resolves to its path under the HTTP
view; the media player integration that plays it signs the path and makes it absolute.
"""

from __future__ import annotations

from homeassistant.components.media_player.const import MediaClass, MediaType
from homeassistant.components.media_player.errors import BrowseError
from homeassistant.components.media_source import (
    BrowseMediaSource,
    MediaSource,
    MediaSourceItem,
    PlayMedia,
    Unresolvable,
)
from homeassistant.core import HomeAssistant

from .const import DOMAIN
from .sound.library import DATA_LIBRARY, SoundLibrary, Track


async def async_get_media_source(hass: HomeAssistant) -> TomatoesMediaSource:
    """Return the Tomatoes media source."""
    return TomatoesMediaSource(hass)


class TomatoesMediaSource(MediaSource):
    """Browse and resolve the files of the sound library."""

    name = "Tomatoes"

    def __init__(self, hass: HomeAssistant) -> None:
        """Bind the source to Home Assistant (the library is looked up on each use)."""
        super().__init__(DOMAIN)
        self.hass = hass

    def _library(self) -> SoundLibrary:
        if (library := self.hass.data.get(DATA_LIBRARY)) is None:
            raise Unresolvable(translation_domain=DOMAIN, translation_key="library_not_loaded")
        return library

    async def async_resolve_media(self, item: MediaSourceItem) -> PlayMedia:
        """Return the (unsigned) URL path and content type of a library file."""
        track = self._library().track(item.identifier or "")
        if track is None:
            raise Unresolvable(
                translation_domain=DOMAIN,
                translation_key="unknown_sound",
                translation_placeholders={"sound": item.identifier or ""},
            )
        return PlayMedia(track.url_path, track.mime_type)

    async def async_browse_media(self, item: MediaSourceItem) -> BrowseMediaSource:
        """Return the sources (root), or the sub-folders and files of a folder."""
        library = self._library()
        if not item.identifier:
            return self._root(library)
        source_id, _, folder = item.identifier.partition("/")
        folder = folder.strip("/")
        source = library.sources.get(source_id)
        if source is None:
            raise BrowseError(
                translation_domain=DOMAIN,
                translation_key="unknown_sound",
                translation_placeholders={"sound": item.identifier},
            )
        title = folder.rsplit("/", 1)[-1] if folder else source.name
        return _folder(item.identifier, title, _children(library, source_id, folder))

    def _root(self, library: SoundLibrary) -> BrowseMediaSource:
        children = [_folder(source.id, source.name) for source in library.sources.values()]
        return _folder(None, self.name, children)


def _children(library: SoundLibrary, source_id: str, folder: str) -> list[BrowseMediaSource]:
    """Return the sub-folders, then the files, directly inside a folder of a source."""
    prefix = f"{folder}/" if folder else ""
    folders: set[str] = set()
    files: list[BrowseMediaSource] = []
    for track in library.tracks(source_id, folder):
        rest = track.path[len(prefix) :]
        if "/" in rest:
            folders.add(rest.split("/", 1)[0])
        else:
            files.append(_file(track))
    children = [_folder(f"{source_id}/{prefix}{name}", name) for name in sorted(folders)]
    return children + files


def _folder(
    identifier: str | None, title: str, children: list[BrowseMediaSource] | None = None
) -> BrowseMediaSource:
    return BrowseMediaSource(
        domain=DOMAIN,
        identifier=identifier,
        media_class=MediaClass.DIRECTORY,
        media_content_type=MediaType.MUSIC,
        title=title,
        can_play=False,
        can_expand=True,
        children=children,
        children_media_class=MediaClass.MUSIC if children else None,
    )


def _file(track: Track) -> BrowseMediaSource:
    return BrowseMediaSource(
        domain=DOMAIN,
        identifier=track.identifier,
        media_class=MediaClass.MUSIC,
        media_content_type=track.mime_type,
        title=track.title,
        can_play=True,
        can_expand=False,
    )
