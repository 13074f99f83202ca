/**
 * Secrets shorter than this are redacted only where they stand as a whole token: replacing every `s` would garble
 * eTelecom's message `app_secret: is required`, while a secret of four characters or more is redacted anywhere.
 */
const WHOLE_TOKEN_BELOW = 4;
const WORD = "\\p{L}\\p{N}_";

/** A character as a JSON `\u` escape: `é` as `\u00e9`. */
const unicodeEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * The ways JSON writes a secret: escaped (`"` as `\"`, `\` as `\\`), which stays in a body kept as text (truncated,
 * or HTML around JSON); with `/` as `\/` and non-ASCII as `\u00e9` (PHP, Python); and HTML-safe, as Go's
 * encoding/json writes it (eTelecom runs Twirp, a Go framework), with `<`, `>`, `&`, U+2028 and U+2029 as `\u`.
 */
function jsonForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const slashed = json.replaceAll("/", "\\/");
  const ascii = (form: string) => form.replace(/[\u0080-\uffff]/g, unicodeEscape);
  return [json, slashed, ascii(json), ascii(slashed), json.replace(/[<>&\u2028\u2029]/g, unicodeEscape)];
}

/**
 * The secret's UTF-8 in base64 and base64url, as in a Basic header or a token that embeds it: inside longer
 * base64 it starts at one of three byte offsets, and only the characters that no neighbouring byte changes are kept.
 */
function base64Forms(secret: string): string[] {
  const bytes = Array.from(new TextEncoder().encode(secret), (byte) => String.fromCharCode(byte)).join("");
  return [0, 1, 2].flatMap((offset) => {
    const core = btoa("\0".repeat(offset) + bytes).slice(
      Math.ceil((offset * 4) / 3),
      Math.floor(((offset + bytes.length) * 4) / 3),
    );
    return [core, core.replaceAll("+", "-").replaceAll("/", "_")];
  });
}

/** HTML's escapes, with each spelling of `"` and `'` that common escapers use. */
function htmlForms(text: string): string[] {
  return ["&quot;", "&#34;", "&#x22;"].flatMap((quote) =>
    ["&#39;", "&#x27;", "&#039;", "&apos;"].map((apostrophe) => {
      const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': quote, "'": apostrophe };
      return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
    }),
  );
}

/** URL encodings: encodeURIComponent's, with `+` for spaces, and a form query's. */
function urlForms(text: string): string[] {
  const form = new URLSearchParams({ s: text }).toString().slice(2);
  try {
    const uri = encodeURIComponent(text);
    return [uri, uri.replaceAll("%20", "+"), form];
  } catch {
    // A lone surrogate, which encodeURIComponent refuses and URLSearchParams writes as U+FFFD.
    return [form];
  }
}

/**
 * Every way a server may write a secret back: as it is, in JSON, in base64, and each of those HTML-escaped or
 * URL-encoded. Matched regardless of case, which also covers upper-case hex (`%C3%A9`, `\u00E9`) and a secret
 * written in capitals. At most 12 × 16 forms, each a few times the secret's length.
 */
function writtenForms(secret: string): string[] {
  const bases = [secret, ...jsonForms(secret), ...(secret.length < WHOLE_TOKEN_BELOW ? [] : base64Forms(secret))];
  return bases.flatMap((form) => [form, ...htmlForms(form), ...urlForms(form)]);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** The replacement of each list of secrets, made once: the same list serves every string of one call's errors. */
const replacers = new WeakMap<readonly unknown[], (text: string) => string>();

/** Replaces every written form of every secret, the longest first so that no shorter one breaks it up. */
function replacer(secrets: readonly unknown[]): (text: string) => string {
  const cached = replacers.get(secrets);
  if (cached) return cached;
  const forms = [
    ...new Set(
      secrets.filter((secret): secret is string => typeof secret === "string" && secret !== "").flatMap(writtenForms),
    ),
  ].sort((a, b) => b.length - a.length);
  const alternatives = (short: boolean) =>
    forms
      .filter((form) => form.length < WHOLE_TOKEN_BELOW === short)
      .map(escapeRegExp)
      .join("|");
  const anywhere = alternatives(false);
  const tokens = alternatives(true);
  const anywhereRe = new RegExp(anywhere, "giu");
  // No lookbehind, which older Safari cannot even parse: the character before is matched and put back.
  const tokenRe = new RegExp(`(^|[^${WORD}])(?:${tokens})(?![${WORD}])`, "giu");
  const replace = (text: string) => {
    const long = anywhere ? text.replace(anywhereRe, "[redacted]") : text;
    return tokens ? long.replace(tokenRe, "$1[redacted]") : long;
  };
  replacers.set(secrets, replace);
  return replace;
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
  const replace = replacer(secrets);
  const walk = (node: unknown, depth: number): unknown => {
    if (typeof node === "string") return replace(node);
    if (typeof node !== "object" || node === null) return node;
    if (depth === MAX_DEPTH) return "[nested too deep]";
    if (Array.isArray(node)) return node.map((item) => walk(item, depth + 1));
    return Object.fromEntries(Object.entries(node).map(([key, item]) => [walk(key, depth), walk(item, depth + 1)]));
  };
  return walk(value, 0) as T;
}
