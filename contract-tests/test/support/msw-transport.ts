// The msw project's transport: the suite's mocks as MSW handlers, answering the global `fetch` that the recording
// fetch and `consent` call, in each test file's own process, and the receiver of the events they deliver.
import { zaloCloudHandlers } from "@etelecom-zalo/mock/msw";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, inject } from "vitest";
import { recordDelivery } from "./delivery.js";
import { MSW_ORIGINS, MSW_RECEIVER, OA_SECRET_KEY, RATE_LIMIT } from "./transports.js";

const [stateful, stateless, rateLimited, clocked, events] = await Promise.all([
  zaloCloudHandlers(),
  zaloCloudHandlers({ stateless: true, baseUrl: MSW_ORIGINS.stateless }),
  zaloCloudHandlers({ rateLimit: RATE_LIMIT, baseUrl: MSW_ORIGINS.rateLimited }),
  zaloCloudHandlers({ baseUrl: MSW_ORIGINS.clocked }),
  zaloCloudHandlers({ baseUrl: MSW_ORIGINS.events, oaSecretKey: OA_SECRET_KEY }),
]);
const recordFile = `deliveries-${process.pid}-${crypto.randomUUID()}`;
/** The receiver of the mocks' deliveries: records each as it arrived, then answers 200, as the server's does. */
const receiver = http.post(new RegExp(`^${MSW_RECEIVER.replaceAll(".", "\\.")}/`), async ({ request }) => {
  const delivery = { url: request.url, headers: Object.fromEntries(request.headers), body: await request.text() };
  recordDelivery(inject("recordDir"), recordFile, delivery);
  return HttpResponse.json({});
});
// MSW asks its handlers in order: both intercept production's and sandbox's origins, where the stateful ones,
// listed first, answer; only the stateless ones intercept their own origin.
const mocks = [stateful, stateless, rateLimited, clocked, events];
const server = setupServer(...mocks.flat(), receiver);

// "error": a request to any other origin fails the test instead of going out to the network.
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => {
  server.close();
  for (const mock of mocks) mock.close();
});
