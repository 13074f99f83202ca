import type { OAIdRequest } from "../state/schemas.js";
import { generatedOA } from "./generated-oa.js";
import type { StatefulOperation } from "./operation.js";

/** GetShopOA: a connected OA with its quotas and webhook. */
export const getShopOA: StatefulOperation<OAIdRequest> = {
  answer({ body, keyState }) {
    const stored = keyState.oas.get(body.oa_id);
    if (stored === undefined) return { example: "oa_not_found", why: `OA ${body.oa_id} is not connected` };
    return { value: stored.oa, why: `OA ${body.oa_id} read` };
  },
  generate: ({ oa_id }, random, now) => generatedOA(random, now, oa_id),
};
