import type { SpecOperation } from "@etelecom-zalo/openapi";
import type { IHttpRequest } from "@stoplight/prism-http";
import { type Answer, invalidArgument } from "../core/answer.js";
import { jsonContent, prismOperationOf, type Shared } from "../core/prism.js";
import { clause, validationMessage } from "../core/validation-message.js";
import { splitUnknownFields, type UnknownFields } from "./unknown-fields.js";
import { requestValidator } from "./validate-request.js";

/** The request as Prism reads it, body included; or the 400 naming every field that is wrong, and those fields. */
export type Validated = { input: IHttpRequest } | { answer: Answer; clauses: [field: string, what: string][] };

/**
 * Stage 4, validate: the request against its operation, by Prism, plus the fields the schema does not know (which
 * Prism would let through, and eTelecom refuses): one 400 names them all.
 */
export function createValidate(shared: Shared) {
  const validateRequest = requestValidator(shared);
  return (
    operation: SpecOperation,
    request: { url: URL; headers: Headers },
    body: unknown,
    sent: boolean,
  ): Validated => {
    const resource = prismOperationOf(shared, operation);
    const unknown: UnknownFields = { names: [], count: 0 };
    const known = splitUnknownFields(body, jsonContent(resource.request?.body?.contents)?.schema, unknown);
    const input: IHttpRequest = {
      method: operation.method as IHttpRequest["method"],
      url: { path: request.url.pathname, query: Object.fromEntries(request.url.searchParams) },
      headers: Object.fromEntries(request.headers),
      body: known,
    };
    const clauses = validateRequest(resource, input).map((found) => clause(found, sent));
    for (const field of unknown.names) clauses.push([field, "is not a known field"]);
    if (clauses.length > 0) {
      return { answer: invalidArgument(validationMessage(clauses, unknown.count - unknown.names.length)), clauses };
    }
    return { input };
  };
}
