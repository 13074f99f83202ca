import { MAX_CLAUSES } from "../core/validation-message.js";

/** The parts of a JSON Schema (as Prism inlines it) that {@link splitUnknownFields} reads. */
interface ObjectSchema {
  type?: string | string[];
  properties?: Record<string, unknown>;
  additionalProperties?: unknown;
  patternProperties?: unknown;
  allOf?: unknown;
  anyOf?: unknown;
  oneOf?: unknown;
}

/** The keys a body has that its schema does not declare: the first few by name, and how many in all. */
export interface UnknownFields {
  /** The first {@link MAX_CLAUSES} of them, as `extra` or `filter.extra`: no `msg` names more. */
  names: string[];
  count: number;
}

/** Whether every key an object may have is listed in `properties`, so that any other key is simply unknown. */
function isClosed(schema: ObjectSchema): schema is ObjectSchema & { properties: Record<string, unknown> } {
  return (
    schema.additionalProperties === false &&
    typeof schema.properties === "object" &&
    schema.patternProperties === undefined &&
    schema.allOf === undefined &&
    schema.anyOf === undefined &&
    schema.oneOf === undefined
  );
}

/**
 * Returns `value` without the keys a closed object schema (`additionalProperties: false`) does not declare, at
 * every depth, and counts them into `unknown`. A 1 MiB body can hold ~100k unknown keys: Ajv would report each one,
 * Prism reword each report and the event loop stall for seconds; counting them here is one pass over the keys, and
 * Prism then validates what is left.
 */
export function splitUnknownFields(value: unknown, schema: unknown, unknown: UnknownFields, path = ""): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  if (typeof schema !== "object" || schema === null || !isClosed(schema as ObjectSchema)) return value;
  const { properties } = schema as { properties: Record<string, unknown> };
  const object = value as Record<string, unknown>;
  const before = unknown.count;
  const known: Record<string, unknown> = {};
  let changed = false;
  for (const key of Object.keys(object)) {
    if (!Object.hasOwn(properties, key)) {
      unknown.count++;
      if (unknown.names.length < MAX_CLAUSES) unknown.names.push(path ? `${path}.${key}` : key);
      continue;
    }
    const inner = splitUnknownFields(object[key], properties[key], unknown, path ? `${path}.${key}` : key);
    changed ||= inner !== object[key];
    known[key] = inner;
  }
  return changed || unknown.count > before ? known : value;
}
