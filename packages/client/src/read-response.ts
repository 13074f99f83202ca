import { type BodyReading, MAX_RESPONSE_BYTES, type UnusualStatus } from "./cap-response.js";
import { EtelecomApiError } from "./errors/etelecom-api-error.js";
import { EtelecomInvalidResponseError } from "./errors/etelecom-invalid-response-error.js";
import type { ResponseCheck } from "./operation-descriptor.js";
import { redact } from "./redact.js";
import { isObject } from "./request-body.js";

/** JSON up to this many characters is kept whole in an error's `body`; anything else is cut to an excerpt. */
const WHOLE_JSON_UP_TO = 64 * 1024;
/** The length of the excerpt an error keeps of a body that is not small JSON. */
const EXCERPT_LENGTH = 1024;

/**
 * Turns openapi-fetch's `{ data, error, response }` (an ok body as its capped text, an error body as parsed JSON
 * or the text) into the checked 200 body or the right error. Only a 4xx or 5xx with
 * eTelecom's `{ code, msg }` is an EtelecomApiError, so its `code` is always one eTelecom sent; everything else the
 * client cannot use is an EtelecomInvalidResponseError, which says what is wrong. Both carry the status.
 */
export function readResponse(
  { data, error, response }: { data?: unknown; error?: unknown; response: Response },
  reading: BodyReading,
  check: ResponseCheck,
  secrets: readonly unknown[],
): unknown {
  const { status } = response;
  const raw = reading.cut ?? (response.ok ? data : error);
  const value = typeof raw === "string" && reading.cut === undefined ? parseJson(raw) : raw;
  const invalid = (problem: string) =>
    new EtelecomInvalidResponseError(status, keep(raw, value, secrets), redact(problem, secrets));
  if (reading.cut !== undefined) throw invalid(`a body over ${MAX_RESPONSE_BYTES} bytes, of which it read no more`);
  // Browsers report a redirect not followed as status 0 ("opaqueredirect"), Node as the 3xx itself.
  if (response.type === "opaqueredirect" || (status >= 300 && status < 400 && status !== 304)) {
    throw invalid("a redirect, which the client never follows (it would send the request again, secrets included)");
  }
  if (!response.ok && (status < 400 || status > 599)) throw invalid(UNUSUAL);
  if (response.ok) {
    if (raw === undefined || raw === "") throw invalid("an empty body");
    if (value === undefined) throw invalid("a body that is not JSON");
    if (!check(value)) throw invalid(`a body that does not fit the spec: ${describe(check.errors?.[0])}`);
    return value;
  }
  if (status < 400 || !isObject(value) || typeof value.code !== "string") {
    throw invalid("an error status without eTelecom's { code, msg } body");
  }
  const msg = typeof value.msg === "string" ? value.msg : "";
  throw new EtelecomApiError(status, redact(value.code, secrets), redact(msg, secrets), keep(raw, value, secrets));
}

const UNUSUAL = "a status outside 2xx, 4xx and 5xx, which the API never answers with";

/** The error for an answer whose status no Response can carry, from what capErrorBodies read of it. */
export function unusualStatus({ status, text, cut }: UnusualStatus, secrets: readonly unknown[]) {
  return new EtelecomInvalidResponseError(status, keep(text, cut ? undefined : parseJson(text), secrets), UNUSUAL);
}

/** Parses JSON, or returns undefined for anything else (HTML, a truncated body). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** What an error keeps of a body: small JSON parsed, anything else a redacted excerpt of its text. */
function keep(raw: unknown, value: unknown, secrets: readonly unknown[]): unknown {
  // Redacted before JSON.stringify, which would overflow the stack on a body nested thousands of levels deep.
  const text = typeof raw === "string" ? raw : (JSON.stringify(redact(raw, secrets)) ?? "");
  if (value !== undefined && text.length <= WHOLE_JSON_UP_TO) return redact(value, secrets);
  // Redacted before it is cut, so that a cut cannot leave the first characters of a secret behind.
  const redacted = redact(text, secrets);
  return redacted.length <= EXCERPT_LENGTH ? redacted : `${redacted.slice(0, EXCERPT_LENGTH)}…`;
}

/** `accounts[0].oa_id: must be string`, from ajv's first error; `body` stands for the whole body. */
function describe(problem: { instancePath: string; message?: string } | undefined): string {
  const field = (problem?.instancePath ?? "")
    .split("/")
    .slice(1)
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce(
      (path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment),
      "",
    );
  return `${field || "body"}: ${problem?.message ?? "does not fit"}`;
}
