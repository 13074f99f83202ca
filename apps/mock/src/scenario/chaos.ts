import { FAULT_KINDS, type FaultKind, type Latency } from "../core/faults.js";
import { integerBelow, type Random, seededRandom } from "../store/random.js";
import type { KeyData } from "../store/store.js";

/** Where a key's sequence of `--fault-rate` draws lives: in its data, so it goes when the store forgets the key. */
const EXTRA = "faults";

/**
 * The faults of `--fault-rate`: each call draws once from its key's own sequence, seeded from the seed and the key
 * (as the store's ids are), so that a run repeats whatever order parallel tests with other keys interleave in. A
 * draw under `rate` picks one of the kinds, evenly.
 */
export function createFaultDraw(seed: number, rate: number) {
  return (data: KeyData): FaultKind | undefined => {
    let random = data.extras.get(EXTRA) as Random | undefined;
    if (random === undefined) {
      random = seededRandom(seed, data.key, EXTRA);
      data.extras.set(EXTRA, random);
    }
    const drawn = random.next();
    return drawn < rate ? FAULT_KINDS[Math.floor((drawn / rate) * FAULT_KINDS.length)] : undefined;
  };
}

/** The delay of `--latency` for each answer: fixed, or drawn between its bounds from a sequence of the seed. */
export function createLatency(seed: number, latency: Latency): () => number {
  if (typeof latency === "number") return () => latency;
  const { min, max } = latency;
  const random = seededRandom(seed, "latency");
  return () => min + integerBelow(random, max - min + 1);
}
