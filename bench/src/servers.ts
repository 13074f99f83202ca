import { join } from "node:path";
import { binPath, distDir, mockCli, specArgument } from "./paths.js";
import type { ServerSpec } from "./server-process.js";

/** The three servers the mock benchmarks compare, each logging to a file in `logDir`. */
export function serverSpecs(logDir: string): { ours: ServerSpec; prism: ServerSpec; raw: ServerSpec } {
  return {
    // Exactly what `pnpm start` runs once built.
    ours: {
      label: "ours",
      args: [mockCli],
      env: { PORT: "{port}", HOST: "127.0.0.1" },
      logFile: join(logDir, "ours.log"),
    },
    // Stock Prism with its defaults: it logs every request, which is part of what is being compared.
    prism: {
      label: "prism",
      args: [binPath("@stoplight/prism-cli", "prism"), "mock", specArgument, "-p", "{port}"],
      logFile: join(logDir, "prism.log"),
    },
    raw: {
      label: "raw",
      args: [join(distDir, "raw-server.js")],
      env: { PORT: "{port}" },
      logFile: join(logDir, "raw.log"),
    },
  };
}
