import { CATALOGUE } from "../state/catalogue.js";
import { DEFAULT_LIMIT, listPage } from "../state/paging.js";
import { integerBelow } from "../state/random.js";
import type { ListOARequest } from "../state/schemas.js";
import { generatedOA } from "./generated-oa.js";
import type { StatefulOperation } from "./operation.js";

/** ListOA: one page of the key's connected OAs, filtered, with cursors to the pages around it. */
export const listOA: StatefulOperation<ListOARequest> = {
  answer({ body, keyState }) {
    const page = listPage(keyState, body);
    if (typeof page === "string") return { invalid: page, why: "bad cursor" };
    return { value: page, why: `${page.accounts.length} of ${keyState.oas.size} connected OAs listed` };
  },
  generate: ({ filter, paging }, random, now) => {
    const limit = paging?.limit ?? DEFAULT_LIMIT;
    const count = integerBelow(random, Math.min(limit, CATALOGUE.length) + 1);
    const accounts = Array.from({ length: count }, () => generatedOA(random, now, filter?.oa_id));
    return {
      accounts: accounts.map((oa) => ({ ...oa, ...(filter?.app_id && { app_id: filter.app_id }) })),
      paging: { limit },
    };
  },
};
