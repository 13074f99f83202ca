import { EtelecomError } from "./etelecom-error.js";

/**
 * Why an event posted to a webhook was refused: `missing_signature` and `malformed_signature` (the
 * `X-ZEvent-Signature` header), `not_json` and `invalid_body` (the body, which must hold `app_id` and `timestamp`
 * to be verified at all), `bad_signature` (forged, altered, or signed with another OA's key), `stale` (too old or
 * stamped in the future, beyond the tolerance), `unknown_event` (authentic, but an `event_name` the spec does not
 * describe).
 */
export type WebhookErrorReason =
  | "missing_signature"
  | "malformed_signature"
  | "not_json"
  | "invalid_body"
  | "bad_signature"
  | "stale"
  | "unknown_event";

/** `verifyWebhookEvent` refused an event; `reason` says why in a word, the message in a sentence. */
export class EtelecomWebhookError extends EtelecomError {
  override name = "EtelecomWebhookError";
  /** Why, e.g. `bad_signature`. Only `unknown_event` comes from a request known to be Zalo's. */
  readonly reason: WebhookErrorReason;

  constructor(reason: WebhookErrorReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

/** Tells whether `value` is an {@link EtelecomWebhookError}. */
export function isEtelecomWebhookError(value: unknown): value is EtelecomWebhookError {
  return value instanceof EtelecomWebhookError;
}
