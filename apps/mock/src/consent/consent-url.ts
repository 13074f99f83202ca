/** Zalo's OA v4 consent path, which the mock serves its consent page on. */
export const CONSENT_PATH = "/v4/oa/permission";

/** What a consent link carries, in Zalo's query order. */
export interface ConsentQuery {
  app_id: string;
  redirect_uri: string;
  code_challenge: string;
  state: number;
}

/** A consent link on `base` (an origin, or a public URL with a path prefix), shaped like Zalo's. */
export function consentUrl(base: string, { app_id, redirect_uri, code_challenge, state }: ConsentQuery): string {
  const query = new URLSearchParams({ app_id, redirect_uri, code_challenge, state: String(state) });
  return `${base}${CONSENT_PATH}?${query}`;
}

/**
 * `uri` with `params` added to its query, keeping the query it already has byte for byte (and any fragment last):
 * the callback Zalo redirects the browser to.
 */
export function withQuery(uri: string, params: Record<string, string>): string {
  const hash = uri.indexOf("#");
  const base = hash < 0 ? uri : uri.slice(0, hash);
  const fragment = hash < 0 ? "" : uri.slice(hash);
  const separator = !base.includes("?") ? "?" : /[?&]$/.test(base) ? "" : "&";
  return `${base}${separator}${new URLSearchParams(params)}${fragment}`;
}

/** What Zalo adds to the callback's query: on Allow `oa_id`, `code` and `state`, on Deny `error` and `state`. */
const CALLBACK_PARAMS = ["oa_id", "code", "state", "error"];

/**
 * Why a callback URL cannot be used, or undefined: one whose query already has a parameter the callback adds
 * would reach the app with two of it, and the app could not tell which one is Zalo's. Checked where a link's
 * `redirect_uri` comes from (AuthorizeOA, a fixture OA), so that the consent page never makes such a callback.
 */
export function callbackQueryProblem(uri: string): string | undefined {
  const query = URL.canParse(uri) ? new URL(uri).searchParams : new URLSearchParams();
  if (!CALLBACK_PARAMS.some((name) => query.has(name))) return undefined;
  return `must not carry ${CALLBACK_PARAMS.slice(0, -1).join(", ")} or ${CALLBACK_PARAMS.at(-1)} in its query: Zalo adds them to the callback`;
}
