/** The card's words in the integration's five languages (English, German, French, Spanish, Dutch). */

export const LANGUAGES = ["en", "de", "fr", "es", "nl"] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text, or plural forms chosen with Intl.PluralRules ("one" and "other"). */
type Text = string | { one: string; other: string };

const en = {
  "phase.idle": "Idle",
  "phase.focus": "Focus",
  "phase.short_break": "Short break",
  "phase.long_break": "Long break",
  "status.idle": "Idle",
  "status.running": "Running",
  "status.paused": "Paused",
  "status.ready": "Ready",
  "action.start": "Start",
  "action.pause": "Pause",
  "action.resume": "Resume",
  "action.skip": "Skip",
  "action.stop": "Stop",
  "action.extend": "+{minutes} min",
  "action.extend_label": { one: "Add {minutes} minute", other: "Add {minutes} minutes" },
  "label.time_left": "{time} left",
  "label.next": "Next",
  "label.block": "Block {block} of {of}",
  "label.today": "Today",
  "label.today_value": {
    one: "{blocks} block · {minutes} min",
    other: "{blocks} blocks · {minutes} min",
  },
  "label.task": "Task",
  "label.mode": "Mode",
  "label.modified": "changed",
  "label.reapply": "Apply {mode} again",
  "label.by_mode": "By mode",
  "label.sound": "Sound",
  "label.volume": "Volume",
  "label.lighting": "Focus lighting",
  "label.unavailable": "{name} is unavailable.",
  "label.not_found": "{entity} is not an entity of a Tomatoes timer.",
  "label.no_entity": "Choose a Tomatoes timer in the card's settings.",
  "label.failed": "That did not work: {error}",
  "editor.entity": "Timer",
  "editor.entity_helper": "Any entity of the timer, for example its Phase sensor",
  "editor.name": "Name (the timer's name when empty)",
  "editor.show_cycle": "Block in the cycle",
  "editor.show_today": "Today's blocks and minutes",
  "editor.show_task": "Task",
  "editor.show_mode": "Mode",
  "editor.show_sound": "Sound and volume (when media players are chosen)",
  "editor.show_lighting": "Focus lighting switch (when lights are chosen)",
  "editor.extend_minutes": "Minutes added by Extend",
  "picker.description":
    "A Pomodoro focus timer: countdown ring, controls, mode, sound and lights.",
} satisfies Record<string, Text>;

export type Key = keyof typeof en;
type Table = Record<Key, Text>;

const de: Table = {
  "phase.idle": "Inaktiv",
  "phase.focus": "Fokus",
  "phase.short_break": "Kurze Pause",
  "phase.long_break": "Lange Pause",
  "status.idle": "Inaktiv",
  "status.running": "Läuft",
  "status.paused": "Pausiert",
  "status.ready": "Bereit",
  "action.start": "Start",
  "action.pause": "Pause",
  "action.resume": "Fortsetzen",
  "action.skip": "Überspringen",
  "action.stop": "Stopp",
  "action.extend": "+{minutes} Min.",
  "action.extend_label": {
    one: "{minutes} Minute hinzufügen",
    other: "{minutes} Minuten hinzufügen",
  },
  "label.time_left": "noch {time}",
  "label.next": "Danach",
  "label.block": "Block {block} von {of}",
  "label.today": "Heute",
  "label.today_value": {
    one: "{blocks} Block · {minutes} Min.",
    other: "{blocks} Blöcke · {minutes} Min.",
  },
  "label.task": "Aufgabe",
  "label.mode": "Modus",
  "label.modified": "geändert",
  "label.reapply": "{mode} erneut anwenden",
  "label.by_mode": "Nach Modus",
  "label.sound": "Klang",
  "label.volume": "Lautstärke",
  "label.lighting": "Fokus-Licht",
  "label.unavailable": "{name} ist nicht verfügbar.",
  "label.not_found": "{entity} ist keine Entität eines Tomatoes-Timers.",
  "label.no_entity": "Wähle in den Einstellungen der Karte einen Tomatoes-Timer.",
  "label.failed": "Das hat nicht geklappt: {error}",
  "editor.entity": "Timer",
  "editor.entity_helper": "Eine beliebige Entität des Timers, zum Beispiel sein Phasen-Sensor",
  "editor.name": "Name (leer: der Name des Timers)",
  "editor.show_cycle": "Block im Zyklus",
  "editor.show_today": "Blöcke und Minuten von heute",
  "editor.show_task": "Aufgabe",
  "editor.show_mode": "Modus",
  "editor.show_sound": "Klang und Lautstärke (wenn Mediaplayer gewählt sind)",
  "editor.show_lighting": "Schalter für das Fokus-Licht (wenn Lampen gewählt sind)",
  "editor.extend_minutes": "Minuten, die „Verlängern“ hinzufügt",
  "picker.description":
    "Ein Pomodoro-Fokus-Timer: Countdown-Ring, Steuerung, Modus, Klang und Licht.",
};

const fr: Table = {
  "phase.idle": "Inactif",
  "phase.focus": "Concentration",
  "phase.short_break": "Pause courte",
  "phase.long_break": "Pause longue",
  "status.idle": "Inactif",
  "status.running": "En cours",
  "status.paused": "En pause",
  "status.ready": "Prêt",
  "action.start": "Démarrer",
  "action.pause": "Pause",
  "action.resume": "Reprendre",
  "action.skip": "Passer",
  "action.stop": "Arrêter",
  "action.extend": "+{minutes} min",
  "action.extend_label": { one: "Ajouter {minutes} minute", other: "Ajouter {minutes} minutes" },
  "label.time_left": "encore {time}",
  "label.next": "Ensuite",
  "label.block": "Bloc {block} sur {of}",
  "label.today": "Aujourd'hui",
  "label.today_value": {
    one: "{blocks} bloc · {minutes} min",
    other: "{blocks} blocs · {minutes} min",
  },
  "label.task": "Tâche",
  "label.mode": "Mode",
  "label.modified": "modifié",
  "label.reapply": "Appliquer de nouveau {mode}",
  "label.by_mode": "Par mode",
  "label.sound": "Son",
  "label.volume": "Volume",
  "label.lighting": "Éclairage de concentration",
  "label.unavailable": "{name} n'est pas disponible.",
  "label.not_found": "{entity} n'est pas une entité d'un minuteur Tomatoes.",
  "label.no_entity": "Choisissez un minuteur Tomatoes dans les réglages de la carte.",
  "label.failed": "Cela n'a pas fonctionné : {error}",
  "editor.entity": "Minuteur",
  "editor.entity_helper": "N'importe quelle entité du minuteur, par exemple son capteur Phase",
  "editor.name": "Nom (vide : le nom du minuteur)",
  "editor.show_cycle": "Bloc dans le cycle",
  "editor.show_today": "Blocs et minutes du jour",
  "editor.show_task": "Tâche",
  "editor.show_mode": "Mode",
  "editor.show_sound": "Son et volume (si des lecteurs multimédias sont choisis)",
  "editor.show_lighting": "Interrupteur de l'éclairage de concentration (si des lampes sont choisies)",
  "editor.extend_minutes": "Minutes ajoutées par « Prolonger »",
  "picker.description":
    "Un minuteur Pomodoro : anneau du compte à rebours, commandes, mode, son et lumières.",
};

const es: Table = {
  "phase.idle": "Inactivo",
  "phase.focus": "Concentración",
  "phase.short_break": "Descanso corto",
  "phase.long_break": "Descanso largo",
  "status.idle": "Inactivo",
  "status.running": "En marcha",
  "status.paused": "En pausa",
  "status.ready": "Listo",
  "action.start": "Iniciar",
  "action.pause": "Pausar",
  "action.resume": "Reanudar",
  "action.skip": "Saltar",
  "action.stop": "Detener",
  "action.extend": "+{minutes} min",
  "action.extend_label": { one: "Añadir {minutes} minuto", other: "Añadir {minutes} minutos" },
  "label.time_left": "quedan {time}",
  "label.next": "Después",
  "label.block": "Bloque {block} de {of}",
  "label.today": "Hoy",
  "label.today_value": {
    one: "{blocks} bloque · {minutes} min",
    other: "{blocks} bloques · {minutes} min",
  },
  "label.task": "Tarea",
  "label.mode": "Modo",
  "label.modified": "cambiado",
  "label.reapply": "Aplicar de nuevo {mode}",
  "label.by_mode": "Por modo",
  "label.sound": "Sonido",
  "label.volume": "Volumen",
  "label.lighting": "Iluminación de concentración",
  "label.unavailable": "{name} no está disponible.",
  "label.not_found": "{entity} no es una entidad de un temporizador de Tomatoes.",
  "label.no_entity": "Elige un temporizador de Tomatoes en los ajustes de la tarjeta.",
  "label.failed": "No ha funcionado: {error}",
  "editor.entity": "Temporizador",
  "editor.entity_helper": "Cualquier entidad del temporizador, por ejemplo su sensor Fase",
  "editor.name": "Nombre (vacío: el nombre del temporizador)",
  "editor.show_cycle": "Bloque del ciclo",
  "editor.show_today": "Bloques y minutos de hoy",
  "editor.show_task": "Tarea",
  "editor.show_mode": "Modo",
  "editor.show_sound": "Sonido y volumen (si hay reproductores elegidos)",
  "editor.show_lighting": "Interruptor de la iluminación de concentración (si hay luces elegidas)",
  "editor.extend_minutes": "Minutos que añade «Prolongar»",
  "picker.description":
    "Un temporizador Pomodoro: anillo de cuenta atrás, controles, modo, sonido y luces.",
};

const nl: Table = {
  "phase.idle": "Inactief",
  "phase.focus": "Focus",
  "phase.short_break": "Korte pauze",
  "phase.long_break": "Lange pauze",
  "status.idle": "Inactief",
  "status.running": "Loopt",
  "status.paused": "Gepauzeerd",
  "status.ready": "Gereed",
  "action.start": "Starten",
  "action.pause": "Pauzeren",
  "action.resume": "Hervatten",
  "action.skip": "Overslaan",
  "action.stop": "Stoppen",
  "action.extend": "+{minutes} min",
  "action.extend_label": { one: "{minutes} minuut toevoegen", other: "{minutes} minuten toevoegen" },
  "label.time_left": "nog {time}",
  "label.next": "Hierna",
  "label.block": "Blok {block} van {of}",
  "label.today": "Vandaag",
  "label.today_value": {
    one: "{blocks} blok · {minutes} min",
    other: "{blocks} blokken · {minutes} min",
  },
  "label.task": "Taak",
  "label.mode": "Modus",
  "label.modified": "gewijzigd",
  "label.reapply": "{mode} opnieuw toepassen",
  "label.by_mode": "Per modus",
  "label.sound": "Geluid",
  "label.volume": "Volume",
  "label.lighting": "Focusverlichting",
  "label.unavailable": "{name} is niet beschikbaar.",
  "label.not_found": "{entity} is geen entiteit van een Tomatoes-timer.",
  "label.no_entity": "Kies een Tomatoes-timer in de instellingen van de kaart.",
  "label.failed": "Dat lukte niet: {error}",
  "editor.entity": "Timer",
  "editor.entity_helper": "Een willekeurige entiteit van de timer, bijvoorbeeld de fasesensor",
  "editor.name": "Naam (leeg: de naam van de timer)",
  "editor.show_cycle": "Blok in de cyclus",
  "editor.show_today": "Blokken en minuten van vandaag",
  "editor.show_task": "Taak",
  "editor.show_mode": "Modus",
  "editor.show_sound": "Geluid en volume (als er mediaspelers gekozen zijn)",
  "editor.show_lighting": "Schakelaar voor de focusverlichting (als er lampen gekozen zijn)",
  "editor.extend_minutes": "Minuten die ‘Verlengen’ toevoegt",
  "picker.description":
    "Een Pomodoro-focustimer: aftelring, bediening, modus, geluid en licht.",
};

export const TRANSLATIONS: Record<Language, Table> = { en, de, fr, es, nl };

/** The card's language for a Home Assistant language tag ("de-CH" is German; others English). */
export function cardLanguage(tag: string | undefined): Language {
  const base = (tag ?? "en").toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : "en";
}

/** A text in a language, placeholders filled in; `count` picks the plural form. */
export function localize(
  language: Language,
  key: Key,
  values: Record<string, string | number> = {},
  count?: number,
): string {
  const text = TRANSLATIONS[language][key] ?? en[key];
  let template: string;
  if (typeof text === "string") {
    template = text;
  } else {
    const form = new Intl.PluralRules(language).select(count ?? 0);
    template = form === "one" ? text.one : text.other;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** A number of minutes as the language writes it (one decimal at most, e.g. "12,5" in German). */
export function formatMinutes(language: Language, minutes: number): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(minutes);
}
