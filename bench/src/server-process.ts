import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { openSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { freePort } from "./free-port.js";
import { repoRoot } from "./paths.js";
import { type BenchRequest, send } from "./requests.js";

/** How to start one server under test. */
export interface ServerSpec {
  /** Short label used in the report, e.g. `ours`. */
  label: string;
  /** Node arguments (script and its flags); `{port}` is replaced by a free port. */
  args: string[];
  /** Extra environment; `{port}` is replaced too. */
  env?: Record<string, string>;
  /** Where the server's stdout and stderr go. */
  logFile: string;
}

/** A server process that has answered its first request. */
export interface ServerProcess {
  label: string;
  origin: string;
  pid: number;
  /** Wall time from spawn() to the first response with the expected status. */
  startupMs: number;
  /** Resident set size of the server process, in bytes (from /proc). */
  rss(): Promise<number>;
  /** Throws if the process has exited, naming its log, so that a crash is never reported as a slow server. */
  assertAlive(): void;
  stop(): Promise<void>;
}

const startupTimeoutMs = 30_000;

/** Spawns `node <args>` and waits until `probe` gets its expected status. */
export async function startServer(
  spec: ServerSpec,
  probe: BenchRequest,
  nodeFlags: string[] = [],
): Promise<ServerProcess> {
  const port = String(await freePort());
  const fill = (value: string) => value.replaceAll("{port}", port);
  const log = openSync(spec.logFile, "a");
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeFlags, ...spec.args.map(fill)], {
    cwd: repoRoot,
    env: { ...process.env, ...Object.fromEntries(Object.entries(spec.env ?? {}).map(([k, v]) => [k, fill(v)])) },
    stdio: ["ignore", log, log],
  });
  const origin = `http://127.0.0.1:${port}`;
  const exited = once(child, "exit");
  const startupMs = await waitUntilServing(child, origin, probe, started);
  const pid = child.pid as number;
  return {
    label: spec.label,
    origin,
    pid,
    startupMs,
    rss: () => rssOf(pid),
    assertAlive() {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(
          `${spec.label} exited (code ${child.exitCode}, signal ${child.signalCode}) under load; see ${spec.logFile}`,
        );
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
}

async function waitUntilServing(child: ChildProcess, origin: string, probe: BenchRequest, started: number) {
  while (performance.now() - started < startupTimeoutMs) {
    if (child.exitCode !== null) {
      throw new Error(`server exited with code ${child.exitCode} before answering (${child.spawnargs.join(" ")})`);
    }
    try {
      const status = await send(origin, probe);
      if (status === probe.expectedStatus) {
        return performance.now() - started;
      }
      throw new Error(`server answered ${status} instead of ${probe.expectedStatus} (${child.spawnargs.join(" ")})`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith("server answered")) {
        child.kill("SIGTERM");
        throw error;
      }
      await sleep(5);
    }
  }
  child.kill("SIGKILL");
  throw new Error(`server did not answer within ${startupTimeoutMs} ms (${child.spawnargs.join(" ")})`);
}

async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) {
    throw new Error(`no VmRSS for pid ${pid}`);
  }
  return Number(match[1]) * 1024;
}
