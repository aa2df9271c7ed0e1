"""Failing entities: one warning and one repair issue each, cleared when they work again."""

from __future__ import annotations

import asyncio

from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
import pytest

from custom_components.tomatoes.const import DOMAIN
from custom_components.tomatoes.toolkit.calls import EffectCalls, OwnContexts
from custom_components.tomatoes.toolkit.failures import (
    FailureReporter,
    Reason,
    async_delete_entry_issues,
)


def _issue(registry: ir.IssueRegistry, entity_id: str) -> ir.IssueEntry | None:
    return registry.async_get_issue(DOMAIN, f"light_entry_{entity_id}")


async def test_a_failure_warns_once_and_its_issue_follows_the_reason(
    hass: HomeAssistant, issue_registry: ir.IssueRegistry, caplog: pytest.LogCaptureFixture
) -> None:
    hass.states.async_set("light.desk", "unavailable", {"friendly_name": "Desk"})
    failures = FailureReporter(hass, "entry", "Study", "light")
    failures.failed("light.desk", Reason.UNAVAILABLE)
    failures.failed("light.desk", Reason.UNAVAILABLE)
    assert caplog.text.count("cannot be used") == 1
    found = _issue(issue_registry, "light.desk")
    assert found is not None
    assert found.translation_key == "light_unavailable"
    assert found.translation_placeholders == {
        "timer": "Study",
        "name": "Desk",
        "entity_id": "light.desk",
        "detail": "-",
    }
    failures.failed("light.desk", Reason.CALL_FAILED, "light.turn_on: boom")
    found = _issue(issue_registry, "light.desk")
    assert found is not None
    assert found.translation_key == "light_call_failed"
    assert caplog.text.count("cannot be used") == 1
    failures.available_again("light.desk")  # only clears unavailability
    assert _issue(issue_registry, "light.desk") is not None
    failures.works("light.desk")
    assert _issue(issue_registry, "light.desk") is None
    assert "works again" in caplog.text


async def test_issues_go_when_no_longer_chosen_and_on_clear(
    hass: HomeAssistant, issue_registry: ir.IssueRegistry
) -> None:
    failures = FailureReporter(hass, "entry", "Study", "light")
    for light in ("light.a", "light.b", "light.c"):
        failures.failed(light, Reason.UNAVAILABLE)
    failures.retain(["light.b", "light.c"])
    assert _issue(issue_registry, "light.a") is None
    assert _issue(issue_registry, "light.b") is not None
    # An issue left by an earlier load of the same timer goes with clear() too.
    FailureReporter(hass, "entry", "Study", "light").failed("light.old", Reason.UNAVAILABLE)
    failures.clear()
    assert not [issue for issue in issue_registry.issues if issue[0] == DOMAIN]
    failures.failed("light.b", Reason.UNAVAILABLE)
    async_delete_entry_issues(hass, "entry", "light")
    assert _issue(issue_registry, "light.b") is None


async def test_calls_carry_our_context_and_report_errors_and_silence(
    hass: HomeAssistant, issue_registry: ir.IssueRegistry
) -> None:
    seen: list[ServiceCall] = []
    answer = asyncio.Event()

    async def handler(call: ServiceCall) -> None:
        seen.append(call)
        mode = call.data.get("mode")
        if mode == "fail":
            raise HomeAssistantError("bulb on fire")
        if mode == "hang":
            await answer.wait()

    hass.services.async_register("light", "turn_on", handler)
    contexts = OwnContexts()
    calls = EffectCalls(
        hass,
        "light",
        FailureReporter(hass, "entry", "Study", "light"),
        timeout=0.05,
        contexts=contexts,
    )
    assert await calls.async_call("light.desk", "turn_on", {"mode": "ok"})
    assert contexts.owns(seen[-1].context)
    assert seen[-1].data == {"entity_id": "light.desk", "mode": "ok"}
    assert not await calls.async_call("light.desk", "turn_on", {"mode": "fail"})
    found = _issue(issue_registry, "light.desk")
    assert found is not None
    assert found.translation_key == "light_call_failed"
    assert "bulb on fire" in found.translation_placeholders["detail"]
    assert not await calls.async_call("light.desk", "turn_on", {"mode": "hang"})
    found = _issue(issue_registry, "light.desk")
    assert found is not None
    assert found.translation_key == "light_no_answer"
    answer.set()
    assert await calls.async_call("light.desk", "turn_on", {"mode": "ok"})
    assert _issue(issue_registry, "light.desk") is None
    assert not contexts.owns(None)
