import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { Countdown, formatClock, ringFraction, shownSeconds } from "../src/countdown.js";

/** A monotonic clock the test moves by hand (milliseconds). */
function manualClock(start = 1_000): { now: () => number; advance: (ms: number) => void } {
  let now = start;
  return { now: () => now, advance: (ms) => (now += ms) };
}

describe("Countdown", () => {
  it("counts the server's seconds down on the monotonic clock", () => {
    const clock = manualClock();
    const countdown = new Countdown(clock.now);
    countdown.set(1500, true);
    assert.equal(countdown.secondsLeft(), 1500);
    clock.advance(61_500);
    assert.equal(countdown.secondsLeft(), 1438.5);
    assert.equal(formatClock(countdown.secondsLeft()!), "23:59");
  });

  it("never reads the wall clock, so a browser clock minutes off changes nothing", () => {
    const clock = manualClock();
    const countdown = new Countdown(clock.now);
    const realDateNow = Date.now;
    try {
      Date.now = () => realDateNow() + 5 * 60_000; // the browser's clock is 5 minutes fast
      countdown.set(600, true);
      clock.advance(2_000);
      assert.equal(countdown.secondsLeft(), 598);
      Date.now = () => realDateNow() - 3_600_000; // and now an hour slow
      clock.advance(1_000);
      assert.equal(countdown.secondsLeft(), 597);
    } finally {
      Date.now = realDateNow;
    }
  });

  it("holds still while paused and starts again from the server's next figure", () => {
    const clock = manualClock();
    const countdown = new Countdown(clock.now);
    countdown.set(900, false);
    clock.advance(30_000);
    assert.equal(countdown.secondsLeft(), 900);
    assert.equal(countdown.msUntilNextSecond(), null);
    countdown.set(900, true);
    clock.advance(250);
    assert.equal(countdown.secondsLeft(), 899.75);
  });

  it("stops at zero and has nothing to count while idle", () => {
    const clock = manualClock();
    const countdown = new Countdown(clock.now);
    countdown.set(3, true);
    clock.advance(10_000);
    assert.equal(countdown.secondsLeft(), 0);
    assert.equal(countdown.msUntilNextSecond(), null);
    countdown.set(null, true);
    assert.equal(countdown.secondsLeft(), null);
    assert.equal(countdown.isRunning, false);
  });

  it("wakes up exactly when the shown second changes", () => {
    const clock = manualClock();
    const countdown = new Countdown(clock.now);
    countdown.set(10, true);
    assert.equal(countdown.msUntilNextSecond(), 1000);
    clock.advance(300);
    assert.equal(Math.round(countdown.msUntilNextSecond()!), 700);
    assert.equal(formatClock(countdown.secondsLeft()!), "00:10");
    clock.advance(700);
    assert.equal(formatClock(countdown.secondsLeft()!), "00:09");
  });
});

describe("formatClock", () => {
  it("shows minutes and seconds, rounded up", () => {
    assert.equal(formatClock(1500), "25:00");
    assert.equal(formatClock(1499.2), "25:00");
    assert.equal(formatClock(1499), "24:59");
    assert.equal(formatClock(59.01), "01:00");
    assert.equal(formatClock(0.4), "00:01");
    assert.equal(formatClock(0), "00:00");
  });

  it("adds hours from one hour on", () => {
    assert.equal(formatClock(3600), "1:00:00");
    assert.equal(formatClock(2 * 3600 + 5 * 60 + 7), "2:05:07");
    assert.equal(formatClock(3599.5), "1:00:00");
    assert.equal(formatClock(3599), "59:59");
  });

  it("treats clock noise below a millisecond as no time", () => {
    assert.equal(shownSeconds(60.0000001), 60);
    assert.equal(shownSeconds(-2), 0);
  });
});

describe("ringFraction", () => {
  it("is the part of the phase still to go", () => {
    assert.equal(ringFraction(1500, 1500), 1);
    assert.equal(ringFraction(375, 1500), 0.25);
    assert.equal(ringFraction(0, 1500), 0);
  });

  it("stays within the ring after an extension and when nothing runs", () => {
    assert.equal(ringFraction(1800, 1500), 1);
    assert.equal(ringFraction(null, 1500), 0);
    assert.equal(ringFraction(100, null), 0);
    assert.equal(ringFraction(100, 0), 0);
  });
});
