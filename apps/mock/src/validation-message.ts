import type { IPrismDiagnostic } from "@stoplight/prism-core";

/** Phrases for the patterns the spec uses, where the regular expression itself would not help a reader. */
const patternMeanings: Record<string, string> = {
  [String.raw`^(?:[0-9]{1,18}|[0-8][0-9]{18}|9[0-1][0-9]{17}|92[0-1][0-9]{16}|922[0-2][0-9]{15}|9223[0-2][0-9]{14}|92233[0-6][0-9]{13}|922337[0-1][0-9]{12}|92233720[0-2][0-9]{10}|922337203[0-5][0-9]{9}|9223372036[0-7][0-9]{8}|92233720368[0-4][0-9]{7}|922337203685[0-3][0-9]{6}|9223372036854[0-6][0-9]{5}|92233720368547[0-6][0-9]{4}|922337203685477[0-4][0-9]{3}|9223372036854775[0-7][0-9]{2}|922337203685477580[0-6]|9223372036854775807)$`]:
    "must be a string of decimal digits (int64)",
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
