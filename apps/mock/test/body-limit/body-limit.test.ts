import { connect } from "node:net";
import { getResponse } from "msw";
import { describe, expect, it } from "vitest";
import { createMockEngine } from "../../src/index.js";
import { zaloCloudHandlers } from "../../src/msw/index.js";
import { ORIGIN } from "../engine.js";
import { spawnCli } from "../spawn-cli.js";
import { AUTHORIZE_OA, errorOf, useMock, validBody } from "../use-mock.js";

const mock = useMock();
const MiB = 1024 * 1024;
const tooLarge = { status: 400, code: "invalid_argument", msg: "body: must be at most 1 MiB (1048576 bytes)" };

/** Writes a raw request head and `bodyBytes` of body without ever finishing it; resolves with the first answer. */
function answerBeforeBodyEnds(head: string, bodyBytes: number, chunked: boolean): Promise<string> {
  const { hostname, port } = new URL(mock.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = "";
    socket.on("data", (data) => {
      received += data.toString("latin1");
      const headEnd = received.indexOf("\r\n\r\n");
      const length = /content-length: (\d+)/i.exec(received)?.[1];
      if (headEnd >= 0 && length !== undefined && received.length >= headEnd + 4 + Number(length)) {
        socket.destroy();
        resolve(received);
      }
    });
    socket.on("error", reject);
    socket.write(head);
    const chunk = Buffer.alloc(64 * 1024, "a");
    for (let sent = 0; sent < bodyBytes; sent += chunk.length) {
      socket.write(
        chunked ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]) : chunk,
      );
    }
  });
}

const head = (framing: string) =>
  `POST /v1/shop.Zalo/AuthorizeOA HTTP/1.1\r\nHost: mock\r\nContent-Type: application/json\r\nAuthorization: Bearer k\r\n${framing}\r\n\r\n`;

describe("body size limit", () => {
  it("refuses a body over 1 MiB with 400 invalid_argument", async () => {
    const body = JSON.stringify({ ...validBody, app_secret: "s".repeat(MiB) });
    expect(await errorOf(await mock.post(undefined, { body }))).toEqual(tooLarge);
  });

  it("answers from Content-Length alone, without waiting for the body", async () => {
    const answer = await answerBeforeBodyEnds(head(`Content-Length: ${1024 * MiB}`), 0, false);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toMatch(/connection: close/i);
    expect(JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4))).toEqual({
      code: tooLarge.code,
      msg: tooLarge.msg,
    });
  });

  it("stops reading a chunked body once it passes 1 MiB and answers before it ends", async () => {
    const answer = await answerBeforeBodyEnds(head("Transfer-Encoding: chunked"), MiB + 128 * 1024, true);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('"msg":"body: must be at most 1 MiB (1048576 bytes)"');
  });

  // The mock runs in its own process, as it does for a frontend: in the test's own process, the event loop
  // happens to order things so that the client never sees the socket close early.
  it.each([2, 8])(
    "answers the 400 to Node's fetch sending %i MiB from another process, every time",
    async (mebibytes) => {
      const cli = spawnCli(["--port", "0"]);
      const url = await cli.ready;
      const body = JSON.stringify({ ...validBody, app_secret: "s".repeat(mebibytes * MiB) });
      for (let attempt = 0; attempt < 5; attempt++) {
        const response = await fetch(`${url}${AUTHORIZE_OA}`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Authorization: "Bearer k" },
          body,
        });
        expect(await errorOf(response)).toEqual(tooLarge);
      }
    },
  );

  it("reads a body just under the limit whole and validates it", async () => {
    const body = JSON.stringify({ ...validBody, app_secret: "s".repeat(MiB - 200) });
    expect(body.length).toBeLessThan(MiB);
    // Read to its end, then refused by the spec's length for the field, not by the reader for its size.
    expect(await errorOf(await mock.post(undefined, { body }))).toEqual({
      status: 400,
      code: "invalid_argument",
      msg: "app_secret: must NOT have more than 256 characters",
    });
  });
});

describe("body size limit, in process", () => {
  const oversized = (origin: string) =>
    new Request(`${origin}${AUTHORIZE_OA}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: "Bearer k" },
      body: JSON.stringify({ ...validBody, app_secret: "s".repeat(2 * MiB) }),
    });

  // A clone's stream is teed from the original's: cancelling it settles only once the other branch is read or
  // cancelled too, which the engine's caller may never do.
  it("answers 400 to a cloned request over 1 MiB, as MSW passes it on", async () => {
    const engine = await createMockEngine();
    const request = oversized(ORIGIN);
    expect(await errorOf(await engine.handle(request.clone()))).toEqual(tooLarge);
  });

  it("answers 400 through zaloCloudHandlers", async () => {
    const handlers = await zaloCloudHandlers();
    const response = await getResponse(handlers, oversized("https://api.etelecom.vn"));
    expect(response && (await errorOf(response))).toEqual(tooLarge);
  });
});
