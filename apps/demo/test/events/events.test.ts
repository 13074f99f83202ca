import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { get, submit, textOf, throughConsent } from "../browse.js";
import { useDemos } from "../use-demo.js";

// The mock's default OA secret key, which useDemos gives every demo.
const SECRET = "mock-oa-secret-key";
const stack = useDemos({
  receiver: {},
  strict: { zaloWebhook: { oaSecretKey: SECRET, toleranceMs: 60_000 } },
  deaf: { zaloWebhook: null },
  lenient: { zaloWebhook: { oaSecretKey: SECRET, toleranceMs: Number.MAX_SAFE_INTEGER } },
});
// The mock's Hoa Mai Florist, and its follower who wrote last (the 7th of the first page).
const OA = "4321098765432109876";
const FOLLOWER = "8110000000000000007";
let oaUrl: string;

/** The events the demo shows for the OA, as its page's script reads them. */
async function shown(origin = stack.url.receiver): Promise<{
  events: { event_name: string; user: string; text?: string; msg_id?: string; at: string }[];
  deliveries: Record<string, string>;
}> {
  const response = await fetch(`${origin}/oa/${OA}/events.json`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return response.json();
}

/** A user_send_text of the OA, as Zalo would word it, stamped `at`. */
const textEvent = (text: string, at = Date.now(), msg_id = `m${at}`) => ({
  app_id: "1234567890123456789",
  event_name: "user_send_text",
  sender: { id: FOLLOWER },
  recipient: { id: OA },
  timestamp: String(at),
  message: { msg_id, text },
});

/**
 * Posts an event to a demo's webhook as Zalo does: its JSON signed with `key` (Zalo's SHA-256, not an HMAC); or
 * another `body` with that signature, as a body changed on the way.
 */
async function deliver(event: Record<string, unknown>, options: { key?: string; body?: string; origin?: string } = {}) {
  const signed = JSON.stringify(event);
  const body = options.body ?? signed;
  const mac = createHash("sha256")
    .update(`${event.app_id}${signed}${event.timestamp}${options.key ?? SECRET}`)
    .digest("hex");
  const response = await fetch(`${options.origin ?? stack.url.receiver}/zalo/webhook`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-ZEvent-Signature": `mac=${mac}` },
    body,
  });
  return { status: response.status, text: await response.text() };
}

/** Plays a follower on the mock, which signs the event and delivers it to the OA's webhook. */
async function followerWrites(text: string) {
  const response = await fetch(`${stack.mock.url}/__events`, {
    method: "POST",
    headers: { Authorization: "Bearer receiver", "Content-Type": "application/json" },
    body: JSON.stringify({ oa_id: OA, event_name: "user_send_text", user_id: FOLLOWER, message: { text } }),
  });
  expect(response.status).toBe(200);
}

/** The Events section of a page, as a reader sees it. */
const eventsText = (html: string) =>
  textOf(/<section[^>]*aria-labelledby="events"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "no Events section");

beforeAll(async () => {
  oaUrl = `${stack.url.receiver}/oa/${OA}`;
  for (const name of ["receiver", "strict", "deaf"] as const) {
    expect((await throughConsent(`${stack.url[name]}/zalo/connect`, { oa_id: OA })).status).toBe(303);
  }
});

describe("Zalo's events at /zalo/webhook", () => {
  it("offers to point the OA's webhook at the demo, and does so with one click", async () => {
    const page = await get(oaUrl);
    expect(eventsText(page.html)).toContain(`${stack.url.receiver}/zalo/webhook`);
    expect(eventsText(page.html)).toContain("No event received yet.");
    const saved = await submit(`${oaUrl}/webhook`, { webhook_url: `${stack.url.receiver}/zalo/webhook` });
    expect(saved.status).toBe(303);
    const after = await get(oaUrl);
    expect(after.html).toContain(`name="webhook_url" value="${stack.url.receiver}/zalo/webhook"`);
    expect(after.html).not.toContain("Receive events here");
  });

  it("stores a follower's text the mock signs and delivers, and shows it on the OA page", async () => {
    await followerWrites("Shop còn hoa hồng đỏ không ạ?");
    const { events } = await shown();
    expect(events[0]).toMatchObject({
      event_name: "user_send_text",
      user: FOLLOWER,
      text: "Shop còn hoa hồng đỏ không ạ?",
    });
    expect(eventsText((await get(oaUrl)).html)).toMatch(
      new RegExp(`UTC user_send_text ${FOLLOWER} Shop còn hoa hồng đỏ không ạ\\?`),
    );
  });

  it("follows a ZNS to received then seen, newest event first", async () => {
    const sent = await submit(`${oaUrl}/zns`, {
      template_id: "230101",
      phone: "84912345678",
      "template_data.customer_name": "Nguyễn Văn An",
      "template_data.order_code": "DH10293",
      "template_data.total": "450.000đ",
    });
    expect(sent.status).toBe(303);
    const moved = await fetch(`${stack.mock.url}/__clock`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ advance_ms: 30_000 }),
    });
    expect(moved.status).toBe(200);
    const { events, deliveries } = await shown();
    expect(events.slice(0, 2).map((event) => event.event_name)).toEqual(["user_seen_message", "user_received_message"]);
    const msg_id = events[0]?.msg_id as string;
    expect(events[1]).toMatchObject({ msg_id, user: "84912345678" });
    expect(deliveries[msg_id]).toBe("seen");
    // The page marks the ZNS's row, so that its script can move the delivery badge without a reload.
    expect((await get(oaUrl)).html).toContain(`data-msg-id="${msg_id}"`);
  });

  it("refuses a tampered or unsigned event with 401 and the reason, and shows nothing of it", async () => {
    const event = textEvent("forged");
    expect(await deliver(event, { key: "not-the-secret" })).toEqual({ status: 401, text: "bad_signature" });
    const body = JSON.stringify(event).replace("forged", "altered");
    expect(await deliver(event, { body })).toEqual({
      status: 401,
      text: "bad_signature",
    });
    const unsigned = await fetch(`${stack.url.receiver}/zalo/webhook`, { method: "POST", body });
    expect([unsigned.status, await unsigned.text()]).toEqual([401, "missing_signature"]);
    const texts = (await shown()).events.map((each) => each.text);
    expect(texts).not.toContain("forged");
    expect(texts).not.toContain("altered");
  });

  it("answers 400 to a body that is no event, and 200 to an authentic one it does not know", async () => {
    expect(await deliver({ app_id: "1", timestamp: "1" }, { body: "not json" })).toEqual({
      status: 400,
      text: "not_json",
    });
    expect(await deliver({ app_id: "1234567890123456789", event_name: "user_send_text" })).toEqual({
      status: 400,
      text: "invalid_body",
    });
    const before = (await shown()).events.length;
    const unknown = { ...textEvent("?"), event_name: "user_send_link" };
    expect(await deliver(unknown)).toEqual({ status: 200, text: "ok" });
    expect((await shown()).events).toHaveLength(before);
  });

  it("keeps one copy of an event Zalo sends again", async () => {
    const event = textEvent("Cảm ơn shop", Date.now(), "resent-once");
    expect(await deliver(event)).toEqual({ status: 200, text: "ok" });
    expect(await deliver(event)).toEqual({ status: 200, text: "ok" });
    expect((await shown()).events.filter((each) => each.msg_id === "resent-once")).toHaveLength(1);
  });

  it("keeps the last 100 events of an OA, newest first", async () => {
    const start = Date.now();
    for (let n = 1; n <= 105; n++) expect((await deliver(textEvent(`n${n}`, start + n))).status).toBe(200);
    const { events } = await shown();
    expect(events).toHaveLength(100);
    expect(events[0]?.text).toBe("n105");
    expect(events[99]?.text).toBe("n6");
  });

  it("refuses an event stamped further from now than the configured tolerance", async () => {
    const ahead = textEvent("from the future", Date.now() + 10 * 60_000);
    expect(await deliver(ahead, { origin: stack.url.strict })).toEqual({ status: 401, text: "stale" });
    const now = textEvent("now");
    expect(await deliver(now, { origin: stack.url.strict })).toEqual({ status: 200, text: "ok" });
    expect((await shown(stack.url.strict)).events.map((each) => each.text)).toEqual(["now"]);
  });

  it("acknowledges an event stamped past any date, which a tolerance without bound lets through", async () => {
    const far = textEvent("far away", 9_000_000_000_000_000);
    expect(await deliver(far, { origin: stack.url.lenient })).toEqual({ status: 200, text: "ok" });
    expect((await shown(stack.url.lenient)).events).toEqual([]);
  });

  it("says so, and answers 503, when no OA secret key is configured", async () => {
    expect(await deliver(textEvent("hello"), { origin: stack.url.deaf })).toEqual({
      status: 503,
      text: "not_configured",
    });
    const page = await get(`${stack.url.deaf}/oa/${OA}`);
    expect(eventsText(page.html)).toContain("set ZALO_OA_SECRET_KEY");
    expect(page.html).not.toContain("Receive events here");
  });
});

describe("the OA page, without and with JavaScript", () => {
  it("loads its same-origin script, and tells a browser without it to reload", async () => {
    const response = await fetch(oaUrl);
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(response.headers.get("content-security-policy")).toContain("connect-src 'self'");
    const html = await response.text();
    expect(html).toContain('<script src="/static/oa-page.js" defer></script>');
    expect(/<p class="muted" data-live>([^<]*)<\/p>/.exec(html)?.[1]).toMatch(/^Reload the page to see new events/);
    const script = await fetch(`${stack.url.receiver}/static/oa-page.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(await script.text()).toContain("[data-events]");
  });

  it("answers an empty list for an OA it has received nothing for", async () => {
    const response = await fetch(`${stack.url.receiver}/oa/1618033988749894848/events.json`);
    expect(await response.json()).toEqual({ events: [], deliveries: {} });
  });
});
