import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

/** A request being answered on a connection, and how to end its body early. */
export interface OpenRequest {
  incoming: IncomingMessage;
  abort?: (reason: string) => void;
}

/** Per socket: requests being answered, and what to do once none is (a pipelined request's error waits its turn). */
export interface Connection {
  open: Set<OpenRequest>;
  /** Whether an answer is being written, so that nothing else may be written on the socket now. */
  writing: boolean;
  whenIdle?: () => void;
}

/** The connections of one server, by socket: each one's state lives as long as its socket. */
export function connectionRegistry() {
  const connections = new WeakMap<Duplex, Connection>();
  const of = (socket: Duplex) => {
    let connection = connections.get(socket);
    if (connection === undefined) {
      connection = { open: new Set(), writing: false };
      connections.set(socket, connection);
    }
    return connection;
  };
  return {
    of,
    /** Counts a request as open until its answer is done, then runs what waits for the connection to be idle. */
    open(request: OpenRequest, outgoing: ServerResponse): Connection {
      const connection = of(request.incoming.socket);
      connection.open.add(request);
      outgoing.once("close", () => {
        connection.open.delete(request);
        if (connection.open.size === 0) connection.whenIdle?.();
      });
      return connection;
    },
  };
}
