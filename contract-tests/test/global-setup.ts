import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startMock } from "@etelecom-zalo/mock";
import { loadSpec } from "@etelecom-zalo/openapi";
import type { TestProject } from "vitest/node";
import { auditDeliveries, auditExchanges, describeMissing, describeUndelivered, FORCED_ONLY } from "./support/audit.js";
import { readDeliveries, startReceiver } from "./support/delivery.js";
import { readExchanges } from "./support/exchange.js";
import {
  type MockOrigins,
  MSW_ORIGINS,
  MSW_RECEIVER,
  OA_SECRET_KEY,
  RATE_LIMIT,
  type Transport,
  transportOf,
} from "./support/transports.js";
import { createValidator } from "./support/validator.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The stateful mock, as `pnpm start` runs it: state per key, consent pages. */
    mockUrl: string;
    /** The same mock with `--stateless`: every valid request gets its documented example, whatever came before. */
    statelessMockUrl: string;
    /** The stateful mock with a rate limit of one call per key an hour. */
    rateLimitedMockUrl: string;
    /** A stateful mock whose clock one test file moves. */
    clockedMockUrl: string;
    /** A stateful mock whose OAs sign with OA_SECRET_KEY and whose clock the events test moves. */
    eventsMockUrl: string;
    /** Where the suite's receiver records the events the mocks deliver (any path under it). */
    receiverUrl: string;
    recordDir: string;
  }
}

/** The suite's mocks on a transport, the receiver of their deliveries, and how to stop them. */
async function startMocks(
  transport: Transport,
  recordDir: string,
): Promise<{ origins: MockOrigins; receiver: string; close(): Promise<void> }> {
  // In-process, the handlers and the receiver are made in each test file (test/support/msw-transport.ts).
  if (transport === "msw") return { origins: MSW_ORIGINS, receiver: MSW_RECEIVER, close: async () => {} };
  const mocks = await Promise.all([
    startMock({ port: 0, host: "127.0.0.1" }),
    startMock({ port: 0, host: "127.0.0.1", stateless: true }),
    startMock({ port: 0, host: "127.0.0.1", rateLimit: RATE_LIMIT }),
    startMock({ port: 0, host: "127.0.0.1" }),
    startMock({ port: 0, host: "127.0.0.1", oaSecretKey: OA_SECRET_KEY }),
  ]);
  const receiver = await startReceiver(recordDir);
  const [stateful, stateless, rateLimited, clocked, events] = mocks.map((mock) => mock.url) as [
    string,
    string,
    string,
    string,
    string,
  ];
  return {
    origins: { stateful, stateless, rateLimited, clocked, events },
    receiver: receiver.url,
    close: async () => {
      // The mocks first: a delivery under way ends when its mock closes, before the receiver goes.
      await Promise.all(mocks.map((mock) => mock.close()));
      await receiver.close();
    },
  };
}

/**
 * Starts the project's mocks and the receiver of their events for the whole run (on free loopback ports for the server
 * project). Afterwards, audits every exchange the project's tests recorded: each must agree with the spec, and
 * together they must exercise every documented response; and every event delivered to the receiver: each must agree
 * with its webhook in the spec, and together they must deliver every documented event. Each transport is audited on
 * its own records. Throwing here fails `vitest run`.
 */
export default async function setup(project: TestProject) {
  const transport = transportOf(project.name);
  const recordDir = mkdtempSync(join(tmpdir(), `contract-exchanges-${transport}-`));
  const mocks = await startMocks(transport, recordDir);
  project.provide("mockUrl", mocks.origins.stateful);
  project.provide("statelessMockUrl", mocks.origins.stateless);
  project.provide("rateLimitedMockUrl", mocks.origins.rateLimited);
  project.provide("clockedMockUrl", mocks.origins.clocked);
  project.provide("eventsMockUrl", mocks.origins.events);
  project.provide("receiverUrl", mocks.receiver);
  project.provide("recordDir", recordDir);
  return async () => {
    await mocks.close();
    const exchanges = readExchanges(recordDir);
    const deliveries = readDeliveries(recordDir);
    rmSync(recordDir, { recursive: true, force: true });
    const spec = loadSpec();
    const validator = createValidator(spec);
    const { problems, missing } = auditExchanges(spec, validator, exchanges);
    const delivered = await auditDeliveries(spec, validator, deliveries, OA_SECRET_KEY);
    // A run of some files only (`vitest run test/fuzz`) cannot cover everything; its exchanges are still checked.
    const { testFiles } = await project.globTestFiles();
    const ran = project.vitest.state.getFiles().filter((file) => file.projectName === project.name);
    const wholeSuite = ran.length >= testFiles.length;
    const report = [
      ...new Set([...problems, ...delivered.problems]),
      ...(wholeSuite ? [...missing.map(describeMissing), ...delivered.missing.map(describeUndelivered)] : []),
    ];
    if (report.length > 0) {
      // Vitest only logs an error thrown from a teardown; the exit code is what makes the run fail.
      process.exitCode = 1;
      const shown = report.slice(0, 40);
      if (report.length > shown.length) shown.push(`... and ${report.length - shown.length} more`);
      throw new Error(
        `contract audit (${transport} transport) of ${exchanges.length} exchanges and ${deliveries.length} deliveries failed:\n  ${shown.join("\n  ")}`,
      );
    }
    console.log(
      `contract audit (Node ${process.version}, ${transport} transport): ${exchanges.length} exchanges and ${deliveries.length} deliveries match the spec${wholeSuite ? `; every documented response was exercised, each operation's own examples produced for real by its declared behaviour, every status but ${FORCED_ONLY.join(" and ")} provoked for real, and every documented event delivered for real` : ""}`,
    );
  };
}
