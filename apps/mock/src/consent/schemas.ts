import type { components } from "@etelecom-zalo/openapi/types";

/** An OA with its promotion quotas and webhook (the spec's ShopOA): what the OA resource stores. */
export type ShopOA = components["schemas"]["ShopOA"];

/** What an OA is on Zalo, whoever connects it: the fields a connection does not decide. */
export type Profile = Omit<
  ShopOA,
  "app_id" | "connection_id" | "connection_method" | "created_at" | "expires_at" | "shop_id" | "status" | "updated_at"
>;
