import type { ErrorCode } from "../types.js";
import { EtelecomError } from "./etelecom-error.js";

/** eTelecom answered with an error status and its `{ code, msg }` body. */
export class EtelecomApiError extends EtelecomError {
  override name = "EtelecomApiError";
  /** The HTTP status, e.g. 400. */
  readonly status: number;
  /** eTelecom's error code, e.g. `invalid_argument`. */
  readonly code: ErrorCode;
  /** eTelecom's human-readable message. */
  readonly msg: string;
  /** The parsed response body, with any secret of the request replaced by `[redacted]`. */
  readonly body: unknown;

  constructor(status: number, code: ErrorCode, msg: string, body: unknown) {
    super(`eTelecom answered ${status} ${code}: ${msg}`);
    this.status = status;
    this.code = code;
    this.msg = msg;
    this.body = body;
  }
}

/** Tells whether `value` is an {@link EtelecomApiError}. */
export function isEtelecomApiError(value: unknown): value is EtelecomApiError {
  return value instanceof EtelecomApiError;
}
