import { UnusualStatus } from "./cap-response.js";
import type { EtelecomError } from "./errors/etelecom-error.js";
import { EtelecomNetworkError } from "./errors/etelecom-network-error.js";
import { unusualStatus } from "./read-response.js";
import { redact } from "./redact.js";

/**
 * Wraps what sending threw. The original error is not kept as `cause`: a custom `fetch` or a middleware may have
 * put the request (and its Authorization header) into it. The cause keeps only the innermost message and code,
 * both redacted (a custom fetch may put anything in `code`), e.g. `connect ECONNREFUSED 127.0.0.1:4010` and
 * `ECONNREFUSED`. The one exception is {@link UnusualStatus}: eTelecom was reached, and answered something unusable.
 */
export function toNetworkError(thrown: unknown, secrets: readonly unknown[]): EtelecomError {
  if (thrown instanceof UnusualStatus) return unusualStatus(thrown, secrets);
  let inner = thrown as { message?: unknown; code?: unknown; cause?: unknown } | undefined;
  while (typeof inner?.cause === "object" && inner.cause !== null) inner = inner.cause as typeof inner;
  const message = redact(String(inner?.message || inner?.code || "fetch failed"), secrets);
  const code = typeof inner?.code === "string" ? { code: redact(inner.code, secrets) } : {};
  return new EtelecomNetworkError(`eTelecom could not be reached: ${message}`, {
    cause: Object.assign(new Error(message), code),
  });
}
