import type { components } from "@etelecom-zalo/openapi/types";
import { EtelecomInputError } from "./errors/etelecom-input-error.js";
import { EtelecomWebhookError } from "./errors/etelecom-webhook-error.js";

/** An event Zalo posts to an OA's `webhook_url`: the spec's webhooks, told apart by `event_name`. */
export type ZaloEvent = components["schemas"]["ZaloEvent"];

/** The `event_name` of every event the spec describes. */
export type ZaloEventName = ZaloEvent["event_name"];

/** A request to a webhook as a server framework hands it over. */
export interface WebhookRequest {
  /**
   * The body exactly as received: the bytes (`express.raw()`'s Buffer, a `Uint8Array`, an `ArrayBuffer`) or their
   * text (`await c.req.text()`), never a parsed and re-serialised copy, whose bytes would differ from those signed.
   */
  body: string | Uint8Array | ArrayBuffer;
  /** The request's headers, as a `Headers` or a plain record (Node's, Express's, Hono's): names in any case. */
  headers: Headers | Readonly<Record<string, string | readonly string[] | undefined>>;
}

export interface VerifyWebhookEventOptions {
  /** The OA's secret key: Zalo signs each event of the OA with it. */
  oaSecretKey: string;
  /**
   * How far, in milliseconds, the event's `timestamp` may lie from this server's clock, either way: an older event
   * is refused as a possible replay, a newer one as forged or badly clocked. 5 minutes unless given.
   */
  toleranceMs?: number;
}

/** 5 minutes: wide enough for clocks a little apart, narrow enough that a captured event soon stops being accepted. */
const DEFAULT_TOLERANCE_MS = 5 * 60_000;
const SIGNATURE = /^mac=([0-9A-Fa-f]{64})$/;
/** The spec's Int64-safe timestamp: milliseconds as at most 16 digits. */
const TIMESTAMP = /^[0-9]{1,16}$/;

// Typed as a record of every ZaloEventName, so that an event added to or removed from the spec fails to compile here
// until this list follows: the spec's types are the source, this is only their names at run time.
const EVENT_NAMES: Record<ZaloEventName, true> = {
  user_send_text: true,
  user_send_image: true,
  user_send_sticker: true,
  follow: true,
  unfollow: true,
  user_received_message: true,
  user_seen_message: true,
};

/**
 * Verifies an event Zalo posted to an OA's webhook and resolves to it, typed by its `event_name`: the
 * `X-ZEvent-Signature` header must be `mac=` and the hex SHA-256 of the body's `app_id`, the raw body, the body's
 * `timestamp` and the OA's secret key, and the `timestamp` must lie within `toleranceMs` of now. Uses Web Crypto
 * only, so it runs in Node, browsers and edge runtimes alike.
 *
 * @throws EtelecomWebhookError when the event is refused (`reason` says why); `unknown_event` is the one refusal
 *   of an authentic event, which the receiver should acknowledge with a 2xx all the same, or Zalo sends it again.
 * @throws EtelecomInputError when `oaSecretKey`, `toleranceMs` or `body` is not what the caller must give.
 */
export async function verifyWebhookEvent(
  request: WebhookRequest,
  options: VerifyWebhookEventOptions,
): Promise<ZaloEvent> {
  const { oaSecretKey, toleranceMs = DEFAULT_TOLERANCE_MS } = options;
  if (typeof oaSecretKey !== "string" || oaSecretKey === "") {
    throw new EtelecomInputError("oaSecretKey", "must be the OA's secret key, a non-empty string");
  }
  if (typeof toleranceMs !== "number" || !(toleranceMs >= 0)) {
    throw new EtelecomInputError("toleranceMs", "must be a number of milliseconds, 0 or more");
  }
  const mac = signatureOf(request.headers);
  const { bytes, text } = readBody(request.body);

  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    // The parser's own message quotes the body, which is not ours to put in an error that may be logged.
    throw new EtelecomWebhookError("not_json", "The webhook's body is not JSON");
  }
  if (typeof event !== "object" || event === null || Array.isArray(event)) {
    throw new EtelecomWebhookError("invalid_body", "The webhook's body must be a JSON object, a Zalo event");
  }
  const { app_id, timestamp, event_name } = event as Record<string, unknown>;
  if (typeof app_id !== "string" || app_id === "") {
    throw new EtelecomWebhookError("invalid_body", "The event has no app_id string, which its signature covers");
  }
  if (typeof timestamp !== "string" || !TIMESTAMP.test(timestamp)) {
    throw new EtelecomWebhookError(
      "invalid_body",
      "The event has no timestamp, milliseconds as a string of digits, which its signature covers",
    );
  }

  // The signed input is built from the bytes as received; app_id and timestamp are read from them only because
  // Zalo's input names them, and they are checked again by the digest.
  const encoder = new TextEncoder();
  const parts = [encoder.encode(app_id), bytes, encoder.encode(timestamp), encoder.encode(oaSecretKey)];
  const input = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    input.set(part, offset);
    offset += part.length;
  }
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", input));
  if (!sameDigest(digest, mac)) {
    throw new EtelecomWebhookError(
      "bad_signature",
      "X-ZEvent-Signature does not match the body: it was signed with another key than this OA's secret key, or " +
        "the body was changed (verify the raw body as received, not a parsed and re-serialised copy)",
    );
  }

  const age = Date.now() - Number(timestamp);
  if (age > toleranceMs) {
    throw new EtelecomWebhookError(
      "stale",
      `The event is too old: stamped ${age} ms ago, more than toleranceMs (${toleranceMs} ms) allows`,
    );
  }
  if (-age > toleranceMs) {
    throw new EtelecomWebhookError(
      "stale",
      `The event is stamped ${-age} ms in the future, more than toleranceMs (${toleranceMs} ms) allows: ` +
        "check this server's clock",
    );
  }

  if (typeof event_name !== "string") {
    throw new EtelecomWebhookError("invalid_body", "The event has no event_name string");
  }
  if (!Object.hasOwn(EVENT_NAMES, event_name)) {
    throw new EtelecomWebhookError(
      "unknown_event",
      `The event ${JSON.stringify(event_name.slice(0, 64))} is signed correctly but is not one the spec describes`,
    );
  }
  return event as ZaloEvent;
}

/** The hex of `X-ZEvent-Signature: mac=<hex>`, found whatever the case of its name. */
function signatureOf(headers: WebhookRequest["headers"]): string {
  const values =
    typeof headers.get === "function"
      ? [(headers as Headers).get("x-zevent-signature")]
      : Object.entries(headers)
          .filter(([name]) => name.toLowerCase() === "x-zevent-signature")
          .flatMap(([, value]) => value);
  const present = values.filter((value) => value !== null && value !== undefined);
  if (present.length === 0) {
    throw new EtelecomWebhookError("missing_signature", "The webhook has no X-ZEvent-Signature header");
  }
  // A repeated header arrives as a list, or as its values joined by ", ": neither is one signature.
  const hex = present.length === 1 ? SIGNATURE.exec(String(present[0]).trim())?.[1] : undefined;
  if (hex === undefined) {
    throw new EtelecomWebhookError(
      "malformed_signature",
      "The webhook's X-ZEvent-Signature is not one mac=<64 hex digits>, the SHA-256 Zalo signs events with",
    );
  }
  return hex;
}

/** The body's bytes, to verify, and its text, to parse. */
function readBody(body: WebhookRequest["body"]): { bytes: Uint8Array; text: string } {
  if (typeof body === "string") return { bytes: new TextEncoder().encode(body), text: body };
  const bytes = body instanceof ArrayBuffer ? new Uint8Array(body) : body;
  if (!(bytes instanceof Uint8Array)) {
    throw new EtelecomInputError(
      "body",
      "must be the raw body as received (a string, a Uint8Array such as express.raw()'s Buffer, or an ArrayBuffer), " +
        "not a parsed object, whose re-serialised bytes would not be those Zalo signed",
    );
  }
  try {
    return { bytes, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    throw new EtelecomWebhookError("not_json", "The webhook's body is not JSON: its bytes are not UTF-8 text");
  }
}

/** Compares the digest with the header's hex in time that does not depend on where they first differ. */
function sameDigest(digest: Uint8Array, hex: string): boolean {
  let difference = 0;
  for (const [index, byte] of digest.entries()) {
    difference |= byte ^ Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  }
  return difference === 0;
}
