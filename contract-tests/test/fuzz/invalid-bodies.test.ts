import { EtelecomApiError, EtelecomInputError } from "@etelecom-zalo/client";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mockClient } from "../support/client.js";
import { recorded } from "../support/recording-fetch.js";
import { type BrokenBody, brokenBody, FUZZ, nonObjectBody } from "./arbitraries.js";

/** The fields a mock 400 `msg` names: one `<field>: <what is wrong>` clause each, joined with "; ". */
function namedFields(msg: string): string[] {
  return msg.split("; ").map((clause) => clause.slice(0, clause.indexOf(": ")));
}

function expectInvalidArgument(status: number, error: unknown, field: string) {
  expect(status).toBe(400);
  expect(error).toMatchObject({ code: "invalid_argument" });
  const fields = namedFields((error as { msg: string }).msg);
  expect(fields).toContain(field);
  expect(fields.every((named) => named === field)).toBe(true);
}

/** Whether the client may refuse the body itself: it validates only app_id and the body being an object. */
function clientMayRefuse({ field, how }: BrokenBody): boolean {
  return field === "app_id" && how !== "missing";
}

describe("invalid AuthorizeOA bodies", () => {
  it("get 400 invalid_argument naming the field, sent raw", async () => {
    const client = mockClient("shop");
    await fc.assert(
      fc.asyncProperty(brokenBody, async ({ body, field }) => {
        const { response, error } = await client.raw.POST("/v1/{scope}.Zalo/AuthorizeOA", {
          params: { path: { scope: "shop" } },
          body: body as never,
        });
        expectInvalidArgument(response.status, error, field);
      }),
      FUZZ,
    );
  });

  it("surface through authorizeOA as an API error naming the field, or an input error before sending", async () => {
    const client = mockClient("partner");
    await fc.assert(
      fc.asyncProperty(brokenBody, async (broken) => {
        const before = recorded.length;
        const error = await client.authorizeOA(broken.body as never).catch((e: unknown) => e);
        if (error instanceof EtelecomInputError) {
          expect(clientMayRefuse(broken)).toBe(true);
          expect(error.field).toBe(broken.field);
          expect(recorded.length).toBe(before);
        } else {
          expect(error).toBeInstanceOf(EtelecomApiError);
          expect(typeof (broken.body as Record<string, unknown>).app_id).not.toBe("number");
          expectInvalidArgument((error as EtelecomApiError).status, error, broken.field);
        }
      }),
      FUZZ,
    );
  });

  it("that are not JSON objects get 400 invalid_argument naming body, sent raw", async () => {
    const client = mockClient("shop");
    await fc.assert(
      fc.asyncProperty(nonObjectBody, async (body) => {
        const { response, error } = await client.raw.POST("/v1/{scope}.Zalo/AuthorizeOA", {
          params: { path: { scope: "shop" } },
          body: body as never,
        });
        expectInvalidArgument(response.status, error, "body");
      }),
      { ...FUZZ, numRuns: 15 },
    );
  });

  it("that are not objects are refused by authorizeOA before sending", async () => {
    const client = mockClient("shop");
    await fc.assert(
      fc.asyncProperty(nonObjectBody, async (body) => {
        const before = recorded.length;
        const error = await client.authorizeOA(body as never).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(EtelecomInputError);
        expect(error).toMatchObject({ field: "body" });
        expect(recorded.length).toBe(before);
      }),
      { ...FUZZ, numRuns: 15 },
    );
  });
});
