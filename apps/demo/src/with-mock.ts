#!/usr/bin/env node
// `pnpm demo`: the demo on the eTelecom mock, in one process, so that one Ctrl-C stops both.
import { type RunningMock, startMock } from "@etelecom-zalo/mock";
import { exampleApp } from "./example-app.js";
import { listenError } from "./listen-error.js";
import { readPort } from "./read-env.js";
import { closeOnSignal, fail } from "./run-until-signal.js";
import { type RunningDemo, startDemo } from "./start-demo.js";

/** The shop's key on the mock: any key works there, and each one is a shop of its own. */
const DEMO_KEY = "demo-shop";
const HOST = "127.0.0.1";
/** The OA secret key the mock signs Zalo's events with, and the demo verifies them with. */
const OA_SECRET_KEY = "mock-oa-secret-key";
/**
 * How far an event's timestamp may lie from now: a year, not the client's 5 minutes. The mock stamps events with
 * its own clock, which POST /__clock moves ahead of this machine's (30 s to see a ZNS seen, days to near a token's
 * expiry); a replayed event is no threat to a demo on 127.0.0.1. A real shop keeps the default.
 */
const TOLERANCE_MS = 366 * 86_400_000;

let ports: { mock: number; demo: number };
let zaloApp: ReturnType<typeof exampleApp>;
try {
  ports = { mock: readPort("MOCK_PORT", process.env.MOCK_PORT, 4010), demo: readPort("PORT", process.env.PORT, 3000) };
  zaloApp = exampleApp();
} catch (error) {
  fail((error as Error).message);
}
const mock: RunningMock = await startMock({ port: ports.mock, host: HOST, oaSecretKey: OA_SECRET_KEY }).catch(
  (error: NodeJS.ErrnoException) => fail(listenError(error, "the mock", "MOCK_PORT", ports.mock, HOST)),
);
const demo: RunningDemo = await startDemo(
  {
    etelecom: { apiKey: DEMO_KEY, scope: "shop", baseUrl: mock.url },
    zaloApp,
    zaloWebhook: { oaSecretKey: OA_SECRET_KEY, toleranceMs: TOLERANCE_MS },
  },
  { port: ports.demo, host: HOST },
).catch(async (error: NodeJS.ErrnoException) => {
  await mock.close();
  return fail(listenError(error, "the demo", "PORT", ports.demo, HOST));
});
closeOnSignal(demo, mock);
// Printed last: a script that waits for this line may stop the demo right away.
console.log(`Open ${demo.url} to try the demo shop (eTelecom mock on ${mock.url}; Ctrl-C stops both)`);
