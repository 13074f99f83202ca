/** A source of random numbers: seeded for the state, so that a fresh mock replays the same ids, codes and states. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
}

/** cyrb128: four 32-bit words from a string, to seed {@link seededRandom}. */
function hash(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = h2 ^ Math.imul(h1 ^ code, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ code, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ code, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ code, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

/**
 * A small fast generator (sfc32) seeded from `parts`. One per key, seeded from (seed, key): parallel tests with
 * different keys each get their own sequence, whatever order their requests interleave in.
 */
export function seededRandom(...parts: (string | number)[]): Random {
  let [a, b, c, d] = hash(parts.join("\u0000"));
  return {
    next() {
      a >>>= 0;
      b >>>= 0;
      c >>>= 0;
      d >>>= 0;
      let t = (a + b) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (c << 21) | (c >>> 11);
      d = (d + 1) | 0;
      t = (t + d) | 0;
      c = (c + t) | 0;
      return (t >>> 0) / 4294967296;
    },
  };
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
