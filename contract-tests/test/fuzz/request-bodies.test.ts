import { EtelecomApiError, EtelecomInputError } from "@etelecom-zalo/client";
import { listOperations } from "@etelecom-zalo/openapi";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { methodOf, mockClient } from "../support/client.js";
import { recorded } from "../support/recording-fetch.js";
import { applyBreak, type Break, breaks, callerForm, FUZZ, nonObjectBody, validValue } from "./schema-arbitraries.js";

/** The fields a mock 400 `msg` names: one `<field>: <what is wrong>` clause each, joined with "; ". */
function namedFields(msg: string): string[] {
  return msg.split("; ").map((clause) => clause.slice(0, clause.indexOf(": ")));
}

/** Asserts a 400 invalid_argument that names `field` and nothing else. */
function expectInvalidArgument(status: number, error: unknown, field: string) {
  expect(status).toBe(400);
  expect(error).toMatchObject({ code: "invalid_argument" });
  const fields = namedFields((error as { msg: string }).msg);
  expect(fields).toContain(field);
  expect(fields.every((named) => named === field)).toBe(true);
}

/** Sends a body past the client's own checks, through openapi-fetch's raw client. */
function sendRaw(client: ReturnType<typeof mockClient>, path: string, body: unknown) {
  return client.raw.POST(
    path as never,
    { params: { path: { scope: "shop" } }, body: body as never } as never,
  ) as Promise<{
    error?: unknown;
    response: Response;
  }>;
}

// Properties of every operation's request body, generated from its schema. They run against the stateless mock,
// whose answer to a valid body is its documented 200 whatever came before: the stateful mock validates the
// same way, then consults its state (tested in test/flow).
describe.each(listOperations())("$operationId request bodies", ({ operationId, pathTemplate, requestMedia }) => {
  const schema = requestMedia?.schema as object;
  const validBody = validValue(schema) as fc.Arbitrary<Record<string, unknown>>;
  const brokenBody = fc
    .tuple(validBody, fc.oneof(...breaks(schema)))
    .map(([body, broken]) => ({ body: applyBreak(body, broken), broken }));

  it("that the spec accepts are accepted, and reach the wire byte for byte", async () => {
    const call = methodOf(mockClient({ stateless: true }), operationId);
    await fc.assert(
      fc.asyncProperty(validBody, async (body) => {
        await call(body);
        expect(recorded.at(-1)?.requestBody).toBe(JSON.stringify(body));
      }),
      FUZZ,
    );
  });

  it("given with bigint IDs and decimal-string integers, reach the wire as the spec's strings and numbers", async () => {
    const call = methodOf(mockClient({ scope: "partner", stateless: true }), operationId);
    await fc.assert(
      fc.asyncProperty(validBody, async (body) => {
        await call(callerForm(schema, body));
        expect(recorded.at(-1)?.requestBody).toBe(JSON.stringify(body));
      }),
      FUZZ,
    );
  });

  it("with one thing wrong get 400 invalid_argument naming that field, sent raw", async () => {
    const client = mockClient({ stateless: true });
    await fc.assert(
      fc.asyncProperty(brokenBody, async ({ body, broken }) => {
        const { response, error } = await sendRaw(client, pathTemplate, body);
        expectInvalidArgument(response.status, error, broken.field);
      }),
      FUZZ,
    );
  });

  it("with one thing wrong fail through the client naming that field, before sending where the client checks it", async () => {
    const call = methodOf(mockClient({ scope: "partner", stateless: true }), operationId);
    await fc.assert(
      fc.asyncProperty(brokenBody, async ({ body, broken }: { body: unknown; broken: Break }) => {
        const before = recorded.length;
        const error = await call(body).catch((e: unknown) => e);
        if (error instanceof EtelecomInputError) {
          expect(broken.clientOwned).toBe(true);
          expect(error.field).toBe(broken.field);
          expect(recorded.length).toBe(before);
        } else {
          expect(error).toBeInstanceOf(EtelecomApiError);
          expectInvalidArgument((error as EtelecomApiError).status, error, broken.field);
        }
      }),
      FUZZ,
    );
  });

  it("that are not JSON objects get 400 naming body when sent raw, and never leave the client", async () => {
    const client = mockClient({ stateless: true });
    const call = methodOf(client, operationId);
    await fc.assert(
      fc.asyncProperty(nonObjectBody, async (body) => {
        const { response, error } = await sendRaw(client, pathTemplate, body);
        expectInvalidArgument(response.status, error, "body");
        const before = recorded.length;
        await expect(call(body)).rejects.toMatchObject({ name: "EtelecomInputError", field: "body" });
        expect(recorded.length).toBe(before);
      }),
      { ...FUZZ, numRuns: 15 },
    );
  });
});
