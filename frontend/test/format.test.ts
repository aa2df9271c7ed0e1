import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { resolveConfig, stubConfig } from "../src/config.js";
import { cyclePosition } from "../src/cycle.js";
import {
  cardLanguage,
  formatMinutes,
  LANGUAGES,
  localize,
  TRANSLATIONS,
  type Key,
} from "../src/localize.js";
import { modeFigures } from "../src/modes.js";
import type { HomeAssistant } from "../src/types.js";

describe("cyclePosition", () => {
  it("counts the block in progress during focus and the block done during a break", () => {
    assert.deepEqual(cyclePosition("focus", "short_break", 1, 4), { block: 2, of: 4 });
    assert.deepEqual(cyclePosition("short_break", "focus", 2, 4), { block: 2, of: 4 });
    assert.deepEqual(cyclePosition("long_break", "focus", 0, 4), { block: 4, of: 4 });
  });

  it("shows what comes next while waiting", () => {
    assert.deepEqual(cyclePosition("idle", "focus", 0, 4), { block: 1, of: 4 });
    assert.deepEqual(cyclePosition("idle", "focus", 3, 4), { block: 4, of: 4 });
    assert.deepEqual(cyclePosition("idle", "long_break", 4, 4), { block: 4, of: 4 });
  });

  it("stays within the cycle", () => {
    assert.deepEqual(cyclePosition("short_break", "focus", 0, 4), { block: 1, of: 4 });
    assert.deepEqual(cyclePosition("focus", "long_break", 7, 3), { block: 3, of: 3 });
    assert.deepEqual(cyclePosition("focus", "long_break", 0, 0), { block: 1, of: 1 });
  });
});

describe("localize", () => {
  it("has every text in all five languages, with the same placeholders", () => {
    const placeholders = (text: unknown): string =>
      JSON.stringify(String(JSON.stringify(text)).match(/\{\w+\}/g)?.sort() ?? []);
    for (const language of LANGUAGES) {
      for (const key of Object.keys(TRANSLATIONS.en) as Key[]) {
        const text = TRANSLATIONS[language][key];
        assert.ok(text, `${language}: ${key}`);
        const english = TRANSLATIONS.en[key];
        assert.equal(typeof text, typeof english, `${language}: ${key}`);
        if (typeof english !== "string") {
          const plural = text as { one: string; other: string };
          assert.equal(placeholders(plural.one), placeholders(english.one), `${language}: ${key}`);
          assert.equal(placeholders(plural.other), placeholders(english.other));
        } else {
          assert.equal(placeholders(text), placeholders(english), `${language}: ${key}`);
        }
      }
    }
  });

  it("fills in placeholders and picks the plural form", () => {
    assert.equal(localize("en", "label.block", { block: 2, of: 4 }), "Block 2 of 4");
    assert.equal(localize("de", "label.block", { block: 2, of: 4 }), "Block 2 von 4");
    assert.equal(
      localize("en", "label.today_value", { blocks: 1, minutes: "25" }, 1),
      "1 block · 25 min",
    );
    assert.equal(
      localize("nl", "label.today_value", { blocks: 3, minutes: "75" }, 3),
      "3 blokken · 75 min",
    );
    // French counts zero as singular.
    assert.equal(localize("fr", "label.today_value", { blocks: 0, minutes: "0" }, 0), "0 bloc · 0 min");
    assert.equal(localize("es", "action.extend_label", { minutes: 5 }, 5), "Añadir 5 minutos");
  });

  it("follows Home Assistant's language, falling back to English", () => {
    assert.equal(cardLanguage("de"), "de");
    assert.equal(cardLanguage("fr-CA"), "fr");
    assert.equal(cardLanguage("nl_BE"), "nl");
    assert.equal(cardLanguage("pt-BR"), "en");
    assert.equal(cardLanguage(undefined), "en");
  });

  it("writes minutes as each language does", () => {
    assert.equal(formatMinutes("en", 12.5), "12.5");
    assert.equal(formatMinutes("de", 12.5), "12,5");
    assert.equal(formatMinutes("fr", 1250), "1\u202f250");
    assert.equal(formatMinutes("en", 25.04), "25");
  });
});

describe("config", () => {
  it("fills in the defaults", () => {
    assert.deepEqual(resolveConfig({ type: "custom:tomatoes-card", entity: "sensor.study_phase" }), {
      type: "custom:tomatoes-card",
      entity: "sensor.study_phase",
      extend_minutes: 5,
      show_cycle: true,
      show_today: true,
      show_task: true,
      show_mode: true,
      show_sound: true,
      show_lighting: true,
    });
    const chosen = resolveConfig({
      type: "custom:tomatoes-card",
      entity: "sensor.study_phase",
      name: "Desk",
      show_sound: false,
      extend_minutes: 10,
    });
    assert.equal(chosen.name, "Desk");
    assert.equal(chosen.show_sound, false);
    assert.equal(chosen.extend_minutes, 10);
  });

  it("reads show_preset of cards written before modes as show_mode", () => {
    const old = { type: "custom:tomatoes-card", entity: "sensor.study_phase", show_preset: false };
    assert.equal(resolveConfig(old).show_mode, false);
    assert.equal(resolveConfig({ ...old, show_mode: true }).show_mode, true);
    assert.ok(!("show_preset" in resolveConfig(old)));
    assert.throws(
      () => resolveConfig({ ...old, show_preset: "no" as unknown as boolean }),
      /show_preset/,
    );
  });

  it("refuses what it cannot use, with a message that names the option", () => {
    assert.throws(() => resolveConfig({ type: "custom:tomatoes-card" }), /entity/);
    assert.throws(() => resolveConfig({ type: "x", entity: "study" }), /entity/);
    assert.throws(
      () => resolveConfig({ type: "x", entity: "sensor.a", extend_minutes: 0 }),
      /extend_minutes/,
    );
    assert.throws(
      () => resolveConfig({ type: "x", entity: "sensor.a", show_task: "yes" as unknown as boolean }),
      /show_task/,
    );
  });

  it("starts a new card on the first timer's phase sensor", () => {
    const hass = {
      entities: {
        "sensor.office_phase": { entity_id: "sensor.office_phase", platform: "tomatoes", translation_key: "phase" },
        "sensor.office_status": { entity_id: "sensor.office_status", platform: "tomatoes", translation_key: "status" },
        "sensor.other_phase": { entity_id: "sensor.other_phase", platform: "other", translation_key: "phase" },
        "sensor.desk_phase": { entity_id: "sensor.desk_phase", platform: "tomatoes", translation_key: "phase" },
      },
    } as unknown as HomeAssistant;
    assert.deepEqual(stubConfig(hass), { type: "custom:tomatoes-card", entity: "sensor.desk_phase" });
    assert.equal(stubConfig({ entities: {} } as unknown as HomeAssistant).entity, "");
  });
});

describe("modeFigures", () => {
  const names: Record<string, string> = { deep_focus: "Tiefer Fokus 50/10/30 ×3" };
  const name = (option: string): string => names[option] ?? option;

  it("writes each mode's blocks and minutes with the mode's shown name", () => {
    const modes = { deep_focus: { blocks: 2, minutes: 100 }, Writing: { blocks: 1, minutes: 12.5 } };
    assert.equal(
      modeFigures("de", modes, name),
      "Tiefer Fokus 50/10/30 ×3: 2 Blöcke · 100 Min.; Writing: 1 Block · 12,5 Min.",
    );
  });

  it("writes nothing before any focus today", () => {
    assert.equal(modeFigures("en", {}, name), undefined);
    assert.equal(modeFigures("en", undefined, name), undefined);
  });
});
