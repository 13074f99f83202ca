// Writes, beside the built mock, the spec and Prism's reading of it as JSON: the mock reads both with JSON.parse in
// a few milliseconds, where parsing the YAML and loading and running Prism's OpenAPI reader would add about 0.4 s to
// every start. The snapshot names the Prism that read the spec; the mock reads the spec again if it is stale. The
// spec's x-mock is checked against its format here, once, with the check the mock runs when it has no snapshot: a
// start from the snapshot skips compiling that schema (about 75 ms and 5 MiB).

import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadSpec, readMockDeclarations } from "@etelecom-zalo/openapi";
import { formatProblems } from "../dist/engine/declarations.js";

const require = createRequire(import.meta.url);
const { getHttpOperationsFromSpec } = require("@stoplight/prism-http/dist/utils/operations.js");
const { validateAgainstSchema } = require("@stoplight/prism-http/dist/validator/validators/utils.js");
const spec = loadSpec();
const problems = formatProblems({ validateAgainstSchema }, readMockDeclarations(spec));
if (problems.length > 0) {
  console.error(`openapi/openapi.yaml: the x-mock declarations break their format: ${problems.join("; ")}`);
  process.exit(1);
}
const snapshot = {
  prismHttp: require("@stoplight/prism-http/package.json").version,
  spec,
  prismOperations: await getHttpOperationsFromSpec(structuredClone(spec)),
  declarationsChecked: true,
};
writeFileSync(new URL("../dist/spec-snapshot.json", import.meta.url), JSON.stringify(snapshot));
