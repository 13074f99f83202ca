import { fileURLToPath } from "node:url";
import { spawnCommand } from "@etelecom-zalo/test-support";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const repositoryRoot = fileURLToPath(new URL("../../..", import.meta.url));

/**
 * Spawns the built CLI (or `command` through the shell, from the repository's root, in a process group killed
 * whole after the test) without the variables it reads from the environment but `env`. `ready` resolves with the
 * origin from its one "listening on" line.
 */
export function spawnCli(args: string[], env: Record<string, string> = {}, command?: string) {
  const argv: [string, ...string[]] = command === undefined ? [process.execPath, cli, ...args] : ["sh", "-c", command];
  return spawnCommand(argv, {
    env,
    drop: /^(PORT|HOST|PUBLIC_URL)$/,
    cwd: repositoryRoot,
    ready: /listening on (http:\/\/\S+)/,
    group: command !== undefined,
  });
}
