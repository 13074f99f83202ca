import { describe, expect, it } from "vitest";
import { connectThroughConsent } from "../flow.js";
import { bodyOf, useMock } from "../use-mock.js";

// Zalo's rules as the mock plays them, on a clock the tests move: a consent-page OA's followers and templates,
// the 48-hour reply window, ZNS checks, quotas and delivery, journeys, call consent and eTelecom webhooks.
let clock = Date.parse("2026-12-01T08:00:00Z");
const mock = useMock({ now: () => clock });

const HOA_MAI = "4321098765432109876";
const BANH_MI = "1618033988749894848"; // 12 ZNS left today
const follower = (n: number, k = 1) => `81${k}${"0".repeat(13)}${String(n).padStart(3, "0")}`;
let keys = 0;

/** A fresh key with the OA connected through the consent page. */
async function shopWith(oa_id = HOA_MAI) {
  const key = `zalo-${++keys}`;
  expect((await connectThroughConsent(mock, { key, oa_id })).status).toBe(200);
  return (operationId: string, body: unknown) => mock.call(operationId, body, { key });
}

const text = (user_id: string, oa_id = HOA_MAI) => ({ oa_id, recipient: { user_id }, message: { text: "Dạ vâng" } });

describe("followers", () => {
  it("gives a consent-page OA 26 followers with Vietnamese names: 12 wrote in 48 hours, 1 unfollowed", async () => {
    const call = await shopWith();
    const { status, body } = await call("ListFollowers", { filter: { oa_id: HOA_MAI }, paging: { limit: 100 } });
    expect(status).toBe(200);
    expect(body.followers).toHaveLength(26);
    expect(body.followers.map((f: { full_name: string }) => f.full_name)).toContain("Nguyễn Thị Lan");
    const recent = body.followers.filter(
      (f: { last_conversation?: { sent_time: string } }) =>
        f.last_conversation && clock - Date.parse(f.last_conversation.sent_time) < 48 * 3600e3,
    );
    expect(recent).toHaveLength(12);
    const unfollowed = await call("ListFollowers", { filter: { oa_id: HOA_MAI, state: "unfollow" } });
    expect(unfollowed.body.followers.map((f: { zl_user_id: string }) => f.zl_user_id)).toEqual([follower(26)]);
  });

  it("filters by name without diacritics, by tags and by a list of users", async () => {
    const call = await shopWith();
    const byName = await call("ListFollowers", { filter: { oa_id: HOA_MAI, name: "nguyen thi lan" } });
    expect(byName.body.followers.map((f: { zl_user_id: string }) => f.zl_user_id)).toEqual([follower(1)]);
    const byIds = await call("ListFollowers", { filter: { oa_id: HOA_MAI, zl_user_ids: [follower(2), follower(3)] } });
    expect(byIds.body.followers).toHaveLength(2);
    const tagged = await call("ListFollowers", {
      filter: { oa_id: HOA_MAI, tags: ["khách quen"] },
      paging: { limit: 100 },
    });
    expect(tagged.body.followers.length).toBeGreaterThan(0);
    expect(
      tagged.body.followers.every((f: { tags_and_notes_info: { tag_names: string[] } }) =>
        f.tags_and_notes_info.tag_names.includes("khách quen"),
      ),
    ).toBe(true);
  });

  it("answers 404 oa_not_found for an OA the key has not connected", async () => {
    const call = await shopWith();
    expect((await call("ListFollowers", { filter: { oa_id: BANH_MI } })).status).toBe(404);
  });
});

describe("consultation messages", () => {
  it("sends to a follower who wrote in 48 hours, counting down the 8 replies of the window, then 429", async () => {
    const call = await shopWith();
    for (let sent = 1; sent <= 8; sent++) {
      const { status, body } = await call("OASendText", text(follower(1)));
      expect(status).toBe(200);
      expect(body.quota).toMatchObject({ quota_type: "reply", remain: 8 - sent, total: 8, owner_type: "OA" });
    }
    const ninth = await call("OASendSticker", { ...text(follower(1)), message: { attachment_id: "s1" } });
    expect(ninth).toMatchObject({ status: 429, body: { code: "resource_exhausted" } });
  });

  it("refuses a user who unfollowed, or never followed, and one whose last message is over 48 hours old", async () => {
    const call = await shopWith();
    for (const user of [follower(26), "999"]) {
      expect(await call("OASendText", text(user))).toMatchObject({
        status: 412,
        body: { code: "failed_precondition" },
      });
    }
    const closed = await call("OASendImage", {
      ...text(follower(15)),
      message: { image_url: "https://x.example/a.jpg" },
    });
    expect(closed).toMatchObject({
      status: 412,
      body: { msg: "recipient.user_id: has not written to this OA in the last 48 hours" },
    });
  });

  it("closes the window when the clock passes 48 hours after the user's last message", async () => {
    const call = await shopWith();
    expect((await call("OASendFile", { ...text(follower(1)), message: { token: "t" } })).status).toBe(200);
    clock += 48 * 3600e3;
    expect((await call("OASendText", text(follower(1)))).status).toBe(412);
  });
});

describe("templates and ZNS", () => {
  it("lists the five templates a consent-page OA has registered, and registers one that is only on Zalo", async () => {
    const call = await shopWith();
    const listed = await call("ListTemplates", { filter: { oa_id: HOA_MAI } });
    expect(listed.body.templates.map((t: { template_status: string }) => t.template_status).sort()).toEqual([
      "ENABLE",
      "ENABLE",
      "ENABLE",
      "PENDING_REVIEW",
      "REJECT",
    ]);
    expect((await call("GetTemplate", { oa_id: HOA_MAI, template_id: 230107 })).status).toBe(404);
    expect(await call("CreateTemplate", bodyOf("CreateTemplate"))).toMatchObject({
      status: 200,
      body: { template_id: 230107 },
    });
    expect((await call("GetTemplate", { oa_id: HOA_MAI, template_id: 230107 })).status).toBe(200);
    expect(await call("CreateTemplate", { oa_id: HOA_MAI, template_id: 1 })).toMatchObject({
      status: 404,
      body: { msg: "template_id: is not a template of this OA on Zalo" },
    });
  });

  it("sends a ZNS that becomes received, then seen, as the clock moves, and takes one from the OA's quota", async () => {
    const call = await shopWith();
    const before = (await call("GetShopOA", { oa_id: HOA_MAI })).body.remaining_quota;
    const sent = await call("SendZNS", bodyOf("SendZNS"));
    expect(sent).toMatchObject({
      status: 200,
      body: { status: "P", delivery_status: "unknown", tracking_id: "order-10293" },
    });
    expect((await call("GetShopOA", { oa_id: HOA_MAI })).body.remaining_quota).toBe(before - 1);
    const statusNow = async () =>
      (await call("ListMessages", { filter: { oa_id: HOA_MAI, msg_id: sent.body.msg_id } })).body.messages[0]
        .delivery_status;
    clock += 5_000;
    expect(await statusNow()).toBe("received");
    clock += 25_000;
    expect(await statusNow()).toBe("seen");
  });

  it("refuses a template that is not ENABLE, a missing or too long parameter, and development mode to a stranger", async () => {
    const call = await shopWith();
    const zns = bodyOf("SendZNS") as { template_data: Record<string, string> };
    const refusals = [
      [{ ...zns, template_id: 230103 }, 412, "template_id: is not ENABLE on Zalo"],
      [
        { ...zns, template_data: { ...zns.template_data, total: "" } },
        400,
        "template_data.total: is required by template 230101",
      ],
      [
        { ...zns, template_data: { ...zns.template_data, order_code: "x".repeat(31) } },
        400,
        "template_data.order_code: must be at most 30 characters",
      ],
      [{ ...zns, mode: "development" }, 412, "phone: is not an admin of this OA (mode: development)"],
      [{ ...zns, template_id: 230107 }, 404, "template_id: is not a template registered for this OA"],
    ] as const;
    for (const [body, status, msg] of refusals)
      expect(await call("SendZNS", body)).toMatchObject({ status, body: { msg } });
    expect((await call("SendZNS", { ...zns, mode: "development", phone: "84900000001" })).status).toBe(200);
  });

  it("answers 429 once the OA's remaining_quota is used up", async () => {
    const call = await shopWith(BANH_MI);
    const zns = { ...(bodyOf("SendZNS") as object), oa_id: BANH_MI };
    for (let i = 0; i < 12; i++) expect((await call("SendZNS", zns)).status).toBe(200);
    expect(await call("SendZNS", zns)).toMatchObject({ status: 429, body: { code: "resource_exhausted" } });
  });

  it("sends within a journey bound to its phone, until the token expires", async () => {
    const call = await shopWith();
    const journey = (await call("CreateJourney", bodyOf("CreateJourney"))).body;
    const send = { ...(bodyOf("SendZNSJourney") as object), journey_id: journey.journey_id };
    expect(await call("SendZNSJourney", send)).toMatchObject({ status: 200, body: { type: "journey" } });
    expect((await call("SendZNSJourney", { ...send, phone: "84987654321" })).body.msg).toBe(
      "phone: is not the journey's phone",
    );
    expect((await call("SendZNSJourney", { ...send, journey_id: "1" })).status).toBe(404);
    clock += 7 * 24 * 3600e3;
    expect((await call("SendZNSJourney", send)).body.msg).toBe("journey_id: the journey token has expired");
  });
});

describe("call consent", () => {
  it("waits, then most phones agree, one ending in 000 refuses and one ending in 999 never answers", async () => {
    const call = await shopWith();
    const ask = (phone: string) => call("RequestConsent", { ...(bodyOf("RequestConsent") as object), phone });
    for (const phone of ["84912345678", "84912345000", "84912345999"]) {
      expect(await ask(phone)).toMatchObject({ status: 200, body: { status: "P", reply_status: "S" } });
    }
    const check = async () => (await call("CheckConsent", { oa_id: HOA_MAI, phone: "84912345678" })).body;
    expect(await check()).toEqual({ error: 1, message: "not granted" });
    clock += 30_000;
    expect(await check()).toMatchObject({ error: 0, message: "granted" });
    const replies = async (reply_status: string) =>
      (await call("ListRequestConsent", { filter: { oa_id: HOA_MAI, reply_status } })).body.consents.map(
        (c: { phone: string }) => c.phone,
      );
    expect([await replies("P"), await replies("N"), await replies("S")]).toEqual([
      ["84912345678"],
      ["84912345000"],
      ["84912345999"],
    ]);
    clock += 24 * 3600e3;
    expect(await replies("NS")).toEqual(["84912345999"]);
  });
});

describe("eTelecom webhooks", () => {
  it("keeps a key's subscriptions, deletes one, and answers 404 for one it does not have", async () => {
    const call = await shopWith();
    const created = await call("CreateWebhook", bodyOf("CreateWebhook"));
    expect(created).toMatchObject({ status: 200, body: { entities: ["zl_oa_message"] } });
    expect((await call("GetWebhooks", {})).body.webhooks).toEqual([created.body]);
    expect(await mock.call("GetWebhooks", {}, { key: "someone-else" })).toMatchObject({ body: { webhooks: [] } });
    expect(await call("DeleteWebhook", { id: created.body.id })).toMatchObject({ status: 200, body: { webhooks: [] } });
    expect(await call("DeleteWebhook", { id: created.body.id })).toMatchObject({
      status: 404,
      body: { code: "not_found" },
    });
  });
});
