// Proves that a test file opens no listening socket: `listen` throws, and after the file's tests no server is
// left among the process's active handles (one made before this file ran, say).
import { Server } from "node:net";
import { afterAll, expect } from "vitest";

Server.prototype.listen = function refuseToListen(): never {
  throw new Error("this test project must open no listening socket: it runs the mock in-process, through MSW");
};

/** The servers of this process that are listening now. */
function listeningServers(): Server[] {
  // Undocumented but present in every Node this project supports; @types/node does not declare it.
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
  return handles.filter((handle): handle is Server => handle instanceof Server && handle.listening);
}

afterAll(() => {
  expect(listeningServers().map((server) => server.address())).toEqual([]);
});
