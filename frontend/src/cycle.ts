/** Where the timer is in its cycle of focus blocks ("block 2 of 4"). */

import type { Phase } from "./types.js";

export interface CyclePosition {
  block: number;
  of: number;
}

/**
 * The block to show for a phase: during focus the block in progress, during a short
 * break the block just done, during the long break the last one, and while waiting
 * the one that comes next.
 */
export function cyclePosition(
  phase: Phase,
  nextPhase: Phase,
  cycleBlocks: number,
  longBreakEvery: number,
): CyclePosition {
  const of = Math.max(1, longBreakEvery);
  const clamp = (block: number): number => Math.min(of, Math.max(1, block));
  switch (phase) {
    case "focus":
      return { block: clamp(cycleBlocks + 1), of };
    case "short_break":
      return { block: clamp(cycleBlocks), of };
    case "long_break":
      return { block: of, of };
    default:
      return { block: clamp(nextPhase === "focus" ? cycleBlocks + 1 : cycleBlocks), of };
  }
}
