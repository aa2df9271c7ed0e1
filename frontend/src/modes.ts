/** Today's focus per mode, as the card writes it under "Today". */

import { formatMinutes, localize, type Language } from "./localize.js";

/** One mode's figures of today, as the mode sensor's attribute `modes` holds them. */
export interface ModeFigures {
  blocks?: number;
  minutes?: number;
}

/**
 * Write each mode's blocks and minutes of today ("Deep Focus: 2 blocks · 100 min; …"), in
 * the order the sensor lists them; `name` turns a mode select option into its shown name.
 * Nothing when no mode was focused in today.
 */
export function modeFigures(
  language: Language,
  modes: Record<string, ModeFigures> | undefined,
  name: (option: string) => string,
): string | undefined {
  const entries = Object.entries(modes ?? {});
  if (entries.length === 0) {
    return undefined;
  }
  return entries
    .map(([option, figures]) => {
      const blocks = figures.blocks ?? 0;
      const minutes = formatMinutes(language, figures.minutes ?? 0);
      return `${name(option)}: ${localize(language, "label.today_value", { blocks, minutes }, blocks)}`;
    })
    .join("; ");
}
