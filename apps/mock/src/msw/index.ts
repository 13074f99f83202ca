export { type ZaloCloudHandlers, type ZaloCloudHandlersOptions, zaloCloudHandlers } from "./zalo-cloud-handlers.js";
