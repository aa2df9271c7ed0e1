/** The Tomatoes card: one timer's countdown ring, cycle, day and controls. */

import { mdiPause, mdiPlay, mdiSkipNext, mdiStop, mdiTimerPlusOutline } from "@mdi/js";
import { html, LitElement, nothing, svg, type TemplateResult } from "lit";

import { configForm, resolveConfig, stubConfig, type ResolvedConfig } from "./config.js";
import { Countdown, formatClock, ringFraction } from "./countdown.js";
import { cyclePosition } from "./cycle.js";
import { cardLanguage, formatMinutes, localize, type Key, type Language } from "./localize.js";
import { modeFigures, type ModeFigures } from "./modes.js";
import { styles } from "./styles.js";
import type { HassEntity, HomeAssistant, TimerView, TomatoesCardConfig } from "./types.js";

const RING_RADIUS = 45;
const RING_LENGTH = 2 * Math.PI * RING_RADIUS;
const HIDDEN_STATES = new Set(["unavailable", "unknown"]);

interface Control {
  key: string;
  label: string;
  text: string;
  icon: string;
  service: string;
  data?: Record<string, unknown>;
  enabled: boolean;
  primary?: boolean;
}

export class TomatoesCard extends LitElement {
  static override styles = styles;

  private config?: ResolvedConfig;
  private hassValue?: HomeAssistant;
  private view?: TimerView;
  private failure?: string;
  private readonly countdown = new Countdown(() => performance.now());
  private unsubscribe?: () => Promise<void>;
  private subscribedTo?: { connection: unknown; entity: string };
  private generation = 0;
  private tick?: ReturnType<typeof setTimeout>;
  private readonly onVisible = (): void => {
    // A sleeping device may have stopped the monotonic clock: ask the server again.
    if (document.visibilityState === "visible") {
      this.resubscribe();
    }
  };

  /** The visual editor: Home Assistant's own form, from a schema. */
  static getConfigForm(): ReturnType<typeof configForm> {
    return configForm();
  }

  /** The config of a new card from the card picker. */
  static getStubConfig(hass: HomeAssistant): TomatoesCardConfig {
    return stubConfig(hass);
  }

  setConfig(config: TomatoesCardConfig): void {
    this.config = resolveConfig(config);
    this.ensureSubscribed();
    this.requestUpdate();
  }

  set hass(hass: HomeAssistant) {
    this.hassValue = hass;
    this.ensureSubscribed();
    this.requestUpdate();
  }

  get hass(): HomeAssistant | undefined {
    return this.hassValue;
  }

  getCardSize(): number {
    return 5;
  }

  getGridOptions(): Record<string, number> {
    return { columns: 12, min_columns: 6 };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener("visibilitychange", this.onVisible);
    this.ensureSubscribed();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener("visibilitychange", this.onVisible);
    this.stopSubscription();
  }

  // ------------------------------------------------------------ subscription

  private ensureSubscribed(): void {
    const hass = this.hassValue;
    const entity = this.config?.entity;
    if (!hass || !entity || !this.isConnected) {
      return;
    }
    const current = this.subscribedTo;
    if (current && current.connection === hass.connection && current.entity === entity) {
      return;
    }
    this.resubscribe();
  }

  private resubscribe(): void {
    const hass = this.hassValue;
    const entity = this.config?.entity;
    this.stopSubscription();
    if (!hass || !entity || !this.isConnected) {
      return;
    }
    const generation = this.generation;
    this.subscribedTo = { connection: hass.connection, entity };
    hass.connection
      .subscribeMessage<TimerView>((view) => this.receive(generation, view), {
        type: "tomatoes/subscribe",
        entity_id: entity,
      })
      .then(
        (unsubscribe) => {
          if (generation === this.generation) {
            this.unsubscribe = unsubscribe;
          } else {
            void unsubscribe().catch(() => undefined);
          }
        },
        (error: { code?: string; message?: string }) => {
          if (generation !== this.generation) {
            return;
          }
          this.view = undefined;
          this.failure =
            error?.code === "not_found"
              ? this.t("label.not_found", { entity })
              : (error?.message ?? String(error));
          this.requestUpdate();
        },
      );
  }

  private stopSubscription(): void {
    this.generation += 1;
    this.subscribedTo = undefined;
    clearTimeout(this.tick);
    this.tick = undefined;
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = undefined;
    if (unsubscribe) {
      void unsubscribe().catch(() => undefined);
    }
  }

  private receive(generation: number, view: TimerView): void {
    if (generation !== this.generation) {
      return;
    }
    this.view = view;
    this.failure = undefined;
    this.countdown.set(view.remaining ?? null, view.status === "running");
    this.scheduleTick();
    this.requestUpdate();
  }

  /** Render again when the shown second changes (never on the wall clock). */
  private scheduleTick(): void {
    clearTimeout(this.tick);
    this.tick = undefined;
    const wait = this.countdown.msUntilNextSecond();
    if (wait === null) {
      return;
    }
    this.tick = setTimeout(() => {
      this.requestUpdate();
      this.scheduleTick();
    }, wait + 15);
  }

  // ------------------------------------------------------------------ actions

  private async run(domain: string, service: string, data: Record<string, unknown>): Promise<void> {
    const hass = this.hassValue;
    if (!hass) {
      return;
    }
    try {
      await hass.callService(domain, service, data);
      this.failure = undefined;
    } catch (error) {
      const message = (error as { message?: string })?.message ?? String(error);
      this.failure = this.t("label.failed", { error: message });
    }
    this.requestUpdate();
  }

  private control(control: Control): Promise<void> {
    return this.run("tomatoes", control.service, {
      entity_id: this.config!.entity,
      ...control.data,
    });
  }

  // ------------------------------------------------------------------- render

  private get language(): Language {
    const hass = this.hassValue;
    return cardLanguage(hass?.locale?.language ?? hass?.language);
  }

  private t(key: Key, values: Record<string, string | number> = {}, count?: number): string {
    return localize(this.language, key, values, count);
  }

  override render(): TemplateResult {
    const config = this.config;
    if (!config) {
      return html``;
    }
    const view = this.view;
    if (!config.entity || (!view && !this.failure)) {
      return html`<ha-card
        ><div class="message">${config.entity ? "…" : this.t("label.no_entity")}</div></ha-card
      >`;
    }
    if (!view) {
      return html`<ha-card><div class="error" role="alert">${this.failure}</div></ha-card>`;
    }
    const name = config.name ?? view.name;
    if (!view.available) {
      return html`<ha-card
        ><div class="message">${this.t("label.unavailable", { name })}</div></ha-card
      >`;
    }
    const phase = view.phase ?? "idle";
    const color =
      phase === "focus"
        ? "var(--tomatoes-focus-color)"
        : phase === "idle"
          ? "var(--tomatoes-idle-color)"
          : "var(--tomatoes-break-color)";
    return html`
      <ha-card style="--phase-color: ${color}">
        <div class="header">
          <span class="name">${name}</span>
          <span class="phase">${this.t(`phase.${phase}`)}</span>
        </div>
        <div class="main">${this.renderRing(view)} ${this.renderFacts(view, config)}</div>
        ${this.renderControls(view, config)} ${this.renderMode(view, config)}
        ${this.renderSound(view, config)} ${this.renderLighting(view, config)}
        ${this.failure ? html`<div class="error" role="alert">${this.failure}</div>` : nothing}
      </ha-card>
    `;
  }

  private renderRing(view: TimerView): TemplateResult {
    const left = this.countdown.secondsLeft();
    const shown = left ?? view.next_duration ?? 0;
    const fraction = left === null ? 0 : ringFraction(left, view.duration ?? null);
    const time = formatClock(shown);
    const status = view.status ?? "idle";
    return html`
      <div class="ring">
        <svg viewBox="0 0 100 100" aria-hidden="true">
          ${svg`<circle class="track" cx="50" cy="50" r=${RING_RADIUS}></circle>
            <circle
              class="progress ${this.countdown.isRunning ? "" : "still"}"
              cx="50"
              cy="50"
              r=${RING_RADIUS}
              stroke-dasharray=${RING_LENGTH}
              stroke-dashoffset=${RING_LENGTH * (1 - fraction)}
            ></circle>`}
        </svg>
        <div class="center">
          <div class="time" role="timer" aria-label=${this.t("label.time_left", { time })}>
            ${time}
          </div>
          <div class="status">${this.t(`status.${status}`)}</div>
        </div>
      </div>
    `;
  }

  private renderFacts(view: TimerView, config: ResolvedConfig): TemplateResult {
    const phase = view.phase ?? "idle";
    const next = view.next_phase ?? "focus";
    const position = cyclePosition(
      phase,
      next,
      view.cycle_blocks ?? 0,
      view.long_break_every ?? 4,
    );
    const blocks = view.today_blocks ?? 0;
    const minutes = formatMinutes(this.language, view.today_minutes ?? 0);
    const byMode = this.modeFigures(view);
    return html`
      <dl class="facts">
        ${config.show_cycle
          ? html`<dt>${this.t(`phase.${phase === "idle" ? next : phase}`)}</dt>
              <dd>${this.t("label.block", { ...position })}</dd>`
          : nothing}
        ${phase !== "idle"
          ? html`<dt>${this.t("label.next")}</dt>
              <dd>${this.t(`phase.${next}`)}</dd>`
          : nothing}
        ${config.show_today
          ? html`<dt>${this.t("label.today")}</dt>
              <dd>${this.t("label.today_value", { blocks, minutes }, blocks)}</dd>`
          : nothing}
        ${config.show_today && byMode
          ? html`<dt>${this.t("label.by_mode")}</dt>
              <dd class="by-mode">${byMode}</dd>`
          : nothing}
        ${config.show_task && view.task
          ? html`<dt>${this.t("label.task")}</dt>
              <dd>${view.task}</dd>`
          : nothing}
      </dl>
    `;
  }

  private renderControls(view: TimerView, config: ResolvedConfig): TemplateResult {
    const status = view.status ?? "idle";
    const active = status === "running" || status === "paused";
    const minutes = config.extend_minutes;
    const primary: Control =
      status === "running"
        ? { key: "pause", label: "", text: "", icon: mdiPause, service: "pause", enabled: true }
        : status === "paused"
          ? { key: "resume", label: "", text: "", icon: mdiPlay, service: "resume", enabled: true }
          : { key: "start", label: "", text: "", icon: mdiPlay, service: "start", enabled: true };
    primary.primary = true;
    primary.text = primary.label = this.t(`action.${primary.key}` as Key);
    const controls: Control[] = [
      primary,
      {
        key: "skip",
        label: this.t("action.skip"),
        text: this.t("action.skip"),
        icon: mdiSkipNext,
        service: "skip",
        enabled: status !== "idle",
      },
      {
        key: "extend",
        label: this.t("action.extend_label", { minutes }, minutes),
        text: this.t("action.extend", { minutes }),
        icon: mdiTimerPlusOutline,
        service: "extend",
        data: { minutes },
        enabled: active,
      },
      {
        key: "stop",
        label: this.t("action.stop"),
        text: this.t("action.stop"),
        icon: mdiStop,
        service: "stop",
        enabled: status !== "idle" || view.phase !== "idle",
      },
    ];
    return html`<div class="controls">
      ${controls.map(
        (control) =>
          html`<button
            class="control ${control.primary ? "primary" : ""}"
            aria-label=${control.label}
            title=${control.label}
            ?disabled=${!control.enabled}
            @click=${() => this.control(control)}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true"><path d=${control.icon}></path></svg>
            <span class="text">${control.text}</span>
          </button>`,
      )}
    </div>`;
  }

  private entityState(id: string | undefined): HassEntity | undefined {
    const state = id ? this.hassValue?.states[id] : undefined;
    return state && !HIDDEN_STATES.has(state.state) ? state : undefined;
  }

  private renderMode(view: TimerView, config: ResolvedConfig): TemplateResult | typeof nothing {
    const mode = this.entityState(view.entities?.mode);
    if (!config.show_mode || !mode) {
      return nothing;
    }
    const options = (mode.attributes.options as string[] | undefined) ?? [];
    const label = (option: string): string =>
      this.hassValue?.formatEntityState?.(mode, option) ?? option;
    // A part changed by hand keeps the mode and marks it; its chip applies it again.
    const modified = mode.attributes.modified === true;
    return html`<div class="section" role="group" aria-label=${this.t("label.mode")}>
      <div class="section-title">
        ${this.t("label.mode")}
        ${modified ? html`<span class="modified">· ${this.t("label.modified")}</span>` : nothing}
      </div>
      <div class="chips">
        ${options.map((option) => {
          const chosen = option === mode.state;
          const again = chosen && modified;
          return html`<button
            class="chip"
            aria-pressed=${chosen ? "true" : "false"}
            title=${again ? this.t("label.reapply", { mode: label(option) }) : label(option)}
            @click=${() =>
              (!chosen || again) &&
              this.run("select", "select_option", { entity_id: mode.entity_id, option })}
          >
            ${label(option)}${again ? " ↺" : ""}
          </button>`;
        })}
      </div>
    </div>`;
  }

  /** Today's blocks and minutes of each mode focused in today (the mode sensor's attributes). */
  private modeFigures(view: TimerView): string | undefined {
    const sensor = this.entityState(view.entities?.mode_focus);
    const mode = this.entityState(view.entities?.mode);
    const modes = sensor?.attributes.modes as Record<string, ModeFigures> | undefined;
    return modeFigures(this.language, modes, (option) =>
      mode ? (this.hassValue?.formatEntityState?.(mode, option) ?? option) : option,
    );
  }

  private renderSound(view: TimerView, config: ResolvedConfig): TemplateResult | typeof nothing {
    const sound = this.entityState(view.entities?.sound);
    const volume = this.entityState(view.entities?.volume);
    if (!config.show_sound || !view.sound || (!sound && !volume)) {
      return nothing;
    }
    const options = (sound?.attributes.options as string[] | undefined) ?? [];
    const level = Number(volume?.state ?? 0);
    return html`<div class="section">
      <div class="section-title">${this.t("label.sound")}</div>
      ${sound
        ? html`<div class="row">
            <select
              aria-label=${this.t("label.sound")}
              @change=${(event: Event) =>
                this.run("select", "select_option", {
                  entity_id: sound.entity_id,
                  option: (event.target as HTMLSelectElement).value,
                })}
            >
              ${options.map(
                (option) =>
                  html`<option .value=${option} ?selected=${option === sound.state}>
                    ${option}
                  </option>`,
              )}
            </select>
          </div>`
        : nothing}
      ${volume
        ? html`<div class="row">
            <label for="volume">${this.t("label.volume")}</label>
            <input
              id="volume"
              type="range"
              min=${Number(volume.attributes.min ?? 0)}
              max=${Number(volume.attributes.max ?? 100)}
              step=${Number(volume.attributes.step ?? 1)}
              .value=${String(level)}
              @change=${(event: Event) =>
                this.run("number", "set_value", {
                  entity_id: volume.entity_id,
                  value: Number((event.target as HTMLInputElement).value),
                })}
            />
            <span class="volume-value"
              >${Math.round(level)} ${String(volume.attributes.unit_of_measurement ?? "%")}</span
            >
          </div>`
        : nothing}
    </div>`;
  }

  private renderLighting(view: TimerView, config: ResolvedConfig): TemplateResult | typeof nothing {
    const lighting = this.entityState(view.entities?.lighting);
    if (!config.show_lighting || !lighting) {
      return nothing;
    }
    const on = lighting.state === "on";
    return html`<div class="section">
      <button
        class="switch"
        role="switch"
        aria-checked=${on ? "true" : "false"}
        @click=${() =>
          this.run("switch", on ? "turn_off" : "turn_on", { entity_id: lighting.entity_id })}
      >
        <span>${this.t("label.lighting")}</span><span class="knob" aria-hidden="true"></span>
      </button>
    </div>`;
  }
}
