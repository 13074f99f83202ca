interface Registration {
  readonly listeners: Set<() => void>;
  readonly onAbort: () => void;
}

const registrations = new WeakMap<AbortSignal, Registration>();

/**
 * Calls `listener` when `signal` aborts, and returns what unsubscribes it. However many calls share one signal,
 * the signal gets a single event listener: Node warns (MaxListenersExceededWarning) past 10 on one EventTarget,
 * and `events.setMaxListeners`, which would silence it, is Node-only while the client must run in browsers.
 */
export function onAbort(signal: AbortSignal, listener: () => void): () => void {
  let registration = registrations.get(signal);
  if (registration === undefined) {
    const listeners = new Set<() => void>();
    const created: Registration = {
      listeners,
      onAbort: () => {
        registrations.delete(signal);
        for (const each of listeners) each();
      },
    };
    signal.addEventListener("abort", created.onAbort, { once: true });
    registrations.set(signal, created);
    registration = created;
  }
  const { listeners } = registration;
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && registrations.get(signal) === registration) {
      signal.removeEventListener("abort", registration.onAbort);
      registrations.delete(signal);
    }
  };
}
