import { listOperations, loadSpec } from "@etelecom-zalo/openapi";
import { describe, expect, it } from "vitest";
import { UNAVAILABLE_MSG } from "../../src/core/faults.js";
import { createMockEngine, startMock } from "../../src/index.js";
import { zaloCloudHandlers } from "../../src/msw/index.js";

const entryPoints = [
  (options: unknown) => startMock(options as never),
  (options: unknown) => createMockEngine(options as never),
  (options: unknown) => zaloCloudHandlers(options as never),
];
const LATENCY = "latency must be milliseconds from 0 to 60000, or { min, max } of them with min <= max";

describe("the latency and fault options of every entry point", () => {
  it.each([
    [{ latency: -1 }, `${LATENCY}, not -1`],
    [{ latency: 60_001 }, `${LATENCY}, not 60001`],
    [{ latency: "100" }, `${LATENCY}, not "100"`],
    [{ latency: { min: 5, max: 2 } }, `${LATENCY}, not an object`],
    [{ latency: { min: 1, max: 2, mean: 1 } }, `${LATENCY}, not an object`],
    [{ faultRate: 2 }, "faultRate must be a number from 0 to 1, not 2"],
    [{ faultRate: Number.NaN }, "faultRate must be a number from 0 to 1, not NaN"],
    [
      { rateLimit: { requests: 0, seconds: 1 } },
      "rateLimit must be { requests, seconds }, two positive integers, not an object",
    ],
    [{ rateLimit: "10/1" }, 'rateLimit must be { requests, seconds }, two positive integers, not "10/1"'],
  ])("are refused in one line when bad: %j", async (options, message) => {
    for (const start of entryPoints) await expect(start(options)).rejects.toThrow(new Error(message));
  });
});

describe("the spec documents what the faults and the rate limit answer", () => {
  const spec = loadSpec();
  it.each(listOperations(spec).map(({ operationId, responses }) => [operationId, responses] as const))(
    "%s documents 503 unavailable and 429 resource_exhausted with Retry-After",
    (_, responses) => {
      const of = (status: number) => responses.find((response) => response.status === status);
      expect(of(503)?.examples.get("unavailable")).toEqual({ code: "unavailable", msg: UNAVAILABLE_MSG });
      expect(of(429)?.examples.get("rate_limited")).toMatchObject({ code: "resource_exhausted" });
    },
  );

  it("documents Retry-After on the shared 429", () => {
    const shared = spec.components?.responses?.ResourceExhausted as { headers?: Record<string, unknown> } | undefined;
    expect(shared?.headers?.["Retry-After"]).toMatchObject({ required: true, schema: { type: "integer", minimum: 1 } });
  });
});
