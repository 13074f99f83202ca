// The types openapi-typescript generates from openapi.yaml (`@etelecom-zalo/openapi/types`): types only, so the
// client and the mock can import them without loading the spec reader, which needs Node.
export type { components, operations, paths, webhooks } from "./generated/api.js";
