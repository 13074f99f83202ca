import { ORIGINS } from "@etelecom-zalo/client";

/** How the suite reaches the mock: a server on a loopback port, or MSW's handlers in the test's own process. */
export type Transport = "server" | "msw";

/** Where the suite's two mocks answer. */
export interface MockOrigins {
  /** The stateful mock, as `pnpm start` runs it: state per key, consent pages. */
  stateful: string;
  /** The same mock with `--stateless`: every valid request gets its documented example, whatever came before. */
  stateless: string;
  /** The stateful mock with `--rate-limit 1/3600`: a key's second call is 429, which nothing else provokes. */
  rateLimited: string;
  /**
   * A stateful mock whose clock one test file moves with `POST /__clock` (a journey token that expires): on the
   * shared mock, moving the clock would expire the consent codes of the files running beside it.
   */
  clocked: string;
  /**
   * A stateful mock whose OAs sign their events with {@link OA_SECRET_KEY}, and whose clock the events test moves
   * (a ZNS's receipts): the events test delivers every documented event from it to the suite's receiver.
   */
  events: string;
}

/**
 * Where the msw project's handlers answer: the stateful mock on production's origin, which the client calls when
 * given no `baseUrl`; the stateless one on an origin of its own, which only its handlers intercept.
 */
export const MSW_ORIGINS: MockOrigins = {
  stateful: ORIGINS.production,
  stateless: "https://stateless.mock.test",
  rateLimited: "https://rate-limited.mock.test",
  clocked: "https://clocked.mock.test",
  events: "https://events.mock.test",
};

/** Where the msw project's receiver of deliveries answers: its handler records each, as the server's receiver does. */
export const MSW_RECEIVER = "https://receiver.mock.test";

/** The secret key the events mock's OAs sign with: the suite's own, so the audit verifies against a known key. */
export const OA_SECRET_KEY = "contract-oa-secret-key";

/**
 * The rate-limited mock's limit: one call per key an hour, so a key's second call is refused, with a `Retry-After`
 * past the client's 60 s cap, which fails the call at once instead of waiting to retry.
 */
export const RATE_LIMIT = { requests: 1, seconds: 3600 };

/** The transport a vitest project of this suite uses, from its name. */
export function transportOf(projectName: string): Transport {
  if (projectName === "server" || projectName === "msw") return projectName;
  throw new Error(`the contract project "${projectName}" names no transport (expected "server" or "msw")`);
}
