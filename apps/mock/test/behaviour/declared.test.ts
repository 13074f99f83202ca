import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSpec, readMockDeclarations } from "@etelecom-zalo/openapi";
import { afterAll, describe, expect, it } from "vitest";
import { createMockEngine, type MockEngine } from "../../src/index.js";
import { engineCall, ORIGIN } from "../engine.js";

const folder = mkdtempSync(join(tmpdir(), "x-mock-"));
afterAll(() => rmSync(folder, { recursive: true }));

/** The parts of the document these tests edit. */
type Spec = {
  paths: Record<string, { post: { "x-mock"?: Record<string, unknown> } }>;
  components: { schemas: Record<string, unknown> };
  "x-mock-resources": Record<string, unknown>;
};

/** The project's spec with `edit` applied to a copy, written as JSON (which YAML reads) where an engine can read it. */
function specWith(name: string, edit: (spec: Spec) => void): string {
  const spec = structuredClone(loadSpec()) as unknown as Spec;
  edit(spec);
  const path = join(folder, `${name}.yaml`);
  writeFileSync(path, JSON.stringify(spec));
  return path;
}

/** The resources the spec declares, as the mock lists them in a refusal. */
const resourceNames = Object.keys(readMockDeclarations(loadSpec()).resources).join(", ");

/** GetShopOA's x-mock in a document. */
const getShopOA = (spec: Spec) =>
  spec.paths["/v1/{scope}.Zalo/GetShopOA"]?.post as { "x-mock"?: Record<string, unknown> };

describe("the declared behaviour", () => {
  it("answers 500 naming the operation when a read finds nothing and declares no missing example", async () => {
    const engine = await createMockEngine({
      specPath: specWith("no-missing", (spec) => {
        delete getShopOA(spec)["x-mock"]?.missing;
      }),
    });
    expect(await engineCall(engine, "GetShopOA", { oa_id: "1" })).toEqual({
      status: 500,
      body: {
        code: "internal",
        msg: "internal error: GetShopOA: no oa 1, and its x-mock declares no `missing` example to answer that",
      },
    });
  });

  it.each([
    [
      "an operation without x-mock",
      (spec: Spec) => delete getShopOA(spec)["x-mock"],
      "GetShopOA has no x-mock: declare how the stateful mock answers it (or x-mock: { stateless: true })",
    ],
    [
      "an unknown hook",
      (spec: Spec) => {
        getShopOA(spec)["x-mock"] = { action: "hook", hook: "consent-lnk" };
      },
      "GetShopOA x-mock: the mock has no hook consent-lnk (it has consent-link, consent-connect, consent-relink, zalo-consultation, zns-template-register, zns-send, zns-journey, call-consent-request, call-consent-check, connected-oa, zalo-follower, zns-template, zns-delivery, call-consent-reply)",
    ],
    [
      "an unknown resource",
      (spec: Spec) => {
        getShopOA(spec)["x-mock"] = { action: "read", resource: "oas" };
      },
      `GetShopOA x-mock: no resource oas in x-mock-resources (it has ${resourceNames})`,
    ],
    [
      "an example the operation does not document",
      (spec: Spec) => {
        getShopOA(spec)["x-mock"] = { action: "read", resource: "oa", missing: "not_found" };
      },
      "GetShopOA x-mock: GetShopOA documents no example not_found",
    ],
  ])("refuses to start on %s, naming it", async (name, edit, problem) => {
    const path = specWith(name.replaceAll(" ", "-"), edit);
    await expect(createMockEngine({ specPath: path })).rejects.toThrow(problem);
  });
});

/**
 * A made-up operation that stores a note per OA (shaped like a consultation message, much shortened): a resource
 * owned by an OA, created by an operation, to show `create`, `fill` and `owner` working from the spec alone.
 */
function withNotes(spec: Spec): void {
  const getShop = spec.paths["/v1/{scope}.Zalo/GetShopOA"]?.post as unknown as Record<string, unknown>;
  spec.components.schemas.Note = {
    type: "object",
    required: ["msg_id", "oa_id"],
    properties: {
      msg_id: { $ref: "#/components/schemas/Int64String" },
      oa_id: { $ref: "#/components/schemas/Int64String" },
      user_id: { type: "string" },
      text: { type: "string" },
      created_at: { $ref: "#/components/schemas/DateTime" },
      shop_id: { $ref: "#/components/schemas/Int64String" },
      sent: { type: "boolean" },
    },
  };
  spec["x-mock-resources"].note = {
    description: "A note an OA sent.",
    schema: "#/components/schemas/Note",
    key: "msg_id",
    order: ["created_at", "msg_id"],
    owner: { resource: "oa", field: "oa_id", missing: "oa_not_found" },
    caps: { entries: 2, bytes: 1024 },
  };
  const body = {
    type: "object",
    required: ["oa_id", "recipient", "message"],
    additionalProperties: false,
    properties: {
      oa_id: { $ref: "#/components/schemas/Int64String" },
      recipient: { type: "object", properties: { user_id: { type: "string" } } },
      message: { type: "object", properties: { text: { type: "string", maxLength: 2000 } } },
    },
  };
  const example = { oa_id: "4321098765432109876", recipient: { user_id: "u1" }, message: { text: "Xin chào" } };
  spec.paths["/v1/{scope}.Zalo/SendNote"] = {
    post: <Spec["paths"][string]["post"]>{
      ...getShop,
      operationId: "SendNote",
      requestBody: {
        required: true,
        content: { "application/json": { schema: body, examples: { text: { value: example } } } },
      },
      responses: {
        ...(getShop.responses as Record<string, unknown>),
        "200": {
          description: "The message.",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Note" } } },
        },
      },
      "x-mock": {
        action: "create",
        resource: "note",
        fill: {
          msg_id: "$int64",
          oa_id: "$body.oa_id",
          user_id: "$body.recipient.user_id",
          text: "$body.message.text",
          created_at: "$now",
          shop_id: "$shop_id",
          sent: true,
        },
      },
    },
  };
}

/** Calls the SendNote of {@link withNotes} on an engine, as the shop `key`. */
async function sendText(engine: MockEngine, body: unknown, key: string) {
  const response = await engine.handle(
    new Request(`${ORIGIN}/v1/shop.Zalo/SendNote`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
    }),
  );
  return { status: response.status, body: await response.json() };
}

describe("an operation created from the spec alone (create, fill, owner)", () => {
  const fixtures = { shop: { oa: [{ oa_id: "4321098765432109876", name: "Hoa Mai", status: "P" }] } };
  const send = { oa_id: "4321098765432109876", recipient: { user_id: "u1" }, message: { text: "Xin chào" } };

  it("creates a record filled from the body, the clock, a new ID and the key's shop, within a connected OA", async () => {
    const engine = await createMockEngine({
      specPath: specWith("notes", withNotes),
      fixtures,
      now: () => Date.UTC(2026, 11, 6),
    });
    const { status, body } = await sendText(engine, send, "shop");
    expect(status).toBe(200);
    expect(body).toEqual({
      msg_id: expect.stringMatching(/^[1-9][0-9]{18}$/),
      oa_id: "4321098765432109876",
      user_id: "u1",
      text: "Xin chào",
      created_at: "2026-12-06T00:00:00Z",
      shop_id: expect.stringMatching(/^[0-9]+$/),
      sent: true,
    });
    const again = await sendText(engine, send, "shop");
    expect(again.body.msg_id).not.toBe(body.msg_id);
  });

  it("answers the owner's missing example for an OA the key has not connected", async () => {
    const engine = await createMockEngine({ specPath: specWith("notes", withNotes), fixtures });
    expect(await sendText(engine, send, "another-shop")).toEqual({
      status: 404,
      body: { code: "not_found", msg: "oa_id: is not an OA connected to this shop" },
    });
  });

  it("refuses a record past its resource's caps, in entries and in bytes, naming what is over", async () => {
    const engine = await createMockEngine({ specPath: specWith("notes", withNotes), fixtures });
    const long = { ...send, message: { text: "x".repeat(1500) } };
    expect((await sendText(engine, long, "shop")).body).toEqual({
      code: "invalid_argument",
      msg: expect.stringMatching(/^text: makes the note \d+ bytes as JSON, over the mock's limit of 1024$/),
    });
    await sendText(engine, send, "shop");
    await sendText(engine, send, "shop");
    expect((await sendText(engine, send, "shop")).body).toEqual({
      code: "invalid_argument",
      msg: "note: this key already has 2 of them, the mock's limit",
    });
  });
});
