import { specPath } from "@etelecom-zalo/openapi";
import prismHttp from "@stoplight/prism-http";
import { describe, expect, it } from "vitest";
import { errorOf, expectJson, useMock } from "../use-mock.js";

const mock = useMock();
const [operation] = await prismHttp.getHttpOperationsFromSpec(specPath);
/** Every documented response of AuthorizeOA: status, example name, example value. */
const documented = (operation?.responses ?? []).flatMap((response) =>
  (response.contents ?? []).flatMap((content) =>
    (content.examples ?? []).map((example) => ({
      status: Number(response.code),
      name: example.key,
      value: "value" in example ? example.value : undefined,
    })),
  ),
);
const statuses = [...new Set(documented.map((example) => example.status))];

describe("scenario selection", () => {
  it("documents a named example for every response", () => {
    expect(statuses).toEqual([200, 400, 401, 404, 500]);
    for (const status of statuses) expect(documented.some((example) => example.status === status)).toBe(true);
  });

  it.each(documented)("Prefer: example=$name answers $status with that example", async ({ status, name, value }) => {
    const response = await mock.post(undefined, { headers: { Prefer: `example=${name}` } });
    expect(response.status).toBe(status);
    expectJson(response);
    expect(await response.json()).toEqual(value);
  });

  it.each(documented)("?__example=$name answers $status with that example", async ({ status, name, value }) => {
    const response = await mock.post(`/v1/partner.Zalo/AuthorizeOA?__example=${name}`);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual(value);
  });

  it.each(statuses)("Prefer: code=%i and ?__code=%i answer that status with its first example", async (status) => {
    const first = documented.find((example) => example.status === status);
    for (const response of [
      await mock.post(undefined, { headers: { Prefer: `code=${status}` } }),
      await mock.post(`/v1/shop.Zalo/AuthorizeOA?__code=${status}`),
    ]) {
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual(first?.value);
    }
  });

  it("accepts code and example together", async () => {
    const response = await mock.post(undefined, { headers: { Prefer: "code=400, example=invalid_app_id" } });
    expect(await errorOf(response)).toMatchObject({
      status: 400,
      msg: "app_id: must be a string of decimal digits (int64)",
    });
  });

  it("answers the same request with the same response", async () => {
    const bodies = await Promise.all([1, 2, 3].map(async () => (await mock.post()).text()));
    expect(new Set(bodies).size).toBe(1);
  });

  it("keeps each scenario's answer apart, whatever order they are asked in", async () => {
    const expected = (name: string) => documented.find((example) => example.name === name)?.value;
    for (const [prefer, name] of [
      [undefined, "consent_link"],
      ["code=500", "internal"],
      [undefined, "consent_link"],
      ["example=invalid_app_id", "invalid_app_id"],
      ["code=400", "missing_field"],
      [undefined, "consent_link"],
    ] as const) {
      const response = await mock.post(undefined, prefer ? { headers: { Prefer: prefer } } : {});
      expect(await response.json()).toEqual(expected(name));
    }
  });

  it("varies the success body per request when one asks for dynamic=true", async () => {
    const urls = await Promise.all(
      [1, 2, 3, 4].map(async () => {
        const response = await mock.post(undefined, { headers: { Prefer: "dynamic=true" } });
        return ((await response.json()) as { url: string }).url;
      }),
    );
    expect(new Set(urls).size).toBeGreaterThan(1);
  });

  const documentedStatuses = "must be a documented status (200, 400, 401, 404, 500)";
  it.each<[query: string, prefer: string | undefined, msg: string]>([
    ["", "code=418", `Prefer: code ${documentedStatuses}`],
    ["", "code=abc", `Prefer: code ${documentedStatuses}`],
    ["?__code=201", undefined, `__code: ${documentedStatuses}`],
    ["", "code=200, example=internal", "Prefer: example internal belongs to status 500, not 200"],
    ["", "dynamic=maybe", "Prefer: dynamic must be true or false"],
  ])("answers a request for an undocumented response (%s, Prefer: %s) with 400", async (query, prefer, msg) => {
    const response = await mock.post(
      `/v1/shop.Zalo/AuthorizeOA${query}`,
      prefer ? { headers: { Prefer: prefer } } : {},
    );
    expect(await errorOf(response)).toEqual({ status: 400, code: "invalid_argument", msg });
  });

  it("lists the documented examples when asked for an unknown one", async () => {
    const { msg } = await errorOf(await mock.post(undefined, { headers: { Prefer: "example=nope" } }));
    expect(msg).toBe(`Prefer: example must be a documented example (${documented.map((e) => e.name).join(", ")})`);
  });

  it("answers JSON whatever the Accept header asks for, as eTelecom does", async () => {
    const response = await mock.post(undefined, { headers: { Accept: "text/html" } });
    expect(response.status).toBe(200);
    expectJson(response);
  });
});
