/** A failure to listen as one line that says what to change, e.g. for a busy port. */
export function listenError(error: NodeJS.ErrnoException, what: string, variable: string, port: number, host: string) {
  if (error.code === "EADDRINUSE") {
    return `port ${port} on ${host} is already in use (set ${variable} to another one, or stop what uses it)`;
  }
  return error.code === undefined ? error.message : `cannot start ${what} on ${host}:${port}: ${error.message}`;
}
