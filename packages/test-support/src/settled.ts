import { vi } from "vitest";

/**
 * Whether `promise` has settled once everything already queued has run, on fake timers: what a test of a wait
 * (a retry's backoff, a mock's latency) asks before and after moving the clock.
 */
export async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await vi.advanceTimersByTimeAsync(0);
  return done;
}
