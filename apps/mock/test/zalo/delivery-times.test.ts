import { expect, it } from "vitest";
import { connectThroughConsent } from "../flow.js";
import { bodyOf, useMock } from "../use-mock.js";

// A ZNS's delivery times are the mock's option, for a frontend that wants to watch them change faster or slower.
let clock = Date.parse("2026-12-01T08:00:00Z");
const mock = useMock({ now: () => clock, znsDelivery: { receivedAfterMs: 0, seenAfterMs: 2_000 } });

it("shows a ZNS received and seen after the delivery times it was given", async () => {
  const oa_id = (bodyOf("SendZNS") as { oa_id: string }).oa_id;
  expect((await connectThroughConsent(mock, { key: "times", oa_id })).status).toBe(200);
  const sent = await mock.call("SendZNS", bodyOf("SendZNS"), { key: "times" });
  const status = async () =>
    (await mock.call("ListMessages", { filter: { oa_id, msg_id: sent.body.msg_id } }, { key: "times" })).body
      .messages[0].delivery_status;
  expect(await status()).toBe("received");
  clock += 2_000;
  expect(await status()).toBe("seen");
});

it.each([
  [{ receivedAfterMs: 5, seenAfterMs: 1 }],
  [{ receivedAfterMs: -1, seenAfterMs: 1 }],
  [{ receivedAfterMs: 0, seenAfterMs: 86_400_001 }],
  [{ receivedAfterMs: 0 }],
])("refuses znsDelivery %j in one line", async (znsDelivery) => {
  const { startMock } = await import("../../src/index.js");
  await expect(startMock({ port: 0, znsDelivery: znsDelivery as never })).rejects.toThrow(
    "znsDelivery must be { receivedAfterMs, seenAfterMs }, milliseconds from 0 to 86400000 with received <= seen",
  );
});
