"""Fixtures of the voice tests: Home Assistant's conversation integration with Tomatoes timers."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from functools import cache
from typing import Any

from freezegun.api import FrozenDateTimeFactory
import hassil.intents
from hassil.parse_expression import parse_sentence
from homeassistant.components import conversation
from homeassistant.const import CONF_NAME
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import entity_registry as er, intent
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed

from custom_components.tomatoes.const import CONF_AUTO_START_BREAKS, DEFAULT_OPTIONS, DOMAIN
from custom_components.tomatoes.engine import Phase
from custom_components.tomatoes.timer import FocusTimer
from tests.conftest import START

type Ask = Callable[..., Awaitable[intent.IntentResponse]]

STATES = ("idle", "running", "paused", "ready")


_parse_once = cache(parse_sentence)


@pytest.fixture(autouse=True)
def parse_templates_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parse each sentence template once per test run instead of at every registration.

    Home Assistant parses all sentence-trigger templates again whenever a trigger is
    registered, and these tests register ours hundreds of times (a fresh timer per case).
    Parsing is pure and the result is never changed afterwards, so sharing it only saves time.
    """
    monkeypatch.setattr(hassil.intents, "parse_sentence", _parse_once)


def timer_entry(name: str, **options: Any) -> MockConfigEntry:
    """Return the entry of a timer in the Classic mode (25/5/15)."""
    return MockConfigEntry(
        domain=DOMAIN,
        title=name,
        data={CONF_NAME: name},
        options={**DEFAULT_OPTIONS, **options},
        entry_id=f"{name.lower()}_entry",
    )


def timer_of(entry: MockConfigEntry) -> FocusTimer:
    """Return the FocusTimer of a loaded entry."""
    timer: FocusTimer = entry.runtime_data.timer
    return timer


async def async_add_timer(hass: HomeAssistant, name: str, **options: Any) -> MockConfigEntry:
    """Add and set up a timer."""
    entry = timer_entry(name, **options)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


@pytest.fixture
async def assist(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    """Set up Home Assistant's conversation integration at START."""
    freezer.move_to(START)
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})
    await hass.async_block_till_done()


@pytest.fixture
async def study(hass: HomeAssistant, assist: None) -> MockConfigEntry:
    """Set up the only timer, Study."""
    return await async_add_timer(hass, "Study")


async def async_speak(hass: HomeAssistant, language: str) -> None:
    """Set Home Assistant's language, as a household speaking it has (sentences follow it)."""
    if hass.config.language != language:
        await hass.config.async_update(language=language)
        await hass.async_block_till_done()


@pytest.fixture
def ask(hass: HomeAssistant) -> Ask:
    """Return a function that says a sentence to Assist, in Home Assistant's language."""

    async def _ask(
        text: str,
        language: str = "en",
        *,
        satellite_id: str | None = None,
        device_id: str | None = None,
        context: Context | None = None,
    ) -> intent.IntentResponse:
        await async_speak(hass, language)
        result = await conversation.async_converse(
            hass,
            text,
            None,
            context or Context(),
            language,
            device_id=device_id,
            satellite_id=satellite_id,
        )
        await hass.async_block_till_done()
        return result.response

    return _ask


def speech(response: intent.IntentResponse) -> str:
    """Return what Assist says."""
    text: str = response.speech["plain"]["speech"]
    return text


async def async_study_in(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, state: str
) -> MockConfigEntry:
    """Replace the Study timer by a new one in a state: idle, running, paused or ready.

    running: 11 minutes into a focus block on "the report" (14 left); paused: paused 13
    minutes into one (12 left); ready: a focus block completed, the short break waits.
    """
    for old in hass.config_entries.async_entries(DOMAIN):
        if old.title == "Study":
            assert await hass.config_entries.async_remove(old.entry_id)
    entry = await async_add_timer(hass, "Study")
    timer = timer_of(entry)

    async def advance(minutes: int) -> None:
        freezer.tick(timedelta(minutes=minutes))
        async_fire_time_changed(hass)
        await hass.async_block_till_done()

    if state == "running":
        await timer.async_start(Phase.FOCUS, task="the report")
        await advance(11)
    elif state == "paused":
        await timer.async_start(Phase.FOCUS, task="the report")
        await advance(13)
        await timer.async_pause()
    elif state == "ready":
        await timer.async_update_options({CONF_AUTO_START_BREAKS: False})
        await timer.async_start(Phase.FOCUS, task="the report")
        await advance(25)
    await hass.async_block_till_done()
    return entry


def phase_and_status(hass: HomeAssistant, name: str = "study") -> tuple[str, str]:
    """Return what a timer's phase and status sensors show (whatever language named them)."""
    registry = er.async_get(hass)
    shown = []
    for key in ("phase", "status"):
        entity_id = registry.async_get_entity_id("sensor", DOMAIN, f"{name}_entry_{key}")
        assert entity_id is not None
        state = hass.states.get(entity_id)
        assert state is not None
        shown.append(state.state)
    return shown[0], shown[1]
