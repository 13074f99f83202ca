import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:net";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { portIsFree } from "../use-mock.js";

const cli = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));
const running = new Set<ChildProcess>();

/** Spawns the built CLI with a clean PORT/HOST environment. */
function spawnCli(args: string[], env: Record<string, string> = {}) {
  const { PORT: _port, HOST: _host, ...inherited } = process.env;
  const child = spawn(process.execPath, [cli, ...args], { env: { ...inherited, ...env } });
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

describe("etelecom-zalo-mock CLI", () => {
  it("prints exactly one line saying where it listens, taking PORT from the environment", async () => {
    const run = spawnCli([], { PORT: "0" });
    const url = await run.listening;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${url}/__health`)).status).toBe(200);
    expect(run.output().stdout).toBe(`eTelecom Zalo Cloud mock listening on ${url}\n`);
    run.child.kill("SIGTERM");
    await run.exited;
  });

  it.each(["SIGTERM", "SIGINT"] as const)("stops cleanly on %s and frees its port", async (signal) => {
    const run = spawnCli(["--port", "0"]);
    const port = Number(new URL(await run.listening).port);
    run.child.kill(signal);
    expect(await run.exited).toBe(0);
    expect(await portIsFree(port)).toBe(true);
  });

  it("prefers --port and --host over PORT and HOST", async () => {
    const run = spawnCli(["--port", "0", "--host", "127.0.0.1"], { PORT: "not-a-port", HOST: "invalid.invalid" });
    expect(await run.listening).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    run.child.kill("SIGTERM");
    await run.exited;
  });

  it("takes HOST from the environment", async () => {
    const run = spawnCli(["--port", "0"], { HOST: "0.0.0.0" });
    expect(await run.listening).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
    run.child.kill("SIGTERM");
    await run.exited;
  });

  it("exits non-zero with one line, no stack trace, when the port is in use", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = spawnCli(["--port", String(port)]);
      expect(await run.exited).not.toBe(0);
      const { stdout, stderr } = run.output();
      expect(stdout).toBe("");
      expect(stderr).toBe(
        `etelecom-zalo-mock: port ${port} on 127.0.0.1 is already in use (set PORT or --port to another one)\n`,
      );
    } finally {
      blocker.close();
    }
  });

  it.each([
    [["--port", "http"], 'invalid port "http": expected 0-65535'],
    [["--port", "70000"], 'invalid port "70000": expected 0-65535'],
    [["--bogus"], "Unknown option '--bogus'"],
  ])("refuses %j with one line and a non-zero exit", async (args, reason) => {
    const run = spawnCli(args);
    expect(await run.exited).not.toBe(0);
    const { stderr } = run.output();
    expect(stderr).toMatch(/^etelecom-zalo-mock: [^\n]+\n$/);
    expect(stderr).toContain(reason);
  });

  it("logs Prism's decisions with --verbose and nothing per request without it", async () => {
    const body = JSON.stringify({ app_id: "1", app_secret: "s", redirect_uri: "https://example.com/cb" });
    const request = (url: string) =>
      fetch(`${url}/v1/shop.Zalo/AuthorizeOA`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: "Bearer k" },
        body,
      });
    const quiet = spawnCli(["--port", "0"]);
    const verbose = spawnCli(["--port", "0", "--verbose"]);
    await request(await quiet.listening);
    await request(await verbose.listening);
    quiet.child.kill("SIGTERM");
    verbose.child.kill("SIGTERM");
    await Promise.all([quiet.exited, verbose.exited]);
    expect(quiet.output().stdout.trim().split("\n")).toHaveLength(1);
    expect(verbose.output().stdout).toContain("The request passed the validation rules");
  });
});
