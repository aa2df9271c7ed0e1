"""LightingEffect: dim the chosen lights for focus and give each one back exactly as it was.

One per timer. It reacts to the timer (never changes it): a `Worker` brings the lights in
line with what `policy.plan` says after every change of the timer, of a light or of an
action, one pass at a time. A pass saves the snapshots before any light changes. A light
that someone else changes during focus (a Context that is not ours, a state that does not
fit what we asked) is taken over: left alone, not given back, reported by a
``tomatoes_light_taken_over`` event. Failing or missing lights never stop the timer or the
other lights; nothing runs after the effect is closed.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
import logging
from typing import Any

from homeassistant.components.light.const import DOMAIN as LIGHT_DOMAIN
from homeassistant.config_entries import ConfigEntry
from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import (
    CALLBACK_TYPE,
    Context,
    Event as HassEvent,
    EventStateChangedData,
    HomeAssistant,
    callback,
)
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.event import async_track_state_change_event
from homeassistant.helpers.start import async_at_started
from homeassistant.util import dt as dt_util

from ..engine import Event, EventType
from ..timer import FocusTimer
from ..toolkit.calls import EffectCalls
from ..toolkit.failures import FailureReporter, Reason
from ..toolkit.lifecycle import Lifecycle, Listeners, Worker
from .commands import CALL_TIMEOUT, async_give_back, async_pause_adaptive, async_set_level
from .options import LightingOptions
from .policy import (
    Pass,
    Program,
    Reaction,
    Request,
    keep_record,
    plan,
    program_level,
    react,
    still_chosen,
    wanted_program,
)
from .records import LightRecord, lighting_store, stored_data
from .state import Snapshot, is_usable
from .targets import is_removal, resolve_lights

_LOGGER = logging.getLogger(__name__)

EVENT_LIGHT_TAKEN_OVER = "tomatoes_light_taken_over"


class LightingEffect:
    """The focus lighting of one timer: snapshot, level, take-over, give back."""

    def __init__(self, hass: HomeAssistant, entry: ConfigEntry, timer: FocusTimer) -> None:
        """Prepare; ``async_setup`` loads the stored snapshots and starts following the timer."""
        self.hass = hass
        self.entry = entry
        self.timer = timer
        self.options = LightingOptions.from_options(entry.options)
        self.failures = FailureReporter(hass, entry.entry_id, entry.title, "light")
        self._calls = EffectCalls(hass, LIGHT_DOMAIN, self.failures, timeout=CALL_TIMEOUT)
        self._store = lighting_store(hass, entry.entry_id)
        self._lifecycle = Lifecycle(hass, f"{entry.title} lighting")
        self._worker = Worker(self._lifecycle, self._async_pass, "pass")
        self._listeners: Listeners[()] = Listeners()
        self._records: dict[str, LightRecord] = {}
        self._program: Program | None = None
        self._chosen: dict[str, str] = {}
        self._kept = False
        self._started = False
        self._new_block = False
        self._refresh = False
        self._give_back_all = False
        self._retry: set[str] = set()
        self._deleted: set[str] = set()
        self._tracked: frozenset[str] = frozenset()
        self._unsub_lights: CALLBACK_TYPE | None = None

    # ---------------------------------------------------------------- lifecycle

    async def async_setup(self) -> None:
        """Load the stored snapshots (damage never stops the timer) and follow the timer."""
        if (stored := await self._store.async_load()) is not None:
            self._program, self._records, self._kept = stored.program, stored.records, True
        if not self.options.enabled and not self._records:
            return
        on_close = self._lifecycle.on_close
        on_close(self.timer.async_add_event_listener(self._on_timer_event))
        on_close(self.timer.async_add_listener(self._kick))
        on_close(async_at_started(self.hass, self._on_started))
        on_close(
            self.hass.bus.async_listen(
                er.EVENT_ENTITY_REGISTRY_UPDATED,
                self._on_registry_updated,
                event_filter=is_removal,
            )
        )
        on_close(self._stop_tracking)

    async def async_close(self) -> None:
        """Stop (running calls are cancelled), save what is held, and clear the repair issues."""
        await self._lifecycle.async_close()
        if self._kept or self._records:
            await self._async_save()
        self.failures.clear()

    async def async_settled(self) -> None:
        """Wait until every pass asked for so far has ended."""
        await self._worker.async_settled()

    @callback
    def _on_started(self, _hass: HomeAssistant) -> None:
        """Lights changed while nobody watched (Home Assistant down, a reload) are taken over."""
        now = dt_util.utcnow()
        for light, record in self._records.items():
            state = self.hass.states.get(light)
            expected = record.expected  # what was last asked of it, if it answered
            if is_usable(state) and expected and not expected.allows(state, now):
                self._take_over(light, record, Context())
        self._started = self._refresh = True
        self._kick()

    # ---------------------------------------------------------------- queries

    @property
    def active(self) -> bool:
        """Return whether the lights present a program now (focus or break level)."""
        return self._program is not None

    @property
    def held(self) -> list[str]:
        """Return the lights the timer holds a snapshot of."""
        return sorted(self._records)

    @property
    def taken_over(self) -> list[str]:
        """Return the lights someone else took over in this block."""
        return sorted(light for light, record in self._records.items() if record.taken_over)

    def diagnostics(self) -> dict[str, Any]:
        """Return the lighting state for diagnostics."""
        return {
            "program": self._program,
            "chosen": dict(self._chosen),
            "lights": {light: record.as_dict() for light, record in self._records.items()},
            "failing": {light: str(reason) for light, reason in self.failures.failing.items()},
        }

    @callback
    def async_add_listener(self, listener: CALLBACK_TYPE) -> CALLBACK_TYPE:
        """Call ``listener`` when the program or the taken-over lights change."""
        return self._listeners.add(listener)

    # ----------------------------------------------------------------- actions

    async def async_take_back(self, lights: Collection[str] | None = None) -> None:
        """Take taken-over lights back (all when none are named): they get the level again."""
        named = self._records.keys() if lights is None else set(lights) & self._records.keys()
        back = [light for light in sorted(named) if self._records[light].taken_over]
        if not back or self._program is None:
            return
        for light in back:
            self._records[light].taken_over = False
            self._records[light].expected = None
        self._retry.update(back)
        self._kick()
        await self._worker.async_settled()
        self._listeners.notify()

    async def async_apply_options(self, options: Mapping[str, Any]) -> None:
        """Use options a mode has written: lights that follow the timer take a new level now."""
        before, self.options = self.options, LightingOptions.from_options(options)
        if (before.focus, before.break_level) != (self.options.focus, self.options.break_level):
            self._retry.update(name for name, rec in self._records.items() if not rec.taken_over)
            self._kick()
            await self._worker.async_settled()

    async def async_give_back(self) -> None:
        """Give every light back now and leave them alone for the rest of the block."""
        self._give_back_all = True
        self._kick()
        await self._worker.async_settled()

    # -------------------------------------------------------------- reconcile

    @callback
    def _on_timer_event(self, event: Event) -> None:
        if event.type is EventType.FOCUS_STARTED:
            self._new_block = True
        self._kick()

    @callback
    def _kick(self) -> None:
        """Bring the lights in line soon (never inside the timer's call, never before start)."""
        if self._started:
            self._worker.kick()

    def _request(self) -> Request:
        """Return (and reset) what was asked for since the last pass."""
        request = Request(
            new_block=self._new_block,
            refresh=self._refresh,
            retry=frozenset(self._retry),
            give_back_all=self._give_back_all,
        )
        self._new_block = self._refresh = self._give_back_all = False
        self._retry.clear()
        return request

    async def _async_pass(self) -> None:
        """One pass: ask the policy, save the snapshots, then call the lights."""
        request = self._request()
        if deleted := self._deleted & self._records.keys():
            _LOGGER.info("%s: %s deleted; snapshots dropped", self.timer.name, ", ".join(deleted))
            for light in deleted:
                del self._records[light]
            await self._async_save()
        self._deleted.clear()
        wanted = wanted_program(self.timer.session, self.options)
        self._chosen = resolve_lights(self.hass, self.options.entities, self.options.areas)
        level = program_level(wanted, self.options)
        step = plan(
            previous=self._program,
            wanted=wanted,
            held={light: record.held for light, record in self._records.items()},
            chosen=self._chosen,
            states={light: self.hass.states.get(light) for light in self._chosen},
            turn_on=self.options.turn_on,
            level=level,
            request=request,
        )
        changed = step.program is not self._program or bool(step.release or step.join)
        self._program = step.program
        self._prepare(step)
        if changed:
            await self._async_save()  # snapshots are safe before any light changes
        context = self._calls.contexts.new()
        if step.give_back:
            await self._async_give_back(step, context)
        if step.level:
            await async_pause_adaptive(self.hass, self._records, step.level, context)
            await async_set_level(
                self._calls,
                self._records,
                step.level,
                level,
                transition=self.options.transition,
                context=context,
            )
        # An issue lasts while the timer needs the light: held, or chosen while a program runs.
        self.failures.retain({*self._records, *(self._chosen if self._program else ())})
        if step.give_back or step.level:
            await self._async_save()
        if step.announce:
            self._listeners.notify()
        self._track()

    def _prepare(self, step: Pass) -> None:
        """Forget ended take-overs, report lights that cannot join, snapshot those that do."""
        for light in step.release:
            del self._records[light]
        for light in step.unavailable:
            self.failures.failed(light, Reason.UNAVAILABLE)
        for light in step.join:
            if (state := self.hass.states.get(light)) is not None:
                self._records[light] = LightRecord(
                    snapshot=Snapshot.from_state(state), chosen_as=self._chosen[light]
                )

    async def _async_give_back(self, step: Pass, context: Context) -> None:
        """Give lights back; drop the snapshots of lights that vanished or are no longer chosen."""
        exists = {light: self._exists(light) for light in step.give_back}
        given = await async_give_back(
            self._calls,
            self._records,
            [light for light in step.give_back if exists[light]],
            transition=self.options.transition,
            context=context,
        )
        for light in step.give_back:
            record = self._records[light]
            if light in given:
                if step.let_go:
                    record.taken_over = True  # left alone for the rest of the block
                else:
                    del self._records[light]
                continue
            chosen = still_chosen(light, record.chosen_as, self._chosen, self.options)
            if not keep_record(exists=exists[light], chosen=chosen):
                _LOGGER.info(
                    "%s: %s %s; its snapshot is dropped",
                    self.timer.name,
                    light,
                    "is no longer chosen" if exists[light] else "no longer exists",
                )
                del self._records[light]

    def _exists(self, light: str) -> bool:
        """Return whether a light is still known to Home Assistant (state or registry entry)."""
        return (
            self.hass.states.get(light) is not None
            or er.async_get(self.hass).async_get(light) is not None
        )

    # --------------------------------------------------------------- take-over

    @callback
    def _track(self) -> None:
        """Follow the state of the lights we hold, wait for, or that failed."""
        wanted = frozenset({*self._records, *self.failures.failing})
        if self._program is not None:
            wanted |= self._chosen.keys()
        if self._lifecycle.closed or wanted == self._tracked:
            return
        self._stop_tracking()
        self._tracked = wanted
        if wanted:
            self._unsub_lights = async_track_state_change_event(
                self.hass, sorted(wanted), self._on_light_changed
            )

    @callback
    def _stop_tracking(self) -> None:
        if self._unsub_lights is not None:
            self._unsub_lights()
            self._unsub_lights = None
        self._tracked = frozenset()

    @callback
    def _on_light_changed(self, event: HassEvent[EventStateChangedData]) -> None:
        light = event.data["entity_id"]
        new_state = event.data["new_state"]
        if new_state is None or not is_usable(new_state):
            return
        came_back = not is_usable(event.data["old_state"])
        if came_back:
            self.failures.available_again(light)
        record = self._records.get(light)
        fits = record is not None and (
            self._calls.contexts.owns(event.context)
            or (record.expected is not None and record.expected.allows(new_state, dt_util.utcnow()))
        )
        reaction = react(
            program=self._program,
            held=None if record is None else record.held,
            chosen=light in self._chosen,
            came_back=came_back,
            fits=fits,
        )
        if reaction is Reaction.JOIN:
            self._refresh = True
        elif reaction is Reaction.LEVEL:
            self._retry.add(light)
        elif reaction is Reaction.TAKE_OVER and record is not None:
            self._take_over(light, record, event.context)
            return
        if reaction is not Reaction.NONE:
            self._kick()

    @callback
    def _take_over(self, light: str, record: LightRecord, context: Context) -> None:
        record.taken_over = True
        record.expected = None
        _LOGGER.info("%s: %s was changed by someone else; leaving it alone", self.timer.name, light)
        self._store.async_delay_save(self._stored)
        self.hass.bus.async_fire(
            EVENT_LIGHT_TAKEN_OVER,
            {"entry_id": self.entry.entry_id, "timer": self.timer.name, ATTR_ENTITY_ID: light},
            context=context,
        )
        self._listeners.notify()

    @callback
    def _on_registry_updated(self, event: HassEvent[er.EventEntityRegistryUpdatedData]) -> None:
        """Forget a held light that was deleted (at the next pass): nothing is left to give back."""
        if event.data["entity_id"] in self._records:
            self._deleted.add(event.data["entity_id"])
            self._kick()

    # ----------------------------------------------------------------- storage

    def _stored(self) -> dict[str, Any]:
        return stored_data(self._program, self._records)

    async def _async_save(self) -> None:
        await self._store.async_save(self._stored())
        self._kept = True
