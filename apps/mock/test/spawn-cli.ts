import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterEach } from "vitest";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const repositoryRoot = fileURLToPath(new URL("../../..", import.meta.url));
const running = new Set<ChildProcess>();

/** Spawns the built CLI (or `command` through the shell, from the repository's root) with a clean environment. */
export function spawnCli(args: string[], env: Record<string, string> = {}, command?: string) {
  const { PORT: _port, HOST: _host, PUBLIC_URL: _public, ...inherited } = process.env;
  const options = { env: { ...inherited, ...env } };
  const child =
    command === undefined
      ? spawn(process.execPath, [cli, ...args], options)
      : spawn("sh", ["-c", command], { ...options, cwd: repositoryRoot });
  running.add(child);
  child.once("exit", () => running.delete(child));
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (data) => {
    stdout += data;
  });
  child.stderr.on("data", (data) => {
    stderr += data;
  });
  const exited = once(child, "exit").then(([code]) => code as number | null);
  /** Resolves with the origin from the CLI's one "listening on" line. */
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", () => {
      const url = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url) resolve(url);
    });
    exited.then(() => reject(new Error(`CLI exited: ${stderr}`)));
  });
  // Tests of a CLI that must fail never await `listening`.
  listening.catch(() => {});
  return { child, listening, exited, output: () => ({ stdout, stderr }) };
}

afterEach(() => {
  for (const child of running) child.kill("SIGKILL");
});
