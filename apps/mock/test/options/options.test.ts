import { describe, expect, it } from "vitest";
import { createMockEngine, type MockEngine, startMock } from "../../src/index.js";
import { zaloCloudHandlers } from "../../src/msw/index.js";

/** Each entry point, called with options as a JavaScript caller may write them, unchecked by TypeScript. */
const entryPoints = {
  startMock: (options: unknown) => startMock(options as Parameters<typeof startMock>[0]),
  createMockEngine: (options: unknown) => createMockEngine(options as Parameters<typeof createMockEngine>[0]),
  zaloCloudHandlers: (options: unknown) => zaloCloudHandlers(options as Parameters<typeof zaloCloudHandlers>[0]),
};

describe("options of every entry point", () => {
  it.each([
    [{ seed: "abc" }, 'seed must be a safe integer, not "abc"'],
    [{ seed: Number.NaN }, "seed must be a safe integer, not NaN"],
    [{ seed: {} }, "seed must be a safe integer, not an object"],
    [{ seed: 2 ** 60 }, "seed must be a safe integer, not 1152921504606847000"],
    [{ now: "x" }, 'now must be a function returning milliseconds since the epoch, not "x"'],
    [{ stateless: "yes" }, 'stateless must be a boolean, not "yes"'],
    [{ dynamic: 1 }, "dynamic must be a boolean, not 1"],
    [{ publicUrl: 42 }, "publicUrl must be a string, not 42"],
    [{ publicUrl: "nope" }, 'publicUrl "nope" is not a URL (expected e.g. https://mock.example.com)'],
    [{ fixtures: [] }, "fixtures: must be a JSON object of Bearer keys, not an array"],
  ])("are refused in one line by all three when bad: %j", async (options, message) => {
    for (const start of Object.values(entryPoints)) {
      await expect(start(options)).rejects.toThrow(new Error(message));
    }
  });

  it.each(Object.entries(entryPoints))("are refused by %s when not an object", async (_name, start) => {
    await expect(start(null)).rejects.toThrow(new Error("options must be an object, not null"));
    await expect(start(5)).rejects.toThrow(new Error("options must be an object, not 5"));
  });

  it.each([
    [
      "startMock",
      "dynamic, faultRate, fixtures, host, latency, now, oaSecretKey, onDelivery, port, proxy, proxyTimeout, publicUrl, rateLimit, record, requestTimeout, seed, specPath, stateless, verbose, znsDelivery",
    ],
    [
      "createMockEngine",
      "dynamic, faultRate, fixtures, latency, log, now, oaSecretKey, onDelivery, proxy, proxyTimeout, publicUrl, rateLimit, record, report, seed, specPath, stateless, znsDelivery",
    ],
    [
      "zaloCloudHandlers",
      "baseUrl, dynamic, faultRate, fixtures, latency, now, oaSecretKey, onDelivery, publicUrl, rateLimit, seed, stateless, znsDelivery",
    ],
  ] as const)("name an unknown option and the valid ones in %s", async (name, valid) => {
    await expect(entryPoints[name]({ sead: 1 })).rejects.toThrow(new Error(`unknown option sead (valid: ${valid})`));
  });

  it("take undefined as an option left out", async () => {
    const engine = (await entryPoints.createMockEngine({ seed: undefined, now: undefined })) as MockEngine;
    expect((await engine.handle(new Request("http://mock.test/__health"))).status).toBe(200);
  });
});

describe("options of startMock", () => {
  it.each([
    [{ port: "abc" }, 'port must be an integer from 0 to 65535, not "abc"'],
    [{ port: 70_000 }, "port must be an integer from 0 to 65535, not 70000"],
    [{ port: 1.5 }, "port must be an integer from 0 to 65535, not 1.5"],
    [{ host: 1 }, "host must be a string, not 1"],
    [{ verbose: "no" }, 'verbose must be a boolean, not "no"'],
    [{ requestTimeout: 0 }, "requestTimeout must be a positive integer of milliseconds, not 0"],
    [{ requestTimeout: "5" }, 'requestTimeout must be a positive integer of milliseconds, not "5"'],
    [
      { log: () => undefined },
      "unknown option log (valid: dynamic, faultRate, fixtures, host, latency, now, oaSecretKey, onDelivery, port, proxy, proxyTimeout, publicUrl, rateLimit, record, requestTimeout, seed, specPath, stateless, verbose, znsDelivery)",
    ],
  ])("refuse %j in one line, before listening", async (options, message) => {
    await expect(entryPoints.startMock({ ...options })).rejects.toThrow(new Error(message));
  });

  it.each(["", undefined])("listen on 127.0.0.1 for host %j", async (host) => {
    const mock = await startMock({ port: 0, ...(host !== undefined && { host }) });
    try {
      expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await mock.close();
    }
  });
});

describe("options of createMockEngine", () => {
  it("refuse a log that is not a function", async () => {
    await expect(createMockEngine({ log: "yes" as never })).rejects.toThrow(
      new Error('log must be a function taking one line, not "yes"'),
    );
  });
});
