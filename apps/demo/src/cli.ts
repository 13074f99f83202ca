#!/usr/bin/env node
import { listenError } from "./listen-error.js";
import { type DemoEnv, readEnv } from "./read-env.js";
import { closeOnSignal, fail } from "./run-until-signal.js";
import { type RunningDemo, startDemo } from "./start-demo.js";

let env: DemoEnv;
try {
  env = readEnv(process.env);
} catch (error) {
  fail((error as Error).message);
}
const { config, port, host } = env;
const demo: RunningDemo = await startDemo(config, { port, host }).catch((error: NodeJS.ErrnoException) =>
  fail(listenError(error, "the demo", "PORT", port, host)),
);
closeOnSignal(demo);
// Printed last: a script that waits for this line may stop the demo right away.
console.log(
  `Shop settings demo on ${demo.url}${demo.url === demo.listening ? "" : ` (listening on ${demo.listening})`}`,
);
