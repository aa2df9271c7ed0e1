"""Which lights a timer dims: chosen lights and areas, light groups expanded to members."""

from __future__ import annotations

from collections.abc import Iterable

from homeassistant.components.light.const import DOMAIN as LIGHT_DOMAIN
from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import HomeAssistant, callback, split_entity_id
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.target import TargetSelection, async_extract_referenced_entity_ids


@callback
def is_removal(data: er.EventEntityRegistryUpdatedData) -> bool:
    """Return whether an entity registry change deletes an entity (a light that is gone)."""
    return data["action"] == "remove"


def _is_light(entity_id: str) -> bool:
    return split_entity_id(entity_id)[0] == LIGHT_DOMAIN


def group_members(hass: HomeAssistant, entity_id: str) -> list[str] | None:
    """Return the member lights of a light group, or None when the light is no group."""
    state = hass.states.get(entity_id)
    if state is None:
        return None
    members = state.attributes.get(ATTR_ENTITY_ID)
    if not isinstance(members, list | tuple):
        return None
    return [member for member in members if isinstance(member, str) and _is_light(member)]


def expand_groups(hass: HomeAssistant, entity_ids: Iterable[str]) -> list[str]:
    """Replace light groups (those listing their members) by their member lights, recursively.

    Each member is then snapshotted and restored on its own, so members that
    differ (one bright, one dim) come back exactly as they were.
    """
    found: list[str] = []
    seen: set[str] = set()

    def visit(entity_id: str) -> None:
        if entity_id in seen:
            return
        seen.add(entity_id)
        members = group_members(hass, entity_id)
        if members is None:
            found.append(entity_id)
            return
        for member in members:
            visit(member)

    for entity_id in entity_ids:
        visit(entity_id)
    return found


def resolve_lights(
    hass: HomeAssistant, entities: Iterable[str], areas: Iterable[str]
) -> dict[str, str]:
    """Return the lights behind chosen entities and areas, groups expanded, sorted.

    Each light maps to the choice that brought it in (the chosen entity or area id, the
    first one when several do), so a light can be told to be still chosen while its group
    is unavailable and cannot list its members.
    """
    found: dict[str, str] = {}
    for entity_id in entities:
        if _is_light(entity_id):
            for light in expand_groups(hass, [entity_id]):
                found.setdefault(light, entity_id)
    for area_id in areas:
        selected = async_extract_referenced_entity_ids(
            hass, TargetSelection({"area_id": [area_id]}), expand_group=False
        )
        in_area = sorted(
            entity_id for entity_id in selected.indirectly_referenced if _is_light(entity_id)
        )
        for light in expand_groups(hass, in_area):
            found.setdefault(light, area_id)
    return dict(sorted(found.items()))
