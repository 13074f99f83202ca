#!/usr/bin/env node
import { startMock } from "./start-mock.js";

const port = Number(process.env.PORT ?? 4010);
const host = process.env.HOST ?? "127.0.0.1";

const mock = await startMock({ port, host });
console.log(`eTelecom Zalo Cloud mock listening on ${mock.url}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    mock.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
