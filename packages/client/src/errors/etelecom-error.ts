/** The base class of every error this client throws. */
export class EtelecomError extends Error {
  override name = "EtelecomError";
  /**
   * How many times the call was sent, retries included, on every error of a call that was sent; absent on an
   * error made before sending (EtelecomInputError) or by hand.
   */
  declare readonly attempts?: number;

  /**
   * What `JSON.stringify` and loggers see: the name, the message, the error's own fields and, when there is one,
   * the cause's message and code (e.g. `ECONNREFUSED`), which `Error` keeps in a property JSON skips. Never a secret.
   */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { ...(this as object), message: this.message };
    const cause = this.cause as { message?: unknown; code?: unknown } | undefined;
    if (typeof cause === "object" && cause !== null) {
      json.cause = { message: String(cause.message), ...(typeof cause.code === "string" && { code: cause.code }) };
    }
    return json;
  }
}

/** Tells whether `value` is any error thrown by this client. */
export function isEtelecomError(value: unknown): value is EtelecomError {
  return value instanceof EtelecomError;
}
