/**
 * Latency and faults on demand: what a request (`Prefer: delay=…, fault=…`) or the whole mock (`--latency`,
 * `--fault-rate`, `--rate-limit`) may ask for, and the bounds that keep a held request from holding memory forever.
 */

/** The longest delay the mock waits before answering, per request or from `--latency`: a client's timeout is shorter. */
export const MAX_DELAY_MS = 60_000;

/**
 * The faults a request may ask for: a connection reset, no answer until the client gives up, a body cut half-way,
 * or eTelecom's 503 `unavailable`.
 */
export const FAULT_KINDS = ["reset", "timeout", "truncated", "unavailable"] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

/** The faults a transport acts out, where there is no answer to send (or not all of it). */
export type TransportFault = Exclude<FaultKind, "unavailable">;

/** `--latency`: a fixed delay in milliseconds, or one drawn between `min` and `max` (both included). */
export type Latency = number | { min: number; max: number };

/** `--rate-limit <requests>/<seconds>`: at most `requests` calls per key in each window of `seconds`. */
export interface RateLimit {
  requests: number;
  seconds: number;
}

/** The message of eTelecom's 503 `unavailable` as the mock answers it, the spec's `unavailable` example. */
export const UNAVAILABLE_MSG = "the service is unavailable, try again later";

/**
 * Waits `ms` milliseconds, or less if `signal` aborts first; resolves to whether the whole wait passed. The timer
 * goes as soon as the client does, so a client that gives up leaves nothing behind.
 */
export function wait(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", done);
      resolve(true);
    }, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** Resolves once `signal` aborts, holding no timer: a `timeout` fault answers nothing until the client gives up. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
}
