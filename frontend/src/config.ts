/** The card's options: defaults, checks, the visual editor's form and the first config. */

import { cardLanguage, localize, type Key } from "./localize.js";
import type { HomeAssistant, TomatoesCardConfig } from "./types.js";

export const CARD_TYPE = "tomatoes-card";

export const SHOW_OPTIONS = [
  "show_cycle",
  "show_today",
  "show_task",
  "show_mode",
  "show_sound",
  "show_lighting",
] as const;
export type ShowOption = (typeof SHOW_OPTIONS)[number];

export const DEFAULT_EXTEND_MINUTES = 5;
const MAX_EXTEND_MINUTES = 240;

/** The options with every default filled in (``show_preset`` is read as ``show_mode``). */
export type ResolvedConfig = Required<Omit<TomatoesCardConfig, "name" | "show_preset">> & {
  name?: string;
};

/** Check a config from YAML or the editor and fill in the defaults; throws on bad input. */
export function resolveConfig(config: Partial<TomatoesCardConfig> | undefined): ResolvedConfig {
  if (!config || typeof config !== "object") {
    throw new Error("Invalid configuration");
  }
  if (typeof config.entity !== "string" || !/^\w+\.\w+$/.test(config.entity)) {
    throw new Error("entity: give any entity of a Tomatoes timer, e.g. sensor.study_phase");
  }
  const extend = config.extend_minutes ?? DEFAULT_EXTEND_MINUTES;
  if (typeof extend !== "number" || !(extend > 0 && extend <= MAX_EXTEND_MINUTES)) {
    throw new Error(`extend_minutes: a number of minutes from 1 to ${MAX_EXTEND_MINUTES}`);
  }
  const resolved: ResolvedConfig = {
    type: config.type ?? `custom:${CARD_TYPE}`,
    entity: config.entity,
    extend_minutes: extend,
    show_cycle: true,
    show_today: true,
    show_task: true,
    show_mode: true,
    show_sound: true,
    show_lighting: true,
  };
  // Cards written before modes said show_preset; it keeps working as show_mode.
  const given: Partial<TomatoesCardConfig> = { show_mode: config.show_preset, ...config };
  for (const option of SHOW_OPTIONS) {
    const value = given[option];
    if (value !== undefined && typeof value !== "boolean") {
      const named = option === "show_mode" && config.show_mode === undefined ? "show_preset" : option;
      throw new Error(`${named}: true or false`);
    }
    resolved[option] = value ?? true;
  }
  if (config.name !== undefined && config.name !== null && String(config.name) !== "") {
    resolved.name = String(config.name);
  }
  return resolved;
}

/** The phase sensors of all Tomatoes timers, from the entity registry the frontend holds. */
export function timerEntities(hass: HomeAssistant): string[] {
  return Object.values(hass.entities ?? {})
    .filter((entry) => entry?.platform === "tomatoes" && entry.translation_key === "phase")
    .map((entry) => entry!.entity_id)
    .sort();
}

/** The config of a card added from the card picker: the first timer found. */
export function stubConfig(hass: HomeAssistant): TomatoesCardConfig {
  return { type: `custom:${CARD_TYPE}`, entity: timerEntities(hass)[0] ?? "" };
}

interface FormField {
  name: string;
  type?: "grid";
  required?: boolean;
  default?: unknown;
  selector?: Record<string, unknown>;
  schema?: FormField[];
}

/** The visual editor: Home Assistant's own form, described by a schema. */
export function configForm(): {
  schema: FormField[];
  computeLabel: (field: FormField) => string | undefined;
  computeHelper: (field: FormField) => string | undefined;
} {
  const language = (): ReturnType<typeof cardLanguage> =>
    cardLanguage(globalThis.document?.documentElement?.lang);
  return {
    schema: [
      {
        name: "entity",
        required: true,
        selector: {
          entity: { filter: { integration: "tomatoes", domain: "sensor", device_class: "enum" } },
        },
      },
      { name: "name", selector: { text: {} } },
      {
        name: "",
        type: "grid",
        schema: SHOW_OPTIONS.map((option) => ({
          name: option,
          default: true,
          selector: { boolean: {} },
        })),
      },
      {
        name: "extend_minutes",
        default: DEFAULT_EXTEND_MINUTES,
        selector: {
          number: { min: 1, max: MAX_EXTEND_MINUTES, step: 1, mode: "box", unit_of_measurement: "min" },
        },
      },
    ],
    computeLabel: (field) =>
      field.name ? localize(language(), `editor.${field.name}` as Key) : undefined,
    computeHelper: (field) =>
      field.name === "entity" ? localize(language(), "editor.entity_helper") : undefined,
  };
}
