// Run by the client suite with `vitest bench`, against the raw server it starts (BENCH_ORIGIN).
import { createZaloCloudClient, type OperationRequest, type paths } from "@etelecom-zalo/client";
import { findOperation } from "@etelecom-zalo/openapi";
import createClient from "openapi-fetch";
import { bench } from "vitest";

const origin = process.env.BENCH_ORIGIN as string;
const body = findOperation("AuthorizeOA").requestExample as OperationRequest<"authorizeOA">;
const headers = { authorization: "Bearer bench-key", "content-type": "application/json" };
const client = createZaloCloudClient({ apiKey: "bench-key", scope: "shop", baseUrl: origin });
const bare = createClient<paths>({ baseUrl: origin, headers });
const ok = (response: Response) => {
  if (!response.ok) throw new Error(`AuthorizeOA answered ${response.status}`);
  return response;
};
const url = `${origin}/v1/shop.Zalo/AuthorizeOA`;

/** The same call three ways, each checking the status and parsing the body. */
const styles: Record<string, () => Promise<unknown>> = {
  client: () => client.authorizeOA(body),
  "openapi-fetch": async () =>
    ok((await bare.POST("/v1/{scope}.Zalo/AuthorizeOA", { params: { path: { scope: "shop" } }, body })).response),
  fetch: async () => ok(await fetch(url, { method: "POST", headers, body: JSON.stringify(body) })).json(),
};

// A new process spends CPU on other threads at first (V8 compiling what it just loaded), which would be charged to
// the first style timed: every style runs a while before any is timed, then the process settles.
for (const style of Object.values(styles)) for (let call = 0; call < 1000; call++) await style();
await new Promise((resolve) => setTimeout(resolve, 500));

// tinybench's clock: the CPU time (user + system) of this process, in ms, which the other processes of a shared
// machine disturb far less than wall time. Which style goes first turns with the round.
const now = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const time = Number(process.env.BENCH_CLIENT_MS);
const names = Object.keys(styles);
const turn = Number(process.env.BENCH_ROUND) % names.length;
for (const name of [...names.slice(turn), ...names.slice(0, turn)]) {
  bench(name, styles[name] as () => Promise<void>, { now, time, warmupTime: time / 4 });
}
