// Writes, beside the built mock, the spec and Prism's reading of it as JSON: the mock reads both with JSON.parse in
// a few milliseconds, where parsing the YAML and loading and running Prism's OpenAPI reader would add about 0.4 s to
// every start. The snapshot names the Prism that read the spec; the mock reads the spec again if it is stale.

import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadSpec } from "@etelecom-zalo/openapi";

const require = createRequire(import.meta.url);
const { getHttpOperationsFromSpec } = require("@stoplight/prism-http/dist/utils/operations.js");
const spec = loadSpec();
const snapshot = {
  prismHttp: require("@stoplight/prism-http/package.json").version,
  spec,
  prismOperations: await getHttpOperationsFromSpec(structuredClone(spec)),
};
writeFileSync(new URL("../dist/spec-snapshot.json", import.meta.url), JSON.stringify(snapshot));
