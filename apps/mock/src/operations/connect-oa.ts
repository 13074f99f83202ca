import { connect } from "../state/connect.js";
import { LIMITS } from "../state/mock-state.js";
import type { ConnectOARequest } from "../state/schemas.js";
import { generatedOA } from "./generated-oa.js";
import type { StatefulOperation } from "./operation.js";

/**
 * ConnectOA: takes a code the consent page issued to this key, once, within 10 minutes, with the state and oa_id
 * of its consent; connects the OA, or renews its connection.
 */
export const connectOA: StatefulOperation<ConnectOARequest> = {
  answer({ body, state, keyState }) {
    const now = state.now();
    const issued = keyState.codes.get(body.code);
    if (issued === undefined || now >= issued.expiresAt) {
      keyState.codes.delete(body.code);
      return { example: "invalid_code", why: "code unknown, expired or used" };
    }
    if (issued.link.state !== body.state) return { example: "state_mismatch", why: "state differs from the code's" };
    if (issued.profile.oa_id !== body.oa_id) return { example: "oa_id_mismatch", why: "oa_id differs from the code's" };
    const renewal = keyState.oas.has(body.oa_id);
    if (!renewal && keyState.oas.size >= LIMITS.oasPerKey) {
      return {
        invalid: `oa_id: this key already has ${LIMITS.oasPerKey} connected OAs, the mock's limit`,
        why: "OA cap reached",
      };
    }
    keyState.codes.delete(body.code);
    const oa = connect(keyState, issued.profile, issued.link.app_id, issued.link.redirect_uri, now);
    return { value: oa, why: `OA ${oa.oa_id} ${renewal ? "renewed" : "connected"}` };
  },
  generate: ({ oa_id }, random, now) => generatedOA(random, now, oa_id),
};
