import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { distDir } from "../paths.js";
import { validBody } from "../requests.js";

/** Bytes a bundler ships for one consumer module. */
export interface SizeResult {
  label: string;
  source: string;
  minifiedBytes: number;
  gzipBytes: number;
}

const consumers = [
  {
    label: "@etelecom-zalo/client (authorizeOA)",
    source: `import { createZaloCloudClient } from "@etelecom-zalo/client"; createZaloCloudClient({ apiKey: "k", scope: "shop" }).authorizeOA(${JSON.stringify(validBody)}).then(console.log);`,
  },
  {
    label: "openapi-fetch alone",
    source: `import createClient from "openapi-fetch"; createClient({ baseUrl: "https://api.etelecom.vn" }).POST("/v1/shop.Zalo/AuthorizeOA", { body: ${JSON.stringify(validBody)} }).then(console.log);`,
  },
];

/** Bundles each one-line consumer for the browser with esbuild (minified, ESM) and measures it. */
export async function runClientSize(): Promise<SizeResult[]> {
  const results: SizeResult[] = [];
  for (const { label, source } of consumers) {
    const output = await build({
      stdin: { contents: source, resolveDir: distDir, loader: "js" },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      write: false,
      logLevel: "silent",
    });
    const bytes = output.outputFiles[0]?.contents ?? new Uint8Array();
    results.push({
      label,
      source,
      minifiedBytes: bytes.byteLength,
      gzipBytes: gzipSync(bytes, { level: 9 }).byteLength,
    });
  }
  return results;
}
