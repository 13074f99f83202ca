import { EtelecomError } from "./etelecom-error.js";

/** eTelecom did not answer completely within the timeout. */
export class EtelecomTimeoutError extends EtelecomError {
  override name = "EtelecomTimeoutError";
  /** The timeout that ran out, in milliseconds. */
  readonly timeout: number;

  constructor(timeout: number) {
    super(`eTelecom did not answer within ${timeout} ms`);
    this.timeout = timeout;
  }
}

/** Tells whether `value` is an {@link EtelecomTimeoutError}. */
export function isEtelecomTimeoutError(value: unknown): value is EtelecomTimeoutError {
  return value instanceof EtelecomTimeoutError;
}
