export { ORIGINS } from "./base-url.js";
export { createZaloCloudClient, type ZaloCloudClient } from "./client.js";
export { EtelecomApiError, isEtelecomApiError } from "./errors/etelecom-api-error.js";
export { EtelecomError } from "./errors/etelecom-error.js";
export type { components, operations, paths } from "./generated/api.js";
export type * from "./types.js";
