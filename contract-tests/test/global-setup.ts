import { startMock } from "@etelecom-zalo/mock";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

/** Starts the mock on a free loopback port for the whole run and stops it afterwards. */
export default async function setup(project: TestProject) {
  const mock = await startMock({ port: 0, host: "127.0.0.1" });
  project.provide("mockUrl", mock.url);
  return () => mock.close();
}
