/**
 * Entry of the Tomatoes card module, loaded on every dashboard by the integration.
 *
 * A module can end up loaded twice (the integration's URL and an old dashboard
 * resource, or two versions during an update): the second load defines nothing and
 * adds no second entry to the card picker.
 *
 * The frontend loads this module alongside its own app, which replaces
 * `window.customElements` with a scoped registry while it boots. When this module
 * runs first, its element lands in the browser's own registry, which the frontend
 * no longer consults ("Custom element doesn't exist"). So the element is defined in
 * the registry of the moment and defined again, once, in the frontend's registry as
 * soon as the frontend has defined its own root element.
 */

import { TomatoesCard } from "./card.js";
import { CARD_TYPE } from "./config.js";
import { cardLanguage, localize } from "./localize.js";

declare const __VERSION__: string;

interface CustomCardEntry {
  type: string;
  name: string;
  description?: string;
  preview?: boolean;
  documentationURL?: string;
}

declare global {
  interface Window {
    customCards?: CustomCardEntry[];
  }
}

/** Define the card in the registry `window.customElements` is now, unless it is there. */
function register(): void {
  const registry = window.customElements;
  if (!registry.get(CARD_TYPE)) {
    registry.define(CARD_TYPE, TomatoesCard);
  }
}

const firstLoad = !customElements.get(CARD_TYPE);
register();
void window.customElements.whenDefined("home-assistant").then(register);

if (firstLoad) {
  const cards = (window.customCards ??= []);
  if (!cards.some((card) => card.type === CARD_TYPE)) {
    cards.push({
      type: CARD_TYPE,
      name: "Tomatoes",
      description: localize(
        cardLanguage(document.documentElement.lang || navigator.language),
        "picker.description",
      ),
      preview: true,
      documentationURL: "https://github.com/tomatoes-ha/tomatoes#dashboard-card",
    });
  }
  console.info(`%c TOMATOES-CARD %c ${__VERSION__} `, "color:#fff;background:#db4437", "");
}
