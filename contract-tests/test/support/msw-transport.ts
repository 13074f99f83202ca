// The msw project's transport: the suite's two mocks as MSW handlers, answering the global `fetch` that the
// recording fetch and `consent` call, in each test file's own process.
import { zaloCloudHandlers } from "@etelecom-zalo/mock/msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll } from "vitest";
import { MSW_ORIGINS, RATE_LIMIT } from "./transports.js";

const [stateful, stateless, rateLimited, clocked] = await Promise.all([
  zaloCloudHandlers(),
  zaloCloudHandlers({ stateless: true, baseUrl: MSW_ORIGINS.stateless }),
  zaloCloudHandlers({ rateLimit: RATE_LIMIT, baseUrl: MSW_ORIGINS.rateLimited }),
  zaloCloudHandlers({ baseUrl: MSW_ORIGINS.clocked }),
]);
// MSW asks its handlers in order: both intercept production's and sandbox's origins, where the stateful ones,
// listed first, answer; only the stateless ones intercept their own origin.
const server = setupServer(...stateful, ...stateless, ...rateLimited, ...clocked);

// "error": a request to any other origin fails the test instead of going out to the network.
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
