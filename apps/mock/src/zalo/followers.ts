import { CATALOGUE } from "../consent/catalogue.js";
import type { Sample } from "../hooks/hook.js";
import { int64Id } from "../store/ids.js";
import { integerBelow } from "../store/random.js";
import { isoTime } from "../store/time.js";
import { followersOf } from "./world.js";

/** The consent page's first OA, whose followers dynamic mode draws from. */
const CATALOGUE_OA = CATALOGUE[0]?.oa_id ?? "";

/**
 * `zalo-follower`, the follower resource's sample: a consent-page OA starts with its followers on Zalo; a fixture
 * entry keeps what it gives and is completed with a follower who follows and never wrote.
 */
export const followerSample: Sample = {
  extraFields: {},
  fill(given, { store, data }) {
    const at = isoTime(store.now());
    return {
      state: "follow",
      has_conversation: given.last_conversation !== undefined,
      shop_id: data.shopId,
      created_at: at,
      updated_at: at,
      ...given,
    };
  },
  generate(given, random, now) {
    const [follower] = followersOf(CATALOGUE_OA, int64Id(random), now).slice(integerBelow(random, 25));
    return { ...follower, ...given };
  },
  seed: (owner, { store, data }) => followersOf(String(owner.oa_id), data.shopId, store.now()),
};
