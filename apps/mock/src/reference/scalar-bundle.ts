import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";

/**
 * Reads Scalar's standalone browser bundle from node_modules: one script with its code, styles and icons inlined,
 * which needs none of the package's npm dependencies (pnpm-workspace.yaml drops them).
 */
export function readScalarBundle(): Promise<Uint8Array<ArrayBuffer>> {
  return readFile(createRequire(import.meta.url).resolve("@scalar/api-reference/browser/standalone.js"));
}
