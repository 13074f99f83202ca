import { readFileSync } from "node:fs";
import { startMock } from "@etelecom-zalo/mock";
import { busyPort, portIsFree } from "@etelecom-zalo/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleApp } from "../../src/index.js";
import { get, submit, textOf, throughConsent } from "../browse.js";
import { run, runScript } from "../spawn-script.js";

const CLI = "node apps/demo/dist/cli.js";
const root = JSON.parse(readFileSync(new URL("../../../../package.json", import.meta.url), "utf8"));
// What `pnpm demo` runs once turbo has built it, with no package manager around it to add lines: the script's shape,
// its build step left out. After `&&` the shell stays around node unless the script execs it, and a SIGTERM from
// pnpm would stop the shell only.
const DEMO = `: && ${(root.scripts.demo as string).split(" && ").at(-1)}`;

let mock: Awaited<ReturnType<typeof startMock>>;
beforeAll(async () => {
  mock = await startMock({ port: 0 });
});
afterAll(() => mock?.close());

/** The environment of a demo on the test's mock. */
const onMock = () => ({
  ETELECOM_API_KEY: "cli-shop",
  ETELECOM_BASE_URL: mock.url,
  ZALO_APP_ID: exampleApp().app_id,
  ZALO_APP_SECRET: exampleApp().app_secret,
  PORT: "0",
});

describe("the demo's command line", () => {
  it("serves the demo on the environment's eTelecom, says where in one line, and stops on SIGTERM", async () => {
    const demo = run(CLI, onMock());
    const url = await demo.ready;
    expect(demo.output().stdout).toBe(`Shop settings demo on ${url}\n`);
    expect(textOf((await get(url)).html)).toContain(`eTelecom at ${mock.url}`);
    const connect = await submit(`${url}/zalo/connect`);
    expect(new URL(connect.location as string).searchParams.get("redirect_uri")).toBe(`${url}/zalo/callback`);
    demo.child.kill("SIGTERM");
    expect(await demo.exited).toBe(0);
    expect(await portIsFree(Number(new URL(url).port))).toBe(true);
  });

  it("builds redirect_uri from DEMO_PUBLIC_URL, and takes forms posted from it", async () => {
    const demo = run(CLI, { ...onMock(), DEMO_PUBLIC_URL: "https://shop.example.com" });
    const listening = await demo.ready;
    expect(demo.output().stdout).toBe(`Shop settings demo on https://shop.example.com (listening on ${listening})\n`);
    const connect = await submit(`${listening}/zalo/connect`, {}, "https://shop.example.com");
    expect(connect.status).toBe(302);
    const link = new URL(connect.location as string);
    expect(link.searchParams.get("redirect_uri")).toBe("https://shop.example.com/zalo/callback");
    demo.child.kill("SIGTERM");
    expect(await demo.exited).toBe(0);
  });

  it.each([
    [{}, "missing ETELECOM_API_KEY, ZALO_APP_ID, ZALO_APP_SECRET: set them in the environment"],
    [{ ETELECOM_SCOPE: "admin" }, 'ETELECOM_SCOPE must be shop or partner, got "admin"'],
    [{ ETELECOM_BASE_URL: "http://api.example.com" }, "baseUrl must use https"],
    [{ DEMO_PUBLIC_URL: "https://shop.example.com/settings" }, "the demo's public URL must be an origin"],
  ])("exits 1 with one line on stderr and no stack for %j", async (change, message) => {
    const env = Object.keys(change).length === 0 ? {} : { ...onMock(), ...change };
    const demo = run(CLI, env);
    expect(await demo.exited).toBe(1);
    const { stdout, stderr } = demo.output();
    expect(stdout).toBe("");
    expect(stderr.startsWith(`etelecom-zalo-demo: ${message}`)).toBe(true);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("exits 1 with one line when its port is busy", async () => {
    const port = await busyPort();
    const demo = run(CLI, { ...onMock(), PORT: String(port) });
    expect(await demo.exited).toBe(1);
    expect(demo.output()).toEqual({
      stdout: "",
      stderr: `etelecom-zalo-demo: port ${port} on 127.0.0.1 is already in use (set PORT to another one, or stop what uses it)\n`,
    });
  });
});

describe("pnpm demo", () => {
  it.each(["SIGINT", "SIGTERM"] as const)(
    "runs the demo on a mock of its own with the spec's example app, prints the one URL to open, and stops both on %s",
    async (signal) => {
      expect(DEMO).toBe(": && exec node apps/demo/dist/with-mock.js");
      const demo = runScript(DEMO, { PORT: "0", MOCK_PORT: "0" });
      const url = await demo.ready;
      const { stdout } = demo.output();
      const mockUrl = /eTelecom mock on (http:\/\/\S+);/.exec(stdout)?.[1] as string;
      expect(stdout).toBe(`Open ${url} to try the demo shop (eTelecom mock on ${mockUrl}; Ctrl-C stops both)\n`);
      expect(textOf((await get(url)).html)).toContain("No Zalo OA is connected yet");
      const link = new URL((await submit(`${url}/zalo/connect`)).location as string);
      expect(link.origin).toBe(mockUrl);
      expect(link.searchParams.get("app_id")).toBe(exampleApp().app_id);
      demo.child.kill(signal);
      expect(await demo.exited).toBe(0);
      expect(await portIsFree(Number(new URL(url).port))).toBe(true);
      expect(await portIsFree(Number(new URL(mockUrl).port))).toBe(true);
    },
  );

  it("receives the mock's events at its own /zalo/webhook, on a clock moved a day ahead", async () => {
    const demo = runScript(DEMO, { PORT: "0", MOCK_PORT: "0" });
    try {
      const url = await demo.ready;
      const mockUrl = /eTelecom mock on (http:\/\/\S+);/.exec(demo.output().stdout)?.[1] as string;
      const OA = "4321098765432109876";
      expect((await throughConsent(`${url}/zalo/connect`, { oa_id: OA })).status).toBe(303);
      expect((await submit(`${url}/oa/${OA}/webhook`, { webhook_url: `${url}/zalo/webhook` })).status).toBe(303);
      const post = (path: string, body: unknown) =>
        fetch(`${mockUrl}${path}`, {
          method: "POST",
          headers: { Authorization: "Bearer demo-shop", "Content-Type": "application/json" },
          body: JSON.stringify(body),
        });
      expect((await post("/__clock", { advance_ms: 86_400_000 })).status).toBe(200);
      const text = { text: "Shop mở cửa mấy giờ ạ?" };
      const sent = await post("/__events", {
        oa_id: OA,
        event_name: "user_send_text",
        user_id: "8110000000000000007",
        message: text,
      });
      expect(sent.status).toBe(200);
      const { events } = await (await fetch(`${url}/oa/${OA}/events.json`)).json();
      expect(events).toMatchObject([{ event_name: "user_send_text", ...text }]);
    } finally {
      demo.child.kill("SIGTERM");
      await demo.exited;
    }
  });

  it.each(["MOCK_PORT", "PORT"])("exits 1 with one line when %s is busy", async (variable) => {
    const port = await busyPort();
    const demo = runScript(DEMO, { PORT: "0", MOCK_PORT: "0", [variable]: String(port) });
    expect(await demo.exited).toBe(1);
    expect(demo.output()).toEqual({
      stdout: "",
      stderr: `etelecom-zalo-demo: port ${port} on 127.0.0.1 is already in use (set ${variable} to another one, or stop what uses it)\n`,
    });
  });
});
