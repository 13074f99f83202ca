import { type Answer, html, redirect } from "../core/answer.js";
import type { MockRequest } from "../core/mock-request.js";
import { readBody } from "../core/read-body.js";
import { consentErrorPage, consentPage, pageHeaders } from "./consent-page.js";
import { CONSENT_PATH, withQuery } from "./consent-url.js";
import type { ConsentLink, ConsentLinks } from "./links.js";

const refuse = (reason: string): Answer => ({
  ...html(400, consentErrorPage(reason), `consent refused: ${reason}`),
  headers: pageHeaders(),
});

/** A route of the consent page: what it reads of a request. */
export interface ConsentRoute {
  method: "GET" | "POST";
  path: string;
  answer(request: MockRequest, url: URL): Answer | Promise<Answer>;
}

/** The consent page's two routes (`GET` shows it, `POST` is its form), over the flow's links. */
export function consentRoutes(links: ConsentLinks, now: () => number): ConsentRoute[] {
  /**
   * The link the page or form `params` name, checked against the call that made it; or why it cannot be used.
   * A link is good once, for 10 minutes, with exactly the app_id, redirect_uri and code_challenge it was issued with.
   */
  function findLink(params: URLSearchParams): ConsentLink | string {
    const text = params.get("state") ?? "";
    if (!/^-?[0-9]{1,16}$/.test(text)) return "state: is missing or not an integer";
    const link = links.find(Number(text));
    if (link === undefined) {
      return "state: no consent link has this state (never issued, or forgotten after /__reset, a restart or a cap)";
    }
    if (link.used) return "state: this consent link was already used";
    if (now() >= link.expiresAt) return "state: this consent link has expired (links last 10 minutes)";
    for (const field of ["app_id", "redirect_uri", "code_challenge"] as const) {
      if (params.get(field) !== link[field]) return `${field}: differs from the call that made this consent link`;
    }
    return link;
  }

  /** `GET` on a consent link: the page, or a 400 page saying why the link cannot be used. */
  function show(_request: MockRequest, url: URL): Answer {
    const link = findLink(url.searchParams);
    if (typeof link === "string") return refuse(link);
    return {
      ...html(200, consentPage(link), `consent page for link ${link.state}`),
      headers: pageHeaders(link.redirect_uri),
    };
  }

  /** The page's form, posted: Allow redirects with a code, Deny with `error=access_denied`; both use the link up. */
  async function decide(request: MockRequest): Promise<Answer> {
    const type = request.headers.get("content-type")?.split(";", 1)[0]?.trim().toLowerCase();
    if (type !== "application/x-www-form-urlencoded") {
      return refuse("form: must be sent as application/x-www-form-urlencoded, as the consent page sends it");
    }
    const read = await readBody(request);
    if ("refused" in read) return refuse(read.refused);
    const form = new URLSearchParams(new TextDecoder().decode(read.bytes));
    const link = findLink(form);
    if (typeof link === "string") return refuse(link);
    const decision = form.get("decision");
    const callbackState = String(link.state);
    if (decision === "deny") {
      links.use(link);
      return redirect(
        withQuery(link.redirect_uri, { error: "access_denied", state: callbackState }),
        `consent denied for link ${link.state}`,
      );
    }
    if (decision !== "allow") return refuse('decision: must be "allow" or "deny"');
    const profile = link.offered.find((oa) => oa.oa_id === form.get("oa_id"));
    if (profile === undefined) {
      return refuse(`oa_id: must be one of the OAs the page offers (${link.offered.map((oa) => oa.oa_id).join(", ")})`);
    }
    const code = links.use(link, profile) as string;
    return redirect(
      withQuery(link.redirect_uri, { oa_id: profile.oa_id, code, state: callbackState }),
      `consent allowed for link ${link.state}: code issued for OA ${profile.oa_id}`,
    );
  }

  // No CORS grant on any of them: a page of another site must not read a link's state or the OAs it offers.
  return [
    { method: "GET", path: CONSENT_PATH, answer: (request, url) => ({ ...show(request, url), cors: false }) },
    { method: "POST", path: CONSENT_PATH, answer: async (request) => ({ ...(await decide(request)), cors: false }) },
  ];
}
