import type { Scope } from "@etelecom-zalo/client";
import { CONSENT_PAGE_OAS } from "@etelecom-zalo/mock";
import { findOperation } from "@etelecom-zalo/openapi";
import { describe, expect, it } from "vitest";
import { freshKey, mockClient } from "../support/client.js";
import { connectedClient } from "../support/connect.js";

// What a shop connects an OA for, through the client on both transports: from the consent page to a follower's
// reply, a registered template, a ZNS in the message list and a subscription. (Deliveries and replies that need
// the clock moved are in zalo-rules.test.ts, the one file that moves the clocked mock's time.)
const oa_id = CONSENT_PAGE_OAS[0]?.oa_id as string;

describe.each<Scope>(["shop", "partner"])("a shop's journey, as %s", (scope) => {
  it("connects, lists followers, answers one, registers a template, sends a ZNS and sees it in the message list", async () => {
    const zalo = await connectedClient(scope, oa_id);

    const followers = [];
    for await (const follower of zalo.listFollowers.all({ filter: { oa_id, state: "follow" } }))
      followers.push(follower);
    expect(followers.length).toBeGreaterThanOrEqual(25);
    const recent = followers.find(
      (f) => f.last_conversation && Date.now() - Date.parse(f.last_conversation.sent_time ?? "") < 24 * 3600e3,
    );
    const sent = await zalo.oaSendText({
      oa_id,
      recipient: { user_id: recent?.zl_user_id as string },
      message: { text: "Dạ, shop đã nhận được tin nhắn ạ." },
    });
    expect(sent).toMatchObject({ oa_id, direction: "out", type: "text", quota: { quota_type: "reply", remain: 7 } });

    const register = findOperation("CreateTemplate").requestExample as { template_id: number };
    const registered = await zalo.createTemplate({ oa_id, template_id: register.template_id });
    expect(await zalo.getTemplate({ oa_id, template_id: register.template_id })).toEqual(registered);
    const listed = [];
    for await (const template of zalo.listTemplates.all({ filter: { oa_id } })) listed.push(template.template_id);
    expect(listed).toContain(register.template_id);

    const before = (await zalo.getShopOA({ oa_id })).remaining_quota as number;
    const zns = findOperation("SendZNS").requestExample as Parameters<typeof zalo.sendZNS>[0];
    const message = await zalo.sendZNS({ ...zns, oa_id, tracking_id: `journey-${crypto.randomUUID()}` });
    expect(message).toMatchObject({ status: "P", delivery_status: "unknown" });
    expect((await zalo.getShopOA({ oa_id })).remaining_quota).toBe(before - 1);
    const { messages } = await zalo.listMessages({ filter: { oa_id, tracking_id: message.tracking_id as string } });
    expect(messages.map((m) => m.msg_id)).toEqual([message.msg_id]);
  });

  it("subscribes to eTelecom's events with the caller's own key, lists and removes the subscription", async () => {
    const partner = mockClient({ scope, apiKey: freshKey() });
    expect(await partner.getWebhooks({})).toEqual({ webhooks: [] });
    const webhook = await partner.createWebhook(
      findOperation("CreateWebhook").requestExample as Parameters<typeof partner.createWebhook>[0],
    );
    expect(await partner.getWebhooks({})).toEqual({ webhooks: [webhook] });
    expect(await partner.deleteWebhook({ id: webhook.id })).toEqual({ webhooks: [] });
  });
});
