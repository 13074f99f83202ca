// Proves the runtime path has no Node-only import, then enforces the size budget: the built files may import only
// each other, openapi-fetch and the spec package's browser-safe origins (not its main entry, which reads the spec
// with node:fs), and the client bundles for the browser platform, where esbuild cannot resolve `node:*` (the scan
// also catches an unused import, which the bundle would drop because of `sideEffects: false`).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync } from "node:zlib";
import { build } from "esbuild";

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

// The budget for the client with all six operations, 8 kB, measured as size-limit's small-lib preset
// does: minified, then brotli-compressed.
const BROTLI_BUDGET = 8_000;
// openapi-fetch alone is about 6.6 kB minified, and the 200 checks that ajv generates from the spec about 13 kB
// (one branch per field, so repetitive that brotli takes them to about 1.9 kB), so 8 kB minified cannot hold the
// client; this cap (about 5% above the measured 31 kB) catches growth of the uncompressed bundle instead.
const MINIFIED_BUDGET = 32_500;

const result = await build({
  entryPoints: ["dist/index.js"],
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  write: false,
  metafile: true,
  logLevel: "silent",
}).catch((error) => {
  console.error("The client does not bundle for the browser (a Node-only import in src?):");
  console.error(error.message);
  process.exit(1);
});

const code = result.outputFiles[0].contents;
const minified = code.byteLength;
const brotli = brotliCompressSync(code).byteLength;
const [output] = Object.values(result.metafile.outputs);
const openapiFetch = Object.entries(output.inputs)
  .filter(([path]) => path.includes("/openapi-fetch/"))
  .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);

// `--json` prints the same figures for `pnpm bench`, which reports them beside its other targets.
console.log(
  process.argv.includes("--json")
    ? JSON.stringify({ minified, brotli, openapiFetch, brotliBudget: BROTLI_BUDGET, minifiedBudget: MINIFIED_BUDGET })
    : `client + openapi-fetch: ${minified} B minified (openapi-fetch ${openapiFetch} B, client ${minified - openapiFetch} B), ${brotli} B brotli`,
);
const over = [
  brotli > BROTLI_BUDGET && `brotli size ${brotli} B is over the ${BROTLI_BUDGET} B budget`,
  minified > MINIFIED_BUDGET && `minified size ${minified} B is over the ${MINIFIED_BUDGET} B cap`,
].filter(Boolean);
if (over.length > 0) {
  console.error(over.join("\n"));
  process.exit(1);
}
