/** The card's look: Home Assistant's theme variables, so light and dark themes just work. */

import { css } from "lit";

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --tomatoes-focus-color: var(--error-color, #db4437);
    --tomatoes-break-color: var(--success-color, #43a047);
    --tomatoes-idle-color: var(--disabled-text-color, #9e9e9e);
  }
  ha-card {
    padding: 16px;
    color: var(--primary-text-color);
  }
  .header {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 8px;
    margin-bottom: 12px;
  }
  .name {
    font-size: var(--ha-font-size-l, 1.25rem);
    font-weight: var(--ha-font-weight-medium, 500);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .phase {
    flex: none;
    padding: 2px 10px;
    border-radius: 12px;
    font-size: var(--ha-font-size-s, 0.875rem);
    font-weight: var(--ha-font-weight-medium, 500);
    color: var(--text-primary-color, #fff);
    background: var(--phase-color);
  }
  .main {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 16px;
  }
  @container (min-width: 420px) {
    .main {
      flex-direction: row;
      align-items: center;
    }
    .facts {
      align-self: center;
    }
  }
  .ring {
    position: relative;
    flex: none;
    width: 168px;
    height: 168px;
  }
  .ring svg {
    width: 100%;
    height: 100%;
    transform: rotate(-90deg);
  }
  .ring circle {
    fill: none;
    stroke-width: 7;
  }
  .ring .track {
    stroke: var(--divider-color, rgba(127, 127, 127, 0.3));
  }
  .ring .progress {
    stroke: var(--phase-color);
    stroke-linecap: round;
    transition: stroke-dashoffset 1s linear;
  }
  .ring .progress.still {
    transition: none;
  }
  .ring .center {
    position: absolute;
    inset: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
  }
  .time {
    font-size: 2.5rem;
    font-weight: var(--ha-font-weight-medium, 500);
    font-variant-numeric: tabular-nums;
    line-height: 1.1;
  }
  .status {
    color: var(--secondary-text-color);
    font-size: var(--ha-font-size-s, 0.875rem);
  }
  .facts {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 4px 12px;
    margin: 0;
    min-width: 0;
    width: 100%;
  }
  .facts dt {
    color: var(--secondary-text-color);
  }
  .facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 8px;
    margin-top: 16px;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  button:disabled {
    cursor: default;
    opacity: 0.38;
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--primary-color);
    outline-offset: 2px;
  }
  .control {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-height: 40px;
    padding: 0 14px;
    border: 1px solid var(--divider-color, rgba(127, 127, 127, 0.3));
    border-radius: 20px;
    background: transparent;
  }
  .control.primary {
    border-color: transparent;
    color: var(--text-primary-color, #fff);
    background: var(--phase-color, var(--primary-color));
  }
  .control svg {
    width: 20px;
    height: 20px;
    fill: currentColor;
  }
  @container (max-width: 340px) {
    .control .text {
      display: none;
    }
    .control {
      padding: 0 10px;
    }
  }
  .section {
    margin-top: 16px;
    padding-top: 12px;
    border-top: 1px solid var(--divider-color, rgba(127, 127, 127, 0.3));
  }
  .section-title {
    color: var(--secondary-text-color);
    font-size: var(--ha-font-size-s, 0.875rem);
    margin-bottom: 8px;
  }
  .modified {
    font-style: italic;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .chip {
    min-height: 32px;
    padding: 0 12px;
    border: 1px solid var(--divider-color, rgba(127, 127, 127, 0.3));
    border-radius: 16px;
    background: transparent;
  }
  .chip[aria-pressed="true"] {
    border-color: var(--primary-color);
    background: color-mix(in srgb, var(--primary-color) 18%, transparent);
  }
  .row {
    display: flex;
    align-items: center;
    gap: 12px;
    flex-wrap: wrap;
  }
  .row + .row {
    margin-top: 8px;
  }
  .row label {
    color: var(--secondary-text-color);
  }
  select {
    flex: 1;
    min-width: 0;
    min-height: 36px;
    padding: 0 8px;
    font: inherit;
    color: var(--primary-text-color);
    background: var(--card-background-color, var(--ha-card-background));
    border: 1px solid var(--divider-color, rgba(127, 127, 127, 0.3));
    border-radius: 8px;
  }
  input[type="range"] {
    flex: 1;
    min-width: 120px;
    accent-color: var(--primary-color);
  }
  .volume-value {
    min-width: 3.5em;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .switch {
    display: flex;
    align-items: center;
    justify-content: space-between;
    width: 100%;
    min-height: 40px;
    padding: 0;
    border: none;
    background: transparent;
    text-align: start;
  }
  .switch .knob {
    position: relative;
    width: 36px;
    height: 20px;
    border-radius: 10px;
    background: var(--divider-color, rgba(127, 127, 127, 0.4));
    transition: background 0.2s;
  }
  .switch .knob::after {
    content: "";
    position: absolute;
    top: 2px;
    left: 2px;
    width: 16px;
    height: 16px;
    border-radius: 50%;
    background: var(--card-background-color, #fff);
    transition: transform 0.2s;
  }
  .switch[aria-checked="true"] .knob {
    background: var(--primary-color);
  }
  .switch[aria-checked="true"] .knob::after {
    transform: translateX(16px);
  }
  .message {
    color: var(--secondary-text-color);
  }
  .error {
    margin-top: 12px;
    color: var(--error-color, #db4437);
  }
`;
