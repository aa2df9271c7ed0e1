"""Config, options and reconfigure flows of Tomatoes: a name and the timer's rules."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from homeassistant.config_entries import (
    ConfigEntry,
    ConfigFlow,
    ConfigFlowResult,
    ConfigSubentryFlow,
    OptionsFlowWithReload,
)
from homeassistant.const import CONF_NAME
from homeassistant.core import callback
from homeassistant.helpers.selector import BooleanSelector, TextSelector
import voluptuous as vol

from .const import (
    CONF_AUTO_START_BREAKS,
    CONF_AUTO_START_FOCUS,
    CONF_FOCUS_MINUTES,
    CONF_IDLE_RESET_MINUTES,
    CONF_LONG_BREAK_EVERY,
    CONF_LONG_BREAK_MINUTES,
    CONF_MODE,
    CONF_SESSION_TARGET,
    CONF_SHORT_BREAK_MINUTES,
    DEFAULT_OPTIONS,
    DOMAIN,
    LIMITS,
    option_errors,
)
from .lighting.options import (
    CONF_LIGHT_COLOR_TEMP,
    lighting_options,
    lighting_schema,
    suggested_lighting_values,
)
from .modes.catalogue import MODE_CLASSIC, SUBENTRY_MODE, builtin_for_rhythm
from .modes.flow import ModeSubentryFlow
from .modes.migration import ENTRY_VERSION
from .selectors import whole_number
from .sound.flow import (
    async_sound_errors,
    current_sound_values,
    form_sounds,
    sound_options,
    sound_schema,
    suggested_sound_values,
)
from .sound.library import async_get_library

DEFAULT_NAME = "Focus timer"

# The settings asked when a timer is added; the options flow adds the rest.
BASIC_NUMBERS = (
    CONF_FOCUS_MINUTES,
    CONF_SHORT_BREAK_MINUTES,
    CONF_LONG_BREAK_MINUTES,
    CONF_LONG_BREAK_EVERY,
)
EXTRA_NUMBERS = (CONF_SESSION_TARGET, CONF_IDLE_RESET_MINUTES)
SWITCHES = (CONF_AUTO_START_BREAKS, CONF_AUTO_START_FOCUS)
MINUTE_OPTIONS = {
    CONF_FOCUS_MINUTES,
    CONF_SHORT_BREAK_MINUTES,
    CONF_LONG_BREAK_MINUTES,
    CONF_IDLE_RESET_MINUTES,
}


def _schema(*, name: bool, extra: bool) -> vol.Schema:
    """Build the form: optionally the name, the rules, optionally the extra rules."""
    fields: dict[vol.Marker, Any] = {}
    if name:
        fields[vol.Required(CONF_NAME)] = TextSelector()
    numbers = BASIC_NUMBERS + (EXTRA_NUMBERS if extra else ())
    for key in numbers:
        fields[vol.Required(key)] = whole_number(
            LIMITS[key], "min" if key in MINUTE_OPTIONS else None
        )
    for key in SWITCHES:
        fields[vol.Required(key)] = BooleanSelector()
    return vol.Schema(fields)


def _options(user_input: Mapping[str, Any], current: Mapping[str, Any]) -> dict[str, Any]:
    """Take the rules out of a submitted form, as whole numbers and booleans."""
    options = {**DEFAULT_OPTIONS, **current}
    for key in BASIC_NUMBERS + EXTRA_NUMBERS:
        if key in user_input:
            options[key] = int(user_input[key])
    for key in SWITCHES:
        options[key] = bool(user_input[key])
    return options


class TomatoesConfigFlow(ConfigFlow, domain=DOMAIN):
    """Add a timer (one per room or person), or reconfigure one."""

    VERSION = ENTRY_VERSION

    def _name_errors(self, name: str, own_entry_id: str | None = None) -> dict[str, str]:
        if not name:
            return {CONF_NAME: "name_required"}
        for entry in self._async_current_entries(include_ignore=False):
            if entry.entry_id != own_entry_id and entry.title.casefold() == name.casefold():
                return {CONF_NAME: "name_exists"}
        return {}

    async def async_step_user(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Ask for a name and the timer's rules."""
        errors: dict[str, str] = {}
        if user_input is not None:
            name = str(user_input[CONF_NAME]).strip()
            options = _options(user_input, {})
            errors = self._name_errors(name) or option_errors(options)
            if not errors:
                options[CONF_MODE] = builtin_for_rhythm(options) or MODE_CLASSIC
                return self.async_create_entry(title=name, data={CONF_NAME: name}, options=options)
        suggested = user_input or {CONF_NAME: DEFAULT_NAME, **DEFAULT_OPTIONS}
        return self.async_show_form(
            step_id="user",
            data_schema=self.add_suggested_values_to_schema(
                _schema(name=True, extra=False), suggested
            ),
            errors=errors,
        )

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Rename a timer and change all of its rules."""
        entry = self._get_reconfigure_entry()
        errors: dict[str, str] = {}
        if user_input is not None:
            name = str(user_input[CONF_NAME]).strip()
            options = _options(user_input, entry.options)
            errors = self._name_errors(name, entry.entry_id) or option_errors(options)
            if not errors:
                return self.async_update_reload_and_abort(
                    entry, title=name, data={CONF_NAME: name}, options=options
                )
        suggested = user_input or {
            CONF_NAME: entry.title,
            **DEFAULT_OPTIONS,
            **entry.options,
        }
        return self.async_show_form(
            step_id="reconfigure",
            data_schema=self.add_suggested_values_to_schema(
                _schema(name=True, extra=True), suggested
            ),
            errors=errors,
        )

    @classmethod
    @callback
    def async_get_supported_subentry_types(
        cls, config_entry: ConfigEntry
    ) -> dict[str, type[ConfigSubentryFlow]]:
        """Return what a timer holds besides its options: the person's own modes."""
        return {SUBENTRY_MODE: ModeSubentryFlow}

    @staticmethod
    @callback
    def async_get_options_flow(config_entry: ConfigEntry) -> TomatoesOptionsFlow:
        """Return the options flow."""
        return TomatoesOptionsFlow()


class TomatoesOptionsFlow(OptionsFlowWithReload):
    """Change a timer's rules and effects; the timer reloads and keeps its running phase."""

    # One menu entry per part of the options, each with a step of its own.
    MENU: tuple[str, ...] = ("timer", "sound", "lighting")

    async def async_step_init(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Offer the parts of the options."""
        if len(self.MENU) == 1:
            return await self.async_step_timer()
        return self.async_show_menu(step_id="init", menu_options=list(self.MENU))

    async def async_step_timer(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Show and save the timer's rules."""
        errors: dict[str, str] = {}
        if user_input is not None:
            options = _options(user_input, self.config_entry.options)
            errors = option_errors(options)
            if not errors:
                return self.async_create_entry(data=options)
        suggested = user_input or {**DEFAULT_OPTIONS, **self.config_entry.options}
        return self.async_show_form(
            step_id="timer",
            data_schema=self.add_suggested_values_to_schema(
                _schema(name=False, extra=True), suggested
            ),
            errors=errors,
        )

    async def async_step_sound(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Show and save the ambient sound options (players, sounds, volume, fades, breaks)."""
        errors: dict[str, str] = {}
        current = current_sound_values(self.config_entry.options)
        sounds = form_sounds(await async_get_library(self.hass), current)
        if user_input is not None:
            options = sound_options(user_input, sounds)
            errors = await async_sound_errors(self.hass, options)
            if not errors:
                return self.async_create_entry(data={**self.config_entry.options, **options})
        return self.async_show_form(
            step_id="sound",
            data_schema=self.add_suggested_values_to_schema(
                sound_schema(sounds), user_input or suggested_sound_values(current, sounds)
            ),
            errors=errors,
        )

    async def async_step_lighting(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Show and save the focus lighting: lights, levels, what breaks do."""
        if user_input is not None:
            lighting = lighting_options(user_input)
            options = {**self.config_entry.options, **lighting}
            if CONF_LIGHT_COLOR_TEMP not in lighting:
                options.pop(CONF_LIGHT_COLOR_TEMP, None)
            return self.async_create_entry(data=options)
        suggested = suggested_lighting_values(self.config_entry.options)
        return self.async_show_form(
            step_id="lighting",
            data_schema=self.add_suggested_values_to_schema(lighting_schema(), suggested),
        )
