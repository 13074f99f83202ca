import { consentUrl } from "../consent/consent-url.js";
import { CATALOGUE } from "../state/catalogue.js";
import { codeChallenge, consentState } from "../state/ids.js";
import type { AuthorizeOARequest } from "../state/schemas.js";
import type { StatefulOperation } from "./operation.js";

/** Zalo's consent origin, which dynamic answers point at: they issue no link that the mock could serve. */
export const ZALO_OAUTH = "https://oauth.zaloapp.com";

/** AuthorizeOA: a consent link on the mock for the app, offering the consent page's OAs. */
export const authorizeOA: StatefulOperation<AuthorizeOARequest> = {
  answer({ body, state, keyState, base }) {
    const link = state.issueLink(keyState, body.app_id, body.redirect_uri, CATALOGUE);
    return { value: { url: consentUrl(base, link) }, why: `consent link ${link.state} issued` };
  },
  generate: ({ app_id, redirect_uri }, random) => ({
    url: consentUrl(ZALO_OAUTH, {
      app_id,
      redirect_uri,
      code_challenge: codeChallenge(random),
      state: consentState(random),
    }),
  }),
};
