import { describe, expect, it } from "vitest";
import { errorOf, useMock } from "../use-mock.js";

const mock = useMock({ dynamic: true });

describe("dynamic mode", () => {
  it("generates varied success bodies that still fit the schema", async () => {
    const urls = await Promise.all(
      [1, 2, 3, 4].map(async () => {
        const response = await mock.post();
        expect(response.status).toBe(200);
        return ((await response.json()) as { url: string }).url;
      }),
    );
    for (const url of urls) expect(() => new URL(url)).not.toThrow();
    expect(new Set(urls).size).toBeGreaterThan(1);
  });

  it("keeps errors to their documented examples, whose code clients branch on", async () => {
    const response = await mock.post(undefined, { headers: { Prefer: "code=401" } });
    expect(await errorOf(response)).toEqual({
      status: 401,
      code: "unauthenticated",
      msg: "missing Authorization header",
    });
  });

  it("still validates the request", async () => {
    expect((await errorOf(await mock.post(undefined, { body: {} }))).code).toBe("invalid_argument");
  });
});
