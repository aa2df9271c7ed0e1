"""The "Ambient sound" step of the options flow: its form and the checks of what was entered."""

from __future__ import annotations

from collections.abc import Mapping
import os
from pathlib import Path
from typing import Any

from homeassistant.components.media_player.const import DOMAIN as MEDIA_PLAYER_DOMAIN
from homeassistant.core import HomeAssistant
from homeassistant.helpers.selector import (
    BooleanSelector,
    EntitySelector,
    EntitySelectorConfig,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
    TextSelector,
    TextSelectorConfig,
)
import voluptuous as vol

from ..selectors import whole_number
from .library import SoundLibrary
from .options import (
    CONF_SOUND_BREAK_SOURCE,
    CONF_SOUND_CHIMES,
    CONF_SOUND_FADE_IN,
    CONF_SOUND_FADE_OUT,
    CONF_SOUND_FOLDERS,
    CONF_SOUND_ON_BREAK,
    CONF_SOUND_PLAYERS,
    CONF_SOUND_SOURCE,
    CONF_SOUND_TAKE_OVER,
    CONF_SOUND_VOLUME,
    DEFAULT_SOUND_OPTIONS,
    SOUND_LIMITS,
    BreakAction,
    is_valid_reference,
    sound_choices,
)

MAX_FILES_OFFERED = 1000
"""The form's sound lists name single files of the folders up to this many."""

SOUND_FIELDS = (CONF_SOUND_SOURCE, CONF_SOUND_BREAK_SOURCE)


def form_sounds(library: SoundLibrary, options: Mapping[str, Any]) -> dict[str, str]:
    """Return {name: reference} of the sounds the form offers (the current ones always)."""
    current = tuple(str(options.get(key, "")) for key in SOUND_FIELDS)
    return sound_choices(library, current, max_files=MAX_FILES_OFFERED)


def _sounds(sounds: Mapping[str, str]) -> SelectSelector:
    """Return the sound field: a list of names, and any reference or URL may be typed.

    The values are the names themselves. Home Assistant's frontend shows a field that
    takes typed values (``custom_value``) as its raw value, not as the label of the
    matching option: with references as values the field read
    ``media-source://tomatoes/bundled/brown_noise.flac`` instead of "Brown noise".
    ``sound_options`` turns the names back into references.
    """
    return SelectSelector(
        SelectSelectorConfig(
            options=list(sounds),
            custom_value=True,
            mode=SelectSelectorMode.DROPDOWN,
            sort=False,
        )
    )


def sound_schema(sounds: Mapping[str, str]) -> vol.Schema:
    """Build the form of the sound options, offering the sounds of ``form_sounds``."""
    field = _sounds(sounds)
    return vol.Schema(
        {
            vol.Optional(CONF_SOUND_PLAYERS): EntitySelector(
                EntitySelectorConfig(domain=MEDIA_PLAYER_DOMAIN, multiple=True)
            ),
            vol.Required(CONF_SOUND_SOURCE): field,
            vol.Required(CONF_SOUND_VOLUME): whole_number(SOUND_LIMITS[CONF_SOUND_VOLUME], "%"),
            vol.Required(CONF_SOUND_FADE_IN): whole_number(SOUND_LIMITS[CONF_SOUND_FADE_IN], "s"),
            vol.Required(CONF_SOUND_FADE_OUT): whole_number(SOUND_LIMITS[CONF_SOUND_FADE_OUT], "s"),
            vol.Required(CONF_SOUND_ON_BREAK): SelectSelector(
                SelectSelectorConfig(
                    options=[action.value for action in BreakAction],
                    translation_key=CONF_SOUND_ON_BREAK,
                    mode=SelectSelectorMode.LIST,
                )
            ),
            vol.Required(CONF_SOUND_BREAK_SOURCE): field,
            vol.Required(CONF_SOUND_TAKE_OVER): BooleanSelector(),
            vol.Required(CONF_SOUND_CHIMES): BooleanSelector(),
            vol.Optional(CONF_SOUND_FOLDERS): TextSelector(TextSelectorConfig(multiple=True)),
        }
    )


def sound_reference(sounds: Mapping[str, str], value: object) -> str:
    """Return the reference of a sound's name; anything typed is taken as it is."""
    text = str(value).strip()
    return sounds.get(text, text)


def sound_options(user_input: Mapping[str, Any], sounds: Mapping[str, str]) -> dict[str, Any]:
    """Take the sound options out of a submitted form, in the types they are stored as."""
    return {
        CONF_SOUND_PLAYERS: list(user_input.get(CONF_SOUND_PLAYERS, [])),
        CONF_SOUND_SOURCE: sound_reference(sounds, user_input[CONF_SOUND_SOURCE]),
        CONF_SOUND_VOLUME: round(float(user_input[CONF_SOUND_VOLUME])),
        CONF_SOUND_FADE_IN: round(float(user_input[CONF_SOUND_FADE_IN])),
        CONF_SOUND_FADE_OUT: round(float(user_input[CONF_SOUND_FADE_OUT])),
        CONF_SOUND_ON_BREAK: str(user_input[CONF_SOUND_ON_BREAK]),
        CONF_SOUND_BREAK_SOURCE: sound_reference(sounds, user_input[CONF_SOUND_BREAK_SOURCE]),
        CONF_SOUND_TAKE_OVER: bool(user_input[CONF_SOUND_TAKE_OVER]),
        CONF_SOUND_CHIMES: bool(user_input[CONF_SOUND_CHIMES]),
        CONF_SOUND_FOLDERS: [
            os.path.normpath(folder.strip())
            for folder in user_input.get(CONF_SOUND_FOLDERS, [])
            if folder.strip()
        ],
    }


async def async_sound_errors(hass: HomeAssistant, options: Mapping[str, Any]) -> dict[str, str]:
    """Return {option: error key} for sound options that cannot work."""
    errors = {key: error for key, error in _form_errors(options) if error is not None}
    for folder in options[CONF_SOUND_FOLDERS]:
        if error := await hass.async_add_executor_job(folder_error, hass, folder):
            errors.setdefault(CONF_SOUND_FOLDERS, error)
    return errors


def _form_errors(options: Mapping[str, Any]) -> list[tuple[str, str | None]]:
    """Return (option, error key or None) for each check that needs no disk."""
    checks: list[tuple[str, str | None]] = [
        (key, None if low <= options[key] <= high else "out_of_range")
        for key, (low, high) in SOUND_LIMITS.items()
    ]
    checks.extend(
        (key, None if is_valid_reference(options[key]) else "invalid_sound")
        for key in (CONF_SOUND_SOURCE, CONF_SOUND_BREAK_SOURCE)
    )
    valid_actions = {action.value for action in BreakAction}
    checks.append(
        (
            CONF_SOUND_ON_BREAK,
            None if options[CONF_SOUND_ON_BREAK] in valid_actions else "invalid_break_action",
        )
    )
    return checks


def folder_error(hass: HomeAssistant, folder: str) -> str | None:
    """Return why a folder cannot be in the library, or None (blocking: run in the executor)."""
    if not Path(folder).is_absolute():
        return "folder_not_absolute"
    if not hass.config.is_allowed_path(folder):
        return "folder_not_allowed"
    if not Path(folder).is_dir():
        return "folder_not_found"
    return None


def current_sound_values(options: Mapping[str, Any]) -> dict[str, Any]:
    """Return the sound options in force: the stored options over the defaults."""
    return {key: options.get(key, default) for key, default in DEFAULT_SOUND_OPTIONS.items()}


def suggested_sound_values(current: Mapping[str, Any], sounds: Mapping[str, str]) -> dict[str, Any]:
    """Return the values the form starts with: the current options, sounds by their names."""
    names = {reference: name for name, reference in sounds.items()}
    suggested = dict(current)
    for key in SOUND_FIELDS:
        suggested[key] = names.get(str(current[key]), current[key])
    return suggested
