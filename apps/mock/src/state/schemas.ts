import type { components } from "@etelecom-zalo/openapi/types";

type Schemas = components["schemas"];

/** An OA as the API answers it. */
export type OA = Schemas["OA"];
/** An OA with its promotion quotas and webhook, as `GetShopOA` answers it: what the state stores. */
export type ShopOA = Schemas["ShopOA"];
export type AuthorizeOARequest = Schemas["AuthorizeOARequest"];
export type ConnectOARequest = Schemas["ConnectOARequest"];
export type OAIdRequest = Schemas["OAIdRequest"];
export type UpdateShopOARequest = Schemas["UpdateShopOARequest"];
export type ListOARequest = Schemas["ListOARequest"];
export type ListOAResponse = Schemas["ListOAResponse"];
export type PageInfo = Schemas["PageInfo"];

/** What an OA is on Zalo, whoever connects it: the fields a connection does not decide. */
export type Profile = Omit<
  ShopOA,
  "app_id" | "connection_id" | "connection_method" | "created_at" | "expires_at" | "shop_id" | "status" | "updated_at"
>;
