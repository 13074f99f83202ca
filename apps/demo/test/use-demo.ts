import { type RunningMock, type StartMockOptions, startMock } from "@etelecom-zalo/mock";
import { afterAll, beforeAll } from "vitest";
import { exampleApp, type StartDemoConfig, startDemo } from "../src/index.js";

/** What one demo of a test file changes from the defaults: its key is its name, its eTelecom the file's mock. */
export interface DemoOptions {
  etelecom?: Partial<StartDemoConfig["etelecom"]>;
  /** Its public origin, as behind a proxy; by default the one it listens on. */
  publicUrl?: string;
  /** How it verifies Zalo's events: by default with the mock's default OA secret key; `null` receives none. */
  zaloWebhook?: StartDemoConfig["zaloWebhook"] | null;
}

/**
 * The tests' tolerance of an event's timestamp: a day, since a test moves the mock's clock ahead of this machine's
 * (by 30 days in some: those receive no event).
 */
const TOLERANCE_MS = 86_400_000;

/** The servers of one test file, once its `beforeAll` has run. */
export interface Stack<Name extends string> {
  mock: RunningMock;
  /** The origin of each demo, by name: its public one. */
  url: Record<Name, string>;
  /** The origin each demo listens on, by name. */
  listening: Record<Name, string>;
  /** Every line the demos logged, in order. */
  logged: string[];
}

/**
 * Starts a mock, then one demo per name on it (its key is its name), all on free ports of 127.0.0.1, before the
 * file's tests, and closes them after.
 */
export function useDemos<Name extends string>(
  demos: Record<Name, DemoOptions>,
  mockOptions: Omit<StartMockOptions, "port"> = {},
): Stack<Name> {
  const stack = { url: {}, listening: {}, logged: [] } as unknown as Stack<Name>;
  const closers: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    stack.mock = await startMock({ ...mockOptions, port: 0 });
    closers.push(() => stack.mock.close());
    for (const [name, options] of Object.entries(demos) as [Name, DemoOptions][]) {
      const demo = await startDemo(
        {
          etelecom: { apiKey: name, scope: "shop", baseUrl: stack.mock.url, ...options.etelecom },
          zaloApp: exampleApp(),
          log: (line) => stack.logged.push(line),
          ...(options.publicUrl && { publicUrl: options.publicUrl }),
          ...(options.zaloWebhook !== null && {
            zaloWebhook: options.zaloWebhook ?? { oaSecretKey: "mock-oa-secret-key", toleranceMs: TOLERANCE_MS },
          }),
        },
        { port: 0 },
      );
      closers.push(() => demo.close());
      stack.url[name] = demo.url;
      stack.listening[name] = demo.listening;
    }
  });
  afterAll(() => Promise.all(closers.map((close) => close())));
  return stack;
}
