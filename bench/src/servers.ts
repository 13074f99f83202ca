import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { openSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { authorize, send } from "./requests.js";

/** The monorepo root (bench/dist/../..). */
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** The JS file behind a package's bin (a dependency of `from`'s package), run with `node` to skip the shell shim. */
export function binPath(name: string, bin: string, from = import.meta.url): string {
  const manifest = createRequire(from).resolve(`${name}/package.json`);
  const { bin: bins } = JSON.parse(readFileSync(manifest, "utf8")) as { bin: string | Record<string, string> };
  return join(dirname(manifest), (typeof bins === "string" ? bins : bins[bin]) ?? "");
}

/** Runs a Node script in `cwd` to its end; its output, or a rejection that carries it. */
export const runNode = (args: string[], cwd: string, env = process.env) =>
  promisify(execFile)(process.execPath, args, { cwd, env });

const PRISM = binPath("@stoplight/prism-cli", "prism");
/** The servers compared, as node arguments (`{port}` stands for a free port), and how the report names them. */
export const SERVERS = {
  ours: { label: "our mock", args: ["apps/mock/dist/cli.js", "--port", "{port}"] },
  // Stock Prism run silent, as ours is: logging a line per request nearly halves its throughput, and a comparison
  // of a logging server with a silent one would measure the logging.
  prism: { label: "stock Prism", args: [PRISM, "mock", "openapi/openapi.yaml", "-v", "silent", "-p", "{port}"] },
  raw: { label: "raw node:http", args: [fileURLToPath(new URL("raw-server.js", import.meta.url)), "{port}"] },
} as const;

/** Startup times (spawn to first 200), and RSS just after, of a server's starts. */
export type Starts = { ms: number[]; rss: number[] };
/** A server that has answered; `rss()` and `assertAlive()` throw once it has exited. */
export type Server = Awaited<ReturnType<typeof startServer>>;

/** Spawns a server (its output to `<logDir>/<name>.log`), calls AuthorizeOA every 5 ms until it answers 200, and
 * notes its startup time and RSS then in `starts`. */
export async function startServer(name: keyof typeof SERVERS, logDir: string, extra: string[] = [], starts?: Starts) {
  const free = createServer().listen(0, "127.0.0.1");
  await once(free, "listening");
  const port = String((free.address() as { port: number }).port);
  free.close();
  const started = performance.now();
  const args = [...SERVERS[name].args, ...extra].map((arg) => arg.replace("{port}", port));
  const log = openSync(join(logDir, `${name}.log`), "a");
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ["ignore", log, log] });
  const exited = once(child, "exit");
  const assertAlive = () => {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited; see ${logDir}`);
  };
  const origin = `http://127.0.0.1:${port}`;
  for (let status = 0; status !== 200; ) {
    assertAlive();
    status = (await send(origin, authorize).catch(() => ({ status: 0 }))).status;
    if ((status !== 0 && status !== 200) || performance.now() - started > 30_000) {
      child.kill("SIGKILL");
      throw new Error(`${name} answered ${status || "nothing within 30 s"} to AuthorizeOA; see ${logDir}`);
    }
    if (status !== 200) await sleep(5);
  }
  starts?.ms.push(performance.now() - started);
  const rss = () => {
    assertAlive();
    return Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1]) * 1024;
  };
  starts?.rss.push(rss());
  const stop = () => {
    child.kill("SIGTERM");
    return exited;
  };
  return { origin, rss, assertAlive, stop };
}
