/** The base class of every error this client throws. */
export class EtelecomError extends Error {
  override name = "EtelecomError";

  /** What `JSON.stringify` and loggers see: the name, the message and the error's own fields (never a secret). */
  toJSON(): Record<string, unknown> {
    return { ...(this as object), message: this.message };
  }
}

/** Tells whether `value` is any error thrown by this client. */
export function isEtelecomError(value: unknown): value is EtelecomError {
  return value instanceof EtelecomError;
}
