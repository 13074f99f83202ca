import type { DeclaredValue } from "@etelecom-zalo/openapi";
import { int64Id } from "./ids.js";
import type { KeyData } from "./store.js";
import { isoTime } from "./time.js";

/** What a declared value may read: the request's body, the caller's data and the clock. */
export interface ValueContext {
  body: unknown;
  data: KeyData;
  now: number;
}

/** The value at a dotted path (`recipient.user_id`) of a JSON value, if there is one. */
export function valueAt(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split(".")) {
    if (typeof current !== "object" || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/**
 * Evaluates one value of an `x-mock` `set` or `fill`: `$body.<field>` (undefined when the body has none, so the
 * field is left as it was), `$now` (RFC 3339), `$int64` (a new ID from the key's sequence), `$shop_id`, or itself.
 */
export function evaluate(declared: DeclaredValue, { body, data, now }: ValueContext): unknown {
  if (typeof declared !== "string" || !declared.startsWith("$")) return declared;
  if (declared === "$now") return isoTime(now);
  if (declared === "$int64") return int64Id(data.random);
  if (declared === "$shop_id") return data.shopId;
  return valueAt(body, declared.slice("$body.".length));
}

/** `record` with each declared field evaluated and set (a field whose value is undefined is left alone). */
export function applyValues(
  record: Record<string, unknown>,
  values: Record<string, DeclaredValue>,
  context: ValueContext,
): Record<string, unknown> {
  const next = { ...record };
  for (const [field, declared] of Object.entries(values)) {
    const value = evaluate(declared, context);
    if (value !== undefined) next[field] = value;
  }
  return next;
}
