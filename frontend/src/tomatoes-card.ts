/**
 * Entry of the Tomatoes card module, loaded on every dashboard by the integration.
 *
 * A module can end up loaded twice (the integration's URL and an old dashboard
 * resource, or two versions during an update): the second load defines nothing and
 * adds no second entry to the card picker.
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

if (!customElements.get(CARD_TYPE)) {
  customElements.define(CARD_TYPE, TomatoesCard);
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
