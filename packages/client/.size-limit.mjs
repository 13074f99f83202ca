// The client's size budget, checked by `pnpm check:bundle` and reported by `pnpm bench` (`size-limit --json`).
// esbuild bundles as an app's bundler would: for the browser, as an ES module, minified; size-limit then takes the
// brotli size, or the minified size where `brotli` is false.
const asAnApp = (config) => ({ ...config, platform: "browser", format: "esm" });

// The budget has a part for the runtime that every call runs, and a part per operation of the spec, so that an
// operation added to the spec stays a spec edit (its method costs one entry in the operation table and its compiled
// 200 check: OASendText added about 130 B brotli and 2.2 kB minified). The runtime's part is 7.7 kB brotli: it retries
// idempotent reads (about 0.45 kB), redacts every encoded form of a secret (JSON escapes, URL and form encoding, HTML
// entities, base64: about 0.8 kB) and refuses endless pages, deep nesting and odd statuses as errors of its own. Each
// of these runs on every call's path, so no bundler can leave it out; with the six operations of today the budget is
// 9.5 kB, about 6% above the 8.95 kB measured, so that growth still has to be argued for.
const { operationTable } = await import("./dist/generated/operations.js");
const operations = Object.keys(operationTable).length;

export default [
  {
    name: "client, brotli",
    path: "dist/index.js",
    limit: `${7_700 + 300 * operations} B`,
    modifyEsbuildConfig: asAnApp,
  },
  // openapi-fetch alone is about 6.6 kB minified, and each operation's 200 check that ajv generates about 2 kB (one
  // branch per field, so repetitive that brotli takes it to about 0.3 kB), so the minified size cannot be held to the
  // brotli budget; this cap (about 9% above the measured 34.9 kB with six operations) catches growth of the
  // uncompressed bundle instead.
  {
    name: "client, minified",
    path: "dist/index.js",
    limit: `${20_000 + 3_000 * operations} B`,
    brotli: false,
    modifyEsbuildConfig: asAnApp,
  },
  // What of the minified client is openapi-fetch's, for the report: its default export, the one the client imports.
  {
    name: "openapi-fetch's createClient, minified",
    import: { "node_modules/openapi-fetch/dist/index.mjs": "createClient" },
    brotli: false,
    modifyEsbuildConfig: asAnApp,
  },
];
