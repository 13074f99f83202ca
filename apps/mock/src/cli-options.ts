import { parseArgs } from "node:util";
import type { StartMockOptions } from "./start-mock.js";

/** Reads the CLI's flags and `PORT`/`HOST` (flags win); throws an Error whose message is one printable line. */
export function parseCliOptions(args: string[], env: NodeJS.ProcessEnv): Required<StartMockOptions> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      dynamic: { type: "boolean", default: false },
      verbose: { type: "boolean", default: false },
    },
    strict: true,
  });
  const port = values.port ?? env.PORT ?? "4010";
  if (!/^\d+$/.test(port) || Number(port) > 65535) throw new Error(`invalid port "${port}": expected 0-65535`);
  return {
    port: Number(port),
    host: values.host ?? env.HOST ?? "127.0.0.1",
    dynamic: values.dynamic,
    verbose: values.verbose,
  };
}
