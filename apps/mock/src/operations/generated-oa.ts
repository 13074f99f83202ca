import { CATALOGUE } from "../state/catalogue.js";
import { connectedOA } from "../state/connect.js";
import { int64Id } from "../state/ids.js";
import { integerBelow, type Random } from "../state/random.js";
import type { Profile, ShopOA } from "../state/schemas.js";
import { isoTime } from "../state/time.js";

const MONTH_MS = 30 * 24 * 60 * 60 * 1000;

/** A connected OA for dynamic mode: one of the consent page's OAs, connected at some point in the last month. */
export function generatedOA(random: Random, now: number, oaId?: string): ShopOA {
  const profile = CATALOGUE[integerBelow(random, CATALOGUE.length)] as Profile;
  return connectedOA(oaId === undefined ? profile : { ...profile, oa_id: oaId }, {
    app_id: int64Id(random),
    connection_id: int64Id(random),
    shop_id: int64Id(random),
    created_at: isoTime(now - integerBelow(random, MONTH_MS)),
    now,
  });
}
