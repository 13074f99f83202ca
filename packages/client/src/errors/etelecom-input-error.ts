import { EtelecomError } from "./etelecom-error.js";

/** The request was refused before it was sent, because `field` is malformed. */
export class EtelecomInputError extends EtelecomError {
  override name = "EtelecomInputError";
  /** The offending field, e.g. `app_id`, or `body` when the body is not an object. */
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field} ${message}`);
    this.field = field;
  }
}

/** Tells whether `value` is an {@link EtelecomInputError}. */
export function isEtelecomInputError(value: unknown): value is EtelecomInputError {
  return value instanceof EtelecomInputError;
}
