import { EtelecomInputError } from "./errors/etelecom-input-error.js";
import type { FieldPath, OperationDescriptor } from "./operation-descriptor.js";

const INT64_MAX = 2n ** 63n - 1n;

/** A value as an error message may show it: a short quote of a string or a number, else its kind. */
function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number") return String(value);
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}

/** An exact int64 ID from a decimal string or a bigint, as the decimal string eTelecom expects. */
export function toInt64(field: string, value: unknown): string {
  if (typeof value === "number") {
    throw new EtelecomInputError(
      field,
      `must be a decimal string or a bigint, not a number: numbers above 2^53 lose digits (${value} may not be the ID you meant)`,
    );
  }
  if (
    !(typeof value === "bigint" || (typeof value === "string" && /^\d{1,19}$/.test(value))) ||
    BigInt(value) < 0n ||
    BigInt(value) > INT64_MAX
  ) {
    throw new EtelecomInputError(field, `must be an int64 from 0 to ${INT64_MAX}, as a decimal string or a bigint`);
  }
  return String(value);
}

/** A JSON integer from a safe integer or its decimal string (a callback's `state` arrives as a string). */
export function toSafeInteger(field: string, value: unknown): number {
  const number = typeof value === "string" && /^-?\d{1,16}$/.test(value) ? Number(value) : value;
  if (typeof number === "number" && Number.isSafeInteger(number)) return number;
  throw new EtelecomInputError(
    field,
    `must be an integer from -(2^53 - 1) to 2^53 - 1, or its decimal string, got ${show(value)}`,
  );
}

/** Tells a JSON object apart from null, an array and every other value. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Checks what the client owns (the body is an object; each int64 and integer field of the operation, wherever it
 * sits, is exact) and returns the body to send, with those fields converted. The input is never modified. A
 * missing field, or a field under a parent that is not an object, is left to the server, which names it in a 400.
 */
export function toRequestBody(input: unknown, operation: OperationDescriptor): Record<string, unknown> {
  if (!isObject(input)) {
    throw new EtelecomInputError(
      "body",
      `must be an object, got ${input === null ? "null" : Array.isArray(input) ? "an array" : typeof input}`,
    );
  }
  let body = input;
  for (const path of operation.int64) body = update(body, path, (value) => toInt64(path.join("."), value));
  for (const path of operation.integer) body = update(body, path, (value) => toSafeInteger(path.join("."), value));
  return body;
}

/** A copy of `object` with the value at `path` changed, or `object` itself when nothing is there. */
function update(
  object: Record<string, unknown>,
  [key, ...rest]: FieldPath,
  change: (value: unknown) => unknown,
): Record<string, unknown> {
  const value = key !== undefined && Object.hasOwn(object, key) ? object[key] : undefined;
  if (key === undefined || value === undefined) return object;
  if (rest.length === 0) return { ...object, [key]: change(value) };
  return isObject(value) ? { ...object, [key]: update(value, rest, change) } : object;
}

/** The string values at `paths`, where there are any. */
export function valuesAt(input: unknown, paths: readonly FieldPath[]): string[] {
  return paths.flatMap((path) => {
    const value = path.reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), input);
    return typeof value === "string" ? [value] : [];
  });
}
