import { consentUrl } from "../consent/consent-url.js";
import { profileOf } from "../state/connect.js";
import { DEFAULT_APP_ID, DEFAULT_REDIRECT_URI } from "../state/fixtures.js";
import { codeChallenge, consentState, int64Id } from "../state/ids.js";
import type { OAIdRequest } from "../state/schemas.js";
import { ZALO_OAUTH } from "./authorize-oa.js";
import type { StatefulOperation } from "./operation.js";

/** RefreshToken: a consent link for a connected OA's app and callback, offering that OA only. */
export const refreshToken: StatefulOperation<OAIdRequest> = {
  answer({ body, state, keyState, base }) {
    const stored = keyState.oas.get(body.oa_id);
    if (stored === undefined) return { example: "oa_not_found", why: `OA ${body.oa_id} is not connected` };
    const { oa, redirectUri } = stored;
    const link = state.issueLink(keyState, oa.app_id ?? DEFAULT_APP_ID, redirectUri, [profileOf(oa)]);
    return { value: { url: consentUrl(base, link) }, why: `consent link ${link.state} issued for OA ${oa.oa_id}` };
  },
  generate: (_body, random) => ({
    url: consentUrl(ZALO_OAUTH, {
      app_id: int64Id(random),
      redirect_uri: DEFAULT_REDIRECT_URI,
      code_challenge: codeChallenge(random),
      state: consentState(random),
    }),
  }),
};
