import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ORIGINS } from "@etelecom-zalo/openapi/origins";
import { closedPort } from "@etelecom-zalo/test-support";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { parseCliOptions } from "../../src/cli-options.js";
import { proxyOrigin } from "../../src/core/options.js";
import { type RunningMock, startMock } from "../../src/index.js";
import { spawnCli } from "../spawn-cli.js";
import { bodyOf, type Json, pathOf } from "../use-mock.js";
import { type FakeEtelecom, useFakeEtelecom } from "./fake-etelecom.js";

/** The caller's real key and the secrets of its calls: none may appear in a log, a violation or a recording. */
const KEY = "sk-live-0123456789abcdef";
const APP_SECRET = "app-secret-9f8e7d6c5b4a";
const ACCESS_TOKEN = "zalo-access-token-55aa66bb";

/** An OA as GetShopOA answers it, right by the spec. */
const SHOP_OA = {
  app_id: "1234567890123456789",
  name: "Hoa Mai Florist",
  oa_id: "4321098765432109876",
  status: "P",
  created_at: "2026-11-02T08:15:30Z",
  webhook_url: "https://shop.example.com/zalo/webhook",
};
const LIST_PAGE = { accounts: [SHOP_OA], paging: { limit: 20 } };

const dir = mkdtempSync(join(tmpdir(), "mock-proxy-"));
const recording = join(dir, "recorded.json");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every line the mock wrote to stdout while the file ran (its log). */
const logged: string[] = [];
const write = process.stdout.write.bind(process.stdout);
beforeAll(() => {
  vi.spyOn(process.stdout, "write").mockImplementation((chunk, ...rest) => {
    logged.push(String(chunk));
    return write(chunk as string, ...(rest as []));
  });
});
afterAll(() => vi.restoreAllMocks());

const fake: FakeEtelecom = useFakeEtelecom();
let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, proxy: fake.url, proxyTimeout: 300, record: recording });
});
afterAll(() => mock.close());
beforeEach(() => {
  logged.length = 0;
});

async function call(operationId: string, body: unknown, key = KEY) {
  const response = await fetch(mock.url + pathOf(operationId), {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${key}`, Prefer: "code=500" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

/** The violations the mock has found since `from` (an ISO time). */
async function violationsSince(from: string): Promise<Json[]> {
  const response = await fetch(`${mock.url}/__violations`);
  expect(response.status).toBe(200);
  const { violations, dropped }: Json = await response.json();
  expect(dropped).toBe(0);
  return violations.filter(({ at }: Json) => at >= from);
}

describe("the mock in front of eTelecom (--proxy)", () => {
  it("passes a right answer through as eTelecom wrote it, with the caller's key, and reports nothing", async () => {
    const from = new Date().toISOString();
    fake.answers.set("ListOA", { status: 200, body: LIST_PAGE });
    const answer = await call("ListOA", { paging: { limit: 20 } });
    expect(answer).toEqual({ status: 200, text: JSON.stringify(LIST_PAGE) });
    expect(fake.received).toHaveLength(1);
    const [received] = fake.received;
    expect(received?.method).toBe("POST");
    expect(received?.path).toBe("/v1/shop.Zalo/ListOA");
    expect(received?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(received?.headers["content-type"]).toBe("application/json");
    // The mock's own options mean nothing to eTelecom.
    expect(received?.headers.prefer).toBeUndefined();
    expect(JSON.parse(received?.body ?? "")).toEqual({ paging: { limit: 20 } });
    expect(await violationsSince(from)).toEqual([]);
  });

  it("reports a wrong answer by field and rule, in one log line, and still passes it through", async () => {
    const from = new Date().toISOString();
    const wrong = { accounts: [{ ...SHOP_OA, oa_id: 4321 }], paging: { limit: 20 } };
    fake.answers.set("ListOA", { status: 200, body: wrong });
    expect(await call("ListOA", {})).toEqual({ status: 200, text: JSON.stringify(wrong) });
    const violations = await violationsSince(from);
    expect(violations).toEqual([
      {
        at: expect.any(String),
        operationId: "ListOA",
        direction: "response",
        status: 200,
        field: "accounts.0.oa_id",
        rule: "must be a string",
      },
    ]);
    expect(logged.filter((line) => line.startsWith("violation:"))).toEqual([
      "violation: ListOA 200 response: accounts.0.oa_id: must be a string\n",
    ]);
  });

  it("reports a status the spec does not document, quoting eTelecom's error without the call's secrets", async () => {
    const from = new Date().toISOString();
    const body = { code: "permission_denied", msg: `key ${KEY} may not use app_secret ${APP_SECRET}` };
    fake.answers.set("AuthorizeOA", { status: 403, body });
    const sent = { ...bodyOf("AuthorizeOA"), app_secret: APP_SECRET };
    expect(await call("AuthorizeOA", sent)).toEqual({ status: 403, text: JSON.stringify(body) });
    const [violation] = await violationsSince(from);
    expect(violation).toMatchObject({ operationId: "AuthorizeOA", direction: "response", status: 403 });
    expect(violation.rule).toBe(
      "status 403 is not documented (eTelecom answered permission_denied: key [redacted] may not use app_secret [redacted])",
    );
  });

  it("forwards a request that breaks the spec, and reports it with eTelecom's status", async () => {
    const from = new Date().toISOString();
    fake.answers.set("GetShopOA", { status: 200, body: SHOP_OA });
    const answer = await call("GetShopOA", { oa_id: SHOP_OA.oa_id, extra: 1 });
    expect(answer.status).toBe(200);
    expect(fake.received.map(({ body }) => JSON.parse(body))).toEqual([{ oa_id: SHOP_OA.oa_id, extra: 1 }]);
    expect(await violationsSince(from)).toEqual([
      {
        at: expect.any(String),
        operationId: "GetShopOA",
        direction: "request",
        status: 200,
        field: "extra",
        rule: "is not a known field",
      },
    ]);
  });

  it("forwards a body that is not JSON as it was sent, and reports it", async () => {
    const from = new Date().toISOString();
    const body = { code: "invalid_argument", msg: "body: is not valid JSON" };
    fake.answers.set("ListOA", { status: 400, body });
    expect(await call("ListOA", "{not json")).toEqual({ status: 400, text: JSON.stringify(body) });
    expect(fake.received.map(({ body }) => body)).toEqual(["{not json"]);
    expect(await violationsSince(from)).toMatchObject([
      { direction: "request", status: 400, field: "body", rule: "is not valid JSON" },
    ]);
  });

  it.each([
    ["an answer that never comes", "slow" as const, /^eTelecom did not answer within 300 ms$/],
    ["a connection that breaks mid-answer", "broken" as const, /^eTelecom's answer broke off/],
  ])("answers %s with 502 unavailable, and reports it", async (_name, behaviour, msg) => {
    const from = new Date().toISOString();
    fake.answers.set("GetShopOA", behaviour);
    const answer = await call("GetShopOA", { oa_id: SHOP_OA.oa_id });
    expect(answer.status).toBe(502);
    const body = JSON.parse(answer.text);
    expect(body.code).toBe("unavailable");
    expect(body.msg).toMatch(msg);
    expect(await violationsSince(from)).toMatchObject([
      { operationId: "GetShopOA", direction: "response", rule: expect.stringMatching(msg) },
    ]);
  });

  it("answers an answer larger than 1 MiB with 502, unread past the limit", async () => {
    fake.answers.set("ListOA", { status: 200, body: { accounts: [], paging: {}, pad: "x".repeat(1024 * 1024) } });
    const answer = await call("ListOA", {});
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.text).msg).toBe("eTelecom's answer is larger than 1 MiB (1048576 bytes)");
  });

  it("does not follow a redirect: it passes it on and reports the status", async () => {
    const from = new Date().toISOString();
    fake.answers.set("ListOA", { status: 307, body: {}, headers: { location: `${fake.url}/v1/shop.Zalo/Elsewhere` } });
    const answer = await call("ListOA", {});
    expect(answer.status).toBe(307);
    expect(fake.received.map(({ path }) => path)).toEqual(["/v1/shop.Zalo/ListOA"]);
    expect(await violationsSince(from)).toMatchObject([{ status: 307, rule: "status 307 is not documented" }]);
  });

  it("answers a non-JSON answer as it came, and reports it", async () => {
    const from = new Date().toISOString();
    fake.answers.set("ListOA", { status: 200, raw: "<html>maintenance</html>", type: "text/html" });
    expect(await call("ListOA", {})).toEqual({ status: 200, text: "<html>maintenance</html>" });
    expect(await violationsSince(from)).toMatchObject([
      { status: 200, field: "Content-Type", rule: 'must be application/json, not "text/html"' },
    ]);
  });

  it("never forwards the mock's own endpoints, a path outside the API, or a call without a key", async () => {
    expect((await fetch(`${mock.url}/__health`)).status).toBe(200);
    const reset = await fetch(`${mock.url}/__reset`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: '{"all": true}',
    });
    expect(reset.status).toBe(200);
    const unknown = await fetch(`${mock.url}/v1/shop.Zalo/NoSuchMethod`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${KEY}` },
      body: "{}",
    });
    expect(unknown.status).toBe(404);
    const keyless = await fetch(mock.url + pathOf("ListOA"), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(keyless.status).toBe(401);
    expect(fake.received).toEqual([]);
  });

  it("shows the violations on the landing page, and no secret in any log line, violation or recording", async () => {
    fake.answers.set("AuthorizeOA", { status: 418, body: { code: "teapot", msg: `${KEY} ${APP_SECRET}` } });
    await call("AuthorizeOA", { ...bodyOf("AuthorizeOA"), app_secret: APP_SECRET });
    fake.answers.set("GetShopOA", {
      status: 200,
      body: { ...SHOP_OA, description: `token ${ACCESS_TOKEN}`, access_token: ACCESS_TOKEN, oa_id: 1 },
    });
    await call("GetShopOA", { oa_id: SHOP_OA.oa_id });
    fake.answers.set("GetShopOA", {
      status: 200,
      body: { ...SHOP_OA, description: `for ${KEY}`, access_token: ACCESS_TOKEN },
    });
    await call("GetShopOA", { oa_id: SHOP_OA.oa_id });
    const page = await (await fetch(`${mock.url}/`, { headers: { Accept: "text/html" } })).text();
    expect(page).toContain("status 418 is not documented");
    const violations = await (await fetch(`${mock.url}/__violations`)).text();
    expect(violations).toContain("oa_id");
    const everything = [logged.join(""), violations, page, readFileSync(recording, "utf8")].join("\n");
    for (const secret of [KEY, APP_SECRET, ACCESS_TOKEN]) expect(everything).not.toContain(secret);
  });
});

describe("a recording (--record), replayed by the mock (--fixtures)", () => {
  it("holds the OAs eTelecom answered, under a label instead of the key, and a mock replays them", async () => {
    const other = { ...SHOP_OA, oa_id: "1111111111111111111", name: "Cà Phê Sáng", webhook_url: undefined };
    fake.answers.set("ConnectOA", { status: 200, body: { ...other, webhook_url: undefined } });
    await call("ConnectOA", bodyOf("ConnectOA"));
    fake.answers.set("GetShopOA", { status: 200, body: SHOP_OA });
    await call("GetShopOA", { oa_id: SHOP_OA.oa_id });
    fake.answers.set("UpdateShopOA", { status: 200, body: { ...SHOP_OA, webhook_url: "https://x.example/hook" } });
    await call("UpdateShopOA", { oa_id: SHOP_OA.oa_id, webhook_url: "https://x.example/hook" });
    // Another key's answers are another label's.
    fake.answers.set("ListOA", { status: 200, body: { accounts: [other], paging: {} } });
    await call("ListOA", {}, "another-real-key-42");

    const recorded = JSON.parse(readFileSync(recording, "utf8"));
    expect(Object.keys(recorded)).toEqual(["recorded-1", "recorded-2"]);
    const oas = recorded["recorded-1"].oa;
    expect(oas.find(({ oa_id }: Json) => oa_id === SHOP_OA.oa_id)).toMatchObject({
      name: SHOP_OA.name,
      webhook_url: "https://x.example/hook",
    });
    expect(recorded["recorded-2"].oa.map(({ oa_id }: Json) => oa_id)).toEqual([other.oa_id]);

    // Read as `--fixtures <file>` reads it.
    const replayed = parseCliOptions(["--port", "0", "--fixtures", recording], {});
    if (replayed.help) throw new Error("not a start");
    const replay = await startMock(replayed.options);
    try {
      const ask = async (operationId: string, body: unknown) =>
        (
          await fetch(replay.url + pathOf(operationId), {
            method: "POST",
            headers: { "Content-Type": "application/json", Authorization: "Bearer recorded-1" },
            body: JSON.stringify(body),
          })
        ).json() as Promise<Json>;
      const list = await ask("ListOA", {});
      expect(list.accounts.map(({ oa_id }: Json) => oa_id).sort()).toEqual([other.oa_id, SHOP_OA.oa_id].sort());
      const shopOa = await ask("GetShopOA", { oa_id: SHOP_OA.oa_id });
      expect(shopOa).toMatchObject({ oa_id: SHOP_OA.oa_id, name: SHOP_OA.name, webhook_url: "https://x.example/hook" });
    } finally {
      await replay.close();
    }
  });

  it("does not record an answer that breaks the spec", async () => {
    fake.answers.set("GetShopOA", { status: 200, body: { ...SHOP_OA, oa_id: "2222222222222222222", status: 7 } });
    await call("GetShopOA", { oa_id: "2222222222222222222" });
    expect(readFileSync(recording, "utf8")).not.toContain("2222222222222222222");
  });
});

describe("--proxy and --record on the command line", () => {
  it.each([
    ["sandbox", ORIGINS.sandbox],
    ["production", ORIGINS.production],
    ["http://127.0.0.1:8080", "http://127.0.0.1:8080"],
    ["https://api.example.com/", "https://api.example.com"],
  ])("--proxy %s forwards to %s", (value, origin) => {
    expect(proxyOrigin(value)).toEqual({ origin });
    const command = parseCliOptions(["--proxy", value], {});
    expect(command.help === false && command.options.proxy).toBe(value);
  });

  it.each([
    ["ftp://example.com", '--proxy "ftp://example.com" must be sandbox, production or an http(s) origin'],
    ["https://example.com/v1", '--proxy "https://example.com/v1" must be an origin, without a path, query or fragment'],
    ["https://user:pw@example.com", '--proxy "https://user:pw@example.com" must not carry a user or password'],
    ["staging", '--proxy "staging" must be sandbox, production or an http(s) origin'],
  ])("refuses --proxy %s", (value, message) => {
    expect(() => parseCliOptions(["--proxy", value], {})).toThrow(message);
  });

  it.each([
    [["--record", "x.json"], "--record needs --proxy: it is about eTelecom's answers"],
    [["--proxy", "sandbox", "--stateless"], "--stateless cannot be combined with --proxy: the answers are eTelecom's"],
    [["--proxy", "sandbox", "--proxy-timeout", "0"], "--proxy-timeout must be a positive integer of milliseconds"],
  ])("refuses %j", (args, message) => {
    expect(() => parseCliOptions(args, {})).toThrow(message);
  });

  it("logs each violation on stdout, without the key", async () => {
    fake.answers.set("ListOA", { status: 200, body: { accounts: [{ ...SHOP_OA, status: 1 }], paging: {} } });
    const run = spawnCli(["--port", "0", "--proxy", fake.url]);
    const url = await run.ready;
    const response = await fetch(url + pathOf("ListOA"), {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${KEY}` },
      body: "{}",
    });
    expect(response.status).toBe(200);
    await vi.waitFor(() => expect(run.output().stdout).toContain("violation: ListOA 200 response:"));
    expect(run.output().stdout).toContain("accounts.0.status: must be a string");
    expect(run.output().stdout).not.toContain(KEY);
    run.child.kill("SIGTERM");
    await run.exited;
  });

  it("answers 502 when eTelecom refuses the connection", async () => {
    const port = await closedPort();
    const run = spawnCli(["--port", "0", "--proxy", `http://127.0.0.1:${port}`]);
    const url = await run.ready;
    const response = await fetch(url + pathOf("ListOA"), {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${KEY}` },
      body: "{}",
    });
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      code: "unavailable",
      msg: expect.stringMatching(/^eTelecom could not be reached: .*ECONNREFUSED/),
    });
    run.child.kill("SIGTERM");
    await run.exited;
  });
});
