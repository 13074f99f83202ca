import { preflight, toResponse } from "../answer/to-response.js";
import { createRateLimit } from "../auth/rate-limit.js";
import { recordsOf } from "../behaviour/declared.js";
import { consentRoutes } from "../consent/consent-routes.js";
import { consentHooks } from "../consent/hooks.js";
import { createConsentLinks } from "../consent/links.js";
import { type Answer, apiError } from "../core/answer.js";
import type { Latency, RateLimit } from "../core/faults.js";
import type { MockRequest } from "../core/mock-request.js";
import { checkOptions, optionNames, proxyOrigin, publicBase } from "../core/options.js";
import { loadShared } from "../core/prism.js";
import { createEvents } from "../events/events.js";
import { eventPages } from "../events/pages.js";
import { landingPage } from "../pages/landing.js";
import { controlPages, type Page, violationsPage } from "../pages/pages.js";
import { PROXY_TIMEOUT } from "../proxy/forward.js";
import { createProxy, type ProxyStage } from "../proxy/proxy.js";
import { createRecorder } from "../proxy/record.js";
import { createViolations } from "../proxy/violations.js";
import { serveReference } from "../reference/serve-reference.js";
import { createFaultDraw, createLatency } from "../scenario/chaos.js";
import { createClock } from "../store/clock.js";
import { checkFixtures, type Fixtures } from "../store/fixtures.js";
import { keyTag } from "../store/ids.js";
import { createStore, type KeyData } from "../store/store.js";
import { zaloHooks } from "../zalo/hooks.js";
import { DELIVERY, type DeliveryTimes } from "../zalo/zns.js";
import { fixtureResources, loadDeclarations } from "./declarations.js";
import { performFetch } from "./perform-fetch.js";
import { createPipeline } from "./pipeline.js";
import { restoreFixtures } from "./restore-fixtures.js";

/** Options of {@link createMockEngine}. */
export interface MockEngineOptions {
  /** Answer every valid request with its documented example (or generated data with `dynamic`), keeping no state. */
  stateless?: boolean;
  /** Generate varied success bodies wherever no state and no `Prefer` decides the answer. */
  dynamic?: boolean;
  /**
   * Where consent links point, when the mock is reached through a proxy or a container port (e.g.
   * `https://mock.example.com` or `http://localhost:8080/mock`); by default the origin a server listens on, and in
   * process (engine, MSW handlers) the origin each request was sent to.
   */
  publicUrl?: string;
  /**
   * Records of each resource per Bearer key to start with, and to go back to on reset (`{ "<key>": { "oa": [...] } }`);
   * checked against each resource's schema and caps when the engine starts, restored when a key is first used.
   */
  fixtures?: Fixtures;
  /** Seeds every id, code and state the mock makes: the same requests on a fresh mock get the same answers. */
  seed?: number;
  /** The clock, in milliseconds since the epoch: links, codes, times and the rate limit's windows are read from it. */
  now?: () => number;
  /**
   * Milliseconds every API answer waits, or `{ min, max }` to draw each between (at most 60000); a request's own
   * `Prefer: delay=<ms>` wins. The wait ends early when the client goes away.
   */
  latency?: Latency;
  /**
   * The share of API calls (0 to 1) that fail with a fault drawn evenly among `reset`, `timeout`, `truncated` and
   * `unavailable`, instead of being answered; drawn per key from the `seed`, so a run repeats.
   */
  faultRate?: number;
  /** At most `requests` calls per Bearer key in each window of `seconds`; the rest are 429 with `Retry-After`. */
  rateLimit?: RateLimit;
  /**
   * When a sent ZNS becomes `received`, then `seen`, after its `sent_time`, in milliseconds of the mock's clock: 5,000
   * and 30,000 by default (the spec's `zns-delivery` view); each from 0 to a day, received no later than seen.
   */
  znsDelivery?: DeliveryTimes;
  /**
   * The secret key every OA signs its Zalo events with (1 to 256 characters), unless a fixture OA gives its own
   * `oa_secret_key`; `mock-oa-secret-key` by default.
   */
  oaSecretKey?: string;
  /**
   * Receives each delivery (an OA's Zalo event, a subscription's post) instead of `fetch`, and answers it as the
   * receiver would: in process, a test can take them without a server. A rejection counts as no answer.
   */
  onDelivery?: (delivery: Request) => Response | Promise<Response>;
  /** Receives one line per request: method, path, a tag of the key, status, and what decided the answer. */
  log?: (line: string) => void;
  /** Another OpenAPI document than the project's (for the mock's own tests). */
  specPath?: string;
  /**
   * Forward every API call to eTelecom instead of answering it: `sandbox`, `production` (eTelecom's origins) or an
   * http(s) origin. The caller's key goes with each call and eTelecom's answer comes back; every way a request or an
   * answer breaks the spec is reported (`GET /__violations`, the landing page, and one line each to `report`).
   */
  proxy?: string;
  /** Milliseconds eTelecom has to answer a forwarded call, body included (default 30000); then 502 `unavailable`. */
  proxyTimeout?: number;
  /**
   * With `proxy`: a fixtures file to write eTelecom's records to, as its right success answers show them, each key
   * under a label (`recorded-1`, …) and never the key itself, secrets redacted; `fixtures` replays it.
   */
  record?: string;
  /** Receives one line per violation the proxy finds and per record it leaves out; `log` by default. */
  report?: (line: string) => void;
}

/** The options of the mock's behaviour, which every entry point takes (the server and the handlers add their own). */
export const BEHAVIOUR_OPTIONS = {
  stateless: true,
  dynamic: true,
  publicUrl: true,
  fixtures: true,
  seed: true,
  now: true,
  latency: true,
  faultRate: true,
  rateLimit: true,
  znsDelivery: true,
  oaSecretKey: true,
  onDelivery: true,
} as const;

/** The options of the proxy, which only a server and an engine take: MSW handlers that fetched would catch it. */
export const PROXY_OPTIONS = {
  proxy: true,
  proxyTimeout: true,
  record: true,
} as const;

const ENGINE_OPTIONS = optionNames({
  ...BEHAVIOUR_OPTIONS,
  ...PROXY_OPTIONS,
  log: true,
  report: true,
  specPath: true,
} satisfies Record<keyof MockEngineOptions, true>);

/** The mock's whole behaviour, transport aside: a fetch `Request` in, a `Response` out. */
export interface MockEngine {
  /**
   * Answers one request. Never rejects: a failure is a 500 `internal` answer, and a fault a `Response.error()` (a
   * network error for fetch), a body that fails half-way, or an answer held until the request's signal aborts.
   */
  handle(request: Request): Promise<Response>;
  /** Forgets one key's state (`key` given), or every key's: back to the fixtures, as `POST /__reset` does. */
  reset(key?: string): void;
  /** Stops delivering events: clears the deliveries' timer and aborts the attempts under way. */
  close(): void;
}

/**
 * The engine under `handle`, for the node:http adapter: the same decisions on a {@link MockRequest}, answered as an
 * {@link Answer} (a `Response` only for the reference's files), so a socket's request needs no fetch objects.
 */
export interface EngineCore {
  /** Decides the answer to one request. Never rejects: a failure is a 500 `internal` answer. */
  answer(request: MockRequest): Promise<Answer | Response>;
  reset(key?: string): void;
  close(): void;
}

/**
 * Creates an engine on the spec. The spec, its operations and Prism are loaded once per process, so a second engine
 * is ready in a few milliseconds; each engine has its own state. Rejects with a one-line Error for bad options.
 */
export async function createMockEngine(options: MockEngineOptions = {}): Promise<MockEngine> {
  const core = await createEngineCore(options);
  return {
    async handle(request) {
      const answer = await core.answer(request);
      if (answer instanceof Response) return answer;
      return answer.delay === undefined && answer.fault === undefined
        ? toResponse(answer, request)
        : performFetch(answer, request);
    },
    reset: core.reset,
    close: core.close,
  };
}

/**
 * Creates the {@link EngineCore} that {@link createMockEngine} wraps; the same options, and for a server the origin
 * it listens on, where its consent links point unless `publicUrl` says otherwise. Without it (in process, where
 * nothing listens) they point at the origin each request was sent to, which the caller's own code chose.
 */
export async function createEngineCore(
  options: MockEngineOptions = {},
  listenOrigin?: () => string,
): Promise<EngineCore> {
  checkOptions(options, ENGINE_OPTIONS);
  const shared = await loadShared(options.specPath);
  const { stateless = false, dynamic = false, log } = options;
  // Checked above: a publicUrl that gives no base was refused.
  const publicUrl =
    options.publicUrl === undefined ? undefined : (publicBase(options.publicUrl) as { base: string }).base;
  // Never a request's Host or absolute-form target on a server: a client could make the links point anywhere.
  const base = publicUrl !== undefined ? () => publicUrl : (listenOrigin ?? ((url: URL) => url.origin));
  const clock = createClock(options.now ?? Date.now);
  const { now } = clock;
  let restore: Parameters<typeof createStore>[0]["restore"];
  let fixtureKeys: string[] = [];
  const seed = options.seed ?? 0;
  const store = createStore({ seed, now, restore: (...args) => restore?.(...args) });
  const links = createConsentLinks(store);
  const consent = consentHooks(links);
  const delivery = options.znsDelivery ?? DELIVERY;
  const zalo = zaloHooks(delivery);
  const hooks = {
    hooks: { ...consent.hooks, ...zalo.hooks },
    samples: { ...consent.samples, ...zalo.samples },
    views: { ...consent.views, ...zalo.views },
  };
  const declarations = loadDeclarations(shared, hooks);
  if (options.fixtures !== undefined) {
    const { resources, checkRecords } = fixtureResources(shared, declarations, hooks);
    const fixtures = checkFixtures(options.fixtures, resources, checkRecords);
    fixtureKeys = Object.keys(fixtures);
    restore = (into, data) => restoreFixtures(fixtures, declarations, hooks, into, data);
  }
  const violations = createViolations(options.report ?? log);
  const origin = options.proxy === undefined ? undefined : (proxyOrigin(options.proxy) as { origin: string }).origin;
  let proxy: ProxyStage | undefined;
  if (origin !== undefined) {
    const recorder =
      options.record === undefined
        ? undefined
        : createRecorder({
            path: options.record,
            spec: shared.spec,
            operations: shared.operations,
            declarations,
            ...fixtureResources(shared, declarations, hooks),
            ...((options.report ?? log) && { report: options.report ?? log }),
          });
    const timeout = options.proxyTimeout ?? PROXY_TIMEOUT;
    proxy = createProxy({ shared, origin, timeout, violations, ...(recorder && { recorder }) });
  }
  const pipe = createPipeline({
    shared,
    declarations,
    hooks,
    store,
    stateless,
    dynamic,
    base,
    ...(proxy && { proxy }),
    ...(options.rateLimit !== undefined && { rateLimit: createRateLimit(options.rateLimit, now) }),
    ...(options.faultRate && { drawFault: createFaultDraw(seed, options.faultRate) }),
    ...(options.latency !== undefined && { latency: createLatency(seed, options.latency) }),
  });
  const records = (data: KeyData, oa?: Record<string, unknown>) =>
    recordsOf({ store, data, declarations, hooks }, oa && { id: String(oa.oa_id), record: oa });
  const { onDelivery } = options;
  const events = createEvents({
    store,
    clock,
    records,
    ...(options.oaSecretKey !== undefined && { oaSecretKey: options.oaSecretKey }),
    send: onDelivery === undefined ? (request) => fetch(request) : async (request) => onDelivery(request),
    delivery,
  });
  const disabled = stateless
    ? "the mock is stateless"
    : origin === undefined
      ? undefined
      : "the mock forwards to eTelecom";
  const pages: Page[] = [
    landingPage(shared, fixtureKeys, origin === undefined ? undefined : { origin, report: violations.report }),
    ...controlPages(store, clock),
    violationsPage(violations.report),
    ...consentRoutes(links, now),
    ...eventPages({ store, events, records, ...(disabled !== undefined && { disabled }) }),
  ];

  async function decide(request: MockRequest, url: URL): Promise<{ answer: Answer | Response; key?: string }> {
    const reference = await serveReference(request, url.pathname);
    if (reference !== undefined) return { answer: reference };
    const page = pages.find(({ method, path }) => method === request.method && path === url.pathname);
    if (page) return { answer: await page.answer(request, url) };
    return pipe(request, url);
  }

  return {
    async answer(request) {
      const url = new URL(request.url);
      if (request.method === "OPTIONS" && request.headers.has("access-control-request-method")) {
        // A control endpoint is for the developer's own tools: a page on another site gets no grant to reach it.
        const control = pages.some((page) => page.control && page.path === url.pathname);
        log?.(`OPTIONS ${url.pathname} -> 204 CORS preflight${control ? " (refused: a control endpoint)" : ""}`);
        return preflight(request, !control);
      }
      let decided: { answer: Answer | Response; key?: string };
      try {
        decided = await decide(request, url);
      } catch (failure) {
        const message = failure instanceof Error ? failure.message : String(failure);
        decided = { answer: apiError(500, "internal", `internal error: ${message}`) };
      }
      const { answer, key } = decided;
      const why = answer instanceof Response ? "API reference" : answer.why;
      log?.(`${request.method} ${url.pathname}${key ? ` ${keyTag(key)}` : ""} -> ${answer.status} ${why}`);
      return answer;
    },
    reset: (key) => (key === undefined ? store.resetAll() : store.resetKey(key)),
    close: events.close,
  };
}
