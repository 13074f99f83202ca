#!/usr/bin/env node
import { type CliCommand, helpText, parseCliOptions } from "./cli-options.js";
import { DOCS_PATHS } from "./reference/docs-page.js";
import { startMock } from "./start-mock.js";

/** Prints one line to stderr and exits: a user's mistake or a busy port is not a crash, so no stack trace. */
function fail(message: string): never {
  console.error(`etelecom-zalo-mock: ${message}`);
  process.exit(1);
}

let command: CliCommand;
try {
  command = parseCliOptions(process.argv.slice(2), process.env);
} catch (error) {
  fail((error as Error).message);
}
if (command.help) {
  process.stdout.write(helpText());
  process.exit(0);
}
const { options } = command;

const mock = await startMock(options).catch((error: NodeJS.ErrnoException) =>
  fail(
    error.code === "EADDRINUSE"
      ? `port ${options.port} on ${options.host} is already in use (set PORT or --port to another one)`
      : error.code === undefined
        ? error.message
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
// Scripts wait for "listening on <url>", which stays first; the reference's address follows it.
console.log(`eTelecom Zalo Cloud mock listening on ${mock.url} (API reference: ${mock.url}${DOCS_PATHS.page})`);
