import { findOperation, loadSpec, readMockDeclarations } from "@etelecom-zalo/openapi";
import { type BenchRequest, headersFor, JSON_TYPE } from "./requests.js";

// What a load run of a call that changes state needs, so that every request of it is answered 200 by our mock, as a
// request of a read is: the spec's own request example, spread over many shops (keys) so that no shop reaches a cap
// or a quota of Zalo's (8 replies a window, a ZNS quota, 20 subscriptions), and, for a call that needs a record made
// first (a journey, a subscription to delete), those records made through the operation that creates them. Derived
// from the operations' x-mock declarations, never from their names.
const spec = loadSpec();
const { operations, resources } = readMockDeclarations(spec);

/** Shops the fixtures give the same OAs to: enough that 3 s of ZNS at 10,000/s never empties one's quota. */
export const SHOPS = 1000;
/** The key of shop `n`; shop 0 is the one the reads use. */
export const shopKey = (n: number) => `bench-key-${n}`;

/** What a case sends: each request's headers and body, and a number of requests when a cap bounds the run. */
export interface Prepared {
  vary?: () => object;
  requests?: number;
}

const post = async (origin: string, path: string, key: string, body: unknown) => {
  const response = await fetch(origin + path, { method: "POST", headers: headersFor(key), body: JSON.stringify(body) });
  const answer = await response.json();
  if (!response.ok)
    throw new Error(`${path} answered ${response.status} while preparing a load run: ${JSON.stringify(answer)}`);
  return answer as Record<string, unknown>;
};

/** The operation whose x-mock makes records of `resource` (a journey for a ZNS in it, a subscription to delete). */
function creatorOf(resource: string) {
  const [operationId] =
    Object.entries(operations).find(
      ([, declaration]) =>
        "action" in declaration &&
        declaration.resource === resource &&
        declaration.action !== "list" &&
        declaration.action !== "read" &&
        declaration.action !== "delete" &&
        declaration.action !== "update" &&
        !("missing" in declaration && declaration.missing !== undefined),
    ) ?? [];
  if (operationId === undefined) throw new Error(`no operation creates ${resource}`);
  const { pathTemplate, requestExample } = findOperation(operationId, spec);
  return { path: pathTemplate.replace("{scope}", "shop"), body: requestExample as Record<string, unknown> };
}

/** The followers of shop 0's first OA whose 48-hour window is open: who a consultation message may go to. */
async function openWindows(origin: string, oa_id: string): Promise<string[]> {
  const page = await post(origin, "/v1/shop.Zalo/ListFollowers", shopKey(0), {
    filter: { oa_id },
    paging: { limit: 100 },
  });
  const followers = page.followers as {
    zl_user_id: string;
    state: string;
    last_conversation?: { sent_time?: string };
  }[];
  return followers
    .filter((f) => f.state === "follow" && Date.now() - Date.parse(f.last_conversation?.sent_time ?? "") < 47 * 3600e3)
    .map((f) => f.zl_user_id);
}

/**
 * How to load our mock with `request` from a fresh state (after `POST /__reset {"all": true}`): undefined for a read,
 * which any number of times answers 200 on shop 0.
 */
export async function prepare(origin: string, request: BenchRequest): Promise<Prepared | undefined> {
  const { operationId, object } = findOperation(request.name, spec);
  const declaration = operations[operationId];
  const idempotent = (object as { "x-idempotent"?: boolean })["x-idempotent"] === true;
  if (idempotent || declaration === undefined || "stateless" in declaration) return undefined;
  if (declaration.resource === undefined) return undefined;
  const example = JSON.parse(request.body) as Record<string, unknown>;
  const resource = resources[declaration.resource];
  const perShop = resource?.caps.entries ?? Number.POSITIVE_INFINITY;
  const bodies: { key: string; body: Record<string, unknown> }[][] = [];

  if (declaration.action === "delete") {
    // Each subscription can be deleted once: make every shop's, then delete each once.
    const { path, body } = creatorOf(declaration.resource);
    const key = declaration.key ?? resource?.key ?? "id";
    for (let n = 0; n < SHOPS; n++) {
      const shop = [];
      for (let i = 0; i < perShop; i++)
        shop.push({ key: shopKey(n), body: { [key]: (await post(origin, path, shopKey(n), body))[key] } });
      bodies.push(shop);
    }
  } else {
    const recipients = "recipient" in example ? await openWindows(origin, example.oa_id as string) : [undefined];
    // A field that names a record of another resource that only a call makes (a journey; templates are seeded):
    // one made per shop first.
    const needs = Object.entries(resources).find(
      ([name, other]) =>
        name !== declaration.resource &&
        other.key in example &&
        other.owner !== undefined &&
        other.sample === undefined,
    );
    for (let n = 0; n < SHOPS; n++) {
      const made =
        needs === undefined
          ? {}
          : {
              [needs[1].key]: (await post(origin, creatorOf(needs[0]).path, shopKey(n), creatorOf(needs[0]).body))[
                needs[1].key
              ],
            };
      bodies.push(
        recipients.map((user_id) => ({
          key: shopKey(n),
          body: { ...example, ...made, ...(user_id && { recipient: { user_id } }) },
        })),
      );
    }
  }
  // Round-robin over the shops, then over each shop's variants: each shop is used as little as possible.
  const queue = bodies[0]?.flatMap((_, i) => bodies.map((shop) => shop[i])).filter((item) => item !== undefined) ?? [];
  let next = 0;
  const capped = perShop <= 100 ? SHOPS * perShop : undefined;
  return {
    vary: () => {
      const { key, body } = queue[next++ % queue.length] as { key: string; body: unknown };
      return { headers: { ...JSON_TYPE, authorization: `Bearer ${key}` }, body: JSON.stringify(body) };
    },
    ...(capped !== undefined && { requests: capped }),
  };
}
