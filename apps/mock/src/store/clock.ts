/**
 * The mock's time: the clock it was given (the system's by default) plus how far `POST /__clock` has moved it, so
 * that a test sees a ZNS become seen, a code expire or a reply window close without sleeping. Only forward: a clock
 * that went back would let a used code or an expired journey live again.
 */
export interface Clock {
  now(): number;
  /**
   * Moves the clock forward by `ms` milliseconds, and resolves once what its listeners started has settled (the
   * deliveries that came due), so that the caller sees their outcome without waiting for a timer.
   */
  advance(ms: number): Promise<void>;
  /** Calls `listener` after each move of the clock; what it returns is awaited by {@link Clock.advance}. */
  onAdvance(listener: () => Promise<void> | void): void;
  /** How far the clock has been moved, in milliseconds. */
  advanced(): number;
  /** Back to the clock it was given, as a fresh mock. */
  rewind(): void;
}

export function createClock(source: () => number): Clock {
  let offset = 0;
  const listeners: (() => Promise<void> | void)[] = [];
  return {
    now: () => source() + offset,
    async advance(ms) {
      offset += ms;
      await Promise.all(listeners.map((listener) => listener()));
    },
    onAdvance(listener) {
      listeners.push(listener);
    },
    advanced: () => offset,
    rewind() {
      offset = 0;
    },
  };
}
