/**
 * The mock's time: the clock it was given (the system's by default) plus how far `POST /__clock` has moved it, so
 * that a test sees a ZNS become seen, a code expire or a reply window close without sleeping. Only forward: a clock
 * that went back would let a used code or an expired journey live again.
 */
export interface Clock {
  now(): number;
  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void;
  /** How far the clock has been moved, in milliseconds. */
  advanced(): number;
  /** Back to the clock it was given, as a fresh mock. */
  rewind(): void;
}

export function createClock(source: () => number): Clock {
  let offset = 0;
  return {
    now: () => source() + offset,
    advance(ms) {
      offset += ms;
    },
    advanced: () => offset,
    rewind() {
      offset = 0;
    },
  };
}
