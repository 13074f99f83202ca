import type { Hook, HookContext, Hooks } from "../hooks/hook.js";
import { codeChallenge, consentState, int64Id } from "../store/ids.js";
import { isoTime } from "../store/time.js";
import { CATALOGUE } from "./catalogue.js";
import {
  connectedOA,
  connectedOASample,
  DEFAULT_APP_ID,
  DEFAULT_REDIRECT_URI,
  generatedOA,
  profileOf,
} from "./connected-oa.js";
import { callbackQueryProblem, consentUrl } from "./consent-url.js";
import type { ConsentLinks } from "./links.js";
import type { Profile, ShopOA } from "./schemas.js";

/** Zalo's consent origin, which dynamic answers point at: they issue no link that the mock could serve. */
export const ZALO_OAUTH = "https://oauth.zaloapp.com";

/** A link for dynamic mode: Zalo's shape, on Zalo's origin. */
const zaloLink = (app_id: string, redirect_uri: string, random: Parameters<NonNullable<Hook["generate"]>>[1]) => ({
  url: consentUrl(ZALO_OAUTH, {
    app_id,
    redirect_uri,
    code_challenge: codeChallenge(random),
    state: consentState(random),
  }),
});

/**
 * The consent flow: the one protocol of the API that is not CRUD (links that a browser opens, codes it brings
 * back once), so it is code, under the names the spec's `x-mock` gives: `consent-link` (AuthorizeOA),
 * `consent-connect` (ConnectOA), `consent-relink` (RefreshToken), and `connected-oa`, the OA resource's sample.
 */
export function consentHooks(links: ConsentLinks): Hooks {
  /** Connects (or renews) an OA in the resource the declaration names, as ConnectOA does. */
  function connect(context: HookContext, profile: Profile, app_id: string) {
    const { store, data, resource = "oa" } = context;
    const now = store.now();
    const previous = store.get(data, { resource }, profile.oa_id) as ShopOA | undefined;
    const oa = connectedOA(
      { ...profile, ...(previous?.webhook_url !== undefined && { webhook_url: previous.webhook_url }) },
      {
        app_id,
        connection_id: previous?.connection_id ?? int64Id(data.random),
        shop_id: data.shopId,
        created_at: previous?.created_at ?? isoTime(now),
        now,
      },
    );
    return { oa, renewal: previous !== undefined };
  }

  const consentLink: Hook = {
    answer({ body, data, base }) {
      const redirectUri = body.redirect_uri as string;
      const problem = callbackQueryProblem(redirectUri);
      if (problem !== undefined)
        return { invalid: `redirect_uri: ${problem}`, why: "redirect_uri has a callback's query" };
      const link = links.issue(data, body.app_id as string, redirectUri, CATALOGUE);
      return { value: { url: consentUrl(base, link) }, why: `consent link ${link.state} issued` };
    },
    generate: (body, random) => zaloLink(body.app_id as string, body.redirect_uri as string, random),
  };

  const consentConnect: Hook = {
    answer(context) {
      const { body, store, data, resource = "oa" } = context;
      const { codes, redirectUris } = links.of(data);
      const code = body.code as string;
      const issued = codes.get(code);
      if (issued === undefined || store.now() >= issued.expiresAt) {
        codes.delete(code);
        return { example: "invalid_code", why: "code unknown, expired or used" };
      }
      if (issued.link.state !== body.state) return { example: "state_mismatch", why: "state differs from the code's" };
      if (issued.profile.oa_id !== body.oa_id) {
        return { example: "oa_id_mismatch", why: "oa_id differs from the code's" };
      }
      const { oa, renewal } = connect(context, issued.profile, issued.link.app_id);
      const refused = store.put(data, { resource }, oa.oa_id, oa, context.caps);
      if (refused !== undefined) return { invalid: refused, why: "refused by the store's caps" };
      codes.delete(code);
      redirectUris.set(oa.oa_id, issued.link.redirect_uri);
      return { value: oa, why: `OA ${oa.oa_id} ${renewal ? "renewed" : "connected"}` };
    },
    generate: (body, random, now) => generatedOA({ oa_id: body.oa_id }, random, now),
  };

  const consentRelink: Hook = {
    answer({ data, record, base }) {
      const oa = record as ShopOA;
      const redirectUri = links.of(data).redirectUris.get(oa.oa_id) ?? DEFAULT_REDIRECT_URI;
      const link = links.issue(data, oa.app_id ?? DEFAULT_APP_ID, redirectUri, [profileOf(oa)]);
      return { value: { url: consentUrl(base, link) }, why: `consent link ${link.state} issued for OA ${oa.oa_id}` };
    },
    generate: (_body, random) => zaloLink(int64Id(random), DEFAULT_REDIRECT_URI, random),
  };

  return {
    hooks: { "consent-link": consentLink, "consent-connect": consentConnect, "consent-relink": consentRelink },
    samples: { "connected-oa": connectedOASample((data) => links.of(data).redirectUris) },
  };
}
