import { beforeAll, describe, expect, it } from "vitest";
import { follow, get, submit, textOf, throughConsent } from "../browse.js";
import { useDemos } from "../use-demo.js";

/** The key's rate limit, as eTelecom words it: a 429 too, but no quota of Zalo's. */
const RATE_LIMITED =
  '{"code":"resource_exhausted","msg":"too many requests: at most 10 per 1 s for this key, retry after 1 s"}';
const stack = useDemos({
  "back-office": {},
  // The mock, except that every send is over the key's rate limit.
  "rate-limited": {
    etelecom: {
      fetch: async (input, init) =>
        /\/(OASendText|SendZNS)$/.test(input instanceof Request ? input.url : String(input))
          ? new Response(RATE_LIMITED, { status: 429, headers: { "Content-Type": "application/json" } })
          : fetch(input, init),
    },
  },
});
// The mock's Hoa Mai Florist, and Bánh Mì Cô Ba, whose 12 ZNS left today run out within a test.
const OA = "4321098765432109876";
const SMALL_OA = "1618033988749894848";
/**
 * The mock's followers of the first OA: the n-th of the first 12 wrote n × 2.5 hours ago, the 13th 3 days ago, the
 * 26th unfollowed; the first page lists the 7th to the 26th.
 */
const follower = (n: number, k = 1) => `81${k}${"0".repeat(13)}${String(n).padStart(3, "0")}`;
let oaUrl: string;

const ORDER = {
  template_id: "230101",
  phone: "84912345678",
  "template_data.customer_name": "Nguyễn Văn An",
  "template_data.order_code": "DH10293",
  "template_data.total": "450.000đ",
};

/** Moves the mock's clock, as its control endpoint does for every key. */
async function advanceClock(advance_ms: number) {
  const response = await fetch(`${stack.mock.url}/__clock`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ advance_ms }),
  });
  expect(response.status).toBe(200);
}

/** The row of the ZNS messages table that holds `text`, as a reader sees it. */
const messageRow = (html: string, text: string) =>
  textOf(/<section[^>]*aria-labelledby="zns-messages"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "")
    .split(" UTC ")
    .find((row) => row.includes(text));

beforeAll(async () => {
  oaUrl = `${stack.url["back-office"]}/oa/${OA}`;
  for (const oa_id of [OA, SMALL_OA]) {
    expect((await throughConsent(`${stack.url["back-office"]}/zalo/connect`, { oa_id })).status).toBe(303);
  }
  expect((await throughConsent(`${stack.url["rate-limited"]}/zalo/connect`, { oa_id: OA })).status).toBe(303);
});

describe("the OA page's back office", () => {
  it("lists followers with their reply window, templates with their status, and no ZNS yet", async () => {
    const text = textOf((await get(oaUrl)).html);
    expect(text).toMatch(/Đặng Thu Trang Following \d+ \w+ \d{4}, [\d:]+ UTC Open until/);
    expect(text).toMatch(/Lý Thị Hạnh Following \d+ \w+ \d{4}, [\d:]+ UTC Closed/);
    expect(text).toContain("20 followers (the first ones only)");
    expect(text).toContain("230103 Khuyến mãi tháng 12 text PENDING_REVIEW");
    expect(text).toContain("230104 Đánh giá dịch vụ rating REJECT");
    expect(text).toContain("No ZNS has been sent from this OA yet.");
  });

  it("builds the Send ZNS form from the chosen template's parameters", async () => {
    const { html } = await get(oaUrl);
    // The first ENABLE template by default: the order confirmation's three parameters, their lengths, required.
    for (const [name, max] of [
      ["customer_name", 30],
      ["order_code", 30],
      ["total", 20],
    ] as const) {
      expect(html).toContain(`name="template_data.${name}" value="" maxlength="${max}" required`);
    }
    const chosen = (await get(`${oaUrl}?template=230102`)).html;
    expect(chosen).toContain('name="template_data.otp" value="" maxlength="6" required');
    expect(chosen).not.toContain("template_data.order_code");
    // A template that is not registered, or not a number, leaves the default.
    for (const template of ["999999", "<b>", "1e3"]) {
      const page = await get(`${oaUrl}?template=${encodeURIComponent(template)}`);
      expect(page.status).toBe(200);
      expect(page.html).toContain('name="template_data.order_code"');
    }
  });
});

describe("a text to a follower", () => {
  it("is sent, and the notice says how many replies are left in the window", async () => {
    const sent = await submit(`${oaUrl}/text`, { user_id: follower(7), text: "Dạ, shop còn hoa hồng đỏ ạ." });
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(`${oaUrl}?notice=text-sent&remain=7#followers`);
    expect(textOf((await follow(sent)).html)).toContain(
      "Text sent to the follower. 7 replies are left in their 48-hour window.",
    );
  });

  it("shows no notice words a link brings, only a count", async () => {
    const text = textOf((await get(`${oaUrl}?notice=text-sent&remain=<b>injected</b>`)).html);
    expect(text).toContain("Text sent to the follower.");
    expect(text).not.toContain("injected");
  });

  it("is refused with Zalo's 48-hour rule, in words, when the window is closed or they unfollowed", async () => {
    for (const n of [13, 26]) {
      const page = await submit(`${oaUrl}/text`, { user_id: follower(n), text: "Chào anh/chị" });
      expect(page.status).toBe(412);
      const text = textOf(page.html);
      expect(text).toContain("Zalo lets an OA write to a follower only in the 48 hours after that follower's last");
      expect(text).toContain("eTelecom answered 412 failed_precondition: recipient.user_id:");
      expect(page.html).toContain(">Chào anh/chị</textarea>");
    }
  });

  it("is refused with the 8-reply rule once the window's replies are used up", async () => {
    for (let sent = 0; sent < 8; sent += 1) {
      expect((await submit(`${oaUrl}/text`, { user_id: follower(8), text: `reply ${sent}` })).status).toBe(303);
    }
    const page = await submit(`${oaUrl}/text`, { user_id: follower(8), text: "one more" });
    expect(page.status).toBe(429);
    expect(textOf(page.html)).toContain("The 8 replies Zalo allows in this follower's 48-hour window are used up");
  });

  it("is checked before it is sent: a follower, a text, at most 2,000 characters", async () => {
    const cases = [
      [{ user_id: "not-a-user", text: "hi" }, "Choose a follower from the list."],
      [{ user_id: follower(3), text: "   " }, "Write the text to send."],
      [{ user_id: follower(3), text: "a".repeat(2001) }, "A text is at most 2,000 characters; this one has 2001."],
      [{}, "Choose a follower from the list."],
    ] as const;
    for (const [form, said] of cases) {
      const page = await submit(`${oaUrl}/text`, form);
      expect(page.status).toBe(400);
      expect(textOf(page.html)).toContain(said);
      expect(page.html).toContain('aria-invalid="true"');
    }
  });

  it("is a 404 page for an OA that is not the shop's, or no OA's ID", async () => {
    for (const oa_id of ["5772156649015328606", "not-an-id"]) {
      const page = await submit(`${stack.url["back-office"]}/oa/${oa_id}/text`, { user_id: follower(1), text: "hi" });
      expect(page.status).toBe(404);
    }
  });
});

describe("registering a template", () => {
  it("registers one the OA has on Zalo, and lists it", async () => {
    const registered = await submit(`${oaUrl}/templates`, { template_id: " 230107 " });
    expect(registered.status).toBe(303);
    expect(registered.location).toBe(`${oaUrl}?notice=template-registered#templates`);
    const text = textOf((await follow(registered)).html);
    expect(text).toContain("Template registered.");
    expect(text).toContain("230107 Cập nhật giao hàng text ENABLE");
  });

  it("explains a 404 for an ID that is not one of the OA's templates on Zalo", async () => {
    const page = await submit(`${oaUrl}/templates`, { template_id: "230199" });
    expect(page.status).toBe(404);
    const text = textOf(page.html);
    expect(text).toContain("This is not one of the OA's templates on Zalo.");
    expect(text).toContain("eTelecom answered 404 not_found: template_id:");
    expect(page.html).toContain('value="230199"');
  });

  it("is checked before it is sent: a whole number", async () => {
    for (const template_id of ["", "abc", "0", "99999999999999999", "-1"]) {
      const page = await submit(`${oaUrl}/templates`, { template_id });
      expect(page.status).toBe(400);
      expect(textOf(page.html)).toContain("A template ID is a whole number, such as 230107");
    }
  });
});

describe("sending a ZNS", () => {
  it("is accepted, listed in ZNS messages, and received then seen as the mock's clock moves", async () => {
    const sent = await submit(`${oaUrl}/zns`, { ...ORDER, tracking_id: "order-10293" });
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(`${oaUrl}?notice=zns-sent#zns-messages`);
    const page = await follow(sent);
    expect(textOf(page.html)).toContain("ZNS accepted.");
    expect(messageRow(page.html, "order-10293")).toContain("84912345678 230101 order-10293 P unknown");
    await advanceClock(5_000);
    expect(messageRow((await get(oaUrl)).html, "order-10293")).toContain("order-10293 P received");
    await advanceClock(25_000);
    expect(messageRow((await get(oaUrl)).html, "order-10293")).toContain("order-10293 P seen");
  });

  it("lists the latest ZNS first", async () => {
    await submit(`${oaUrl}/zns`, { ...ORDER, tracking_id: "order-2" });
    const text = textOf((await get(oaUrl)).html);
    expect(text.indexOf("order-2")).toBeGreaterThan(-1);
    expect(text.indexOf("order-2")).toBeLessThan(text.indexOf("order-10293"));
  });

  it("explains the 412 of a template that is not ENABLE, keeping what was typed", async () => {
    const page = await submit(`${oaUrl}/zns`, {
      template_id: "230103",
      phone: "84912345678",
      "template_data.customer_name": "An",
      "template_data.discount": "10%",
    });
    expect(page.status).toBe(412);
    const text = textOf(page.html);
    expect(text).toContain("Zalo sends a ZNS only with a template it has approved (status ENABLE).");
    expect(text).toContain("eTelecom answered 412 failed_precondition: template_id: is not ENABLE on Zalo");
    expect(page.html).toContain('name="template_data.discount" value="10%"');
  });

  it("shows a refused parameter beside its field", async () => {
    const long = await submit(`${oaUrl}/zns`, { ...ORDER, "template_data.order_code": "D".repeat(31) });
    expect(long.status).toBe(400);
    expect(long.html).toMatch(
      /name="template_data.order_code"[^>]*aria-invalid="true" aria-describedby="zns_order_code_error"/,
    );
    expect(textOf(long.html)).toContain("template_data.order_code: must be at most 30 characters");
    const missing = await submit(`${oaUrl}/zns`, { ...ORDER, "template_data.total": " " });
    expect(missing.status).toBe(400);
    expect(missing.html).toContain('aria-describedby="zns_total_error"');
    expect(textOf(missing.html)).toContain("template_data.total: is required by template 230101");
    const phone = await submit(`${oaUrl}/zns`, { ...ORDER, phone: "+84 912" });
    expect(phone.status).toBe(400);
    expect(phone.html).toContain('aria-describedby="zns_phone_error"');
  });

  it("explains a template that is not registered, and refuses one that is no ID", async () => {
    const unregistered = await submit(`${oaUrl}/zns`, { ...ORDER, template_id: "230108" });
    expect(unregistered.status).toBe(404);
    expect(textOf(unregistered.html)).toContain("This template is not registered for the OA");
    const malformed = await submit(`${oaUrl}/zns`, { ...ORDER, template_id: "x" });
    expect(malformed.status).toBe(400);
    expect(textOf(malformed.html)).toContain("Choose a template from the list.");
  });

  it("explains the 429 when the OA's ZNS for today are used up", async () => {
    const url = `${stack.url["back-office"]}/oa/${SMALL_OA}/zns`;
    for (let sent = 0; sent < 12; sent += 1) expect((await submit(url, ORDER)).status).toBe(303);
    const page = await submit(url, ORDER);
    expect(page.status).toBe(429);
    expect(textOf(page.html)).toContain("The OA's ZNS quota for today is used up");
  });
});

describe("the key's rate limit", () => {
  it("is not told as a used-up quota: eTelecom is busy, for a text and for a ZNS", async () => {
    const base = `${stack.url["rate-limited"]}/oa/${OA}`;
    for (const page of [
      await submit(`${base}/text`, { user_id: follower(7), text: "Chào" }),
      await submit(`${base}/zns`, ORDER),
    ]) {
      expect(page.status).toBe(503);
      const text = textOf(page.html);
      expect(text).toContain("eTelecom is busy");
      expect(text).not.toContain("used up");
    }
  });
});
