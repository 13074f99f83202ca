import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startMock } from "@etelecom-zalo/mock";
import { loadSpec } from "@etelecom-zalo/openapi";
import type { TestProject } from "vitest/node";
import { auditExchanges, describeMissing, FORCED_ONLY } from "./support/audit.js";
import { readExchanges } from "./support/exchange.js";
import { type MockOrigins, MSW_ORIGINS, RATE_LIMIT, type Transport, transportOf } from "./support/transports.js";
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
    recordDir: string;
  }
}

/** The suite's two mocks on a transport, and how to stop them. */
async function startMocks(transport: Transport): Promise<{ origins: MockOrigins; close(): Promise<void> }> {
  // In-process, the handlers are made in each test file (test/support/msw-transport.ts): nothing to start here.
  if (transport === "msw") return { origins: MSW_ORIGINS, close: async () => {} };
  const mocks = await Promise.all([
    startMock({ port: 0, host: "127.0.0.1" }),
    startMock({ port: 0, host: "127.0.0.1", stateless: true }),
    startMock({ port: 0, host: "127.0.0.1", rateLimit: RATE_LIMIT }),
    startMock({ port: 0, host: "127.0.0.1" }),
  ]);
  const [stateful, stateless, rateLimited, clocked] = mocks.map((mock) => mock.url) as [string, string, string, string];
  return {
    origins: { stateful, stateless, rateLimited, clocked },
    close: async () => {
      await Promise.all(mocks.map((mock) => mock.close()));
    },
  };
}

/**
 * Starts the project's mocks for the whole run (on free loopback ports for the server project). Afterwards, audits
 * every exchange the project's tests recorded: each must agree with the spec, and together they must exercise every
 * documented response. Each transport is audited on its own exchanges. Throwing here fails `vitest run`.
 */
export default async function setup(project: TestProject) {
  const transport = transportOf(project.name);
  const mocks = await startMocks(transport);
  const recordDir = mkdtempSync(join(tmpdir(), `contract-exchanges-${transport}-`));
  project.provide("mockUrl", mocks.origins.stateful);
  project.provide("statelessMockUrl", mocks.origins.stateless);
  project.provide("rateLimitedMockUrl", mocks.origins.rateLimited);
  project.provide("clockedMockUrl", mocks.origins.clocked);
  project.provide("recordDir", recordDir);
  return async () => {
    await mocks.close();
    const exchanges = readExchanges(recordDir);
    rmSync(recordDir, { recursive: true, force: true });
    const spec = loadSpec();
    const { problems, missing } = auditExchanges(spec, createValidator(spec), exchanges);
    // A run of some files only (`vitest run test/fuzz`) cannot cover everything; its exchanges are still checked.
    const { testFiles } = await project.globTestFiles();
    const ran = project.vitest.state.getFiles().filter((file) => file.projectName === project.name);
    const wholeSuite = ran.length >= testFiles.length;
    const report = [...new Set(problems), ...(wholeSuite ? missing.map(describeMissing) : [])];
    if (report.length > 0) {
      // Vitest only logs an error thrown from a teardown; the exit code is what makes the run fail.
      process.exitCode = 1;
      const shown = report.slice(0, 40);
      if (report.length > shown.length) shown.push(`... and ${report.length - shown.length} more`);
      throw new Error(
        `contract audit (${transport} transport) of ${exchanges.length} exchanges failed:\n  ${shown.join("\n  ")}`,
      );
    }
    console.log(
      `contract audit (Node ${process.version}, ${transport} transport): ${exchanges.length} exchanges match the spec${wholeSuite ? `; every documented response was exercised, each operation's own examples produced for real by its declared behaviour, and every status but ${FORCED_ONLY.join(" and ")} provoked for real` : ""}`,
    );
  };
}
