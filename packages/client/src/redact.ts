/**
 * Secrets shorter than this are redacted only where they stand as a whole token: replacing every `s` would garble
 * eTelecom's message `app_secret: is required`, while a secret of four characters or more is redacted anywhere.
 */
const WHOLE_TOKEN_BELOW = 4;
const WORD = "\\p{L}\\p{N}_";

/**
 * The ways a server may write a secret back: as it is; JSON-escaped (`"` as `\"`, `\` as `\\`), which stays in a
 * body kept as text (truncated, or HTML around JSON); and HTML-safe JSON, as Go's encoding/json writes it (eTelecom
 * runs Twirp, a Go framework), with `<`, `>`, `&`, U+2028 and U+2029 as `\u` escapes.
 */
function writtenForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const htmlSafe = json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return [...new Set([secret, json, htmlSafe])];
}

/** One replacement per written form of each secret, the longest first so that no shorter one breaks it up. */
function replacements(secrets: readonly unknown[]): ((text: string) => string)[] {
  return secrets
    .filter((secret): secret is string => typeof secret === "string" && secret !== "")
    .flatMap(writtenForms)
    .sort((a, b) => b.length - a.length)
    .map((form) => {
      if (form.length >= WHOLE_TOKEN_BELOW) return (text: string) => text.replaceAll(form, "[redacted]");
      const escaped = form.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
      // No lookbehind, which older Safari cannot even parse: the character before is matched and put back.
      const token = new RegExp(`(^|[^${WORD}])${escaped}(?![${WORD}])`, "gu");
      return (text: string) => text.replace(token, "$1[redacted]");
    });
}

/**
 * How deep redaction goes into nested arrays and objects; deeper ones become `[nested too deep]`. eTelecom's bodies
 * are a few levels deep, while recursion (this walk, JSON.stringify, a logger) overflows the stack at a few thousand:
 * what an error keeps must render any way without a RangeError.
 */
const MAX_DEPTH = 64;

/**
 * Returns `value` with each secret, in any string nested in it (object keys too), replaced by `[redacted]`, and
 * anything nested more than MAX_DEPTH levels replaced by `[nested too deep]`.
 */
export function redact<T>(value: T, secrets: readonly unknown[]): T {
  const replace = replacements(secrets);
  const walk = (node: unknown, depth: number): unknown => {
    if (typeof node === "string") return replace.reduce((text, apply) => apply(text), node);
    if (typeof node !== "object" || node === null) return node;
    if (depth === MAX_DEPTH) return "[nested too deep]";
    if (Array.isArray(node)) return node.map((item) => walk(item, depth + 1));
    return Object.fromEntries(Object.entries(node).map(([key, item]) => [walk(key, depth), walk(item, depth + 1)]));
  };
  return walk(value, 0) as T;
}
