import type { IPrismDiagnostic } from "@stoplight/prism-core";

/** A `msg` names at most this many fields, then counts the rest: a body can hold ~100k wrong fields in 1 MiB. */
export const MAX_CLAUSES = 20;

/**
 * The spec's int64 pattern spells out int64's range digit by digit, ending in its maximum: a reader is better
 * served by what it means than by 400 characters of regular expression.
 */
const INT64_PATTERN_END = "|9223372036854775807)$";

/**
 * How the spec says "an absolute http(s) URL" (scheme in any case, `//`, then a host): a pattern for what JSON
 * Schema's `format: uri` lets through (`javascript:`, `http:host`), which reads better as what it means.
 */
const HTTP_URL_PATTERN = "^[Hh][Tt][Tt][Pp][Ss]?://";

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

/** Turns one of Prism's body diagnostics (Ajv's error, reworded by Prism) into a field and a reason. */
export function clause(diagnostic: IPrismDiagnostic, bodySent: boolean): [field: string, what: string] {
  const path = diagnostic.path ?? [];
  const property = path.slice(1).join(".");
  // Prism writes "Request body [property <path> ]<Ajv message>" ("Response" for a response): keep Ajv's part.
  const ajvMessage = diagnostic.message.replace(/^(?:Request|Response) body (property \S+ )?/, "");
  const quoted = /'(.*)'$/s.exec(ajvMessage)?.[1];
  switch (diagnostic.code) {
    case "required":
      // With no path Prism means the body itself is missing; JSON null, false, 0 or "" read as missing too.
      if (path.length === 0) return ["body", bodySent ? "must be an object" : "is required"];
      return [quoted ? [property, quoted].filter(Boolean).join(".") : "body", "is required"];
    case "additionalProperties":
      return [quoted ? [property, quoted].filter(Boolean).join(".") : "body", "is not a known field"];
    case "type": {
      const type = /^must be (\S+)$/.exec(ajvMessage)?.[1];
      return [property || "body", type ? `must be ${article(type)}` : ajvMessage];
    }
    case "format":
      return [property, ajvMessage.includes('"uri"') ? "must be a URI" : ajvMessage];
    case "pattern": {
      const pattern = /^must match pattern "(.*)"$/s.exec(ajvMessage)?.[1] ?? "";
      if (pattern.endsWith(INT64_PATTERN_END)) return [property, "must be a string of decimal digits (int64)"];
      if (pattern.startsWith(HTTP_URL_PATTERN)) return [property, "must be an absolute http or https URL"];
      return [property, ajvMessage];
    }
    case "minLength":
      return [property, ajvMessage === "must NOT have fewer than 1 characters" ? "must not be empty" : ajvMessage];
    default:
      return [property || "body", ajvMessage];
  }
}

/**
 * Builds the `invalid_argument` msg: one `<field>: <what is wrong>` clause per field (the first reason found for
 * it), joined by "; ", at most {@link MAX_CLAUSES} of them, then `… and N more`, counting `unlisted` clauses that
 * were not even passed in.
 */
export function validationMessage(clauses: Iterable<[field: string, what: string]>, unlisted = 0): string {
  const byField = new Map<string, string>();
  for (const [field, what] of clauses) if (!byField.has(field)) byField.set(field, what);
  const named = [...byField].slice(0, MAX_CLAUSES).map(([field, what]) => `${field}: ${what}`);
  const more = byField.size - named.length + unlisted;
  return [...named, ...(more > 0 ? [`… and ${more} more`] : [])].join("; ");
}
