// Part of `pnpm lint`: `redocly lint` with its output as is, but for the box Redocly CLI 2 prints on every run under
// Node.js 20 ("Node.js 20 support is ending"). No flag or variable turns that box off (REDOCLY_SUPPRESS_UPDATE_NOTICE
// silences only the update notice), and on every `pnpm test` it buried the lint's own lines. Any other output, and
// the exit code, pass through.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const cli = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");
const run = spawnSync(process.execPath, [cli, "lint", ...process.argv.slice(2)], {
  stdio: ["inherit", "inherit", "pipe"],
  encoding: "utf8",
});
if (run.error) throw run.error;
/** The deprecation box: a frame of ╔…╝ lines around "Node.js 20 support is ending", and the blank line after it. */
const NODE_20_BOX =
  /^[ \t]*╔[^\n]*\n(?:[ \t]*║[^\n]*\n)*?[^\n]*Node\.js 20 support is ending[^\n]*\n(?:[ \t]*║[^\n]*\n)*[ \t]*╚[^\n]*\n\n?/m;
process.stderr.write(run.stderr.replace(NODE_20_BOX, "").replace(/^\n+/, ""));
process.exit(run.status ?? 1);
