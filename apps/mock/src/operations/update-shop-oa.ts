import type { UpdateShopOARequest } from "../state/schemas.js";
import { isoTime } from "../state/time.js";
import { generatedOA } from "./generated-oa.js";
import type { StatefulOperation } from "./operation.js";

/** UpdateShopOA: sets a connected OA's webhook (and `updated_at`), then answers it as GetShopOA does. */
export const updateShopOA: StatefulOperation<UpdateShopOARequest> = {
  answer({ body, state, keyState }) {
    const stored = keyState.oas.get(body.oa_id);
    if (stored === undefined) return { example: "oa_not_found", why: `OA ${body.oa_id} is not connected` };
    stored.oa = { ...stored.oa, webhook_url: body.webhook_url, updated_at: isoTime(state.now()) };
    return { value: stored.oa, why: `webhook of OA ${body.oa_id} set` };
  },
  generate: ({ oa_id, webhook_url }, random, now) => ({ ...generatedOA(random, now, oa_id), webhook_url }),
};
