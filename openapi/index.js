import { fileURLToPath } from "node:url";

/** Absolute path of the OpenAPI document that every package derives from. */
export const specPath = fileURLToPath(new URL("./openapi.yaml", import.meta.url));
