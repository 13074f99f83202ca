import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { Options } from "../options.js";
import { mib, ratios, type SuiteResult, spread, summarize } from "../report.js";
import { headersFor, writeFixtures } from "../requests.js";
import { type Server, startServer } from "../servers.js";

/** Shops (keys) the events are spread over, one OA each: no key's queue of 1,000 is what limits the run. */
const KEYS = 50;
/** Events in flight at once, on both sides: the mock's POST /__events callers, and the bare loop's. */
const CONCURRENCY = 10;
/** The follower every event is from: made by a `follow` first, so each text updates one record. */
const USER = "8110000000000000001";
/** How long the memory run waits for POST /__events before moving on: its receiver never answers, so the mock's
 * answer would come only when the first attempt times out (2 s), and the run would measure that wait. */
const ABANDON_MS = 100;
/** Events posted at once in the memory run: with {@link ABANDON_MS}, about 500 a second. */
const QUEUE_CONCURRENCY = 50;
/** Shops of the memory run: few, so that their queues (1,000 deliveries a key) fill early in it. */
const QUEUE_KEYS = 5;

const keyOf = (n: number) => `bench-events-${n}`;
const oaOf = (n: number) => String(1_300_000_000_000_000_000n + BigInt(n));

/** A receiver on a free loopback port: counts each request it is sent; `answer` false never answers one. */
async function startReceiver(answer: boolean) {
  const samples: { headers: Record<string, string>; body: string }[] = [];
  let count = 0;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      count++;
      // A few of the mock's deliveries, which the bare loop then posts: the same bodies and headers.
      if (samples.length < KEYS) {
        const headers = Object.fromEntries(
          Object.entries(request.headers).filter(([name]) => name === "content-type" || name.startsWith("x-zevent")),
        ) as Record<string, string>;
        samples.push({ headers, body: Buffer.concat(chunks).toString("utf8") });
      }
      if (answer) response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/zalo`;
  return {
    url,
    samples,
    count: () => count,
    reset: () => {
      count = 0;
    },
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

/** POSTs JSON to the mock with a key; throws on anything but 200 unless `abandonMs`, after which it stops waiting. */
async function call(origin: string, path: string, key: string, body: unknown, abandonMs?: number) {
  const signal = abandonMs === undefined ? undefined : AbortSignal.timeout(abandonMs);
  try {
    const response = await fetch(origin + path, {
      method: "POST",
      headers: headersFor(key),
      body: JSON.stringify(body),
      ...(signal && { signal }),
    });
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${text.slice(0, 200)}`);
  } catch (error) {
    if (!signal?.aborted) throw error;
  }
}

/**
 * Each key's OA has the follower {@link USER}, then sends its events to `url`: in that order, so that the follows are
 * not delivered (a receiver that never answers would hold each for the 2 s an attempt is given).
 */
async function prepare(origin: string, url: string) {
  for (let n = 0; n < KEYS; n++) {
    await call(origin, "/__events", keyOf(n), { oa_id: oaOf(n), event_name: "follow", user_id: USER });
    await call(origin, "/v1/shop.Zalo/UpdateShopOA", keyOf(n), { oa_id: oaOf(n), webhook_url: url });
  }
}

/** What the mock's delivery queues hold over every key (GET /__deliveries): waiting, and dropped past the cap. */
async function queued(origin: string) {
  let [pending, dropped] = [0, 0];
  for (let n = 0; n < KEYS; n++) {
    const response = await fetch(`${origin}/__deliveries`, { headers: headersFor(keyOf(n)) });
    const report = (await response.json()) as { pending: number; dropped: number };
    [pending, dropped] = [pending + report.pending, dropped + report.dropped];
  }
  return { pending, dropped };
}

/** Runs `count` calls of `one(index)`, `concurrency` at a time. */
async function run(count: number, one: (index: number) => Promise<unknown>, concurrency = CONCURRENCY) {
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < count; index = next++) await one(index);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** A follower's text, as POST /__events plays it, on shop `index % keys`. */
const text = (index: number, keys = KEYS) => ({
  oa_id: oaOf(index % keys),
  event_name: "user_send_text",
  user_id: USER,
  message: { text: `Shop còn hoa hồng đỏ không ạ? #${index}` },
});

/**
 * Deliveries a second from our mock to a receiver that answers 200 at once (user_send_text events over 50 shops, 10 at
 * a time; POST /__events answers once its delivery has its outcome), against a bare `fetch` loop posting the same
 * bodies and headers to the same receiver, 10 at a time, round by round. Then the delivery queues under a receiver
 * that never answers (five times as many events, over 5 shops: from 1,000 each, past their queues' cap): the mock's
 * RSS after a fifth of the events and after all of them, which bounded queues keep level.
 */
export async function deliveries(options: Options, logDir: string): Promise<SuiteResult> {
  const fixtures = writeFixtures(
    logDir,
    "events",
    Array.from({ length: KEYS }, (_, n) => keyOf(n)),
    1,
    BigInt(oaOf(0)),
  );
  const ours: number[] = [];
  const bare: number[] = [];
  const receiver = await startReceiver(true);
  let server: Server | undefined = await startServer("ours", logDir, ["--fixtures", fixtures]);
  try {
    await prepare(server.origin, receiver.url);
    const { origin } = server;
    for (let round = 0; round <= options.rounds; round++) {
      // Round 0 warms both sides up.
      const count = round ? options.deliveries : Math.min(1000, options.deliveries);
      receiver.reset();
      let started = performance.now();
      await run(count, (index) => call(origin, "/__events", keyOf(index % KEYS), text(index)));
      if (receiver.count() !== count) throw new Error(`the receiver got ${receiver.count()} of ${count} deliveries`);
      const oursRate = count / ((performance.now() - started) / 1000);
      started = performance.now();
      await run(count, async (index) => {
        const { headers, body } = receiver.samples[index % receiver.samples.length] as (typeof receiver.samples)[0];
        const response = await fetch(receiver.url, { method: "POST", headers, body });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`the receiver answered ${response.status}`);
      });
      const bareRate = count / ((performance.now() - started) / 1000);
      server.assertAlive();
      if (round) [ours.push(oursRate), bare.push(bareRate)];
      console.error(`  ${round} deliveries: ours ${oursRate.toFixed(0)}/s, bare fetch ${bareRate.toFixed(0)}/s`);
    }
    await server.stop();
    server = undefined;

    const silent = await startReceiver(false);
    try {
      server = await startServer("ours", logDir, ["--fixtures", fixtures]);
      await prepare(server.origin, silent.url);
      const { origin: quiet, rss } = server;
      const total = options.deliveries * 5;
      const checkpoints: { events: number; rss: number; attempts: number; pending: number; dropped: number }[] = [];
      const start = rss();
      for (const upTo of [total / 5, total]) {
        const from = checkpoints.length === 0 ? 0 : total / 5;
        const post = (index: number) =>
          call(quiet, "/__events", keyOf((from + index) % QUEUE_KEYS), text(from + index, QUEUE_KEYS), ABANDON_MS);
        await run(upTo - from, post, QUEUE_CONCURRENCY);
        // A moment for the last attempts to start, then a reading.
        await sleep(500);
        checkpoints.push({ events: upTo, rss: rss(), attempts: silent.count(), ...(await queued(quiet)) });
      }
      server.assertAlive();
      const [fifth, all] = checkpoints as [(typeof checkpoints)[0], (typeof checkpoints)[0]];
      const growth = (all.rss - fifth.rss) / 2 ** 20;
      console.error(`  queue: ${mib([fifth.rss])} after ${fifth.events}, ${mib([all.rss])} after ${all.events}`);
      return {
        title: "Event deliveries",
        rows: [
          [
            `deliveries a second to a receiver answering 200 (${options.deliveries} a round, ${CONCURRENCY} at a time), ours`,
            spread(ours, 0, "/s"),
          ],
          ["the same bodies and headers, bare `fetch` loop", spread(bare, 0, "/s")],
          ["receiver that never answers: RSS at startup", mib([start])],
          ...checkpoints.map(({ events, rss, attempts, pending, dropped }): [string, string] => [
            `… after ${events.toLocaleString("en")} events posted: attempts begun, queued, dropped; RSS`,
            `${attempts.toLocaleString("en")}, ${pending.toLocaleString("en")}, ${dropped.toLocaleString("en")}; ${mib([rss])}`,
          ]),
        ],
        figures: [
          { target: "deliveries", value: ratios(ours, bare) },
          { target: "deliveryQueueRss", value: summarize([growth]) },
        ],
      };
    } finally {
      silent.close();
    }
  } finally {
    await server?.stop();
    receiver.close();
  }
}
