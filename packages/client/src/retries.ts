import { onAbort } from "./abort-listeners.js";

/** The most retries a call may ask for: with the 8 s cap on a wait, 10 already spans more than a minute. */
const MAX_RETRIES = 10;
/** The longest `Retry-After` the client waits for (as stripe-node's): a longer one fails the call at once. */
const MAX_RETRY_AFTER = 60_000;
/** The statuses a repeat may cure: rate limited (429), and a gateway or server that is briefly down (502-504). */
const RETRIED_STATUSES = [429, 502, 503, 504];

/**
 * Returns `retries` if it is a usable count (a TypeError for a non-number, a RangeError out of range), once
 * `onRetry` is known to be absent or a function: a wrong one would otherwise fail only at the first retry.
 */
export function checkRetries(retries: unknown, onRetry: unknown): number {
  if (onRetry !== undefined && typeof onRetry !== "function") throw new TypeError("onRetry must be a function");
  if (typeof retries !== "number") throw new TypeError(`retries must be a number, got ${typeof retries}`);
  if (!(Number.isInteger(retries) && retries >= 0 && retries <= MAX_RETRIES)) {
    throw new RangeError(`retries must be an integer from 0 to ${MAX_RETRIES}, got ${retries}`);
  }
  return retries;
}

/**
 * Whether a failed attempt may be repeated, by what `fetch` did: it failed before any answer (null: a connection
 * refused or reset), or it answered with a status a repeat may cure. Not when `fetch` was never called (undefined:
 * a middleware threw) nor after any other answer.
 */
export function mayRetry(answer: Response | null | undefined): boolean {
  return answer === null || (answer !== undefined && RETRIED_STATUSES.includes(answer.status));
}

/**
 * Milliseconds to wait after failed attempt number `attempt` (from 1): exponential backoff (0.5 s, 1 s, 2 s… up to
 * 8 s) with equal jitter, so that clients failed by the same outage do not all come back at once; or longer if the
 * answer's `Retry-After` (seconds or an HTTP date) asks for it. Undefined when `Retry-After` asks for more than the
 * client waits.
 */
export function retryDelay(attempt: number, retryAfter: string | null | undefined): number | undefined {
  const ceiling = Math.min(8_000, 500 * 2 ** (attempt - 1));
  const backoff = ceiling / 2 + (Math.random() * ceiling) / 2;
  // A header that is neither seconds nor a date (NaN), or a date in the past, asks for nothing.
  const asked =
    (retryAfter && (/^\d+$/.test(retryAfter) ? 1_000 * Number(retryAfter) : Date.parse(retryAfter) - Date.now())) || 0;
  if (asked > MAX_RETRY_AFTER) return undefined;
  return Math.max(asked, backoff);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts, leaving no timer behind. */
export function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    // An onRetry hook may have aborted the caller's signal already: then no abort event is still to come.
    signal.throwIfAborted();
    const unsubscribe = onAbort(signal, () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
    const timer = setTimeout(() => {
      unsubscribe();
      resolve();
    }, ms);
  });
}
