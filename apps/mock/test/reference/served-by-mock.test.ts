import { loadSpec } from "@etelecom-zalo/openapi";
import { describe, expect, it } from "vitest";
import { useMock } from "../use-mock.js";

const mock = useMock();

describe("the running mock", () => {
  it("serves the spec and the reference page on its own origin, with no key", async () => {
    const json = await fetch(`${mock.url}/openapi.json`);
    expect(json.status).toBe(200);
    expect(await json.json()).toEqual(JSON.parse(JSON.stringify(loadSpec())));
    const page = await fetch(`${mock.url}/__docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect((await fetch(`${mock.url}/openapi.yaml`)).headers.get("content-type")).toBe(
      "application/yaml; charset=utf-8",
    );
  });

  it("still answers bad_route for a method the reference does not serve", async () => {
    const response = await fetch(`${mock.url}/openapi.json`, { method: "POST" });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: "bad_route", msg: "no handler for path /openapi.json" });
  });
});
