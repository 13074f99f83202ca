#!/usr/bin/env node
import { parseCliOptions } from "./cli-options.js";
import { startMock } from "./start-mock.js";

/** Prints one line to stderr and exits: a user's mistake or a busy port is not a crash, so no stack trace. */
function fail(message: string): never {
  console.error(`etelecom-zalo-mock: ${message}`);
  process.exit(1);
}

let options: ReturnType<typeof parseCliOptions>;
try {
  options = parseCliOptions(process.argv.slice(2), process.env);
} catch (error) {
  fail((error as Error).message);
}

const mock = await startMock(options).catch((error: NodeJS.ErrnoException) =>
  fail(
    error.code === "EADDRINUSE"
      ? `port ${options.port} on ${options.host} is already in use (set PORT or --port to another one)`
      : `cannot listen on ${options.host}:${options.port}: ${error.message}`,
  ),
);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    mock.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
// Printed last: a script that waits for this line may signal the mock right away.
console.log(`eTelecom Zalo Cloud mock listening on ${mock.url}`);
