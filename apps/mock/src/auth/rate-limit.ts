import { type Answer, apiError } from "../core/answer.js";
import type { RateLimit } from "../core/faults.js";
import type { KeyData } from "../store/store.js";

/** Where a key's window lives: in its data, so that the store's cap on keys bounds the limiter's memory too. */
const EXTRA = "rate-limit";

interface Window {
  start: number;
  count: number;
}

/**
 * `--rate-limit <requests>/<seconds>` per Bearer key, as a fixed window: a key's first call opens a window of
 * `seconds`, in which its first `requests` calls pass and the rest are 429 `resource_exhausted` (Twirp's code for a
 * limit) with `Retry-After`, the whole seconds until the window ends. Two numbers per key, read on the mock's clock.
 */
export function createRateLimit({ requests, seconds }: RateLimit, now: () => number) {
  const span = seconds * 1000;
  return (data: KeyData): Answer | undefined => {
    const at = now();
    let window = data.extras.get(EXTRA) as Window | undefined;
    // A clock set back (a test's `now`) opens a new window rather than one that never ends.
    if (window === undefined || at >= window.start + span || at < window.start) {
      window = { start: at, count: 0 };
      data.extras.set(EXTRA, window);
    }
    if (window.count < requests) {
      window.count++;
      return undefined;
    }
    const retryAfter = Math.max(1, Math.ceil((window.start + span - at) / 1000));
    const msg = `too many requests: at most ${requests} per ${seconds} s for this key, retry after ${retryAfter} s`;
    return { ...apiError(429, "resource_exhausted", msg), headers: { "retry-after": String(retryAfter) } };
  };
}
