import { CATALOGUE } from "./catalogue.js";
import { connectedOA } from "./connect.js";
import { int64Id } from "./ids.js";
import { LIMITS, type MockState } from "./mock-state.js";
import type { Profile, ShopOA } from "./schemas.js";
import { isoTime } from "./time.js";

/** One connected OA of a fixture: an OA as `GetShopOA` answers it (only `oa_id`, `name` and `status` required). */
export type FixtureOA = Partial<ShopOA> &
  Pick<ShopOA, "oa_id" | "name" | "status"> & {
    /** Where a `RefreshToken` link for this OA sends the owner back to; {@link DEFAULT_REDIRECT_URI} if absent. */
    redirect_uri?: string;
  };

/** OAs connected from the start, per Bearer key: `{ "<key>": [ OA, ... ] }`. */
export type Fixtures = Record<string, FixtureOA[]>;

/** The callback of a fixture OA without `redirect_uri`, as in the spec's AuthorizeOA example. */
export const DEFAULT_REDIRECT_URI = "https://shop.example.com/zalo/callback";

/** The app of a fixture OA without `app_id`, as in the spec's examples. */
export const DEFAULT_APP_ID = "1234567890123456789";

/** Checks one OA against the spec's schema: each problem as a field (`""` for the OA itself) and what is wrong. */
export type CheckOA = (oa: unknown) => [field: string, what: string][];

const describe = (value: unknown) =>
  Array.isArray(value) ? "an array" : value === null ? "null" : `a ${typeof value}`;

/**
 * Checks fixtures before the mock starts; throws an Error whose message is one line naming the key, the entry and
 * the field, e.g. `fixtures["shop-a"][2].name: is required`.
 */
export function checkFixtures(fixtures: unknown, checkOA: CheckOA): Fixtures {
  const fail = (where: string, what: string): never => {
    throw new Error(`fixtures${where}: ${what}`);
  };
  if (typeof fixtures !== "object" || fixtures === null || Array.isArray(fixtures)) {
    return fail("", `must be an object of Bearer keys, not ${describe(fixtures)}`);
  }
  const entries = Object.entries(fixtures);
  if (entries.length > LIMITS.keys) fail("", `must hold at most ${LIMITS.keys} keys, not ${entries.length}`);
  for (const [key, oas] of entries) {
    const at = `[${JSON.stringify(key)}]`;
    if (!/^\S+$/.test(key)) fail(at, "is not a key a Bearer header can carry (empty, or with a space)");
    if (!Array.isArray(oas)) fail(at, `must be an array of OAs, not ${describe(oas)}`);
    if (oas.length > LIMITS.oasPerKey) fail(at, `must hold at most ${LIMITS.oasPerKey} OAs, not ${oas.length}`);
    const seen = new Set<string>();
    oas.forEach((oa: unknown, index: number) => {
      const [problem] = checkOA(oa);
      if (problem) fail(`${at}[${index}]${problem[0] && `.${problem[0]}`}`, problem[1]);
      const { oa_id } = oa as FixtureOA;
      if (seen.has(oa_id)) fail(`${at}[${index}].oa_id`, `${oa_id} is already an earlier entry of this key`);
      seen.add(oa_id);
    });
  }
  return fixtures as Fixtures;
}

/**
 * Connects each key's fixture OAs, filling what an entry leaves out: the connection as ConnectOA would make it at
 * `now` (app, connection, shop, times, `direct`), and Zalo's side from the consent page's OAs in turn.
 */
export function restoreFixtures(state: MockState, fixtures: Fixtures): void {
  const now = state.now();
  for (const [key, oas] of Object.entries(fixtures)) {
    const keyState = state.forKey(key);
    oas.forEach(({ redirect_uri = DEFAULT_REDIRECT_URI, ...given }, index) => {
      const zalo: Profile = {
        ...(CATALOGUE[index % CATALOGUE.length] as Profile),
        oa_id: given.oa_id,
        name: given.name,
      };
      const defaults = connectedOA(zalo, {
        app_id: DEFAULT_APP_ID,
        connection_id: int64Id(keyState.random),
        shop_id: keyState.shopId,
        created_at: isoTime(now),
        now,
      });
      const oa: ShopOA = { ...defaults, ...given };
      keyState.oas.set(oa.oa_id, { oa, redirectUri: redirect_uri });
    });
  }
}
