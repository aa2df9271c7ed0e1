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
    SelectOptionDict,
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


def _sounds(library: SoundLibrary, current: tuple[str, ...]) -> SelectSelector:
    choices = sound_choices(library, current, max_files=MAX_FILES_OFFERED)
    return SelectSelector(
        SelectSelectorConfig(
            options=[SelectOptionDict(value=ref, label=label) for label, ref in choices.items()],
            custom_value=True,
            mode=SelectSelectorMode.DROPDOWN,
            sort=False,
        )
    )


def sound_schema(library: SoundLibrary, options: Mapping[str, Any]) -> vol.Schema:
    """Build the form of the sound options (the current sounds are always offered)."""
    current = (str(options[CONF_SOUND_SOURCE]), str(options[CONF_SOUND_BREAK_SOURCE]))
    sounds = _sounds(library, current)
    return vol.Schema(
        {
            vol.Optional(CONF_SOUND_PLAYERS): EntitySelector(
                EntitySelectorConfig(domain=MEDIA_PLAYER_DOMAIN, multiple=True)
            ),
            vol.Required(CONF_SOUND_SOURCE): sounds,
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
            vol.Required(CONF_SOUND_BREAK_SOURCE): sounds,
            vol.Required(CONF_SOUND_TAKE_OVER): BooleanSelector(),
            vol.Required(CONF_SOUND_CHIMES): BooleanSelector(),
            vol.Optional(CONF_SOUND_FOLDERS): TextSelector(TextSelectorConfig(multiple=True)),
        }
    )


def sound_options(user_input: Mapping[str, Any]) -> dict[str, Any]:
    """Take the sound options out of a submitted form, in the types they are stored as."""
    return {
        CONF_SOUND_PLAYERS: list(user_input.get(CONF_SOUND_PLAYERS, [])),
        CONF_SOUND_SOURCE: str(user_input[CONF_SOUND_SOURCE]).strip(),
        CONF_SOUND_VOLUME: round(float(user_input[CONF_SOUND_VOLUME])),
        CONF_SOUND_FADE_IN: round(float(user_input[CONF_SOUND_FADE_IN])),
        CONF_SOUND_FADE_OUT: round(float(user_input[CONF_SOUND_FADE_OUT])),
        CONF_SOUND_ON_BREAK: str(user_input[CONF_SOUND_ON_BREAK]),
        CONF_SOUND_BREAK_SOURCE: str(user_input[CONF_SOUND_BREAK_SOURCE]).strip(),
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


def suggested_sound_values(options: Mapping[str, Any]) -> dict[str, Any]:
    """Return the values the form starts with: the stored options over the defaults."""
    return {key: options.get(key, default) for key, default in DEFAULT_SOUND_OPTIONS.items()}
