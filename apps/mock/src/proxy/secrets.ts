/**
 * The one list of what the proxy never lets out of a call (into a log line, a violation or a recording): the
 * caller's key, and the value of every field that holds a secret. As the client does (it redacts the key and every
 * request field the spec marks `writeOnly`, and refuses to generate while a field named like a secret lacks the
 * mark), a field is secret when its schema says `writeOnly`; and since eTelecom's answers are not yet known to
 * follow the spec, a field of a request or an answer named like a secret (an app secret, an access or refresh token,
 * a key) is secret wherever it appears.
 */
const SECRET_NAME = /secret|password|token|api_?key|shop_?key/i;

/** Secrets shorter than this are redacted only as whole words, as the client does: `s` must not garble every `s`. */
const WHOLE_WORD_BELOW = 4;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** The values of `value`'s fields named like a secret, and of the fields its `schema` marks `writeOnly`. */
export function secretValues(value: unknown, schema?: unknown, found: string[] = [], depth = 0): string[] {
  // eTelecom's bodies are a few levels deep; a hostile one a thousand deep must not overflow the stack.
  if (!isObject(value) || depth > 64) return found;
  const properties = isObject(schema) ? ((schema as { properties?: Record<string, unknown> }).properties ?? {}) : {};
  const items = isObject(schema) ? (schema as { items?: unknown }).items : undefined;
  for (const [name, child] of Object.entries(value)) {
    const childSchema = Array.isArray(value) ? items : properties[name];
    const writeOnly = isObject(childSchema) && (childSchema as { writeOnly?: unknown }).writeOnly === true;
    if (typeof child === "string" && child !== "" && (writeOnly || SECRET_NAME.test(name))) found.push(child);
    else secretValues(child, childSchema, found, depth + 1);
  }
  return found;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** Replaces each secret in `text`, as it is and as JSON writes it inside a string, with `[redacted]`. */
export function redactText(text: string, secrets: readonly string[]): string {
  let redacted = text;
  const forms = [...new Set(secrets.flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)]))]
    .filter((form) => form !== "")
    // The longest first, so that no shorter secret breaks a longer one up.
    .sort((a, b) => b.length - a.length);
  for (const form of forms) {
    redacted =
      form.length < WHOLE_WORD_BELOW
        ? redacted.replace(
            new RegExp(`(^|[^\\p{L}\\p{N}_])${escapeRegExp(form)}(?![\\p{L}\\p{N}_])`, "gu"),
            "$1[redacted]",
          )
        : redacted.replaceAll(form, "[redacted]");
  }
  return redacted;
}

/** `value` with every secret in every string of it (keys included) replaced by `[redacted]`. */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
  const walk = (node: unknown): unknown => {
    if (typeof node === "string") return redactText(node, secrets);
    if (Array.isArray(node)) return node.map(walk);
    if (!isObject(node)) return node;
    return Object.fromEntries(Object.entries(node).map(([key, child]) => [redactText(key, secrets), walk(child)]));
  };
  return walk(value) as T;
}
