import type { SpecOperation } from "@etelecom-zalo/openapi";
import { type Answer, apiError } from "../core/answer.js";

/** Case-insensitive "Bearer <key>", the only scheme eTelecom documents. */
const BEARER = /^Bearer +(\S+) *$/i;
const EMPTY_BEARER = /^Bearer *$/i;

/** The key of an `Authorization: Bearer <key>` header, if it is one: what identifies a caller, here and elsewhere. */
export const bearerKey = (authorization: string | null) => BEARER.exec(authorization ?? "")?.[1];

/** The caller's key (`""` for an operation without security), or the `unauthenticated` answer. */
export type Authenticated = { key: string } | { answer: Answer };

/**
 * Stage 2, auth: the Bearer key of an operation that requires one (its own `security`, else the document's).
 * The key is the caller's identity for the state: each key is a shop with its own records.
 */
export function authenticate(
  operation: SpecOperation,
  security: unknown[] | undefined,
  headers: Headers,
): Authenticated {
  if ((operation.object.security ?? security ?? []).length === 0) return { key: "" };
  const authorization = headers.get("authorization");
  if (!authorization) return { answer: apiError(401, "unauthenticated", "missing Authorization header") };
  // "Bearer " with nothing after it is what a docs page or a client sends while its key field is still empty.
  if (EMPTY_BEARER.test(authorization)) {
    return {
      answer: apiError(
        401,
        "unauthenticated",
        'empty Bearer key in Authorization header: send "Bearer <key>" (any non-empty key works on the mock)',
      ),
    };
  }
  const key = bearerKey(authorization);
  if (key === undefined) {
    return { answer: apiError(401, "unauthenticated", 'malformed Authorization header: expected "Bearer <key>"') };
  }
  return { key };
}
