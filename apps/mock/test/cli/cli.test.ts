import { readFileSync } from "node:fs";
import { documentedExamples } from "@etelecom-zalo/openapi";
import { busyPort, portIsFree } from "@etelecom-zalo/test-support";
import { describe, expect, it } from "vitest";
import { parseCliOptions } from "../../src/cli-options.js";
import { spawnCli } from "../spawn-cli.js";
import { validBody } from "../use-mock.js";

describe("etelecom-zalo-mock CLI", () => {
  it("prints exactly one line saying where it listens and where its reference is, taking PORT from the environment", async () => {
    const run = spawnCli([], { PORT: "0" });
    const url = await run.ready;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${url}/__health`)).status).toBe(200);
    expect(run.output().stdout).toBe(`eTelecom Zalo Cloud mock listening on ${url} (API reference: ${url}/__docs)\n`);
    run.child.kill("SIGTERM");
    await run.exited;
  });

  it.each(["SIGTERM", "SIGINT"] as const)("stops cleanly on %s and frees its port", async (signal) => {
    const run = spawnCli(["--port", "0"]);
    const port = Number(new URL(await run.ready).port);
    run.child.kill(signal);
    expect(await run.exited).toBe(0);
    expect(await portIsFree(port)).toBe(true);
  });

  it("prefers --port and --host over PORT and HOST", async () => {
    const run = spawnCli(["--port", "0", "--host", "127.0.0.1"], { PORT: "not-a-port", HOST: "invalid.invalid" });
    expect(await run.ready).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    run.child.kill("SIGTERM");
    await run.exited;
  });

  it.each([
    [["--port", "0"], { HOST: "" }],
    [["--port", "0", "--host", ""], {}],
  ])("listens on 127.0.0.1 for an empty host: %j %j", async (args, env) => {
    const run = spawnCli(args, env);
    expect(await run.ready).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    run.child.kill("SIGTERM");
    await run.exited;
  });

  it("takes HOST from the environment", async () => {
    const run = spawnCli(["--port", "0"], { HOST: "0.0.0.0" });
    expect(await run.ready).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
    run.child.kill("SIGTERM");
    await run.exited;
  });

  it.each([[["--help"]], [["--", "--help"]]])(
    "lists every flag and environment variable with its default, and the endpoints, in %j",
    async (args) => {
      const run = spawnCli(args);
      expect(await run.exited).toBe(0);
      const { stdout } = run.output();
      for (const line of [
        /--port <n> +PORT +.*\(default: 4010\)/,
        /--host <host> +HOST +.*\(default: 127\.0\.0\.1\)/,
        /--public-url <url> +PUBLIC_URL +.*\(default: the origin it listens on\)/,
        /--fixtures <file> .*\(default: none\)/,
        /--seed <n> .*\(default: 0\)/,
        /--proxy <target> .*\(default: off\)/,
        /--proxy-timeout <ms> .*\(default: 30000\)/,
        /--record <file> .*\(default: none\)/,
        /--stateless .*\(default: off\)/,
        /--dynamic .*\(default: off\)/,
        /--latency <ms> .*<min>-<max>.*\(default: 0\)/,
        /--fault-rate <0\.\.1> .*reset, timeout, truncated, unavailable.*\(default: 0\)/,
        /--rate-limit <n>\/<s> .*429.*Retry-After.*\(default: none\)/,
        /--verbose .*\(default: off\)/,
        /--help /,
        /GET +\/ +.*HTML for a browser/,
        /GET +\/__docs +.*API reference/,
        /GET +\/openapi\.yaml /,
        /GET +\/__health /,
        /POST +\/__reset /,
        /GET +\/__violations +.*--proxy/,
      ]) {
        expect(stdout).toMatch(line);
      }
    },
  );

  it("takes PUBLIC_URL, --seed and --stateless", async () => {
    const call = async (url: string) => {
      const response = await fetch(`${url}/v1/shop.Zalo/AuthorizeOA`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: "Bearer k" },
        body: JSON.stringify(validBody),
      });
      return ((await response.json()) as { url: string }).url;
    };
    const runs = [
      spawnCli(["--port", "0", "--seed", "9"], { PUBLIC_URL: "https://mock.example.com" }),
      spawnCli(["--port", "0", "--seed", "9", "--public-url", "https://mock.example.com"]),
      spawnCli(["--port", "0", "--stateless"]),
    ];
    const [seeded, again, stateless] = await Promise.all(runs.map(async (run) => call(await run.ready)));
    expect(seeded?.startsWith("https://mock.example.com/v4/oa/permission?")).toBe(true);
    expect(again).toBe(seeded);
    const documented = documentedExamples().find(({ example }) => example === "consent_link")?.value;
    expect(stateless).toBe((documented as { url: string }).url);
    for (const run of runs) run.child.kill("SIGTERM");
    await Promise.all(runs.map((run) => run.exited));
  });

  const root = JSON.parse(readFileSync(new URL("../../../../package.json", import.meta.url), "utf8"));
  // What `pnpm start` runs once turbo has built it: the CLI itself, with no package manager around it to add lines.
  const startCommand = (root.scripts.start as string).split(" && ").at(-1) as string;

  it.each([
    ["the CLI", (port: number) => spawnCli(["--port", String(port)])],
    [startCommand, (port: number) => spawnCli([], { PORT: String(port) }, startCommand)],
  ])("exits 1 with one line on stderr, no stack trace, when the port is in use: %s", async (_name, start) => {
    expect(startCommand).toBe("exec node apps/mock/dist/cli.js");
    const port = await busyPort();
    const run = start(port);
    expect(await run.exited).toBe(1);
    expect(run.output()).toEqual({
      stdout: "",
      stderr: `etelecom-zalo-mock: port ${port} on 127.0.0.1 is already in use (set PORT or --port to another one)\n`,
    });
  });

  it("stops on SIGTERM to `pnpm start`, which pnpm passes to the script's shell, and frees its port", async () => {
    // The script's shape, its build step left out: after `&&`, the shell stays around the mock unless it execs it.
    const run = spawnCli([], { PORT: "0" }, `: && ${startCommand}`);
    const port = Number(new URL(await run.ready).port);
    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    expect(await portIsFree(port)).toBe(true);
  });

  it.each([
    [["--port", "http"], 'invalid port "http": expected 0-65535'],
    [["--port", "70000"], 'invalid port "70000": expected 0-65535'],
    [
      ["--bogus"],
      "unknown option --bogus (valid: --port, --host, --public-url, --fixtures, --seed, --proxy, --proxy-timeout, --record, --oa-secret-key, --stateless, --dynamic, --latency, --fault-rate, --rate-limit, --zns-delivery, --verbose, --help)",
    ],
    [["extra"], "Unexpected argument 'extra'"],
    [["--seed", "x"], 'invalid seed "x": expected an integer'],
    [
      ["--zns-delivery", "30000,5000"],
      'invalid ZNS delivery "30000,5000": expected <received ms>,<seen ms>, received <= seen, at most 86400000',
    ],
    [["--public-url", "nope"], '--public-url "nope" is not a URL (expected e.g. https://mock.example.com)'],
    [["--public-url", "ftp://x"], '--public-url "ftp://x" must be http or https'],
    [["--seed", "-x"], "Option '--seed' argument is ambiguous: to pass a value starting with a dash, write --seed=-x"],
    [["--port"], "Option '--port <value>' argument missing"],
  ])("refuses %j with one line and a non-zero exit", async (args, reason) => {
    const run = spawnCli(args);
    expect(await run.exited).not.toBe(0);
    const { stderr } = run.output();
    expect(stderr).toMatch(/^etelecom-zalo-mock: [^\n]+\n$/);
    expect(stderr).toContain(reason);
  });

  it("logs one line per request with --verbose, secrets redacted, and nothing per request without it", async () => {
    const body = JSON.stringify({
      app_id: "1",
      app_secret: "s3cr3t-app-secret",
      redirect_uri: "https://example.com/cb",
    });
    const request = (url: string, prefer?: string) =>
      fetch(`${url}/v1/shop.Zalo/AuthorizeOA`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Authorization: "Bearer s3cr3t-api-key",
          ...(prefer && { Prefer: prefer }),
        },
        body,
      });
    const quiet = spawnCli(["--port", "0"]);
    const verbose = spawnCli(["--port", "0", "--verbose"]);
    await request(await quiet.ready);
    const url = await verbose.ready;
    await request(url);
    await request(url);
    await request(url, "code=500");
    quiet.child.kill("SIGTERM");
    verbose.child.kill("SIGTERM");
    await Promise.all([quiet.exited, verbose.exited]);
    expect(quiet.output().stdout.trim().split("\n")).toHaveLength(1);
    const lines = verbose.output().stdout.trim().split("\n").slice(1);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^POST \/v1\/shop\.Zalo\/AuthorizeOA .*-> 200 /);
    expect(lines[2]).toMatch(/-> 500 .*code=500/);
    expect(verbose.output().stdout).not.toMatch(/s3cr3t/);
  });
});

describe("the CLI's flags", () => {
  it.each([
    [["--seed", "-5"], -5],
    [["--seed=-5"], -5],
    [["--seed", "5"], 5],
  ])("read %j as the seed %i", (args, seed) => {
    expect(parseCliOptions(args, {})).toMatchObject({ help: false, options: { seed } });
  });

  it("refuses a negative number after a flag that takes no argument, as an unknown option", () => {
    expect(() => parseCliOptions(["--verbose", "-5"], {})).toThrow(/^unknown option -5 \(valid: --port, /);
  });

  it("reads an empty --host or HOST as the default", () => {
    expect(parseCliOptions(["--host", ""], { HOST: "0.0.0.0" })).toMatchObject({ options: { host: "127.0.0.1" } });
    expect(parseCliOptions([], { HOST: "" })).toMatchObject({ options: { host: "127.0.0.1" } });
  });
});

describe("the CLI's latency and fault flags", () => {
  it.each([
    [["--latency", "250"], { latency: 250 }],
    [["--latency", "100-300"], { latency: { min: 100, max: 300 } }],
    [["--latency", "7-7"], { latency: 7 }],
    [["--fault-rate", "0.3", "--seed", "1"], { faultRate: 0.3, seed: 1 }],
    [["--fault-rate", "1"], { faultRate: 1 }],
    [["--rate-limit", "10/1"], { rateLimit: { requests: 10, seconds: 1 } }],
  ])("read %j", (args, options) => {
    expect(parseCliOptions(args, {})).toMatchObject({ help: false, options });
  });

  it.each([
    [
      ["--latency", "5-2"],
      'invalid latency "5-2": expected <ms> or <min>-<max> (min <= max) of milliseconds, at most 60000',
    ],
    [
      ["--latency", "-1"],
      'invalid latency "-1": expected <ms> or <min>-<max> (min <= max) of milliseconds, at most 60000',
    ],
    [
      ["--latency", "60001"],
      'invalid latency "60001": expected <ms> or <min>-<max> (min <= max) of milliseconds, at most 60000',
    ],
    [["--fault-rate", "2"], 'invalid fault rate "2": expected a number from 0 to 1, e.g. 0.3'],
    [["--fault-rate", "lots"], 'invalid fault rate "lots": expected a number from 0 to 1, e.g. 0.3'],
    [["--rate-limit", "0/1"], 'invalid rate limit "0/1": expected <n>/<seconds>, two positive integers, e.g. 10/1'],
    [["--rate-limit", "10"], 'invalid rate limit "10": expected <n>/<seconds>, two positive integers, e.g. 10/1'],
  ])("refuse %j in one line", (args, message) => {
    expect(() => parseCliOptions(args, {})).toThrow(new Error(message));
  });

  it("exits 1 with a usage error on a bad value, before listening", async () => {
    const run = spawnCli(["--port", "0", "--fault-rate", "2"]);
    expect(await run.exited).toBe(1);
    expect(run.output().stderr).toBe(
      'etelecom-zalo-mock: invalid fault rate "2": expected a number from 0 to 1, e.g. 0.3\n',
    );
  });

  it("logs the same faults in the same order twice with --fault-rate 0.3 --seed 1", async () => {
    const runs = [0, 1].map(() => spawnCli(["--port", "0", "--fault-rate", "0.3", "--seed", "1", "--verbose"]));
    const logs = await Promise.all(
      runs.map(async (run) => {
        const url = await run.ready;
        for (let index = 0; index < 12; index++) {
          // A held call (a timeout fault) is given up at once: the log line was written when the mock decided.
          await fetch(`${url}/v1/shop.Zalo/AuthorizeOA`, {
            method: "POST",
            headers: { "Content-Type": "application/json", Authorization: "Bearer k" },
            body: JSON.stringify(validBody),
            signal: AbortSignal.timeout(1000),
          })
            .then((response) => response.text())
            .catch(() => undefined);
        }
        run.child.kill("SIGTERM");
        await run.exited;
        return run
          .output()
          .stdout.split("\n")
          .filter((line) => line.startsWith("POST"))
          .map((line) => line.replace(/^.*-> /, ""));
      }),
    );
    expect(logs[0]).toHaveLength(12);
    expect(logs[0]?.some((line) => line.includes("fault"))).toBe(true);
    expect(logs[1]).toEqual(logs[0]);
  });
});
