import { onAbort } from "./abort-listeners.js";
import { EtelecomTimeoutError } from "./errors/etelecom-timeout-error.js";

/** Returns `timeout` if it is a usable number of milliseconds: a TypeError for a non-number, a RangeError out of range. */
export function checkTimeout(timeout: unknown): number {
  if (typeof timeout !== "number") {
    throw new TypeError(`timeout must be a number of milliseconds, got ${typeof timeout}`);
  }
  // setTimeout fires at once for delays above 2^31-1 ms, which would turn a long timeout into an instant one.
  if (!(timeout > 0 && timeout <= 2 ** 31 - 1)) {
    throw new RangeError(`timeout must be a number of milliseconds from 1 to 2147483647, got ${timeout}`);
  }
  return timeout;
}

/**
 * Runs `send` with a signal that aborts after `timeout` ms or when the caller's `signal` aborts, and tells the
 * outcomes apart: the timeout rejects with EtelecomTimeoutError, the caller's abort with the caller's own reason
 * (as `fetch` itself does), and any other failure with what `send` threw. It settles when the signal aborts even
 * if `send` ignores the signal (an injected fetch, a body that never ends).
 */
export async function withDeadline<T>(
  timeout: number,
  signal: AbortSignal | undefined,
  send: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  signal?.throwIfAborted();
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const unsubscribe = signal === undefined ? undefined : onAbort(signal, () => controller.abort(signal.reason));
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener("abort", () => reject(controller.signal.reason), { once: true });
  });
  try {
    return await Promise.race([send(controller.signal), aborted]);
  } catch (cause) {
    if (timedOut) throw new EtelecomTimeoutError(timeout);
    if (signal?.aborted) throw signal.reason;
    throw cause;
  } finally {
    clearTimeout(timer);
    unsubscribe?.();
  }
}
