"""FocusLights: dim the chosen lights for focus and give each one back exactly as it was.

One per timer. It reacts to the timer (never changes it): when a focus block
starts it snapshots every chosen light, saves the snapshots to its Store, and
only then sets the focus level; when the lights are no longer needed (break
with "restore", stop, end of the session) it restores each light. A light that
someone else changes during focus (its state change carries a Context that is
not one of ours and does not fit the transition we started) is taken over: it
is left alone and not restored; a ``tomatoes_light_taken_over`` event reports
it. Failing or unavailable lights never stop the timer or the other lights.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Iterable
from datetime import timedelta
from enum import StrEnum
import logging
from typing import Any

from homeassistant.components.light.const import DOMAIN as LIGHT_DOMAIN
from homeassistant.config_entries import ConfigEntry
from homeassistant.const import ATTR_ENTITY_ID, SERVICE_TURN_OFF, SERVICE_TURN_ON
from homeassistant.core import (
    CALLBACK_TYPE,
    Context,
    Event as HassEvent,
    EventStateChangedData,
    HomeAssistant,
    callback,
)
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers.event import async_track_state_change_event
from homeassistant.helpers.start import async_at_started
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from ..const import DOMAIN
from ..engine import BREAKS, Event, EventType, Phase, Session, Status
from ..timer import FocusTimer
from . import adaptive_lighting
from .failures import Failure, LightFailures
from .options import BreakMode, Level, LightingOptions
from .records import LightRecord
from .state import ATTR_TRANSITION, Snapshot, expected_after, is_usable, level_data
from .targets import resolve_lights

_LOGGER = logging.getLogger(__name__)

EVENT_LIGHT_TAKEN_OVER = "tomatoes_light_taken_over"
CALL_TIMEOUT = 10.0
# State reports this long after a transition should have ended still count as the transition.
SETTLE_GRACE = timedelta(seconds=5)


class Mode(StrEnum):
    """What the chosen lights are set to."""

    OFF = "off"
    FOCUS = "focus"
    BREAK = "break"


def desired_mode(session: Session, options: LightingOptions) -> Mode:
    """Return what the lights should show for the timer's current phase."""
    if not options.enabled:
        return Mode.OFF
    if session.phase is Phase.FOCUS:
        return Mode.FOCUS
    if session.phase in BREAKS or session.status is Status.READY:
        if options.break_mode is BreakMode.FOCUS:
            return Mode.FOCUS
        if options.break_mode is BreakMode.BREAK_LEVEL:
            return Mode.BREAK
    return Mode.OFF


class FocusLights:
    """The focus lighting of one timer: snapshot, level, take-over, restore."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry: ConfigEntry,
        timer: FocusTimer,
        store: Store[dict[str, Any]],
    ) -> None:
        """Prepare; ``async_setup`` loads the stored snapshots and starts listening."""
        self.hass = hass
        self.entry = entry
        self.timer = timer
        self.options = LightingOptions.from_options(entry.options)
        self.failures = LightFailures(hass, entry.entry_id, entry.title)
        self._store = store
        self._records: dict[str, LightRecord] = {}
        self._mode = Mode.OFF
        self._chosen: set[str] = set()
        self._contexts: deque[str] = deque(maxlen=256)
        self._listeners: list[CALLBACK_TYPE] = []
        self._unsubs: list[CALLBACK_TYPE] = []
        self._unsub_lights: CALLBACK_TYPE | None = None
        self._tracked: set[str] = set()
        self._lock = asyncio.Lock()
        self._task: asyncio.Task[None] | None = None
        self._started = False
        self._closed = False
        self._dirty = False
        self._new_block = False
        self._refresh = False
        self._retry: set[str] = set()

    # ---------------------------------------------------------------- lifecycle

    async def async_setup(self) -> None:
        """Load stored snapshots and follow the timer (once Home Assistant has started)."""
        stored = await self._store.async_load()
        if stored:
            try:
                self._mode = Mode(stored.get("mode", Mode.OFF))
                self._records = {
                    light: LightRecord.from_dict(data)
                    for light, data in stored.get("lights", {}).items()
                }
            except KeyError, TypeError, ValueError:
                _LOGGER.exception("%s: stored light snapshots are unreadable", self.timer.name)
                self._mode, self._records = Mode.OFF, {}
        if not self.options.enabled and not self._records:
            return
        self._unsubs.append(self.timer.async_add_event_listener(self._on_timer_event))
        self._unsubs.append(self.timer.async_add_listener(self._kick))
        self._unsubs.append(async_at_started(self.hass, self._on_started))

    async def async_unload(self) -> None:
        """Stop listening; the snapshots stay stored for the next load."""
        self._closed = True
        while self._unsubs:
            self._unsubs.pop()()
        if self._unsub_lights is not None:
            self._unsub_lights()
            self._unsub_lights = None
        if self._task is not None:
            await asyncio.wait([self._task])
        await self._async_save()
        self.failures.clear()

    @callback
    def _on_started(self, _hass: HomeAssistant) -> None:
        self._started = True
        self._refresh = True
        self._kick()

    # ---------------------------------------------------------------- queries

    @property
    def taken_over(self) -> list[str]:
        """Return the lights someone else took over in this block."""
        return sorted(light for light, record in self._records.items() if record.taken_over)

    def diagnostics(self) -> dict[str, Any]:
        """Return the lighting state for diagnostics."""
        return {
            "mode": str(self._mode),
            "chosen": sorted(self._chosen),
            "lights": {light: record.as_dict() for light, record in self._records.items()},
            "failing": {light: str(reason) for light, reason in self.failures.failing.items()},
        }

    @callback
    def async_add_listener(self, listener: CALLBACK_TYPE) -> CALLBACK_TYPE:
        """Call ``listener`` when the mode or the taken-over lights change."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    # ----------------------------------------------------------------- actions

    async def async_hand_back(self, lights: Iterable[str] | None = None) -> None:
        """Take taken-over lights back (all when none are named): set them to the level again."""
        self._ensure_active()
        if lights is not None:
            wanted = set(lights)
            if unknown := sorted(wanted - self._records.keys()):
                raise ServiceValidationError(
                    translation_domain=DOMAIN,
                    translation_key="light_not_managed",
                    translation_placeholders={
                        "name": self.timer.name,
                        "lights": ", ".join(unknown),
                    },
                )
        async with self._lock:
            chosen = set(self._records) if lights is None else set(lights)
            back = [light for light in sorted(chosen) if self._records[light].taken_over]
            if not back or self._mode is Mode.OFF:
                return
            for light in back:
                self._records[light].taken_over = False
            await self._async_save()
            context = self._context()
            await self._async_mark_adaptive(back, context)
            await self._async_apply(back, self._level(), context)
            self._changed()

    async def async_let_go(self) -> None:
        """Give every light back now and leave them alone for the rest of the block."""
        self._ensure_active()
        async with self._lock:
            managed = [light for light, record in self._records.items() if not record.taken_over]
            restored = await self._async_restore(managed, self._context())
            for light in restored:
                self._records[light].taken_over = True
            await self._async_save()
            self._changed()

    def _ensure_active(self) -> None:
        if self._mode is Mode.OFF:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="lighting_not_active",
                translation_placeholders={"name": self.timer.name},
            )

    # -------------------------------------------------------------- reconcile

    @callback
    def _on_timer_event(self, event: Event) -> None:
        if event.type is EventType.FOCUS_STARTED:
            self._new_block = True
        self._kick()

    @callback
    def _kick(self) -> None:
        """Bring the lights in line with the timer soon (never inside the timer's call)."""
        if not self._started or self._closed:
            return
        self._dirty = True
        if self._task is None or self._task.done():
            self._task = self.entry.async_create_task(
                self.hass, self._async_work(), "tomatoes focus lighting", eager_start=False
            )

    async def _async_work(self) -> None:
        while self._dirty and not self._closed:
            self._dirty = False
            async with self._lock:
                await self._async_reconcile()
            self._track()

    async def _async_reconcile(self) -> None:
        desired = desired_mode(self.timer.session, self.options)
        new_block, self._new_block = self._new_block, False
        refresh, self._refresh = self._refresh, False
        retry, self._retry = self._retry, set()
        if refresh:  # after a restart or reload: lights that never got the level get it now
            retry |= {light for light, record in self._records.items() if record.expected is None}
        if desired is Mode.OFF:
            if self._mode is not Mode.OFF or self._records:
                await self._async_end_run()
            return
        entering = desired is not self._mode
        new_block = new_block or (desired is Mode.FOCUS and entering)
        previous, self._mode = self._mode, desired
        level = self._level()
        joining: list[str] = []
        if previous is Mode.OFF or new_block or refresh:
            joining = self._join(level, release=new_block or previous is Mode.OFF)
        await self._async_save()  # snapshots are safe before any light changes
        context = self._context()
        await self._async_mark_adaptive(joining, context)
        if entering or new_block:
            targets = [light for light, record in self._records.items() if not record.taken_over]
        else:
            targets = [
                light
                for light in {*joining, *retry}
                if light in self._records and not self._records[light].taken_over
            ]
        await self._async_apply(sorted(targets), level, context)
        await self._async_save()
        if entering or new_block:
            self._changed()

    def _join(self, level: Level, *, release: bool) -> list[str]:
        """Snapshot chosen lights that are not held yet; return those that joined."""
        chosen = resolve_lights(self.hass, self.options.entities, self.options.areas)
        self._chosen = set(chosen)
        if release:
            for light in [light for light, record in self._records.items() if record.taken_over]:
                del self._records[light]
        joining: list[str] = []
        for light in chosen:
            if light in self._records:
                continue
            state = self.hass.states.get(light)
            if state is None or not is_usable(state):
                self.failures.failed(light, Failure.UNAVAILABLE)
                continue
            if level_data(state, level, turn_on=self.options.turn_on) is None:
                continue
            self._records[light] = LightRecord(snapshot=Snapshot.from_state(state))
            joining.append(light)
        return joining

    async def _async_end_run(self) -> None:
        """Restore every light not taken over; keep the ones that could not be restored."""
        self._mode = Mode.OFF
        for light in [light for light, record in self._records.items() if record.taken_over]:
            del self._records[light]
        await self._async_save()
        restored = await self._async_restore(list(self._records), self._context())
        for light in restored:
            del self._records[light]
        await self._async_save()
        self._changed()

    # ------------------------------------------------------------ light calls

    def _level(self) -> Level:
        return self.options.break_level if self._mode is Mode.BREAK else self.options.focus

    @callback
    def _context(self) -> Context:
        """Create a Context for our own calls and remember it."""
        context = Context()
        self._contexts.append(context.id)
        return context

    def _transition(self) -> dict[str, Any]:
        return {ATTR_TRANSITION: self.options.transition} if self.options.transition else {}

    async def _async_apply(self, lights: list[str], level: Level, context: Context) -> None:
        await asyncio.gather(*(self._async_apply_one(light, level, context) for light in lights))

    async def _async_apply_one(self, light: str, level: Level, context: Context) -> None:
        record = self._records[light]
        record.expected = None
        state = self.hass.states.get(light)
        if state is None or not is_usable(state):
            self.failures.failed(light, Failure.UNAVAILABLE)
            return
        settled = dt_util.utcnow() + timedelta(seconds=self.options.transition) + SETTLE_GRACE
        data = level_data(state, level, turn_on=True)
        if data is None:  # an on/off light that is already on: nothing to send
            record.expected = expected_after(state, {}, settled)
            return
        expected = expected_after(state, data, settled)
        if await self._async_call(light, SERVICE_TURN_ON, {**data, **self._transition()}, context):
            record.expected = expected

    async def _async_restore(self, lights: list[str], context: Context) -> list[str]:
        """Restore lights, hand them back to Adaptive Lighting, and return those restored."""
        results = await asyncio.gather(
            *(self._async_restore_one(light, context) for light in lights)
        )
        restored = [light for light, done in zip(lights, results, strict=True) if done]
        handed = {
            light: switch
            for light in restored
            if (switch := self._records[light].adaptive_switch) is not None
        }
        await adaptive_lighting.async_set_manual_control(
            self.hass, handed, manual=False, context=context
        )
        for light in restored:
            self._records[light].adaptive_switch = None
            self._records[light].expected = None
        return restored

    async def _async_restore_one(self, light: str, context: Context) -> bool:
        snapshot = self._records[light].snapshot
        state = self.hass.states.get(light)
        if state is None or not is_usable(state):
            self.failures.failed(light, Failure.UNAVAILABLE)
            return False
        if snapshot.matches(state):
            self.failures.works(light)
            return True
        data = snapshot.restore_data(state)
        if data is None:
            return await self._async_call(light, SERVICE_TURN_OFF, self._transition(), context)
        return await self._async_call(
            light, SERVICE_TURN_ON, {**data, **self._transition()}, context
        )

    async def _async_call(
        self, light: str, service: str, data: dict[str, Any], context: Context
    ) -> bool:
        """Call a light action with our Context; a failure is recorded, never raised."""
        try:
            async with asyncio.timeout(CALL_TIMEOUT):
                await self.hass.services.async_call(
                    LIGHT_DOMAIN,
                    service,
                    {ATTR_ENTITY_ID: light, **data},
                    blocking=True,
                    context=context,
                )
        except TimeoutError:
            self.failures.failed(light, Failure.CALL_FAILED, f"no answer in {CALL_TIMEOUT:.0f} s")
            return False
        except Exception as err:  # noqa: BLE001 - a light integration may raise anything; one light must not stop the rest
            self.failures.failed(light, Failure.CALL_FAILED, str(err) or type(err).__name__)
            return False
        self.failures.works(light)
        return True

    async def _async_mark_adaptive(self, lights: list[str], context: Context) -> None:
        """Pause Adaptive Lighting on lights it manages, for as long as we hold them."""
        wanted = [light for light in lights if self._records[light].adaptive_switch is None]
        switches = adaptive_lighting.managing_switches(self.hass, wanted)
        done = await adaptive_lighting.async_set_manual_control(
            self.hass, switches, manual=True, context=context
        )
        for light in done:
            self._records[light].adaptive_switch = switches[light]

    # --------------------------------------------------------------- take-over

    @callback
    def _track(self) -> None:
        """Follow the state of the lights we hold, wait for, or that failed."""
        wanted = set(self._records) | set(self.failures.failing)
        if self._mode is not Mode.OFF:
            wanted |= self._chosen
        if self._closed or wanted == self._tracked:
            return
        if self._unsub_lights is not None:
            self._unsub_lights()
            self._unsub_lights = None
        self._tracked = wanted
        if wanted:
            self._unsub_lights = async_track_state_change_event(
                self.hass, sorted(wanted), self._on_light_changed
            )

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
        if record is None:
            if came_back and self._mode is not Mode.OFF and light in self._chosen:
                self._refresh = True
                self._kick()
            return
        if self._mode is Mode.OFF or record.taken_over:
            if came_back and not record.taken_over:
                self._kick()  # a restore that waited for this light
            return
        if record.expected is None:
            if came_back:
                self._retry.add(light)
                self._kick()
            return
        context = event.context
        if context.id in self._contexts or context.parent_id in self._contexts:
            return
        if record.expected.allows(new_state, dt_util.utcnow()):
            return
        self._take_over(light, record, context)

    @callback
    def _take_over(self, light: str, record: LightRecord, context: Context) -> None:
        record.taken_over = True
        record.expected = None
        _LOGGER.info("%s: %s was changed by someone else; leaving it alone", self.timer.name, light)
        self._store.async_delay_save(self._stored, 0)
        self.hass.bus.async_fire(
            EVENT_LIGHT_TAKEN_OVER,
            {"entry_id": self.entry.entry_id, "timer": self.timer.name, ATTR_ENTITY_ID: light},
            context=context,
        )
        self._changed()

    # ----------------------------------------------------------------- storage

    def _stored(self) -> dict[str, Any]:
        return {
            "mode": str(self._mode),
            "lights": {light: record.as_dict() for light, record in self._records.items()},
        }

    async def _async_save(self) -> None:
        await self._store.async_save(self._stored())

    @callback
    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()
