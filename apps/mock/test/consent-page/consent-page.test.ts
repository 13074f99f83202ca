import { describe, expect, it } from "vitest";
import { useMock, validBody } from "../use-mock.js";

const mock = useMock();

/** A fresh consent link of the test key, for a callback of the test's choosing. */
async function newLink(redirect_uri = "https://shop.example.com/zalo/callback"): Promise<URL> {
  const { body } = await mock.call("AuthorizeOA", { ...validBody, redirect_uri });
  return new URL(body.url);
}

/** Posts the page's form as a browser would, without following the redirect. */
function submit(link: URL, fields: Record<string, string>) {
  const form = new URLSearchParams({ ...Object.fromEntries(link.searchParams), ...fields });
  return fetch(link, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form,
    redirect: "manual",
  });
}

/** The reason a 400 error page gives. */
async function refusal(response: Response) {
  expect(response.status).toBe(400);
  expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
  expect(response.headers.get("location")).toBeNull();
  return /<p class="reason"[^>]*>([^<]*)<\/p>/.exec(await response.text())?.[1]?.replaceAll("&quot;", '"');
}

describe("the consent page", () => {
  // Framed by another site, the page could be overlaid so that the owner clicks Allow without knowing it; and a
  // page of another site must not read it (its state and the OAs offered) through CORS.
  it("refuses to be framed and to be read by another site, on every answer", async () => {
    const link = await newLink("http://localhost:3000/cb");
    const page = await fetch(link, { headers: { Origin: "https://evil.example" } });
    const error = await fetch(new URL("?state=1", link), { headers: { Origin: "https://evil.example" } });
    const answer = await submit(link, { oa_id: "4321098765432109876", decision: "deny" });
    for (const response of [page, error, answer]) {
      expect(response.headers.get("access-control-allow-origin")).toBeNull();
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    }
    for (const response of [page, error]) {
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("content-security-policy")).toContain("; frame-ancestors 'none'");
    }
    // A browser checks form-action on the redirect after the POST too: the callback's origin must be allowed.
    expect(page.headers.get("content-security-policy")).toMatch(/; form-action 'self' http:\/\/localhost:3000$/);
    expect(error.headers.get("content-security-policy")).toMatch(/; form-action 'none'$/);
  });

  // CSP's host-source has no IPv6 literal: such an origin can only be allowed by its scheme.
  it("allows a callback on an IPv6 literal by its scheme", async () => {
    const page = await fetch(await newLink("http://[::1]:8080/cb"));
    expect(page.headers.get("content-security-policy")).toMatch(/; form-action 'self' http:$/);
  });

  it("is a self-contained HTML form for a phone, in Vietnamese with English beside it", async () => {
    const link = await newLink();
    const response = await fetch(link);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'; " +
        "form-action 'self' https://shop.example.com",
    );
    const page = await response.text();
    expect(page).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).not.toMatch(/<script|<link|<img|src=|url\(/i);
    expect(page).toContain('<form method="post">');
    expect(page).toContain(`<code>${validBody.app_id}</code>`);
    expect(page).toContain("<code>https://shop.example.com/zalo/callback</code>");
    expect(page).toContain('<button type="submit" name="decision" value="allow"');
    expect(page).toContain('<button type="submit" name="decision" value="deny"');
    const offered = [...page.matchAll(/type="radio" name="oa_id" value="(\d+)"/g)].map((match) => match[1]);
    expect(offered).toEqual([
      "4321098765432109876",
      "3141592653589793238",
      "1618033988749894848",
      "5772156649015328606",
      "3010299956639811952",
    ]);
    expect(page).toContain("Nhà Sách Đồng Xanh");
    expect(page).toContain('Cho phép · <span lang="en">Allow</span>');
  });

  it("escapes what the caller chose", async () => {
    const page = await (await fetch(await newLink("https://shop.example.com/cb?a=1&b='x'"))).text();
    expect(page).toContain("<code>https://shop.example.com/cb?a=1&amp;b=&#39;x&#39;</code>");
    expect(page).toContain('name="redirect_uri" value="https://shop.example.com/cb?a=1&amp;b=&#39;x&#39;"');
  });

  it("redirects Allow to redirect_uri with oa_id, code and state, keeping its own query", async () => {
    const link = await newLink("https://shop.example.com/cb?a=1&b=x%20y#top");
    const response = await submit(link, { oa_id: "1618033988749894848", decision: "allow" });
    expect(response.status).toBe(302);
    const location = response.headers.get("location") ?? "";
    expect(location).toMatch(
      new RegExp(
        `^https://shop\\.example\\.com/cb\\?a=1&b=x%20y&oa_id=1618033988749894848&code=[A-Za-z0-9]{32}&state=${link.searchParams.get("state")}#top$`,
      ),
    );
  });

  it("redirects Deny with error=access_denied and the state, nothing else", async () => {
    const link = await newLink();
    const response = await submit(link, { oa_id: "4321098765432109876", decision: "deny" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(
      `https://shop.example.com/zalo/callback?error=access_denied&state=${link.searchParams.get("state")}`,
    );
  });
});

describe("a link that cannot be used", () => {
  it.each([
    ["no state", (link: URL) => link.searchParams.delete("state"), "state: is missing or not an integer"],
    [
      "a state never issued",
      (link: URL) => link.searchParams.set("state", "1"),
      "state: no consent link has this state",
    ],
    [
      "another app_id",
      (link: URL) => link.searchParams.set("app_id", "1"),
      "app_id: differs from the call that made this consent link",
    ],
    [
      "another redirect_uri",
      (link: URL) => link.searchParams.set("redirect_uri", "https://evil.example.com/cb"),
      "redirect_uri: differs from the call that made this consent link",
    ],
    [
      "another code_challenge",
      (link: URL) => link.searchParams.set("code_challenge", "x".repeat(43)),
      "code_challenge: differs from the call that made this consent link",
    ],
  ])("shows a 400 page for %s, on GET and on POST", async (_case, tamper, reason) => {
    const link = await newLink();
    tamper(link);
    expect(await refusal(await fetch(link))).toContain(reason);
    expect(await refusal(await submit(link, { oa_id: "4321098765432109876", decision: "allow" }))).toContain(reason);
  });

  it("is used up by Allow or Deny: the page and the form then refuse it", async () => {
    for (const decision of ["allow", "deny"]) {
      const link = await newLink();
      expect((await submit(link, { oa_id: "4321098765432109876", decision })).status).toBe(302);
      expect(await refusal(await fetch(link))).toBe("state: this consent link was already used");
      expect(await refusal(await submit(link, { oa_id: "4321098765432109876", decision }))).toBe(
        "state: this consent link was already used",
      );
    }
  });

  it.each([
    [{ oa_id: "1", decision: "allow" }, "oa_id: must be one of the OAs the page offers"],
    [{ oa_id: "4321098765432109876", decision: "maybe" }, 'decision: must be "allow" or "deny"'],
  ])("refuses the form %j without using the link up", async (fields, reason) => {
    const link = await newLink();
    expect(await refusal(await submit(link, fields))).toContain(reason);
    expect((await fetch(link)).status).toBe(200);
  });

  it("refuses a form that is not form-encoded", async () => {
    const link = await newLink();
    const response = await fetch(link, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(await refusal(response)).toBe(
      "form: must be sent as application/x-www-form-urlencoded, as the consent page sends it",
    );
  });
});
