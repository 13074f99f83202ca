import { createHash } from "node:crypto";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";

/** A source of random numbers: seeded for the state, so that a fresh mock replays the same ids, codes and states. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
}

/**
 * pure-rand's xoroshiro128+ seeded from `parts`. One per key, seeded from (seed, key): parallel tests with different
 * keys each get their own sequence, whatever order their requests interleave in. Its whole 128-bit state comes from
 * a hash of the parts, not from pure-rand's 32-bit seed, so that two of the 10,000 keys the mock keeps do not share a
 * sequence by a birthday collision; a SHA-256 digest is never all zero, the one state the generator cannot leave.
 */
export function seededRandom(...parts: (string | number)[]): Random {
  const digest = createHash("sha256").update(parts.join("\u0000")).digest();
  const generator = xoroshiro128plusFromState([0, 4, 8, 12].map((offset) => digest.readInt32LE(offset)));
  return { next: () => uniformFloat64(generator) };
}

/** `Math.random` as a {@link Random}: for dynamic answers, which should differ from call to call. */
export const unseededRandom: Random = { next: Math.random };

/** An integer in [0, bound). */
export function integerBelow(random: Random, bound: number): number {
  return Math.floor(random.next() * bound);
}

/** `length` characters drawn from `alphabet`. */
export function charactersFrom(random: Random, alphabet: string, length: number): string {
  let text = "";
  for (let index = 0; index < length; index++) text += alphabet[integerBelow(random, alphabet.length)];
  return text;
}
