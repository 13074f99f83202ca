import { authorizeOA } from "./authorize-oa.js";
import { connectOA } from "./connect-oa.js";
import { getShopOA } from "./get-shop-oa.js";
import { listOA } from "./list-oa.js";
import type { StatefulOperation } from "./operation.js";
import { refreshToken } from "./refresh-token.js";
import { updateShopOA } from "./update-shop-oa.js";

/**
 * The operations whose answers depend on what came before, by operationId. This is the one place where the mock
 * knows operations by name: the connection flow's rules (codes, consent, paging) are behaviour, not schema. An
 * operation of the spec that is not listed here is answered from its documented examples, as in stateless mode.
 */
export const STATEFUL_OPERATIONS: Readonly<Record<string, StatefulOperation<never>>> = {
  AuthorizeOA: authorizeOA,
  ConnectOA: connectOA,
  RefreshToken: refreshToken,
  ListOA: listOA,
  GetShopOA: getShopOA,
  UpdateShopOA: updateShopOA,
};
