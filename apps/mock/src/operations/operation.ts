import type { KeyState, MockState } from "../state/mock-state.js";
import type { Random } from "../state/random.js";

/** What a stateful operation reads: the validated body, the caller's state, and where consent links point. */
export interface OperationContext<Body> {
  body: Body;
  state: MockState;
  /** The caller's state (its Bearer key's). */
  keyState: KeyState;
  /** The origin (or public URL) consent links are issued on. */
  base: string;
}

/** What the state decided: a 200 with `value`, a documented example by name, or a 400 `invalid_argument`. */
export type Outcome =
  | { value: unknown; why: string }
  | { example: string; why: string }
  | { invalid: string; why: string };

/**
 * How the mock answers one operation of the spec beyond its examples. The answers pass through the operation's
 * 200 schema, which drops whatever the schema does not declare.
 */
export interface StatefulOperation<Body = never> {
  /** Answers a valid request from (and to) the state. */
  answer(context: OperationContext<Body>): Outcome;
  /** A varied success for dynamic mode, made by the same code as the state's answers, with no state touched. */
  generate(body: Body, random: Random, now: number): unknown;
}
