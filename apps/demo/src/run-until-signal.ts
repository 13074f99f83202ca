/** Prints one line to stderr and exits 1: a missing variable or a busy port is not a crash, so no stack trace. */
export function fail(message: string): never {
  console.error(`etelecom-zalo-demo: ${message}`);
  process.exit(1);
}

/** On Ctrl-C or SIGTERM, closes every server (freeing its port), then exits. */
export function closeOnSignal(...servers: { close(): Promise<void> }[]): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      Promise.all(servers.map((server) => server.close())).then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}
