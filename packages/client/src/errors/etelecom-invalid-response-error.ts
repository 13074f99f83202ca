import { EtelecomError } from "./etelecom-error.js";

/** eTelecom (or a proxy in front of it) answered with a body that is not the documented JSON shape. */
export class EtelecomInvalidResponseError extends EtelecomError {
  override name = "EtelecomInvalidResponseError";
  /** The HTTP status, e.g. 200 or 502. */
  readonly status: number;
  /** The body as received (parsed when it was JSON), with any secret of the request replaced by `[redacted]`. */
  readonly body: unknown;

  constructor(status: number, body: unknown) {
    super(`eTelecom answered ${status} with a body that is not the documented JSON`);
    this.status = status;
    this.body = body;
  }
}

/** Tells whether `value` is an {@link EtelecomInvalidResponseError}. */
export function isEtelecomInvalidResponseError(value: unknown): value is EtelecomInvalidResponseError {
  return value instanceof EtelecomInvalidResponseError;
}
