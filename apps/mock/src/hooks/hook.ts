import type { Random } from "../store/random.js";
import type { Caps, KeyData, Store } from "../store/store.js";

/**
 * The records of the resources a call reaches, under the call's owner (the OA its body names) for a resource owned
 * by one: each place seeded by its resource's sample on first use, each record shown through its resource's view.
 */
export interface Records {
  get(resource: string, id: string): Record<string, unknown> | undefined;
  list(resource: string): Record<string, unknown>[];
  /** Stores a record, or returns the `msg` of the 400 the resource's caps give it. */
  put(resource: string, id: string, record: Record<string, unknown>): string | undefined;
  remove(resource: string, id: string): boolean;
}

/**
 * The contract between the declared behaviour and the few protocols that are not CRUD (the consent flow): the
 * spec names a hook (`x-mock: { action: hook, hook: consent-link }`), the engine is given an implementation of each
 * name, and refuses to start when the spec names one it was not given.
 */

/** What the behaviour decided: a 200 with `value`, a documented example by name, or a 400 `invalid_argument`. */
export type Outcome =
  | { value: unknown; why: string }
  | { example: string; why: string }
  | { invalid: string; why: string };

/** What a hook reads: the validated body, the store and the caller's data, and the record its declaration found. */
export interface HookContext {
  body: Record<string, unknown>;
  store: Store;
  data: KeyData;
  /** The resource the declaration names, if any, and its caps. */
  resource?: string;
  caps: Caps;
  /** The record the declaration looked up (`resource`, `key`, `missing`), if it names one. */
  record?: Record<string, unknown>;
  /** The owner record of the declaration's resource (the OA its body names), if it has one. */
  owner?: Record<string, unknown>;
  /** The declaration's `with`, evaluated. */
  given: Record<string, unknown>;
  /** The records of every resource, under the same owner. */
  records: Records;
  /** The origin (or public URL) that links the mock issues point at. */
  base: string;
}

/** How the stateful mock answers an operation that is not CRUD. */
export interface Hook {
  answer(context: HookContext): Outcome;
  /** A varied success for dynamic mode, with no state touched; absent, Prism generates one from the schema. */
  generate?(body: Record<string, unknown>, random: Random, now: number): unknown;
}

/** What a sample hook reads when it fills a fixture entry. */
export interface SampleContext {
  store: Store;
  data: KeyData;
  /** The entry's place among its resource's fixture entries: samples take turns through what they offer. */
  index: number;
}

/** How a resource's records are completed (fixtures) and made up (dynamic mode). */
export interface Sample {
  /**
   * Fields a fixture entry may give beyond the resource's schema, which `fill` consumes, each with its check: the
   * `msg` of what is wrong with a value, or undefined for a good one.
   */
  extraFields: Readonly<Record<string, (value: unknown) => string | undefined>>;
  /** A whole record from what a fixture entry gives. */
  fill(given: Record<string, unknown>, context: SampleContext): Record<string, unknown>;
  /** A made-up record for dynamic mode, with `given` fields kept. */
  generate(given: Record<string, unknown>, random: Random, now: number): Record<string, unknown>;
  /**
   * The records an owner starts with when nothing (no fixture, no call) has written its place yet: an OA's
   * followers as Zalo has them. Absent: none.
   */
  seed?(owner: Record<string, unknown>, context: SampleContext): Record<string, unknown>[];
}

/** How a resource's records are shown as they stand on the mock's clock (a message's delivery). */
export interface View {
  show(record: Record<string, unknown>, now: number): Record<string, unknown>;
}

/** The hooks, samples and views an engine is given, by the names the spec uses. */
export interface Hooks {
  hooks: Readonly<Record<string, Hook>>;
  samples: Readonly<Record<string, Sample>>;
  views?: Readonly<Record<string, View>>;
}
