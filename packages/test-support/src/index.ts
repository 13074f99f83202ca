// Source, not a build: only vitest and tsc read this package, and both take TypeScript as it is.

export { busyPort, closedPort, portIsFree } from "./ports.js";
export { settled } from "./settled.js";
export { type SpawnedCommand, type SpawnOptions, spawnCommand } from "./spawn-command.js";
