import type { IPrismDiagnostic } from "@stoplight/prism-core";

/** Phrases for the patterns the spec uses, where the regular expression itself would not help a reader. */
const patternMeanings: Record<string, string> = {
  "^[0-9]{1,19}$": "must be a string of decimal digits (int64)",
};

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

/** Turns one of Prism's request-body diagnostics (Ajv's error, reworded by Prism) into a field and a reason. */
function clause(diagnostic: IPrismDiagnostic, bodySent: boolean): [field: string, what: string] {
  const path = diagnostic.path ?? [];
  const property = path.slice(1).join(".");
  // Prism writes "Request body [property <path> ]<Ajv message>": keep Ajv's part.
  const ajvMessage = diagnostic.message.replace(/^Request body (property \S+ )?/, "");
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
      return [property, patternMeanings[pattern] ?? ajvMessage];
    }
    case "minLength":
      return [property, ajvMessage === "must NOT have fewer than 1 characters" ? "must not be empty" : ajvMessage];
    default:
      return [property || "body", ajvMessage];
  }
}

/** Builds the `invalid_argument` msg: one `<field>: <what is wrong>` clause per offending field, joined by "; ". */
export function validationMessage(diagnostics: IPrismDiagnostic[], bodySent: boolean): string {
  const clauses = new Map<string, string>();
  for (const diagnostic of diagnostics) {
    const [field, what] = clause(diagnostic, bodySent);
    if (!clauses.has(field)) clauses.set(field, what);
  }
  return [...clauses].map(([field, what]) => `${field}: ${what}`).join("; ");
}
