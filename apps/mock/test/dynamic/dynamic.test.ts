import { describe, expect, it } from "vitest";
import { connectThroughConsent } from "../flow.js";
import { errorOf, useMock } from "../use-mock.js";

const stateless = useMock({ dynamic: true, stateless: true });
const stateful = useMock({ dynamic: true });

describe("--dynamic", () => {
  it("generates varied success bodies that still fit the schema, without state", async () => {
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() => stateless.call("ConnectOA", { code: "c", oa_id: "42", state: 1 })),
    );
    for (const { status, body } of answers) expect({ status, oa_id: body.oa_id }).toEqual({ status: 200, oa_id: "42" });
    expect(new Set(answers.map(({ body }) => body.connection_id)).size).toBe(4);
  });

  it("keeps errors to their documented examples, whose code clients branch on", async () => {
    const response = await stateless.post(undefined, { headers: { Prefer: "code=401" } });
    expect(await errorOf(response)).toEqual({
      status: 401,
      code: "unauthenticated",
      msg: "missing Authorization header",
    });
  });

  it("still validates the request", async () => {
    expect((await errorOf(await stateless.post(undefined, { body: {} }))).code).toBe("invalid_argument");
  });

  it("leaves the state to answer where it decides, and generates what Prefer forces", async () => {
    expect((await connectThroughConsent(stateful)).status).toBe(200);
    expect((await stateful.call("ListOA", {})).body.accounts).toHaveLength(1);
    const forced = await Promise.all(
      [1, 2].map(() => stateful.call("GetShopOA", { oa_id: "7" }, { headers: { Prefer: "code=200" } })),
    );
    expect(forced.map(({ body }) => body.oa_id)).toEqual(["7", "7"]);
    expect(forced[0]?.body.connection_id).not.toBe(forced[1]?.body.connection_id);
  });
});
