/** Secrets shorter than this are not redacted: replacing them would garble ordinary words in eTelecom's messages. */
const MIN_SECRET_LENGTH = 4;

/** Returns `value` with every occurrence of each secret, in any string nested in it, replaced by `[redacted]`. */
export function redact<T>(value: T, secrets: readonly unknown[]): T {
  if (typeof value === "string") {
    let text: string = value;
    for (const secret of secrets) {
      if (typeof secret === "string" && secret.length >= MIN_SECRET_LENGTH)
        text = text.replaceAll(secret, "[redacted]");
    }
    return text as T;
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, secrets)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [redact(key, secrets), redact(item, secrets)]),
    ) as T;
  }
  return value;
}
