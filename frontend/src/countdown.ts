/**
 * The countdown, counted against the browser's monotonic clock.
 *
 * Home Assistant sends the seconds left as the server counts them, at the moment it
 * sends. The card takes that number as true at the moment it arrives and lets the
 * monotonic clock (performance.now(), which a wrong or changed wall clock does not
 * move) run it down. The browser's wall clock (Date.now()) is never read, so a
 * browser whose clock is minutes off still shows the right time left.
 */

/** Milliseconds from a monotonic clock (performance.now() in the browser). */
export type MonotonicClock = () => number;

export class Countdown {
  private remaining: number | null = null;
  private running = false;
  private anchor = 0;

  constructor(private readonly now: MonotonicClock) {}

  /** Take the server's seconds left (null when nothing counts) as true now. */
  set(remaining: number | null, running: boolean): void {
    this.remaining = remaining;
    this.running = running && remaining !== null;
    this.anchor = this.now();
  }

  /** Whether the time left is going down. */
  get isRunning(): boolean {
    return this.running;
  }

  /** Seconds left now (never below zero), or null when nothing counts. */
  secondsLeft(): number | null {
    if (this.remaining === null) {
      return null;
    }
    if (!this.running) {
      return this.remaining;
    }
    const elapsed = (this.now() - this.anchor) / 1000;
    return Math.max(0, this.remaining - elapsed);
  }

  /**
   * Milliseconds until the shown whole second changes, or null when it will not
   * (paused, idle, or at zero while the server's next phase is on its way).
   */
  msUntilNextSecond(): number | null {
    const left = this.secondsLeft();
    if (!this.running || left === null || left <= 0) {
      return null;
    }
    const fraction = left - Math.floor(left);
    return (fraction === 0 ? 1 : fraction) * 1000;
  }
}

/** Whole seconds to show for a time left: rounded up, so a new block shows 25:00. */
export function shownSeconds(left: number): number {
  // Below a millisecond is noise from the clock, not time left.
  return Math.max(0, Math.ceil(left - 0.001));
}

/** Format seconds as mm:ss, or h:mm:ss from one hour on. */
export function formatClock(left: number): string {
  const total = shownSeconds(left);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, "0");
  if (hours > 0) {
    return `${hours}:${String(minutes).padStart(2, "0")}:${ss}`;
  }
  return `${String(minutes).padStart(2, "0")}:${ss}`;
}

/** The part of the phase still to go, from 1 (just started) to 0 (over). */
export function ringFraction(left: number | null, duration: number | null): number {
  if (left === null || duration === null || duration <= 0) {
    return 0;
  }
  return Math.min(1, Math.max(0, left / duration));
}
