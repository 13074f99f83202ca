import { EtelecomError } from "./etelecom-error.js";

/** eTelecom could not be reached, or the connection broke before the whole answer arrived. */
export class EtelecomNetworkError extends EtelecomError {
  override name = "EtelecomNetworkError";
}

/** Tells whether `value` is an {@link EtelecomNetworkError}. */
export function isEtelecomNetworkError(value: unknown): value is EtelecomNetworkError {
  return value instanceof EtelecomNetworkError;
}
