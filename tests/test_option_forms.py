"""The option forms as the frontend receives them: sounds by name, a colour temperature that
can be unset again."""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.tomatoes.sound.options import DEFAULT_SOUND_OPTIONS

BUNDLED = "media-source://tomatoes/bundled"


async def open_step(
    hass: HomeAssistant, hass_client: ClientSessionGenerator, entry: MockConfigEntry, step: str
) -> tuple[Any, str, dict[str, dict[str, Any]]]:
    """Open an options step over HTTP; return the client, the flow id and the fields by name."""
    assert await async_setup_component(hass, "config", {})
    client = await hass_client()
    base = "/api/config/config_entries/options/flow"
    response = await client.post(base, json={"handler": entry.entry_id})
    menu = await response.json()
    response = await client.post(f"{base}/{menu['flow_id']}", json={"next_step_id": step})
    assert response.status == 200
    form = await response.json()
    assert form["step_id"] == step
    return client, form["flow_id"], {field["name"]: field for field in form["data_schema"]}


def shown(field: dict[str, Any]) -> Any:
    """Return what the field starts with (its suggested value)."""
    return field.get("description", {}).get("suggested_value")


async def submit(client: Any, flow_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """Submit a form over HTTP and return the answer."""
    response = await client.post(f"/api/config/config_entries/options/flow/{flow_id}", json=data)
    assert response.status == 200
    answer: dict[str, Any] = await response.json()
    return answer


def sound_form(**changes: Any) -> dict[str, Any]:
    """Return the sound form as a person submits it, with some fields changed."""
    names = {"sound_source": "Brown noise", "sound_break_source": "Ocean"}
    return {**DEFAULT_SOUND_OPTIONS, **names, **changes}


async def test_the_sound_form_shows_the_sounds_by_name(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_client: ClientSessionGenerator,
) -> None:
    _, _, fields = await open_step(hass, hass_client, init_integration, "sound")

    for key, name in (("sound_source", "Brown noise"), ("sound_break_source", "Ocean")):
        select = fields[key]["selector"]["select"]
        # The frontend shows the value of a field that takes typed text: it must be the name.
        assert shown(fields[key]) == name
        assert name in select["options"]
        assert {"Rain", "Pink noise"} <= set(select["options"])
        assert not [option for option in select["options"] if "://" in str(option)]
        assert select["custom_value"] is True


async def test_a_sound_chosen_by_name_is_stored_as_its_reference_and_shown_by_name(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_client: ClientSessionGenerator,
) -> None:
    client, flow_id, _ = await open_step(hass, hass_client, init_integration, "sound")
    answer = await submit(client, flow_id, sound_form(sound_source="Rain"))
    await hass.async_block_till_done()
    assert answer["type"] == "create_entry"
    assert init_integration.options["sound_source"] == f"{BUNDLED}/rain.flac"
    assert init_integration.options["sound_break_source"] == f"{BUNDLED}/ocean.flac"
    assert hass.states.get("select.study_sound").state == "Rain"

    _, _, fields = await open_step(hass, hass_client, init_integration, "sound")
    assert shown(fields["sound_source"]) == "Rain"


async def test_a_typed_stream_stays_as_typed(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_client: ClientSessionGenerator,
) -> None:
    stream = "https://radio.example/rain"
    client, flow_id, _ = await open_step(hass, hass_client, init_integration, "sound")
    answer = await submit(client, flow_id, sound_form(sound_source=f" {stream} "))
    await hass.async_block_till_done()
    assert answer["type"] == "create_entry"
    assert init_integration.options["sound_source"] == stream

    _, _, fields = await open_step(hass, hass_client, init_integration, "sound")
    assert shown(fields["sound_source"]) == stream
    assert stream in fields["sound_source"]["selector"]["select"]["options"]


LIGHTING: dict[str, Any] = {
    "light_entities": ["light.desk"],
    "light_focus_brightness": 30,
    "light_transition": 5,
    "light_break_mode": "restore",
    "light_break_brightness": 70,
    "light_turn_on": False,
}


async def test_the_colour_temperature_can_be_set_and_unset_again(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_client: ClientSessionGenerator,
) -> None:
    client, flow_id, fields = await open_step(hass, hass_client, init_integration, "lighting")
    # Nothing set yet: the switch is off and the slider waits at a warm white.
    assert shown(fields["light_set_color_temp"]) is False
    assert shown(fields["light_color_temp_kelvin"]) == 2700
    answer = await submit(
        client,
        flow_id,
        {**LIGHTING, "light_set_color_temp": True, "light_color_temp_kelvin": 3500},
    )
    await hass.async_block_till_done()
    assert answer["type"] == "create_entry"
    assert init_integration.options["light_color_temp_kelvin"] == 3500

    client, flow_id, fields = await open_step(hass, hass_client, init_integration, "lighting")
    assert shown(fields["light_set_color_temp"]) is True
    assert shown(fields["light_color_temp_kelvin"]) == 3500
    # The slider cannot be emptied; switching the colour temperature off unsets it.
    answer = await submit(
        client,
        flow_id,
        {**LIGHTING, "light_set_color_temp": False, "light_color_temp_kelvin": 3500},
    )
    await hass.async_block_till_done()
    assert answer["type"] == "create_entry"
    assert "light_color_temp_kelvin" not in init_integration.options

    _, _, fields = await open_step(hass, hass_client, init_integration, "lighting")
    assert shown(fields["light_set_color_temp"]) is False
