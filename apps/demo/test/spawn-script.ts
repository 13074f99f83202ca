import { fileURLToPath } from "node:url";
import { spawnCommand } from "@etelecom-zalo/test-support";

const repositoryRoot = fileURLToPath(new URL("../../..", import.meta.url));

/**
 * Runs a shell command from the repository's root (e.g. `node apps/demo/dist/cli.js`) with the demo's variables set
 * to `env` only. `ready` resolves with the first `http://` URL the command prints on stdout.
 */
export function run(command: string, env: Record<string, string> = {}) {
  // exec: the signal a test sends reaches node itself, not a shell around it.
  return runScript(`exec ${command}`, env);
}

/**
 * Runs a package.json script's text as pnpm does, through `sh -c`, in a process group killed whole after the test:
 * a signal sent to it reaches the script's shell, as pnpm's does.
 */
export function runScript(script: string, env: Record<string, string> = {}) {
  return spawnCommand(["sh", "-c", script], {
    env,
    drop: /^(PORT|HOST|MOCK_PORT|DEMO_PUBLIC_URL|ETELECOM_.*|ZALO_.*)$/,
    cwd: repositoryRoot,
    ready: /http:\/\/[^\s;)]+/,
    group: true,
  });
}
