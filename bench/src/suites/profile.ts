import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "../load.js";
import type { BenchOptions } from "../options.js";
import { repoRoot } from "../paths.js";
import { valid } from "../requests.js";
import { type ServerSpec, startServer } from "../server-process.js";

/** A frame or a package and its share of the CPU samples. */
export interface ProfileEntry {
  name: string;
  percent: number;
}

/** Where our mock spends its CPU under load. */
export interface ProfileResult {
  label: string;
  seconds: number;
  connections: number;
  samples: number;
  topFrames: ProfileEntry[];
  topPackages: ProfileEntry[];
  directory: string;
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const connections = 10;

/** Runs the mock with `--cpu-prof` under valid calls at 10 connections and ranks frames by self time. */
export async function runProfile(options: BenchOptions, spec: ServerSpec, directory: string): Promise<ProfileResult> {
  const seconds = options.durationSeconds * 2;
  const server = await startServer(spec, valid, ["--cpu-prof", `--cpu-prof-dir=${directory}`]);
  const startupMicros = server.startupMs * 1000;
  try {
    await load(server.origin, valid, connections, { durationSeconds: seconds });
  } finally {
    await server.stop();
  }
  const file = readdirSync(directory).find((name) => name.endsWith(".cpuprofile"));
  if (file === undefined) {
    throw new Error(`the mock wrote no .cpuprofile into ${directory}`);
  }
  const profile = JSON.parse(readFileSync(join(directory, file), "utf8")) as CpuProfile;
  const frames = new Map<string, number>();
  const packages = new Map<string, number>();
  const hitsById = new Map<number, number>();
  let elapsed = 0;
  // Samples taken while the mock was still starting up would rank module loading; only the loaded phase counts.
  for (const [index, id] of profile.samples.entries()) {
    elapsed += profile.timeDeltas[index] ?? 0;
    if (elapsed >= startupMicros) {
      hitsById.set(id, (hitsById.get(id) ?? 0) + 1);
    }
  }
  let samples = 0;
  for (const node of profile.nodes) {
    const hits = hitsById.get(node.id) ?? 0;
    if (hits === 0) {
      continue;
    }
    samples += hits;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = shorten(url);
    const frame = `${functionName || "(anonymous)"} ${where ? `${where}:${lineNumber + 1}` : ""}`.trim();
    frames.set(frame, (frames.get(frame) ?? 0) + hits);
    const area = areaOf(url, functionName);
    packages.set(area, (packages.get(area) ?? 0) + hits);
  }
  const top = (counts: Map<string, number>, limit: number) =>
    [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, hits]) => ({ name, percent: (hits / samples) * 100 }));
  return {
    label: spec.label,
    seconds,
    connections,
    samples,
    topFrames: top(frames, 20),
    topPackages: top(packages, 12),
    directory,
  };
}

function shorten(url: string): string {
  const path = url.replace(/^file:\/\//, "");
  const inModules = path.lastIndexOf("node_modules/");
  if (inModules >= 0) {
    return path.slice(inModules + "node_modules/".length);
  }
  return path.startsWith(repoRoot) ? path.slice(repoRoot.length) : path;
}

/** The npm package a frame belongs to, or the runtime part for frames outside any package. */
function areaOf(url: string, functionName: string): string {
  if (url === "") {
    return functionName.startsWith("(") ? functionName : "(native / V8 builtins)";
  }
  if (url.startsWith("node:")) {
    return "node: internals";
  }
  const short = shorten(url);
  if (url.includes("node_modules/")) {
    const [first, second] = short.split("/");
    return first?.startsWith("@") ? `${first}/${second}` : (first ?? short);
  }
  return short.split("/").slice(0, 2).join("/");
}
