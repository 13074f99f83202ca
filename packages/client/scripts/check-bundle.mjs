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

// The budget, measured as size-limit's small-lib preset does: minified, then brotli-compressed: a part for the runtime
// that every call runs, and a part per operation of the spec, so that an operation added to the spec stays a spec
// edit (its method costs one entry in the operation table and its compiled 200 check: OASendText added about 130 B
// brotli and 2.2 kB minified). The runtime's part is 7.7 kB: it retries idempotent reads (about 0.45 kB), redacts
// every encoded form of a secret (about 0.8 kB) and refuses endless pages, deep nesting and odd statuses as errors of
// its own, and each of these runs on every call's path, so no bundler can leave it out. With the six operations of
// today that is 9.5 kB, about 6% above the 8.96 kB measured, so that growth still has to be argued for.
const operations = Object.keys((await import("../dist/generated/operations.js")).operationTable).length;
const BROTLI_BUDGET = 7_700 + 300 * operations;
// openapi-fetch alone is about 6.6 kB minified, and each operation's 200 check that ajv generates about 2 kB (one
// branch per field, so repetitive that brotli takes it to about 0.3 kB), so the minified size cannot be held to the
// brotli budget; this cap (about 9% above the measured 34.9 kB with six operations) catches growth of the
// uncompressed bundle instead.
const MINIFIED_BUDGET = 20_000 + 3_000 * operations;

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
