import { int64Id } from "./ids.js";
import type { KeyState } from "./mock-state.js";
import type { Profile, ShopOA } from "./schemas.js";
import { isoTime, threeMonthsAfter } from "./time.js";

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

/**
 * Connects `profile` to the key's shop through `appId` at `now`, or renews the connection of an OA already
 * connected (same `created_at`, `connection_id` and webhook, new `expires_at`). `redirectUri` is where its consent
 * came back to, which a later RefreshToken link sends the owner back to.
 */
export function connect(keyState: KeyState, profile: Profile, appId: string, redirectUri: string, now: number): ShopOA {
  const previous = keyState.oas.get(profile.oa_id)?.oa;
  const oa = connectedOA(
    { ...profile, ...(previous?.webhook_url !== undefined && { webhook_url: previous.webhook_url }) },
    {
      app_id: appId,
      connection_id: previous?.connection_id ?? int64Id(keyState.random),
      shop_id: keyState.shopId,
      created_at: previous?.created_at ?? isoTime(now),
      now,
    },
  );
  keyState.oas.set(oa.oa_id, { oa, redirectUri });
  return oa;
}

/** A connected OA and the callback its consent came back to. */
export interface StoredOA {
  oa: ShopOA;
  redirectUri: string;
}
