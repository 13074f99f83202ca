import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mockClient } from "../support/client.js";
import { recorded } from "../support/recording-fetch.js";
import { FUZZ, validBody } from "./arbitraries.js";

describe("valid AuthorizeOA bodies", () => {
  it("are accepted by the mock and reach the wire byte for byte", async () => {
    const client = mockClient("shop");
    await fc.assert(
      fc.asyncProperty(validBody, async (body) => {
        const { url } = await client.authorizeOA(body);
        expect(new URL(url).protocol).toBe("https:");
        expect(recorded.at(-1)?.requestBody).toBe(JSON.stringify(body));
      }),
      FUZZ,
    );
  });

  it("send a bigint app_id as the exact decimal string", async () => {
    const client = mockClient("partner");
    await fc.assert(
      fc.asyncProperty(validBody, async (body) => {
        await client.authorizeOA({ ...body, app_id: BigInt(body.app_id) });
        expect(recorded.at(-1)?.requestBody).toBe(JSON.stringify(body));
      }),
      FUZZ,
    );
  });
});
