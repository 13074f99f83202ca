import { deref, loadSpec, pointerSegment, type Reference } from "@etelecom-zalo/openapi";
import { describe, expect, it } from "vitest";
import { createValidator } from "../support/validator.js";

const spec = loadSpec();
const validator = createValidator(spec);

interface FoundExample {
  where: string;
  schemaPointer: string;
  value: unknown;
}

/**
 * Every example in the document: named examples of media types and parameters, and schemas' `examples`, under
 * `paths`, `components` and `webhooks` alike.
 */
function findExamples(node: unknown, pointer: string): FoundExample[] {
  if (typeof node !== "object" || node === null) return [];
  const found: FoundExample[] = [];
  const object = node as Record<string, unknown>;
  if ("schema" in object) {
    const named = (object.examples ?? {}) as Record<string, unknown>;
    for (const [name, example] of Object.entries(named)) {
      const { value } = deref<{ value: unknown }>(spec, example as { value: unknown });
      found.push({ where: `${pointer} example ${name}`, schemaPointer: `${pointer}/schema`, value });
    }
    if ("example" in object) {
      found.push({ where: `${pointer} example`, schemaPointer: `${pointer}/schema`, value: object.example });
    }
  } else if (Array.isArray(object.examples) && /\/(schema|schemas\/[^/]+)(\/|$)/.test(pointer)) {
    for (const [index, value] of object.examples.entries()) {
      found.push({ where: `${pointer} examples[${index}]`, schemaPointer: pointer, value });
    }
  }
  for (const [key, child] of Object.entries(object)) {
    if (key !== "examples" && key !== "example")
      found.push(...findExamples(child, `${pointer}/${pointerSegment(key)}`));
  }
  return found;
}

const examples = findExamples(spec, "#");

describe("every example in the spec", () => {
  it("is found (the walk reaches named, parameter and schema examples)", () => {
    const where = examples.map((example) => example.where).join("\n");
    expect(where).toMatch(/requestBody\/content\/application~1json example shop_app/);
    expect(where).toMatch(/ListOA\/post\/requestBody\/content\/application~1json example first_page/);
    expect(where).toMatch(/InvalidArgument\/content\/application~1json example malformed_json/);
    expect(where).toMatch(/parameters\/scope example$/m);
    expect(where).toMatch(/schemas\/Int64String examples\[0\]/);
    expect(where).toMatch(
      /^#\/webhooks\/user_send_text\/post\/requestBody\/content\/application~1json example question$/m,
    );
    expect(where).toMatch(/^#\/webhooks\/user_send_text\/post\/parameters\/0 example$/m);
  });

  it.each(examples.map((example) => [example.where, example] as const))("%s validates against its schema", (_, e) => {
    expect(validator.check(e.schemaPointer, e.value)).toBeUndefined();
  });
});

/** The named examples of a shared response, as `$ref`s to `#/components/examples/...`, unresolved. */
function exampleRefs(response: string): Record<string, unknown> {
  const shared = spec.components.responses?.[response] as { content?: Record<string, { examples?: object }> };
  return (shared?.content?.["application/json"]?.examples ?? {}) as Record<string, unknown>;
}

// An operation's own error response (ConnectOAInvalidArgument, OANotFound) replaces the shared one in its
// `$ref`, so it must still document every shared example, by reference, not a copy that could drift.
describe.each([
  ["InvalidArgument", /InvalidArgument$/],
  ["BadRoute", /NotFound$/],
])("every variant of %s", (shared, variant) => {
  const variants = Object.keys(spec.components.responses ?? {}).filter((name) => variant.test(name) && name !== shared);

  it("exists, so this check checks something", () => {
    expect(variants.length).toBeGreaterThan(0);
  });

  it.each(variants)("%s carries every shared example by $ref", (name) => {
    const own = exampleRefs(name);
    for (const [example, ref] of Object.entries(exampleRefs(shared))) {
      expect(own[example], `${name} lacks ${example}`).toEqual(ref);
      expect((ref as Reference).$ref).toMatch(/^#\/components\/examples\//);
    }
  });
});

interface Webhook {
  post: {
    parameters?: (Reference | { name?: string })[];
    requestBody: { content: { "application/json": { schema: Reference; examples: Record<string, unknown> } } };
  };
}

const allWebhooks = Object.entries((spec.webhooks ?? {}) as Record<string, Webhook>);
/** Zalo's events are the webhooks Zalo signs (`X-ZEvent-Signature`); eTelecom's own posts are not signed. */
const signed = ([, webhook]: [string, Webhook]) =>
  (webhook.post.parameters ?? []).some(
    (parameter) => deref<{ name?: string }>(spec, parameter).name === "X-ZEvent-Signature",
  );
const webhooks = allWebhooks.filter(signed);
const deliveries = allWebhooks.filter((entry) => !signed(entry));
const zaloEvent = spec.components.schemas?.ZaloEvent as { oneOf: Reference[] };

// A receiver types an event as ZaloEvent and narrows it by `event_name`: the union must hold every webhook's body,
// and each event must match exactly one of its members, the one its `event_name` names.
describe("the Zalo events", () => {
  it("are documented as webhooks", () => {
    expect(webhooks.length).toBeGreaterThan(0);
  });

  it("make up ZaloEvent, one member per webhook", () => {
    const bodies = webhooks.map(([, webhook]) => webhook.post.requestBody.content["application/json"].schema.$ref);
    expect(zaloEvent.oneOf.map((member) => member.$ref).sort()).toEqual(bodies.sort());
  });

  it.each(webhooks)("%s: its body's event_name is the webhook's name", (name, webhook) => {
    const body = deref<{ allOf: { properties?: { event_name?: { const?: string } } }[] }>(
      spec,
      webhook.post.requestBody.content["application/json"].schema,
    );
    expect(body.allOf.map((part) => part.properties?.event_name?.const).filter(Boolean)).toEqual([name]);
  });

  it.each(webhooks)("%s: each example is exactly one ZaloEvent", (_, webhook) => {
    const named = Object.values(webhook.post.requestBody.content["application/json"].examples);
    expect(named.length).toBeGreaterThan(0);
    for (const example of named) {
      const { value } = deref<{ value: unknown }>(spec, example as { value: unknown });
      expect(validator.check("#/components/schemas/ZaloEvent", value)).toBeUndefined();
    }
  });
});

// eTelecom's own posts to a CreateWebhook subscription: one per entity, each example a WebhookDelivery.
describe("eTelecom's subscription posts", () => {
  it("are documented as the unsigned webhooks, zl_oa_message among them", () => {
    expect(deliveries.map(([name]) => name)).toContain("zl_oa_message");
  });

  it.each(deliveries)("%s: each example is a WebhookDelivery", (_, webhook) => {
    const named = Object.values(webhook.post.requestBody.content["application/json"].examples);
    expect(named.length).toBeGreaterThan(0);
    for (const example of named) {
      const { value } = deref<{ value: unknown }>(spec, example as { value: unknown });
      expect(validator.check("#/components/schemas/WebhookDelivery", value)).toBeUndefined();
    }
  });
});
