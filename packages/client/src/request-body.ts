import { EtelecomInputError } from "./errors/etelecom-input-error.js";
import type { AuthorizeOAInput, AuthorizeOARequest } from "./types.js";

const INT64_MAX = 2n ** 63n - 1n;

/**
 * Checks what the client owns (the body is an object, `app_id` is an exact int64) and returns the body to send,
 * with `app_id` as a decimal string. Everything else, including a missing `app_id`, is left to the server.
 */
export function toRequestBody(input: AuthorizeOAInput): AuthorizeOARequest {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new EtelecomInputError(
      "body",
      `must be an object, got ${input === null ? "null" : Array.isArray(input) ? "an array" : typeof input}`,
    );
  }
  const appId: unknown = input.app_id;
  if (appId === undefined) return input as AuthorizeOARequest;
  if (typeof appId === "number") {
    throw new EtelecomInputError(
      "app_id",
      `must be a decimal string or a bigint, not a number: numbers above 2^53 lose digits (${appId} may not be the ID you meant)`,
    );
  }
  if (
    !(typeof appId === "bigint" || (typeof appId === "string" && /^\d{1,19}$/.test(appId))) ||
    BigInt(appId) < 0n ||
    BigInt(appId) > INT64_MAX
  ) {
    throw new EtelecomInputError("app_id", `must be an int64 from 0 to ${INT64_MAX}, as a decimal string or a bigint`);
  }
  return { ...input, app_id: String(appId) };
}
