import { describe, expect, it } from "vitest";
import { errorOf, useMock } from "../use-mock.js";

const mock = useMock();
const origin = "https://app.example.com";

describe("CORS", () => {
  it("answers a browser preflight for any origin, allowing the Authorization header", async () => {
    const response = await fetch(`${mock.url}/v1/shop.Zalo/AuthorizeOA`, {
      method: "OPTIONS",
      headers: {
        Origin: origin,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type, prefer",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(origin);
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
    expect(response.headers.get("access-control-allow-headers")?.split(/, */)).toEqual(
      expect.arrayContaining(["authorization", "content-type", "prefer"]),
    );
  });

  it("lets the page read successes and errors alike", async () => {
    const ok = await mock.post(undefined, { headers: { Origin: origin } });
    expect(ok.headers.get("access-control-allow-origin")).toBe(origin);
    const unauthenticated = await mock.post(undefined, { headers: { Origin: origin, Authorization: "" } });
    expect(unauthenticated.headers.get("access-control-allow-origin")).toBe(origin);
    expect((await errorOf(unauthenticated)).code).toBe("unauthenticated");
  });

  it("allows any origin when the request names none", async () => {
    expect((await mock.post()).headers.get("access-control-allow-origin")).toBe("*");
  });

  it("treats an OPTIONS that is not a preflight as an unsupported method", async () => {
    expect(await errorOf(await mock.post(undefined, { method: "OPTIONS" }))).toMatchObject({
      status: 404,
      code: "bad_route",
    });
  });
});
