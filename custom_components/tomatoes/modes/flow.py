"""Adding and editing a person's own modes: a config subentry flow of the timer.

Settings > Devices & services > Tomatoes > the timer > **Add mode** opens the form with the
timer's current values (so what a person tuned by hand becomes a mode in one step); the
pencil of a mode opens it with the mode's values. Removing a mode is Home Assistant's own
delete of the subentry; the timer follows (see controller.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from homeassistant.config_entries import (
    SOURCE_RECONFIGURE,
    ConfigSubentry,
    ConfigSubentryFlow,
    SubentryFlowResult,
)
from homeassistant.const import CONF_NAME
from homeassistant.helpers.selector import (
    BooleanSelector,
    ColorTempSelector,
    ColorTempSelectorConfig,
    ColorTempSelectorUnit,
    SelectOptionDict,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
    TextSelector,
)
import voluptuous as vol

from ..const import CONF_LONG_BREAK_EVERY
from ..lighting.options import (
    CONF_LIGHT_COLOR_TEMP,
    CONF_LIGHT_FOCUS_BRIGHTNESS,
    CONF_LIGHT_SET_COLOR_TEMP as CONF_SET_KELVIN,
    SUGGESTED_KELVIN,
)
from ..selectors import whole_number
from ..sound.flow import SOUND_FIELDS, form_sounds, sound_reference
from ..sound.library import async_get_library
from ..sound.options import CONF_SOUND_BREAK_SOURCE, CONF_SOUND_SOURCE, CONF_SOUND_VOLUME
from .catalogue import (
    PART_LIMITS as LIMITS,
    PARTS,
    RHYTHM,
    bundle_errors,
    current_bundle,
    modes_of,
    name_error,
    whole,
)

STEP = "mode"
"""The one form of the flow, for adding and for editing."""


def _sound_field(sounds: Mapping[str, str]) -> SelectSelector:
    """Offer the sounds by name; anything else can be typed (a media-source ID, a URL)."""
    return SelectSelector(
        SelectSelectorConfig(
            options=[SelectOptionDict(value=name, label=name) for name in sounds],
            custom_value=True,
            mode=SelectSelectorMode.DROPDOWN,
            sort=False,
        )
    )


def mode_schema(sounds: Mapping[str, str]) -> vol.Schema:
    """Build the form: a name, then the nine parts of a mode."""
    sound = _sound_field(sounds)
    fields: dict[vol.Marker, Any] = {vol.Required(CONF_NAME): TextSelector()}
    for key in RHYTHM:
        fields[vol.Required(key)] = whole_number(
            LIMITS[key], None if key == CONF_LONG_BREAK_EVERY else "min"
        )
    fields[vol.Required(CONF_SOUND_SOURCE)] = sound
    fields[vol.Required(CONF_SOUND_VOLUME)] = whole_number(LIMITS[CONF_SOUND_VOLUME], "%")
    fields[vol.Required(CONF_SOUND_BREAK_SOURCE)] = sound
    fields[vol.Required(CONF_LIGHT_FOCUS_BRIGHTNESS)] = whole_number(
        LIMITS[CONF_LIGHT_FOCUS_BRIGHTNESS], "%"
    )
    low, high = LIMITS[CONF_LIGHT_COLOR_TEMP]
    fields[vol.Optional(CONF_SET_KELVIN)] = BooleanSelector()
    fields[vol.Optional(CONF_LIGHT_COLOR_TEMP)] = ColorTempSelector(
        ColorTempSelectorConfig(unit=ColorTempSelectorUnit.KELVIN, min=low, max=high)
    )
    return vol.Schema(fields)


def mode_data(user_input: Mapping[str, Any], sounds: Mapping[str, str]) -> dict[str, Any]:
    """Take a mode's parts out of a submitted form, as they are stored (sound names as refs)."""
    data: dict[str, Any] = {}
    for part in PARTS:
        value = user_input.get(part)
        if part == CONF_LIGHT_COLOR_TEMP and not (user_input.get(CONF_SET_KELVIN, True) and value):
            continue  # switched off or left empty: the lights keep their colour
        if part in SOUND_FIELDS:
            data[part] = sound_reference(sounds, value)
        elif isinstance(value, str):
            data[part] = value.strip()
        else:
            data[part] = whole(value)
    return data


def form_values(
    stored: Mapping[str, Any], sounds: Mapping[str, str], editing: ConfigSubentry | None
) -> dict[str, Any]:
    """Return what the form starts with: the parts, sounds by name, the colour switch."""
    names = {ref: name for name, ref in sounds.items()}
    kelvin = stored.get(CONF_LIGHT_COLOR_TEMP)
    values = {
        **stored,
        **{part: names.get(str(stored.get(part)), stored.get(part)) for part in SOUND_FIELDS},
        CONF_SET_KELVIN: kelvin is not None,
        CONF_LIGHT_COLOR_TEMP: kelvin or SUGGESTED_KELVIN,
    }
    if editing is not None:
        values[CONF_NAME] = editing.title
    return values


class ModeSubentryFlow(ConfigSubentryFlow):
    """Add a mode to a timer, or edit one of the timer's own modes."""

    async def async_step_user(self, user_input: dict[str, Any] | None = None) -> SubentryFlowResult:
        """Start a new mode from the timer's current values."""
        return await self.async_step_mode()

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> SubentryFlowResult:
        """Edit one of the timer's own modes."""
        return await self.async_step_mode()

    async def async_step_mode(self, user_input: dict[str, Any] | None = None) -> SubentryFlowResult:
        """Show the form, check it, and save the mode."""
        entry = self._get_entry()
        editing = self._get_reconfigure_subentry() if self.source == SOURCE_RECONFIGURE else None
        stored = dict(editing.data) if editing else current_bundle(entry.options).as_options()
        sounds = form_sounds(await async_get_library(self.hass), stored)
        errors: dict[str, str] = {}
        if user_input is not None:
            name = str(user_input.get(CONF_NAME, "")).strip()
            data = mode_data(user_input, sounds)
            own_id = editing.subentry_id if editing else None
            if error := name_error(modes_of(entry), name, own_id):
                errors[CONF_NAME] = error
            errors.update(bundle_errors(data))
            if not errors and editing is not None:
                return self.async_update_and_abort(entry, editing, title=name, data=data)
            if not errors:
                return self.async_create_entry(title=name, data=data)
        return self.async_show_form(
            step_id=STEP,
            data_schema=self.add_suggested_values_to_schema(
                mode_schema(sounds),
                {**form_values(stored, sounds, editing), **(user_input or {})},
            ),
            errors=errors,
        )
