import type { Scope, ZaloCloudClient } from "@etelecom-zalo/client";
import { CONSENT_PAGE_OAS } from "@etelecom-zalo/mock";
import { findOperation, loadSpec, readMockDeclarations } from "@etelecom-zalo/openapi";
import { describe, expect, it } from "vitest";
import { apiError } from "../support/api-error.js";
import { ownExamples } from "../support/audit.js";
import { advanceClock, methodOf } from "../support/client.js";
import { connectedClient } from "../support/connect.js";

// Zalo's rules, provoked for real (no Prefer) on every operation whose x-mock names one of Zalo's hooks and which
// documents the refusal: each example name below is one way a call breaks a rule, and the operations come from the
// spec, so a new operation that documents `not_following` is tested here without an edit. An operation's own
// refusal that nothing here provokes fails the first test, naming it. This is the one file that moves the clocked
// mock's time (tests in a file run one at a time; files run side by side).
type Body = Record<string, unknown>;
interface Case {
  client: ZaloCloudClient;
  operationId: string;
  body: Body;
  scope: Scope;
}

const spec = loadSpec();
const { operations, resources } = readMockDeclarations(spec);
const call = ({ client, operationId }: Case, body: Body) => methodOf(client, operationId)(body);

/** The consent page's OA with the least ZNS quota left: the one whose quota a test can use up quickly. */
const lowQuota = [...CONSENT_PAGE_OAS]
  .map(({ oa_id, remaining_quota = 0 }) => ({ oa_id, remaining_quota }))
  .sort((a, b) => a.remaining_quota - b.remaining_quota)[0] as { oa_id: string; remaining_quota: number };

/** A body whose journey (if it names one) exists: a journey for its phone, created first. */
async function withJourney({ client }: Case, body: Body): Promise<Body> {
  if (!("journey_id" in body)) return body;
  const journey = await client.createJourney({ oa_id: body.oa_id as string, phone: body.phone as string });
  return { ...body, journey_id: journey.journey_id };
}

/** The follower the example's OA has, matching `keep`. */
async function followerWhere(
  { client, body }: Case,
  keep: (f: { state: string; last_conversation?: { direction?: string; sent_time?: string } }) => boolean,
) {
  for await (const follower of client.listFollowers.all({ filter: { oa_id: body.oa_id as string } })) {
    if (keep(follower)) return follower.zl_user_id;
  }
  throw new Error("the consent page's OA has no such follower");
}

/** How to break each rule, by the name of the example that documents the refusal. */
const PROVOKE: Record<string, (c: Case, example: { msg: string }) => Promise<unknown>> = {
  async not_following(c) {
    const user_id = await followerWhere(c, (f) => f.state !== "follow");
    return call(c, { ...c.body, recipient: { user_id } });
  },
  async window_closed(c) {
    const user_id = await followerWhere(
      c,
      (f) =>
        f.state === "follow" &&
        f.last_conversation?.direction === "in" &&
        Date.now() - Date.parse(f.last_conversation.sent_time ?? "") > 49 * 3600e3,
    );
    return call(c, { ...c.body, recipient: { user_id } });
  },
  async reply_quota_exhausted(c) {
    for (let sent = 0; sent < 8; sent++) await call(c, c.body);
    return call(c, c.body);
  },
  template_not_on_zalo: (c) => call(c, { ...c.body, template_id: 1 }),
  // The template CreateTemplate's own example registers: on Zalo, and not registered until then.
  async template_not_registered(c) {
    const { template_id } = findOperation("CreateTemplate").requestExample as { template_id: number };
    return call(c, await withJourney(c, { ...c.body, template_id }));
  },
  async template_not_enabled(c) {
    const { templates } = await c.client.listTemplates({ filter: { oa_id: c.body.oa_id as string } });
    const disabled = templates.find((template) => template.template_status !== "ENABLE");
    return call(c, await withJourney(c, { ...c.body, template_id: disabled?.template_id }));
  },
  not_an_admin: async (c) => call(c, await withJourney(c, { ...c.body, mode: "development" })),
  async zns_quota_exhausted(c) {
    const client = await connectedClient(c.scope, lowQuota.oa_id);
    const sent = { ...c, client };
    const body = await withJourney(sent, { ...c.body, oa_id: lowQuota.oa_id });
    for (let i = 0; i < lowQuota.remaining_quota; i++) await call(sent, body);
    return call(sent, body);
  },
  // The parameter the example names, left out or made one character longer than it allows.
  async template_param_missing(c, { msg }) {
    const name = /^template_data\.(\w+):/.exec(msg)?.[1] as string;
    const { [name]: _left, ...template_data } = c.body.template_data as Body;
    return call(c, await withJourney(c, { ...c.body, template_data }));
  },
  async template_param_too_long(c, { msg }) {
    const [, name = "", max = "0"] = /^template_data\.(\w+): must be at most (\d+)/.exec(msg) ?? [];
    const template_data = { ...(c.body.template_data as Body), [name]: "x".repeat(Number(max) + 1) };
    return call(c, await withJourney(c, { ...c.body, template_data }));
  },
  journey_not_found: (c) => call(c, { ...c.body, journey_id: "1" }),
  async journey_phone_mismatch(c) {
    const body = await withJourney(c, c.body);
    return call(c, { ...body, phone: (body.phone as string).replace(/\d$/, (d) => String((Number(d) + 1) % 10)) });
  },
  // On the clocked mock, whose time this file alone moves: past the longest journey a token type names.
  async journey_expired(c) {
    const clocked = { ...c, client: await connectedClient(c.scope, c.body.oa_id as string, { clocked: true }) };
    const body = await withJourney(clocked, c.body);
    await advanceClock(31 * 24 * 3600e3);
    return call(clocked, body);
  },
};

/**
 * Every own example of a status a rule decides (400, 404, 412, 429), of every operation whose x-mock names a hook
 * that works within an OA (a resource owned by one): the consent flow's hooks are the connect-flow test's.
 */
const RULE_STATUSES = [400, 404, 412, 429];
const refusals = Object.entries(operations).flatMap(([operationId, declaration]) => {
  if (!("action" in declaration) || declaration.action !== "hook") return [];
  if (declaration.resource === undefined || resources[declaration.resource]?.owner === undefined) return [];
  const operation = findOperation(operationId, spec);
  return [...ownExamples(spec, operation)]
    .filter(([status]) => RULE_STATUSES.includes(status))
    .flatMap(([status, names]) =>
      [...names]
        .filter((name) => name !== "oa_not_found")
        .map((name) => ({
          operationId,
          name,
          status,
          body: operation.responses.find((r) => r.status === status)?.examples.get(name) as { msg: string },
        })),
    );
});

it("knows how to provoke every rule an operation with a hook documents (oa_not_found is the declared-behaviour test's)", () => {
  expect(refusals.length).toBeGreaterThan(0);
  expect(
    refusals.filter(({ name }) => !(name in PROVOKE)).map(({ operationId, name }) => `${operationId} ${name}`),
  ).toEqual([]);
});

describe.each<Scope>(["shop", "partner"])("Zalo's rules, provoked for real, as %s", (scope) => {
  it.each(refusals.filter(({ name }) => name in PROVOKE))(
    "$operationId answers $status $name",
    async ({ operationId, name, status, body }) => {
      const request = findOperation(operationId, spec).requestExample as Body;
      const client = await connectedClient(scope, (request.oa_id ?? CONSENT_PAGE_OAS[0]?.oa_id) as string);
      const provoke = PROVOKE[name] as (typeof PROVOKE)[string];
      const error = await apiError(provoke({ client, operationId, body: request, scope }, body) as Promise<unknown>);
      expect(error).toMatchObject({ status, body });
    },
  );
});

describe.each<Scope>(["shop", "partner"])("Zalo's time, on the clocked mock, as %s", (scope) => {
  const oa_id = CONSENT_PAGE_OAS[0]?.oa_id as string;
  it("follows a ZNS to seen and a call-consent request to agreed as the mock's clock moves", async () => {
    const zalo = await connectedClient(scope, oa_id, { clocked: true });
    const message = await zalo.sendZNS(findOperation("SendZNS").requestExample as Parameters<typeof zalo.sendZNS>[0]);
    const phone = `849${String(Date.now()).slice(-8)}`.replace(/(000|999)$/, "123");
    await zalo.requestConsent({ oa_id, phone, call_type: "audio", reason_code: "order_appointment_confirmation" });
    expect(await zalo.checkConsent({ oa_id, phone })).toEqual({ error: 1, message: "not granted" });
    await advanceClock(30_000);
    const { messages } = await zalo.listMessages({
      filter: { oa_id, msg_id: message.msg_id, delivery_status: "seen" },
    });
    expect(messages).toHaveLength(1);
    expect(await zalo.checkConsent({ oa_id, phone })).toMatchObject({ error: 0, message: "granted" });
    const { consents } = await zalo.listRequestConsent({ filter: { oa_id, phone, reply_status: "P" } });
    expect(consents).toHaveLength(1);
  });
});
