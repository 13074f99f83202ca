import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach } from "vitest";

const repositoryRoot = fileURLToPath(new URL("../../..", import.meta.url));
const running = new Set<ChildProcess>();

/** Variables the demo reads, left out of the environment a test inherits. */
const OWN = /^(PORT|HOST|MOCK_PORT|DEMO_PUBLIC_URL|ETELECOM_.*|ZALO_.*)$/;

/**
 * Runs a shell command from the repository's root (e.g. `node apps/demo/dist/cli.js`) with the demo's variables set
 * to `env` only. `ready` resolves with the first `http://` URL the command prints on stdout.
 */
export function run(command: string, env: Record<string, string> = {}) {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !OWN.test(name)));
  // exec: the signal a test sends reaches node itself, not a shell around it.
  const child = spawn("sh", ["-c", `exec ${command}`], { cwd: repositoryRoot, env: { ...inherited, ...env } });
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
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", () => {
      const url = /http:\/\/[^\s;)]+/.exec(stdout)?.[0];
      if (url) resolve(url);
    });
    exited.then(() => reject(new Error(`${command} exited: ${stderr}`)));
  });
  // A test of a command that must fail never awaits `ready`.
  ready.catch(() => {});
  return { child, ready, exited, output: () => ({ stdout, stderr }) };
}

/** Holds a port of 127.0.0.1 until the test ends, so that a server started on it finds it busy. */
export async function busyPort(): Promise<number> {
  const blocker: Server = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  blockers.push(blocker);
  return (blocker.address() as { port: number }).port;
}
const blockers: Server[] = [];

/** Resolves whether something can listen on `port` of 127.0.0.1 now. */
export function portIsFree(port: number) {
  return new Promise<boolean>((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

afterEach(() => {
  for (const child of running) child.kill("SIGKILL");
  for (const blocker of blockers.splice(0)) blocker.close();
});
