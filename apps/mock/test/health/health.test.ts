import { describe, expect, it } from "vitest";
import { errorOf, expectJson, useMock } from "../use-mock.js";

const mock = useMock();

describe("health", () => {
  it("answers GET /__health with 200 JSON, without a key", async () => {
    const response = await fetch(`${mock.url}/__health`);
    expect(response.status).toBe(200);
    expectJson(response);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("is outside the API: other methods there are bad routes", async () => {
    expect(await errorOf(await mock.post("/__health"))).toMatchObject({ status: 404, code: "bad_route" });
  });
});
