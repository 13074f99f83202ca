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

let ports: { mock: number; demo: number };
let zaloApp: ReturnType<typeof exampleApp>;
try {
  ports = { mock: readPort("MOCK_PORT", process.env.MOCK_PORT, 4010), demo: readPort("PORT", process.env.PORT, 3000) };
  zaloApp = exampleApp();
} catch (error) {
  fail((error as Error).message);
}
const mock: RunningMock = await startMock({ port: ports.mock, host: HOST }).catch((error: NodeJS.ErrnoException) =>
  fail(listenError(error, "the mock", "MOCK_PORT", ports.mock, HOST)),
);
const demo: RunningDemo = await startDemo(
  { etelecom: { apiKey: DEMO_KEY, scope: "shop", baseUrl: mock.url }, zaloApp },
  { port: ports.demo, host: HOST },
).catch(async (error: NodeJS.ErrnoException) => {
  await mock.close();
  return fail(listenError(error, "the demo", "PORT", ports.demo, HOST));
});
closeOnSignal(demo, mock);
// Printed last: a script that waits for this line may stop the demo right away.
console.log(`Open ${demo.url} to try the demo shop (eTelecom mock on ${mock.url}; Ctrl-C stops both)`);
