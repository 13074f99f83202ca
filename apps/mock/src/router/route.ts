import type { SpecOperation } from "@etelecom-zalo/openapi";
import { type Answer, apiError } from "../core/answer.js";
import type { MockRequest } from "../core/mock-request.js";
import { matchRoute } from "./match-route.js";

/** The operation a request is for, or the `bad_route` answer it gets. */
export type Routed = { operation: SpecOperation } | { answer: Answer };

/**
 * Stage 1, route: in Twirp's order, the path and method first, then `Content-Type` (eTelecom answers a call
 * without `application/json` with `bad_route`, before it looks at the key).
 */
export function route(operations: SpecOperation[], request: MockRequest, url: URL): Routed {
  const match = matchRoute(operations, request.method, url.pathname);
  if ("error" in match) return { answer: apiError(404, "bad_route", match.error) };
  const contentType = request.headers.get("content-type");
  if (contentType?.split(";", 1)[0]?.trim().toLowerCase() !== "application/json") {
    return { answer: apiError(404, "bad_route", `unexpected Content-Type: ${JSON.stringify(contentType ?? "")}`) };
  }
  return { operation: match.operation };
}
