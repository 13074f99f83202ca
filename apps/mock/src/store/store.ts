import { shopIdOf } from "./ids.js";
import { type Random, seededRandom } from "./random.js";

/**
 * How much the store holds at most, so that a load test with a new key per request keeps memory flat. Past a cap
 * the least recently used key goes, with everything it had; each resource's own caps (records per owner, bytes per
 * record) are declared in the spec's `x-mock-resources`.
 */
export const LIMITS = {
  /** Keys with state. */
  keys: 10_000,
  /** Bytes of records (as JSON) of every key together. */
  bytes: 64 * 1024 * 1024,
  /** Codes issued to one key and not used yet. */
  codesPerKey: 100,
  /** Consent links not used yet, all keys together. */
  links: 10_000,
} as const;

/** A record as stored: its value and its size as JSON, which the byte caps count. */
interface Stored {
  value: Record<string, unknown>;
  bytes: number;
}

/** What one key (one shop) has. */
export interface KeyData {
  readonly key: string;
  /** The key's own sequence: ids and codes drawn from it never repeat, even after the key was forgotten. */
  readonly random: Random;
  readonly shopId: string;
  /** Per-key state of the mock's hooks (the consent flow's codes) and limits (rate, faults), forgotten with the key. */
  readonly extras: Map<string, unknown>;
}

/** Where a record lives: its resource, and the record of another resource that owns it, if any. */
export interface Place {
  resource: string;
  owner?: string;
}

/** What a resource allows, as `x-mock-resources` declares it. */
export interface Caps {
  entries: number;
  bytes: number;
}

/**
 * Per-key collections of records of every resource, with their caps, and the keys' lifecycle. Written here rather
 * than taken from a library: @mswjs/data keeps one global collection per model (no per-key stores, no caps, and MSW
 * as a dependency of the server), and lru-cache would hold the keys but not the per-place caps, the sizes that
 * change as a key's records are written, or the forget listeners the consent flow needs; what is left is a Map in
 * insertion order, which is an LRU in a dozen lines.
 */
export interface Store {
  readonly now: () => number;
  /** The key's data, made on first use (with its fixtures); marks the key as the most recently used. */
  forKey(key: string): KeyData;
  /** The key's data if the store has it, without making it or marking it used. */
  peek(key: string): KeyData | undefined;
  /** The records of one place, in insertion order. */
  list(data: KeyData, place: Place): Record<string, unknown>[];
  get(data: KeyData, place: Place, id: string): Record<string, unknown> | undefined;
  /**
   * Stores a record under `id`, replacing the one there; or returns the `msg` of the 400 that refuses it: one field
   * makes it larger than `caps.bytes`, or its place is full (`caps.entries`).
   */
  put(data: KeyData, place: Place, id: string, value: Record<string, unknown>, caps: Caps): string | undefined;
  /** Removes a record; false when there was none. */
  remove(data: KeyData, place: Place, id: string): boolean;
  /**
   * Whether the place was ever written to, even if emptied since: a place that was not starts with what its
   * resource's sample seeds (an OA's followers on Zalo), once.
   */
  has(data: KeyData, place: Place): boolean;
  /** Marks a place as written to, with nothing in it yet, so that it is seeded at most once. */
  open(data: KeyData, place: Place): void;
  /** Forgets one key: it starts again from its fixtures, with a sequence it never had. */
  resetKey(key: string): void;
  /** Forgets every key, back to the fixtures and the seed's first draw, as a fresh mock. */
  resetAll(): void;
  /**
   * Calls `listener` after each record is stored, with the record it replaced (undefined for a new one): how the
   * mock's events learn that a message was sent.
   */
  onPut(listener: PutListener): void;
  /** Calls `listener` with each key the store forgets (a cap, or `resetKey`), and with undefined on `resetAll`. */
  onForget(listener: (data: KeyData | undefined) => void): void;
}

/** What {@link Store.onPut} calls. */
export type PutListener = (
  data: KeyData,
  place: Place,
  value: Record<string, unknown>,
  previous: Record<string, unknown> | undefined,
) => void;

/** What {@link createStore} needs: the seed, the clock, and how a new key gets its fixtures. */
export interface StoreOptions {
  seed: number;
  now: () => number;
  /** Fills a key's fresh data from the fixtures, if it has any: on first use, so that startup costs nothing. */
  restore?: (store: Store, data: KeyData) => void;
}

const placeOf = ({ resource, owner }: Place) => (owner === undefined ? resource : `${resource}@${owner}`);

/** The JSON size of a value, in UTF-8 bytes. */
const sizeOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? "");

/** The field of a record whose value is largest as JSON: what a refusal for size names. */
function largestField(value: Record<string, unknown>): string {
  let largest = "";
  let size = -1;
  for (const [field, child] of Object.entries(value)) {
    const bytes = sizeOf(child);
    if (bytes > size) [largest, size] = [field, bytes];
  }
  return largest;
}

interface KeyEntry {
  data: KeyData;
  places: Map<string, Map<string, Stored>>;
  bytes: number;
}

/** Writes a record into a key's entry: the bytes it grew by, or the `msg` of the 400 its caps give it. */
function write(entry: KeyEntry, place: Place, id: string, value: Record<string, unknown>, caps: Caps): number | string {
  const size = sizeOf(value);
  if (size > caps.bytes) {
    return `${largestField(value)}: makes the ${place.resource} ${size} bytes as JSON, over the mock's limit of ${caps.bytes}`;
  }
  const records = entry.places.get(placeOf(place)) ?? new Map<string, Stored>();
  entry.places.set(placeOf(place), records);
  const previous = records.get(id);
  if (previous === undefined && records.size >= caps.entries) {
    return `${place.resource}: this key already has ${caps.entries} of them, the mock's limit`;
  }
  records.set(id, { value, bytes: size });
  const grown = size - (previous?.bytes ?? 0);
  entry.bytes += grown;
  return grown;
}

/** Creates an empty store; nothing is restored until a key is used. */
export function createStore({ seed, now, restore }: StoreOptions): Store {
  const keys = new Map<string, KeyEntry>();
  const listeners: ((data: KeyData | undefined) => void)[] = [];
  const putListeners: PutListener[] = [];
  let bytes = 0;
  // How many keys were forgotten since the mock was fresh. A key made again after being forgotten draws from a
  // sequence seeded with this count too: replaying its first draws would hand out the same codes and consent
  // links again, and a link used before could open again.
  let forgotten = 0;

  const forget = (key: string) => {
    const entry = keys.get(key);
    if (entry === undefined) return;
    keys.delete(key);
    bytes -= entry.bytes;
    forgotten++;
    for (const listener of listeners) listener(entry.data);
  };

  const entryOf = (data: KeyData) => keys.get(data.key) as KeyEntry;
  const placeIn = (data: KeyData, place: Place) => entryOf(data)?.places.get(placeOf(place));

  const store: Store = {
    now,
    forKey(key) {
      let entry = keys.get(key);
      if (entry !== undefined) {
        keys.delete(key);
        keys.set(key, entry);
        return entry.data;
      }
      const random = forgotten === 0 ? seededRandom(seed, key) : seededRandom(seed, key, forgotten);
      entry = { data: { key, random, shopId: shopIdOf(key), extras: new Map() }, places: new Map(), bytes: 0 };
      keys.set(key, entry);
      for (const [oldest] of keys) {
        if (keys.size <= LIMITS.keys) break;
        forget(oldest);
      }
      restore?.(store, entry.data);
      return entry.data;
    },
    peek: (key) => keys.get(key)?.data,
    list: (data, place) => [...(placeIn(data, place)?.values() ?? [])].map((stored) => stored.value),
    get: (data, place, id) => placeIn(data, place)?.get(id)?.value,
    put(data, place, id, value, caps) {
      const previous = placeIn(data, place)?.get(id)?.value;
      const grown = write(entryOf(data), place, id, value, caps);
      if (typeof grown === "string") return grown;
      bytes += grown;
      // Over the whole budget, the least recently used keys go, never the one being written to.
      for (const [oldest] of keys) {
        if (bytes <= LIMITS.bytes || oldest === data.key) break;
        forget(oldest);
      }
      for (const listener of putListeners) listener(data, place, value, previous);
      return undefined;
    },
    remove(data, place, id) {
      const records = placeIn(data, place);
      const stored = records?.get(id);
      if (records === undefined || stored === undefined) return false;
      records.delete(id);
      entryOf(data).bytes -= stored.bytes;
      bytes -= stored.bytes;
      return true;
    },
    has: (data, place) => placeIn(data, place) !== undefined,
    open(data, place) {
      const entry = entryOf(data);
      if (!entry.places.has(placeOf(place))) entry.places.set(placeOf(place), new Map());
    },
    resetKey: forget,
    resetAll() {
      keys.clear();
      bytes = 0;
      forgotten = 0;
      for (const listener of listeners) listener(undefined);
    },
    onPut: (listener) => {
      putListeners.push(listener);
    },
    onForget: (listener) => {
      listeners.push(listener);
    },
  };
  return store;
}
