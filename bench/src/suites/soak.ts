import { load } from "../load.js";
import type { Options } from "../options.js";
import { mib, type SuiteResult, summarize } from "../report.js";
import { authorize, headersFor } from "../requests.js";
import { startServer } from "../servers.js";

/** A level of RSS is the median of the last this many readings (one a second) of a phase. */
const LEVEL = 15;

/**
 * AuthorizeOA at 50 connections with a new key on every request, so that every call makes a key's state and a
 * consent link: a warm-up, past the mock's caps on keys and links, then the soak. RSS swings with the garbage
 * collector, so a level is a median of several readings.
 */
export async function runSoak(options: Options, logDir: string): Promise<SuiteResult> {
  const server = await startServer("ours", logDir);
  const startup = server.rss();
  const readings: number[] = [];
  const timer = setInterval(() => readings.push(server.rss()), 1000);
  let keys = 0;
  const vary = () => ({ headers: headersFor(`soak-${keys++}`), body: authorize.body });
  try {
    const warm = await load(server.origin, authorize, 50, { seconds: options.warmup }, vary);
    const warmLevel = readings.splice(0).slice(-LEVEL);
    const soak = await load(server.origin, authorize, 50, { seconds: options.soak }, vary);
    server.assertAlive();
    const endLevel = readings.slice(-LEVEL);
    const phase = ({ requests, rps, p99Ms, unexpected }: typeof warm) =>
      `${requests} requests (${rps.toFixed(0)}/s), p99 ${p99Ms} ms, ${unexpected} unexpected`;
    const change = (summarize(endLevel).median / summarize(warmLevel).median - 1) * 100;
    return {
      title: "State under load",
      rows: [
        ["warm-up", phase(warm)],
        ["soak", phase(soak)],
        ["RSS after startup, warm level", `${mib([startup])}, ${mib(warmLevel)}`],
        ["RSS over the soak, level at its end", `${mib(readings)}, ${mib(endLevel)}`],
      ],
      figures: [
        { target: "soakErrors", value: summarize([warm.unexpected + soak.unexpected]) },
        { target: "soakRss", value: summarize([change]) },
      ],
    };
  } finally {
    clearInterval(timer);
    await server.stop();
  }
}
