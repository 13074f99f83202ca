import { findOperation } from "@etelecom-zalo/openapi";
import { describe, expect, it } from "vitest";
import { startMock } from "../../src/index.js";
import { AUTHORIZE_OA, errorOf, useMock, validBody } from "../use-mock.js";

const mock = useMock();
const ask = (prefer: string) => mock.post(AUTHORIZE_OA, { headers: { Prefer: prefer } });

/** The `unavailable` example the spec documents for every operation. */
const unavailable = findOperation("AuthorizeOA")
  .responses.find(({ status }) => status === 503)
  ?.examples.get("unavailable");

/** The error a failed fetch was rejected with, and the code of its cause (`ECONNRESET`, `UND_ERR_SOCKET`…). */
async function failure(call: Promise<unknown>) {
  const error = (await call.then(
    () => expect.fail("the call should have failed"),
    (e: unknown) => e,
  )) as Error & { cause?: { code?: string } };
  return { name: error.name, cause: error.cause?.code };
}

describe("a fault asked for by one request, over the node server", () => {
  it.each(["Prefer", "query"])("answers fault=unavailable (%s) with the spec's 503 unavailable", async (how) => {
    const response =
      how === "Prefer" ? await ask("fault=unavailable") : await mock.post(`${AUTHORIZE_OA}?__fault=unavailable`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual(unavailable);
  });

  it("resets the connection for fault=reset: no answer, and the client sees ECONNRESET", async () => {
    expect(await failure(ask("fault=reset"))).toEqual({ name: "TypeError", cause: "ECONNRESET" });
  });

  it("cuts the body half-way for fault=truncated: the head arrives, reading the body fails", async () => {
    const response = await ask("fault=truncated");
    expect(response.status).toBe(200);
    const length = Number(response.headers.get("content-length"));
    expect(length).toBeGreaterThan(0);
    expect(await failure(response.text())).toMatchObject({ name: "TypeError" });
  });

  it("answers nothing for fault=timeout until the client gives up, then still answers other calls", async () => {
    const controller = new AbortController();
    const held = mock.post(AUTHORIZE_OA, { headers: { Prefer: "fault=timeout" }, signal: controller.signal });
    // Another call is answered while the first is held: holding it blocks nothing.
    expect((await mock.post(AUTHORIZE_OA)).status).toBe(200);
    controller.abort();
    expect(await failure(held)).toMatchObject({ name: "AbortError" });
  });

  it("closes a request held by fault=timeout at the server's own request timeout", async () => {
    const short = await startMock({ port: 0, requestTimeout: 100 });
    try {
      const held = fetch(short.url + AUTHORIZE_OA, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: "Bearer k", Prefer: "fault=timeout" },
        body: JSON.stringify(validBody),
      });
      expect(await failure(held)).toMatchObject({ name: "TypeError" });
    } finally {
      await short.close();
    }
  });

  it("answers after Prefer: delay=<ms>, the answer unchanged", async () => {
    const response = await ask("delay=20");
    expect(response.status).toBe(200);
    expect((await response.json()).url).toMatch(/\/v4\/oa\/permission\?/);
  });

  it("stops a delayed answer when the client goes, and goes on answering", async () => {
    const controller = new AbortController();
    const delayed = mock.post(AUTHORIZE_OA, { headers: { Prefer: "delay=60000" }, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    expect(await failure(delayed)).toMatchObject({ name: "AbortError" });
    expect((await mock.post(AUTHORIZE_OA)).status).toBe(200);
  });

  it.each([
    ["delay=-1", "Prefer: delay must be a whole number of milliseconds from 0 to 60000"],
    ["delay=abc", "Prefer: delay must be a whole number of milliseconds from 0 to 60000"],
    ["delay=60001", "Prefer: delay must be a whole number of milliseconds from 0 to 60000"],
    ["delay=1.5", "Prefer: delay must be a whole number of milliseconds from 0 to 60000"],
    ["fault=boom", "Prefer: fault must be reset, timeout, truncated, unavailable"],
    ["fault=", "Prefer: fault must be reset, timeout, truncated, unavailable"],
  ])("refuses Prefer: %s with 400 invalid_argument naming it", async (prefer, msg) => {
    expect(await errorOf(await ask(prefer))).toEqual({ status: 400, code: "invalid_argument", msg });
  });

  it("refuses a bad query form, naming it", async () => {
    const response = await mock.post(`${AUTHORIZE_OA}?__delay=soon`);
    expect(await errorOf(response)).toEqual({
      status: 400,
      code: "invalid_argument",
      msg: "__delay: must be a whole number of milliseconds from 0 to 60000",
    });
  });

  it("leaves the state as it was", async () => {
    const key = "fault-state-key";
    const oa = findOperation("ConnectOA").requestExample;
    for (const fault of ["unavailable", "truncated"]) {
      const response = await mock.post("/v1/shop.Zalo/ConnectOA", {
        body: oa,
        headers: { Authorization: `Bearer ${key}`, Prefer: `fault=${fault}` },
      });
      await response.text().catch(() => undefined);
    }
    expect((await mock.call("ListOA", {}, { key })).body.accounts).toEqual([]);
  });
});
