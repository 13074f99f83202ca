// The client's size budget, checked by `pnpm check:bundle` and reported by `pnpm bench` (`size-limit --json`).
// esbuild bundles as an app's bundler would: for the browser, as an ES module, minified; size-limit then takes the
// brotli size, or the minified size where `brotli` is false.
const asAnApp = (config) => ({ ...config, platform: "browser", format: "esm" });

/** As an app, and failing the build when the bundle holds `file`: proof that an app that never imports it never pays. */
const asAnAppWithout = (file) => (config) => ({
  ...asAnApp(config),
  plugins: [
    ...(config.plugins ?? []),
    {
      name: `leaves-out-${file}`,
      setup(build) {
        build.onEnd(({ metafile }) => {
          // An output's inputs are the files that put bytes in it; esbuild reads, but leaves out, the others.
          const bundled = Object.values(metafile?.outputs ?? {}).flatMap((output) =>
            Object.entries(output.inputs).flatMap(([input, { bytesInOutput }]) => (bytesInOutput > 0 ? [input] : [])),
          );
          if (bundled.length === 0 || bundled.some((input) => input.endsWith(file))) {
            throw new Error(`${file} is in a bundle that does not import it: it is no longer tree-shaken away`);
          }
        });
      },
    },
  ],
});

// The budget has a part for the runtime that every call runs, and a part per operation of the spec, so that an
// operation added to the spec stays a spec edit (its method costs one descriptor and its compiled 200 check). The
// runtime's part is 7.7 kB brotli: it retries idempotent reads (about 0.45 kB), redacts every encoded form of a
// secret (JSON escapes, URL and form encoding, HTML entities, base64: about 0.8 kB) and refuses endless pages, deep
// nesting and odd statuses as errors of its own; each of these runs on every call's path, so no bundler can leave it
// out. Decided again with 24 operations: their 200 checks are larger than the first six's (a Template, a Message and
// a Follower have 20 to 30 fields each), about 200 B brotli and 3.3 kB minified each; the part per operation stays
// 300 B brotli (12.9 kB measured for the whole client without the verifier, budget 14.9 kB) and grows to 3.5 kB
// minified (100 kB measured, budget 107.5 kB). An app that uses a few methods need not pay for 24: it names them
// (`createZaloCloudClientFor({ sendZNS }, …)`, descriptors from `@etelecom-zalo/client/operations`) and bundles the
// runtime and those operations only, which the entry below holds to the runtime's part and one operation's. The whole
// entry point also holds verifyWebhookEvent, which no call runs: its own part (1.1 kB brotli, 3.5 kB minified) is
// added to the entry point's budget, and the last entry proves that an app that does not import it does not bundle it.
const { operationTable } = await import("./dist/generated/operations.js");
const operations = Object.keys(operationTable).length;
const WEBHOOK_VERIFIER = { brotli: 1_100, minified: 3_500 };

export default [
  {
    name: "client, brotli",
    path: "dist/index.js",
    limit: `${7_700 + 300 * operations + WEBHOOK_VERIFIER.brotli} B`,
    modifyEsbuildConfig: asAnApp,
  },
  // openapi-fetch alone is about 6.6 kB minified, and each operation's 200 check that ajv generates about 3.3 kB (one
  // branch per field, so repetitive that brotli takes it to about 0.2 kB), so the minified size cannot be held to the
  // brotli budget; this cap (about 7% above the measured 100 kB with 24 operations) catches growth of the
  // uncompressed bundle instead.
  {
    name: "client, minified",
    path: "dist/index.js",
    limit: `${20_000 + 3_500 * operations + WEBHOOK_VERIFIER.minified} B`,
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
  // A webhook receiver that only verifies events: Web Crypto's SHA-256, the checks and their messages, and the
  // client's base error (1.46 kB measured). The build fails if it pulls in the client: openapi-fetch, say.
  {
    name: "verifyWebhookEvent alone, brotli",
    import: { "dist/index.js": "{ verifyWebhookEvent }" },
    limit: "1.6 kB",
    modifyEsbuildConfig: asAnAppWithout("dist/client.js"),
  },
  // An app that sends ZNS and nothing else names that one operation: its bundle holds the runtime and one operation
  // (7.75 kB measured), not all 24 (12.9 kB): the limit, the runtime's part and one operation's, fails the build if
  // the table of every operation comes back in.
  {
    name: "one operation (sendZNS) with createZaloCloudClientFor, brotli",
    import: {
      "dist/index.js": "{ createZaloCloudClientFor }",
      "dist/operations.js": "{ sendZNS }",
    },
    limit: `${7_700 + 300} B`,
    modifyEsbuildConfig: asAnApp,
  },
  // An app that calls eTelecom and never receives events: the verifier must not be in its bundle.
  {
    name: "client without verifyWebhookEvent, brotli",
    import: { "dist/index.js": "{ createZaloCloudClient, parseAuthorizationCallback }" },
    limit: `${7_700 + 300 * operations} B`,
    modifyEsbuildConfig: asAnAppWithout("dist/verify-webhook-event.js"),
  },
];
