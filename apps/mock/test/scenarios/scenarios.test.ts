import { documentedExamples, findOperation } from "@etelecom-zalo/openapi";
import { describe, expect, it } from "vitest";
import { errorOf, expectJson, pathOf, useMock } from "../use-mock.js";

const mock = useMock();
/** Every (operation, status, named example) the spec documents. */
const documented = documentedExamples().map((example) => ({ ...example, name: example.example as string }));
const post = (operationId: string, headers: Record<string, string> = {}, query = "") =>
  mock.post(`${pathOf(operationId)}${query}`, { body: findOperation(operationId).requestExample, headers });

describe("forcing a documented response over the state", () => {
  it("has a named example for every documented response", () => {
    expect(documented.every(({ example }) => example !== null)).toBe(true);
  });

  it.each(documented)(
    "$operationId: Prefer: example=$name answers $status with that example",
    async ({ operationId, status, name, value }) => {
      const response = await post(operationId, { Prefer: `example=${name}` });
      expect(response.status).toBe(status);
      expectJson(response);
      expect(await response.json()).toEqual(value);
    },
  );

  it.each(documented)(
    "$operationId: ?__example=$name answers $status with that example",
    async ({ operationId, status, name, value }) => {
      const response = await post(operationId, {}, `?__example=${name}`);
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual(value);
    },
  );

  const firsts = documented.filter(
    (example, index) =>
      documented.findIndex((other) => other.operationId === example.operationId && other.status === example.status) ===
      index,
  );
  it.each(firsts)(
    "$operationId: Prefer: code=$status and ?__code=$status answer that status's first example, $name",
    async ({ operationId, status, value }) => {
      for (const response of [
        await post(operationId, { Prefer: `code=${status}` }),
        await post(operationId, {}, `?__code=${status}`),
      ]) {
        expect(response.status).toBe(status);
        expect(await response.json()).toEqual(value);
      }
    },
  );

  it("accepts code and example together", async () => {
    const response = await post("ConnectOA", { Prefer: "code=400, example=state_mismatch" });
    expect(await errorOf(response)).toMatchObject({ status: 400, msg: "state: does not match the consent link" });
  });

  it("leaves the state alone", async () => {
    const connected = await post("ConnectOA", { Prefer: "code=200" });
    expect(connected.status).toBe(200);
    expect((await mock.call("ListOA", {})).body.accounts).toEqual([]);
    const { oa_id } = findOperation("RefreshToken").requestExample as { oa_id: string };
    expect((await post("RefreshToken", { Prefer: "code=200" })).status).toBe(200);
    expect((await mock.call("RefreshToken", { oa_id })).status).toBe(404);
  });

  it("keeps each scenario's answer apart, whatever order they are asked in", async () => {
    const example = (name: string) => documented.find((found) => found.name === name)?.value;
    for (const [prefer, expected] of [
      [undefined, undefined],
      ["code=500", example("internal")],
      ["example=unknown_field", example("unknown_field")],
      [undefined, undefined],
      ["code=400", example("malformed_json")],
    ] as const) {
      const body = await (await post("AuthorizeOA", prefer ? { Prefer: prefer } : {})).json();
      if (expected === undefined) expect(body.url.startsWith(`${mock.url}/v4/oa/permission?`)).toBe(true);
      else expect(body).toEqual(expected);
    }
  });

  it("varies the success body per request when one asks for dynamic=true", async () => {
    const urls = await Promise.all(
      [1, 2, 3, 4].map(
        async () => ((await (await post("AuthorizeOA", { Prefer: "dynamic=true" })).json()) as { url: string }).url,
      ),
    );
    expect(new Set(urls).size).toBe(4);
  });

  const statuses = "must be a documented status (200, 400, 401, 404, 429, 500, 503)";
  it.each<[query: string, prefer: string | undefined, msg: string]>([
    ["", "code=418", `Prefer: code ${statuses}`],
    ["", "code=abc", `Prefer: code ${statuses}`],
    ["?__code=201", undefined, `__code: ${statuses}`],
    ["", "code=200, example=internal", "Prefer: example internal belongs to status 500, not 200"],
    ["", "dynamic=maybe", "Prefer: dynamic must be true or false"],
  ])("answers a request for an undocumented response (%s, Prefer: %s) with 400", async (query, prefer, msg) => {
    const response = await post("AuthorizeOA", prefer ? { Prefer: prefer } : {}, query);
    expect(await errorOf(response)).toEqual({ status: 400, code: "invalid_argument", msg });
  });

  it("lists the operation's documented examples when asked for an unknown one", async () => {
    const { msg } = await errorOf(await post("ConnectOA", { Prefer: "example=nope" }));
    const names = documented.filter(({ operationId }) => operationId === "ConnectOA").map(({ name }) => name);
    expect(msg).toBe(`Prefer: example must be a documented example (${names.join(", ")})`);
  });

  it("answers JSON whatever the Accept header asks for, as eTelecom does", async () => {
    const response = await post("AuthorizeOA", { Accept: "text/html" });
    expect(response.status).toBe(200);
    expectJson(response);
  });
});
