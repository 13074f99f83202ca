import { findOperation, loadSpec } from "@etelecom-zalo/openapi";
import { expect, inject, it } from "vitest";
import { advanceClock, freshKey } from "../support/client.js";
import { connectedClient } from "../support/connect.js";
import { readDeliveries } from "../support/delivery.js";

// Every event the spec's `webhooks` documents, delivered for real by the events mock to the suite's receiver: a
// user's acts (POST /__events) to the OA's webhook_url, and a ZNS's receipts, to the webhook_url as Zalo's events and
// to a zl_oa_message subscription as eTelecom's posts. The global teardown audits each delivery against its webhook
// (body, headers, signature) and demands every webhook delivered; this is the one file that moves the events mock's
// clock.
const spec = loadSpec();
const sendZns = findOperation("SendZNS", spec).requestExample as { oa_id: string; phone: string };

/** A user's acts, in an order each is allowed in: a new user follows, writes three ways, then leaves. */
const ACTS: { event_name: string; message?: { text: string } }[] = [
  { event_name: "follow" },
  { event_name: "user_send_text", message: { text: "Shop còn hoa hồng đỏ không ạ?" } },
  { event_name: "user_send_image" },
  { event_name: "user_send_sticker" },
  { event_name: "unfollow" },
];

/** Plays a user's act on the events mock, as `key`'s follower of `oa_id`. */
async function act(key: string, body: Record<string, unknown>) {
  const response = await fetch(`${inject("eventsMockUrl")}/__events`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST /__events answered ${response.status}: ${await response.text()}`);
}

it("delivers every documented event to the OA's webhook_url and to a zl_oa_message subscription", async () => {
  const apiKey = freshKey();
  const { oa_id } = sendZns;
  const shop = await connectedClient("shop", oa_id, { events: true, apiKey });
  // A path of its own under the receiver: this test's deliveries, told apart from any other's.
  const receiver = `${inject("receiverUrl")}/${apiKey}`;
  await shop.updateShopOA({ oa_id, webhook_url: `${receiver}/zalo` });
  await shop.createWebhook({ url: `${receiver}/etelecom`, entities: ["zl_oa_message"] });

  const user_id = `9${String(Date.now()).slice(-12)}`;
  for (const { event_name, message } of ACTS) await act(apiKey, { oa_id, event_name, user_id, message });
  const { msg_id } = await shop.sendZNS(sendZns as Parameters<typeof shop.sendZNS>[0]);
  // Past the ZNS's `seen` (30 s after it was sent); /__clock answers once what came due has been delivered.
  await advanceClock(30_000, "eventsMockUrl");

  const mine = readDeliveries(inject("recordDir")).filter(({ url }) => url.startsWith(`${receiver}/`));
  const bodies = (path: string) =>
    mine.filter(({ url }) => url === `${receiver}/${path}`).map(({ body }) => JSON.parse(body));
  expect(bodies("zalo").map(({ event_name }) => event_name)).toEqual([
    ...ACTS.map(({ event_name }) => event_name),
    "user_received_message",
    "user_seen_message",
  ]);
  expect(bodies("etelecom").map(({ entity, data }) => [entity, data.msg_id, data.delivery_status])).toEqual([
    ["zl_oa_message", msg_id, "received"],
    ["zl_oa_message", msg_id, "seen"],
  ]);
});
