import type { SpecOperation } from "@etelecom-zalo/openapi";
import type { IPrismDiagnostic } from "@stoplight/prism-core";
import { jsonContent, prismOperationOf, type Shared } from "../core/prism.js";
import { clause, MAX_CLAUSES } from "../core/validation-message.js";

/** `ValidationContext.Output` of Prism's validator: a response, where `writeOnly` properties may not appear. */
const OUTPUT = 1;

/** What is wrong with an answer: the field (absent for the answer as a whole) and the rule it breaks. */
export type Problem = { field?: string; rule: string };

/**
 * The first reason per field, as problems, at most {@link MAX_CLAUSES} of them then one counting the rest, as the
 * mock's 400s name them: a 1 MiB body can break its schema 100k times, and each problem is a log line.
 */
export function problemsOf(clauses: Iterable<[field: string, what: string]>): Problem[] {
  const byField = new Map<string, string>();
  for (const [field, rule] of clauses) if (!byField.has(field)) byField.set(field, rule);
  const problems: Problem[] = [...byField].slice(0, MAX_CLAUSES).map(([field, rule]) => ({ field, rule }));
  if (byField.size > MAX_CLAUSES) problems.push({ rule: `… and ${byField.size - MAX_CLAUSES} more fields` });
  return problems;
}

/** eTelecom's error `code` and `msg`, when a body is one, to quote beside an undocumented status. */
function errorOf(value: unknown): string | undefined {
  const { code, msg } = (typeof value === "object" && value !== null ? value : {}) as { code?: unknown; msg?: unknown };
  if (typeof code !== "string") return undefined;
  // A msg of eTelecom's is one line; anything longer is cut, so that one violation stays one short line.
  return `${code}${typeof msg === "string" ? `: ${msg.slice(0, 200)}` : ""}`;
}

/**
 * Checks eTelecom's answer against the operation's documented responses, with Prism's validator (the one requests
 * go through): a status the spec does not document, a media type other than JSON, a body that is not JSON, and
 * each field its status's schema refuses, worded as the mock's own 400s word them.
 */
export function createCheckAnswer(shared: Shared) {
  return (operation: SpecOperation, status: number, type: string | null, text: string): Problem[] => {
    const resource = prismOperationOf(shared, operation);
    const response = resource.responses.find(({ code }) => Number(code) === status);
    let value: unknown;
    let json = true;
    try {
      value = JSON.parse(text);
    } catch {
      json = false;
    }
    if (response === undefined) {
      const error = json ? errorOf(value) : undefined;
      return [
        { rule: `status ${status} is not documented${error === undefined ? "" : ` (eTelecom answered ${error})`}` },
      ];
    }
    const mediaType = type?.split(";", 1)[0]?.trim().toLowerCase();
    if (mediaType !== "application/json") {
      return [{ field: "Content-Type", rule: `must be application/json, not ${JSON.stringify(type ?? "")}` }];
    }
    if (!json) return [{ field: "body", rule: "is not valid JSON" }];
    const schema = jsonContent(response.contents)?.schema;
    if (schema === undefined) return [];
    const bundle = (resource as { __bundled__?: unknown }).__bundled__;
    const found = shared.validateAgainstSchema(value, schema as never, false, OUTPUT, "body", bundle as never);
    if (found._tag !== "Some") return [];
    return problemsOf((found.value as IPrismDiagnostic[]).map((diagnostic) => clause(diagnostic, true)));
  };
}
