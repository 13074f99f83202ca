import { EtelecomInputError } from "./errors/etelecom-input-error.js";
import { toInt64, toSafeInteger } from "./request-body.js";

/** The three values Zalo sends to `redirect_uri` after the OA owner consents, as strings from the query. */
export interface AuthorizationCallback {
  /** The single-use authorization code. */
  code: string;
  /** The ID of the OA the owner consented for: an int64 as a decimal string. */
  oa_id: string;
  /** The consent link's `state`: a decimal integer. */
  state: string;
}

// Resolves a relative callback URL such as Node's `request.url` ("/zalo/callback?code=..."); never fetched.
const BASE = "http://callback.invalid";

/** Shortens what the query says, since anyone can put anything in it. */
const quote = (text: string) => JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text);

/**
 * Reads Zalo's redirect to `redirect_uri`: a URL (absolute, or a path with its query such as Node's `request.url`)
 * or its query as URLSearchParams. Returns `{ code, oa_id, state }`, ready for the method that connects the OA,
 * which converts `oa_id` and `state`. A refusal (`error=access_denied`, any `error`, or no `code`) and a missing or
 * malformed `oa_id` or `state`, and any of `code`, `state`, `oa_id` or `error` given twice, are an EtelecomInputError
 * whose `field` says which.
 */
export function parseAuthorizationCallback(callback: string | URL | URLSearchParams): AuthorizationCallback {
  let query: URLSearchParams;
  if (callback instanceof URLSearchParams) query = callback;
  else {
    if (typeof callback !== "string" && !(callback instanceof URL)) {
      throw new EtelecomInputError("callback", `must be a URL or URLSearchParams, got ${typeof callback}`);
    }
    try {
      query = new URL(callback, BASE).searchParams;
    } catch {
      throw new EtelecomInputError("callback", `is not a URL: ${quote(String(callback))}`);
    }
  }
  // Two values of one parameter mean the URL was tampered with or built wrongly: picking either could accept the
  // attacker's code or state.
  for (const name of ["code", "state", "oa_id", "error"]) {
    const count = query.getAll(name).length;
    if (count > 1) {
      throw new EtelecomInputError(
        name,
        `appears ${count} times in the callback, so which one is Zalo's cannot be told`,
      );
    }
  }
  const error = query.get("error");
  if (error !== null) {
    const description = query.get("error_description");
    throw new EtelecomInputError(
      "error",
      `is ${quote(error)}: the OA owner did not authorize the app${description ? ` (${quote(description)})` : ""}`,
    );
  }
  const code = query.get("code");
  if (!code) throw new EtelecomInputError("code", "is missing: the OA owner did not authorize the app");
  const oaId = query.get("oa_id");
  const state = query.get("state");
  if (!oaId) throw new EtelecomInputError("oa_id", "is missing from the callback");
  if (!state) throw new EtelecomInputError("state", "is missing from the callback");
  toInt64("oa_id", oaId);
  toSafeInteger("state", state);
  return { code, oa_id: oaId, state };
}
