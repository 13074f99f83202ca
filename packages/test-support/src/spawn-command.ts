import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { once } from "node:events";
import { onTestFinished } from "vitest";

/** How {@link spawnCommand} runs a command. */
export interface SpawnOptions {
  /** Variables added to the environment. */
  env?: Record<string, string>;
  /** Variables the command reads itself, left out of what it inherits, so that a developer's shell cannot leak in. */
  drop?: RegExp;
  /** The working directory. */
  cwd?: string;
  /** What on stdout says the command is ready: `ready` resolves with its first group, or the whole match. */
  ready: RegExp;
  /**
   * Runs the command in a process group of its own, all of which is killed when the test finishes: what a shell
   * script starts is stopped too, even when the script's shell exits without stopping it.
   */
  group?: boolean;
}

/** A command started by {@link spawnCommand}. */
export interface SpawnedCommand {
  child: ChildProcessWithoutNullStreams;
  /** Resolves once stdout matches `ready`; rejects, with stderr, if the command exits first. */
  ready: Promise<string>;
  /** Resolves with the exit code, or null after a signal. */
  exited: Promise<number | null>;
  /** Everything the command has printed so far. */
  output: () => { stdout: string; stderr: string };
}

/** Spawns `argv` inside a test, and kills it with SIGKILL when the test finishes, whatever the test awaited. */
export function spawnCommand([command, ...args]: [string, ...string[]], options: SpawnOptions): SpawnedCommand {
  const { env = {}, drop, cwd, ready: readyPattern, group = false } = options;
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !drop?.test(name)));
  const child = spawn(command, args, { cwd, env: { ...inherited, ...env }, detached: group });
  onTestFinished(() => {
    if (group && child.pid !== undefined) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // ESRCH: every process of the group has already exited.
      }
    } else if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (data) => {
    stdout += data;
  });
  child.stderr.on("data", (data) => {
    stderr += data;
  });
  const exited = once(child, "exit").then(([code]) => code as number | null);
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", () => {
      const match = readyPattern.exec(stdout);
      if (match) resolve(match[1] ?? match[0]);
    });
    exited.then(() => reject(new Error(`${[command, ...args].join(" ")} exited: ${stderr}`)));
  });
  // A test of a command that must fail never awaits `ready`.
  ready.catch(() => {});
  return { child, ready, exited, output: () => ({ stdout, stderr }) };
}
