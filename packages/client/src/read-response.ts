import { EtelecomApiError } from "./errors/etelecom-api-error.js";
import { EtelecomInvalidResponseError } from "./errors/etelecom-invalid-response-error.js";
import { redact } from "./redact.js";
import type { AuthorizeOAResponse } from "./types.js";

/**
 * Turns openapi-fetch's `{ data, error, response }` (read with `parseAs: "text"`) into the documented result or
 * the right error. An error status whose body is not eTelecom's `{ code, msg }` (a proxy's HTML 502 page, an
 * empty 503) is an EtelecomInvalidResponseError, like a wrong 200: the `code` of an EtelecomApiError is always one
 * eTelecom sent. Both carry the status.
 */
export function readResponse(
  { data, error, response }: { data?: unknown; error?: unknown; response: Response },
  secrets: readonly unknown[],
): AuthorizeOAResponse {
  // openapi-fetch reports an empty error body as "", so the status, not `error`, decides.
  if (response.ok) {
    const value = parseObject(data);
    if (typeof value?.url === "string") return { url: value.url };
    throw new EtelecomInvalidResponseError(response.status, redact(value ?? data, secrets));
  }
  const value = parseObject(error);
  if (typeof value?.code !== "string") {
    throw new EtelecomInvalidResponseError(response.status, redact(value ?? error, secrets));
  }
  const msg = typeof value.msg === "string" ? value.msg : "";
  throw new EtelecomApiError(
    response.status,
    redact(value.code, secrets),
    redact(msg, secrets),
    redact(value, secrets),
  );
}

/** Parses a JSON object, or returns undefined for anything else (HTML, a truncated body, an array, a bare string). */
function parseObject(body: unknown): Record<string, unknown> | undefined {
  try {
    const value: unknown = typeof body === "string" ? JSON.parse(body) : body;
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
