import { EtelecomError } from "./etelecom-error.js";

/**
 * eTelecom (or a proxy in front of it) answered with something the client cannot use: a body that is not JSON,
 * a 200 that does not fit the spec, an error status without eTelecom's `{ code, msg }`, a redirect, or a body over
 * MAX_RESPONSE_BYTES. The message says which, e.g. `... does not fit the spec: url: must be an absolute https: or http: URL`.
 */
export class EtelecomInvalidResponseError extends EtelecomError {
  override name = "EtelecomInvalidResponseError";
  /** The HTTP status, e.g. 200 or 502. */
  readonly status: number;
  /**
   * What was received, with any secret of the request replaced by `[redacted]`: the parsed JSON when it is at most
   * 64 KiB, else the first 1 KiB of the text.
   */
  readonly body: unknown;

  constructor(status: number, body: unknown, problem = "a body that is not the documented JSON") {
    super(`eTelecom answered ${status} with ${problem}`);
    this.status = status;
    this.body = body;
  }
}

/** Tells whether `value` is an {@link EtelecomInvalidResponseError}. */
export function isEtelecomInvalidResponseError(value: unknown): value is EtelecomInvalidResponseError {
  return value instanceof EtelecomInvalidResponseError;
}
