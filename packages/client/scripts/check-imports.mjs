// Proves the runtime path has no Node-only import before size-limit bundles it (.size-limit.mjs): the built files
// may import only each other, openapi-fetch and the spec package's browser-safe origins (not its main entry, which
// reads the spec with node:fs). The scan also catches an unused import, which the bundle would drop because of
// `sideEffects: false`; the bundle, for the browser platform where esbuild cannot resolve `node:*`, catches the rest.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ALLOWED = new Set(["openapi-fetch", "@etelecom-zalo/openapi/origins"]);
const foreign = readdirSync("dist", { recursive: true })
  .filter((file) => file.endsWith(".js"))
  .flatMap((file) =>
    [...readFileSync(join("dist", file), "utf8").matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["']([^"']+)["']/g)]
      .map(([, specifier]) => specifier)
      .filter((specifier) => !specifier.startsWith(".") && !ALLOWED.has(specifier))
      .map((specifier) => `dist/${file} imports ${specifier}`),
  );
if (foreign.length > 0) {
  console.error(
    `The runtime path may import only its own files and ${[...ALLOWED].join(", ")}:\n${foreign.join("\n")}`,
  );
  process.exit(1);
}
