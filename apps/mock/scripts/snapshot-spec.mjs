// Writes the spec beside the built mock as JSON: the mock reads it with JSON.parse in a few milliseconds, where
// parsing the YAML again would add about a tenth of a second to every start.
import { writeFileSync } from "node:fs";
import { loadSpec } from "@etelecom-zalo/openapi";

writeFileSync(new URL("../dist/openapi.json", import.meta.url), JSON.stringify(loadSpec()));
