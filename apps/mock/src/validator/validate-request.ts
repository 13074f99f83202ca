import type { IPrismDiagnostic } from "@stoplight/prism-core";
import type { IHttpRequest } from "@stoplight/prism-http";
import type { PrismOperation, Shared } from "../core/prism.js";

/** `DiagnosticSeverity.Error` of @stoplight/types, which Prism tags its request violations with. */
const SEVERITY_ERROR = 0;

/** `ValidationContext.Input` of Prism's validators: a request, where `readOnly` properties may not appear. */
const INPUT = 0;

/**
 * Whether Prism's body validation alone is its whole verdict on a request the router matched: the operation has no
 * query or header parameters, and its path parameters are enums, which the router matches only on their values.
 */
function routerCoversParameters({ request }: PrismOperation): boolean {
  return (
    !request?.query?.length &&
    !request?.headers?.length &&
    (request?.path ?? []).every((parameter) => Array.isArray(parameter.schema?.enum))
  );
}

/**
 * Builds the check of a request against its operation, by Prism: its diagnostics, none for a valid request. Where the
 * router has already checked every parameter, only Prism's body validation runs, with `validateInput`'s own rule
 * for a missing body: the rest of `validateInput` would then re-check the path and find nothing, at twice the cost
 * of the body (its fp-ts pipeline was the largest share of the mock's work per request). Otherwise the whole
 * `validateInput` runs.
 */
export function requestValidator(
  shared: Shared,
): (resource: PrismOperation, input: IHttpRequest) => IPrismDiagnostic[] {
  const bodyOnly = new WeakMap<PrismOperation, boolean>();
  return (resource, input) => {
    let onlyBody = bodyOnly.get(resource);
    if (onlyBody === undefined) {
      onlyBody = routerCoversParameters(resource);
      bodyOnly.set(resource, onlyBody);
    }
    if (!onlyBody) {
      const validation = shared.validateInput({ resource, element: input });
      return validation._tag === "Left" ? [...validation.left] : [];
    }
    const requestBody = resource.request?.body;
    // As validateInput: a required body that is absent or falsy (JSON null, false, 0, "") is missing, and a body it
    // does not describe, or no body, is not validated further.
    if (requestBody?.required && !input.body) {
      return [{ code: "required", message: "Body parameter is required", severity: SEVERITY_ERROR }];
    }
    if (requestBody === undefined || input.body === undefined || input.body === null) return [];
    const contentType = input.headers?.["content-type"];
    const [boundary, mediaType] = contentType ? shared.parseMIMEHeader(contentType) : [undefined, undefined];
    const validation = shared.validateBody(
      input.body,
      requestBody.contents ?? [],
      INPUT,
      mediaType,
      boundary,
      (resource as { __bundled__?: unknown }).__bundled__,
    );
    return validation._tag === "Left" ? [...validation.left] : [];
  };
}
