import type { Sample } from "../hooks/hook.js";
import { int64Id } from "../store/ids.js";
import { integerBelow, type Random } from "../store/random.js";
import type { KeyData } from "../store/store.js";
import { isoTime, threeMonthsAfter } from "../store/time.js";
import { CATALOGUE } from "./catalogue.js";
import { callbackQueryProblem } from "./consent-url.js";
import type { Profile, ShopOA } from "./schemas.js";

/** The callback of a fixture OA without `redirect_uri`, as in the spec's AuthorizeOA example. */
export const DEFAULT_REDIRECT_URI = "https://shop.example.com/zalo/callback";

/** The app of a fixture OA without `app_id`, as in the spec's examples. */
export const DEFAULT_APP_ID = "1234567890123456789";

/** The connection a key's shop has to an OA, beside what the OA is on Zalo. */
export interface Connection {
  app_id: string;
  connection_id: string;
  shop_id: string;
  /** When it was first made. */
  created_at: string;
  /** When it was made or renewed, in ms. */
  now: number;
}

/** An OA connected as ConnectOA connects it: status `P`, `direct`, its refresh token valid three months. */
export function connectedOA(profile: Profile, connection: Connection): ShopOA {
  const { now, ...ids } = connection;
  return {
    ...profile,
    ...ids,
    connection_method: "direct",
    expires_at: threeMonthsAfter(now),
    status: "P",
    updated_at: isoTime(now),
  };
}

/** What an OA is on Zalo, without its connection to a shop: what a RefreshToken link offers again. */
export function profileOf(oa: ShopOA): Profile {
  const {
    app_id: _app,
    connection_id: _connection,
    connection_method: _method,
    created_at: _created,
    expires_at: _expires,
    shop_id: _shop,
    status: _status,
    updated_at: _updated,
    ...profile
  } = oa;
  return profile;
}

const MONTH_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * A fixture OA's `redirect_uri` is checked as AuthorizeOA's is (by the spec: an absolute http(s) URL of at most
 * 2,048 characters; by its hook: no callback parameter in its query), and more: without whitespace or control
 * characters, since the consent page puts it in a `Location` header, where a CR or LF would break the answer.
 */
function checkRedirectUri(value: unknown): string | undefined {
  if (typeof value !== "string") return `must be a string, not ${value === null ? "null" : typeof value}`;
  if (value.length > 2048) return "must NOT have more than 2048 characters";
  const control = [...value].some((character) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f);
  if (control || /\s/.test(value) || !/^https?:\/\/[^/]/i.test(value) || !URL.canParse(value)) {
    return "must be an absolute http or https URL, without spaces or control characters";
  }
  return callbackQueryProblem(value);
}

/**
 * The secret keys fixtures give their OAs (`oa_secret_key`), by `oa_id`: kept beside the records, never in them, so
 * that no answer of the API shows one; the mock's events sign with it, or with the `oaSecretKey` option.
 */
export function oaSecretKeys(data: KeyData): Map<string, string> {
  let keys = data.extras.get("oa-secret-keys") as Map<string, string> | undefined;
  if (keys === undefined) {
    keys = new Map();
    data.extras.set("oa-secret-keys", keys);
  }
  return keys;
}

/** A fixture OA's `oa_secret_key`: 1 to 256 characters, as the `oaSecretKey` option. */
function checkSecretKey(value: unknown): string | undefined {
  if (typeof value !== "string") return `must be a string, not ${value === null ? "null" : typeof value}`;
  return value.length >= 1 && value.length <= 256 ? undefined : "must have 1 to 256 characters";
}

/** An OA for dynamic mode: one of the consent page's OAs, connected at some point in the last month, `given` kept. */
export function generatedOA(given: Record<string, unknown>, random: Random, now: number): ShopOA {
  const profile = CATALOGUE[integerBelow(random, CATALOGUE.length)] as Profile;
  return {
    ...connectedOA(profile, {
      app_id: int64Id(random),
      connection_id: int64Id(random),
      shop_id: int64Id(random),
      created_at: isoTime(now - integerBelow(random, MONTH_MS)),
      now,
    }),
    ...given,
  };
}

/**
 * `connected-oa`, the OA resource's sample: a fixture OA gets what it leaves out as ConnectOA would have made it
 * (app, connection, shop, times, `direct`), with Zalo's side from the consent page's OAs in turn; its consent came
 * back to `redirect_uri`, or to the spec's example callback. Dynamic mode answers a {@link generatedOA}.
 */
export const connectedOASample = (redirectUris: (data: KeyData) => Map<string, string>): Sample => ({
  extraFields: { redirect_uri: checkRedirectUri, oa_secret_key: checkSecretKey },
  fill({ redirect_uri = DEFAULT_REDIRECT_URI, oa_secret_key, ...given }, { store, data, index }) {
    const now = store.now();
    const zalo: Profile = {
      ...(CATALOGUE[index % CATALOGUE.length] as Profile),
      oa_id: given.oa_id as string,
      name: given.name as string,
    };
    const oa = {
      ...connectedOA(zalo, {
        app_id: DEFAULT_APP_ID,
        connection_id: int64Id(data.random),
        shop_id: data.shopId,
        created_at: isoTime(now),
        now,
      }),
      ...given,
    };
    redirectUris(data).set(oa.oa_id, redirect_uri as string);
    if (oa_secret_key !== undefined) oaSecretKeys(data).set(oa.oa_id, oa_secret_key as string);
    return oa;
  },
  generate: generatedOA,
});
