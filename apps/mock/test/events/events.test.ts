import { verifyWebhookEvent } from "@etelecom-zalo/client";
import { describe, expect, it, vi } from "vitest";
import { createMockEngine } from "../../src/index.js";
import { engineCall, ORIGIN } from "../engine.js";
import { connectThroughConsent } from "../flow.js";
import { bodyOf, type Json, useMock } from "../use-mock.js";
import { useReceiver } from "./receiver.js";

// The mock's events: a simulated follower's acts and a ZNS's delivery, signed as Zalo signs them, posted to the OA's
// webhook_url and to eTelecom subscriptions, retried on the mock's clock and logged per key.
const SECRET = "test-oa-secret";
const HOA_MAI = "4321098765432109876";
const FIXTURE_OA = "1111111111111111111";
const follower = (n: number) => `811${"0".repeat(13)}${String(n).padStart(3, "0")}`;
const receiver = useReceiver();
// The mock's clock stands still but for POST /__clock: what is due is what the tests make due.
const clock = Date.parse("2026-12-01T08:00:00Z");
const mock = useMock({
  now: () => clock,
  oaSecretKey: SECRET,
  fixtures: {
    "fixture-key": { oa: [{ oa_id: FIXTURE_OA, name: "Fixture OA", status: "P", oa_secret_key: "fixture-secret" }] },
  },
});
let keys = 0;

/** A fresh key with Hoa Mai connected, its webhook_url on the receiver's `path`. */
async function shopWith(path?: string) {
  const key = `events-${++keys}`;
  expect((await connectThroughConsent(mock, { key, oa_id: HOA_MAI })).status).toBe(200);
  const call = (operationId: string, body: unknown) => mock.call(operationId, body, { key });
  if (path !== undefined) {
    const set = await call("UpdateShopOA", { oa_id: HOA_MAI, webhook_url: receiver.origin + path });
    expect(set.status).toBe(200);
  }
  const post = async (route: string, body: unknown) => {
    const response = await mock.post(route, { body, headers: { Authorization: `Bearer ${key}` } });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const deliveries = async () =>
    (await (
      await mock.post("/__deliveries", { method: "GET", headers: { Authorization: `Bearer ${key}` } })
    ).json()) as Json;
  return { key, call, post, deliveries };
}

const advance = (advance_ms: number) => mock.post("/__clock", { body: { advance_ms } });

/** Verifies a received request as a receiver would, with the client's own check. */
const verified = (request: { body: string; headers: Record<string, unknown> }, oaSecretKey = SECRET) =>
  verifyWebhookEvent(
    { body: request.body, headers: request.headers as Record<string, string> },
    // The mock's clock is moved forward by the tests: the timestamp's freshness is not what is checked here.
    { oaSecretKey, toleranceMs: Number.MAX_SAFE_INTEGER },
  );

describe("POST /__events", () => {
  it("delivers a follower's text signed with the OA's secret key, and opens the 48-hour reply window", async () => {
    const path = `/ok/text-${keys}`;
    const { call, post } = await shopWith(path);
    const reply = { oa_id: HOA_MAI, recipient: { user_id: follower(21) }, message: { text: "Dạ" } };
    expect((await call("OASendText", reply)).status).toBe(412);
    const sent = await post("/__events", {
      oa_id: HOA_MAI,
      event_name: "user_send_text",
      user_id: follower(21),
      message: { text: "Còn hoa hồng không?" },
    });
    expect(sent.status).toBe(200);
    const [request] = receiver.to(path);
    expect(request).toBeDefined();
    const event = (await verified(request as never)) as Json;
    expect(event).toMatchObject({
      app_id: expect.any(String),
      event_name: "user_send_text",
      sender: { id: follower(21) },
      recipient: { id: HOA_MAI },
      message: { text: "Còn hoa hồng không?", msg_id: expect.any(String) },
    });
    expect(event.timestamp).toMatch(/^\d{13}$/);
    await expect(verified(request as never, "another-secret")).rejects.toThrow();
    const listed = await call("ListFollowers", { filter: { oa_id: HOA_MAI, zl_user_id: follower(21) } });
    expect(listed.body.followers[0]).toMatchObject({
      has_conversation: true,
      last_conversation: { direction: "in", message: "Còn hoa hồng không?", type: "text" },
    });
    expect((await call("OASendText", reply)).status).toBe(200);
  });

  it("makes a new user a follower on follow, and ends a follow on unfollow", async () => {
    const path = `/ok/follow-${keys}`;
    const { call, post } = await shopWith(path);
    expect((await post("/__events", { oa_id: HOA_MAI, event_name: "follow", user_id: "9990001" })).status).toBe(200);
    expect((await post("/__events", { oa_id: HOA_MAI, event_name: "unfollow", user_id: follower(1) })).status).toBe(
      200,
    );
    const events = await Promise.all(receiver.to(path).map((request) => verified(request as never)));
    expect(events.map((event) => [event.event_name, event.sender?.id])).toEqual([
      ["follow", "9990001"],
      ["unfollow", follower(1)],
    ]);
    const state = async (user: string) =>
      (await call("ListFollowers", { filter: { oa_id: HOA_MAI, zl_user_id: user } })).body.followers[0]?.state;
    expect(await state("9990001")).toBe("follow");
    expect(await state(follower(1))).toBe("unfollow");
  });

  it("signs with a fixture OA's own oa_secret_key, which no answer shows", async () => {
    const path = "/ok/fixture";
    const call = (operationId: string, body: unknown) => mock.call(operationId, body, { key: "fixture-key" });
    const set = await call("UpdateShopOA", { oa_id: FIXTURE_OA, webhook_url: receiver.origin + path });
    expect(JSON.stringify(set.body)).not.toContain("fixture-secret");
    const act = { oa_id: FIXTURE_OA, event_name: "follow", user_id: "42" };
    const response = await mock.post("/__events", { body: act, headers: { Authorization: "Bearer fixture-key" } });
    expect(response.status).toBe(200);
    const [request] = receiver.to(path);
    expect((await verified(request as never, "fixture-secret")).event_name).toBe("follow");
  });

  it("still plays an act on an OA without webhook_url, delivering nothing", async () => {
    const { post } = await shopWith();
    const sent = await post("/__events", { oa_id: HOA_MAI, event_name: "follow", user_id: "77" });
    expect(sent).toMatchObject({ status: 200, body: { webhook_url: null, event: { event_name: "follow" } } });
  });

  it.each([
    [{ event_name: "follow", user_id: "1" }, 400, "oa_id: is required, a string"],
    [{ oa_id: HOA_MAI, event_name: "user_click_button", user_id: "1" }, 400, "event_name: must be one of"],
    [{ oa_id: HOA_MAI, event_name: "user_send_text", user_id: follower(1) }, 400, 'message: must be {"text": "..."}'],
    [{ oa_id: HOA_MAI, event_name: "unfollow", user_id: "404" }, 404, "user_id: 404 is not a follower"],
    [{ oa_id: "123", event_name: "follow", user_id: "1" }, 404, "oa_id: 123 is not an OA of this key"],
  ])("refuses %j with a clear error", async (body, status, msg) => {
    const { post } = await shopWith();
    const answer = await post("/__events", body);
    expect(answer.status).toBe(status);
    expect(answer.body.msg).toContain(msg);
  });

  it("needs a Bearer key and JSON", async () => {
    const act = { oa_id: HOA_MAI, event_name: "follow", user_id: "1" };
    expect((await mock.post("/__events", { body: act, headers: { Authorization: "" } })).status).toBe(401);
    const form = await mock.post("/__events", { body: "a=1", headers: { "Content-Type": "text/plain" } });
    expect(form.status).toBe(400);
  });
});

describe("failed deliveries", () => {
  it("logs a receiver's 500 with the start of its answer, and tries again after 1 s on the mock's clock", async () => {
    const path = `/fail/zalo-${keys}`;
    const { post, deliveries } = await shopWith(path);
    await post("/__events", { oa_id: HOA_MAI, event_name: "follow", user_id: "5" });
    const [first] = (await deliveries()).deliveries;
    expect(first).toMatchObject({ attempt: 1, ok: false, status: 500, error: "answered 500", event_name: "follow" });
    expect(first.response).toHaveLength(200);
    expect(first.signature).toMatch(/^mac=[0-9a-f]{64}$/);
    expect(first.retry_at).toBeDefined();
    await advance(1_000);
    expect(receiver.to(path)).toHaveLength(2);
    // The same event again: the same bytes, the same signature.
    expect(receiver.to(path)[1]?.body).toBe(receiver.to(path)[0]?.body);
    await advance(10_000);
    await advance(60_000);
    const log = (await deliveries()).deliveries;
    expect(log.map((entry: Json) => entry.attempt)).toEqual([1, 2, 3, 4]);
    expect(log[3].retry_at).toBeUndefined();
    await advance(600_000);
    expect(receiver.to(path)).toHaveLength(4);
  });

  it("does not follow a redirect: a 3xx is a failure", async () => {
    const path = `/redirect/${keys}`;
    const { post, deliveries } = await shopWith(path);
    await post("/__events", { oa_id: HOA_MAI, event_name: "follow", user_id: "6" });
    expect((await deliveries()).deliveries[0]).toMatchObject({
      ok: false,
      status: 302,
      error: "redirect 302 not followed",
    });
    expect(receiver.received.filter((request) => request.path === "/ok")).toHaveLength(0);
  });

  it("gives a receiver 2 s to answer", async () => {
    const path = `/never/${keys}`;
    const { key, post, deliveries } = await shopWith(path);
    await post("/__events", { oa_id: HOA_MAI, event_name: "follow", user_id: "7" });
    expect((await deliveries()).deliveries[0]).toMatchObject({ ok: false, error: "no answer within 2000 ms" });
    // Its retries would hold the next tests' moves of the clock for 2 s each.
    mock.reset(key);
  });
});

describe("a ZNS's delivery", () => {
  it("is delivered when due on the mock's clock: received after 5 s, seen after 30 s, with X-ZEvent-Server", async () => {
    const path = `/ok/zns-${keys}`;
    const { call } = await shopWith(path);
    const sent = await call("SendZNS", bodyOf("SendZNS"));
    expect(sent.status).toBe(200);
    await advance(4_000);
    expect(receiver.to(path)).toHaveLength(0);
    await advance(1_000);
    const [received] = receiver.to(path);
    expect(received?.headers["x-zevent-server"]).toBe("ZNS");
    expect(await verified(received as never)).toMatchObject({
      event_name: "user_received_message",
      sender: { id: HOA_MAI },
      recipient: { id: sent.body.phone },
      message: { msg_id: sent.body.msg_id, delivery_time: String(Date.parse(sent.body.sent_time) + 5_000) },
    });
    await advance(25_000);
    const seen = receiver.to(path)[1];
    expect(await verified(seen as never)).toMatchObject({
      event_name: "user_seen_message",
      message: { msg_id: sent.body.msg_id },
    });
  });

  it("is posted to a zl_oa_message subscription as the Message after its change, unsigned", async () => {
    const path = `/ok/subscription-${keys}`;
    const { call } = await shopWith();
    const created = await call("CreateWebhook", { url: receiver.origin + path, entities: ["zl_oa_message"] });
    expect(created.status).toBe(200);
    const sent = await call("SendZNS", bodyOf("SendZNS"));
    await advance(30_000);
    const posted = receiver.to(path).map((request) => ({ ...request, json: JSON.parse(request.body) }));
    expect(posted.map(({ json }) => [json.entity, json.data.msg_id, json.data.delivery_status])).toEqual([
      ["zl_oa_message", sent.body.msg_id, "received"],
      ["zl_oa_message", sent.body.msg_id, "seen"],
    ]);
    expect(Object.keys(posted[0]?.json).sort()).toEqual(["created_at", "data", "entity", "id"]);
    expect(posted[0]?.headers["x-zevent-signature"]).toBeUndefined();
    const listed = await call("GetWebhooks", {});
    expect(listed.body.webhooks[0].states).toMatchObject({ state: "ok", last_sent_at: expect.any(String) });
  });

  it("retries a failing subscription with backoff, then stops it, as GetWebhooks shows", async () => {
    const path = `/fail/subscription-${keys}`;
    const { call } = await shopWith();
    await call("CreateWebhook", { url: receiver.origin + path, entities: ["zl_oa_message"] });
    await call("SendZNS", bodyOf("SendZNS"));
    await advance(5_000);
    const states = async () => (await call("GetWebhooks", {})).body.webhooks[0].states;
    expect(await states()).toMatchObject({
      state: "retry",
      last_error: { error: "answered 500", resp_status: 500, retried: 0, sent_at: expect.any(String) },
    });
    expect((await states()).last_error.resp_body).toHaveLength(200);
    await advance(1_000);
    expect((await states()).last_error.retried).toBe(1);
    await advance(10_000);
    await advance(60_000);
    expect(await states()).toMatchObject({ state: "stop", last_error: { retried: 3 } });
    const tried = receiver.to(path).length;
    await advance(600_000);
    expect(receiver.to(path)).toHaveLength(tried);
  });
});

describe("in process", () => {
  const engineWith = (options: Parameters<typeof createMockEngine>[0]) => createMockEngine(options);
  const fixtures = {
    k: {
      oa: [
        {
          oa_id: HOA_MAI,
          name: "Hoa Mai",
          status: "P",
          remaining_quota: 5000,
          webhook_url: "https://shop.example/hook",
        },
      ],
    },
  };

  it("hands deliveries to onDelivery instead of fetch, signed the same way", async () => {
    const delivered: Request[] = [];
    const engine = await engineWith({
      fixtures,
      oaSecretKey: SECRET,
      onDelivery: (request) => {
        delivered.push(request);
        return new Response("ok");
      },
    });
    const response = await engine.handle(
      new Request(`${ORIGIN}/__events`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: "Bearer k" },
        body: JSON.stringify({ oa_id: HOA_MAI, event_name: "follow", user_id: "8" }),
      }),
    );
    expect(response.status).toBe(200);
    expect(delivered.map((request) => request.url)).toEqual(["https://shop.example/hook"]);
    const [request] = delivered as [Request];
    const event = await verifyWebhookEvent(
      { body: await request.text(), headers: request.headers },
      { oaSecretKey: SECRET },
    );
    expect(event.event_name).toBe("follow");
    engine.close();
  });

  it("keeps at most 1000 pending per key and says how many were dropped", async () => {
    const engine = await engineWith({ fixtures, onDelivery: () => new Response("ok") });
    // Each ZNS sent waits for two changes (received, seen): 501 of them make 1002.
    for (let sent = 0; sent < 501; sent++)
      expect((await engineCall(engine, "SendZNS", bodyOf("SendZNS"), "k")).status).toBe(200);
    const report = await engine.handle(
      new Request(`${ORIGIN}/__deliveries`, { headers: { Authorization: "Bearer k" } }),
    );
    expect(await report.json()).toEqual({ deliveries: [], pending: 1000, dropped: 2 });
    engine.close();
  });

  it("counts a delivery under way as pending, so a receiver that never answers cannot grow the queue past its bound", async () => {
    let answer: (response: Response) => void = () => undefined;
    let asked = 0;
    const engine = await engineWith({
      fixtures,
      onDelivery: () => {
        asked++;
        return new Promise<Response>((resolve) => {
          answer = resolve;
        });
      },
    });
    const deliveries = async () =>
      (await engine.handle(new Request(`${ORIGIN}/__deliveries`, { headers: { Authorization: "Bearer k" } }))).json();
    const act = engine.handle(
      new Request(`${ORIGIN}/__events`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: "Bearer k" },
        body: JSON.stringify({ oa_id: HOA_MAI, event_name: "follow", user_id: "8110000000000000001" }),
      }),
    );
    await vi.waitUntil(() => asked === 1);
    expect(await deliveries()).toMatchObject({ pending: 1 });
    answer(new Response("ok"));
    expect((await act).status).toBe(200);
    expect(await deliveries()).toMatchObject({ pending: 0 });
    engine.close();
  });

  it("waits for what is due on a timer that keeps no process alive, and leaves none once closed", async () => {
    const live = new Set<NodeJS.Timeout>();
    const { setTimeout: set, clearTimeout: clear } = globalThis;
    vi.spyOn(globalThis, "setTimeout").mockImplementation(((run: () => void, ms: number) => {
      const timer = set(() => {
        live.delete(timer);
        run();
      }, ms);
      live.add(timer);
      return timer;
    }) as typeof setTimeout);
    vi.spyOn(globalThis, "clearTimeout").mockImplementation((timer) => {
      live.delete(timer as NodeJS.Timeout);
      clear(timer);
    });
    try {
      const engine = await engineWith({ fixtures, onDelivery: () => new Response("ok") });
      await engineCall(engine, "SendZNS", bodyOf("SendZNS"), "k");
      expect([...live].map((timer) => timer.hasRef())).toEqual([false]);
      engine.close();
      expect(live.size).toBe(0);
    } finally {
      vi.restoreAllMocks();
    }
  });
});

describe("GET /__deliveries", () => {
  it("shows a browser the key's attempts as a page that loads nothing", async () => {
    const path = `/ok/page-${keys}`;
    const { key, post } = await shopWith(path);
    await post("/__events", { oa_id: HOA_MAI, event_name: "follow", user_id: "<b>9</b>" });
    const response = await mock.post("/__deliveries", {
      method: "GET",
      headers: { Authorization: `Bearer ${key}`, Accept: "text/html,*/*;q=0.8" },
    });
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    const page = await response.text();
    expect(page).toContain(receiver.origin + path);
    expect(page).toContain("follow #1");
  });

  it("needs a Bearer key", async () => {
    expect((await mock.post("/__deliveries", { method: "GET", headers: { Authorization: "" } })).status).toBe(401);
  });
});
