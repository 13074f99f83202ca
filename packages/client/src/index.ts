export { ORIGINS, resolveOrigin } from "@etelecom-zalo/openapi/origins";
export type { components, operations, paths, webhooks } from "@etelecom-zalo/openapi/types";
export { type AuthorizationCallback, parseAuthorizationCallback } from "./authorization-callback.js";
export { MAX_RESPONSE_BYTES } from "./cap-response.js";
export {
  createZaloCloudClient,
  createZaloCloudClientFor,
  type PickedClient,
  type PickedOperations,
  type ZaloCloudClient,
} from "./client.js";
export { EtelecomApiError, isEtelecomApiError } from "./errors/etelecom-api-error.js";
export { EtelecomError, isEtelecomError } from "./errors/etelecom-error.js";
export { EtelecomInputError, isEtelecomInputError } from "./errors/etelecom-input-error.js";
export {
  EtelecomInvalidResponseError,
  isEtelecomInvalidResponseError,
} from "./errors/etelecom-invalid-response-error.js";
export { EtelecomNetworkError, isEtelecomNetworkError } from "./errors/etelecom-network-error.js";
export { EtelecomTimeoutError, isEtelecomTimeoutError } from "./errors/etelecom-timeout-error.js";
export {
  EtelecomWebhookError,
  isEtelecomWebhookError,
  type WebhookErrorReason,
} from "./errors/etelecom-webhook-error.js";
export { type MethodNameOf, methodNames } from "./generated/method-names.js";
export type * from "./generated/methods.js";
export type {
  ListOperationName,
  OperationInput,
  OperationItem,
  OperationMethod,
  OperationName,
  OperationRequest,
  OperationResult,
  Paginate,
} from "./operation-types.js";
export type * from "./types.js";
export {
  type VerifyWebhookEventOptions,
  verifyWebhookEvent,
  type WebhookRequest,
  type ZaloEvent,
  type ZaloEventName,
} from "./verify-webhook-event.js";
