/** The parts of Home Assistant's frontend objects the card uses, and the card's own types. */

export interface HassEntity {
  entity_id: string;
  state: string;
  attributes: Record<string, unknown>;
}

export interface MessageBase {
  type: string;
  [key: string]: unknown;
}

export interface Connection {
  subscribeMessage<T>(
    callback: (message: T) => void,
    subscribeMessage: MessageBase,
  ): Promise<() => Promise<void>>;
}

export interface EntityRegistryDisplayEntry {
  entity_id: string;
  device_id?: string;
  platform?: string;
  translation_key?: string;
}

export interface HomeAssistant {
  connection: Connection;
  states: Record<string, HassEntity | undefined>;
  entities?: Record<string, EntityRegistryDisplayEntry | undefined>;
  language?: string;
  locale?: { language?: string };
  themes?: { darkMode?: boolean };
  callService(
    domain: string,
    service: string,
    data?: Record<string, unknown>,
  ): Promise<unknown>;
  formatEntityState?(stateObj: HassEntity, state?: string): string;
}

/** What `tomatoes/subscribe` sends: one timer, as the server sees it right now. */
export interface TimerView {
  available: boolean;
  name: string;
  phase?: Phase;
  status?: Status;
  next_phase?: Phase;
  /** Seconds left as the server counted them when it sent this (null when idle). */
  remaining?: number | null;
  /** Planned length of the current phase in seconds (null when idle). */
  duration?: number | null;
  /** Length of the phase that comes next, in seconds (shown while nothing runs). */
  next_duration?: number;
  /** The server's time when it sent this (ISO 8601). */
  server_time?: string;
  cycle_blocks?: number;
  long_break_every?: number;
  today_blocks?: number;
  today_minutes?: number;
  task?: string | null;
  /** Whether media players are chosen for the focus sound. */
  sound?: boolean;
  entities?: Partial<
    Record<"phase" | "mode" | "mode_focus" | "sound" | "volume" | "lighting", string>
  >;
}

export type Phase = "idle" | "focus" | "short_break" | "long_break";
export type Status = "idle" | "running" | "paused" | "ready";

export interface TomatoesCardConfig {
  type: string;
  /** Any entity of the timer (the editor offers its phase sensor). */
  entity: string;
  name?: string;
  show_cycle?: boolean;
  show_today?: boolean;
  show_task?: boolean;
  show_mode?: boolean;
  /** The name of show_mode before focus modes replaced presets (still read). */
  show_preset?: boolean;
  show_sound?: boolean;
  show_lighting?: boolean;
  /** Minutes the Extend button adds. */
  extend_minutes?: number;
}
