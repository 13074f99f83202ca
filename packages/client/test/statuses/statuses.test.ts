import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { createZaloCloudClient, EtelecomInvalidResponseError } from "../../src/index.js";
import { startServer } from "../http-server.js";
import { rejection } from "../spec-examples.js";

const apiKey = "sk_live_KEY0123456789abcdef";
const body = { app_id: "1", app_secret: "s", redirect_uri: "https://example.com/cb" };

const call = (baseUrl: string) =>
  rejection(createZaloCloudClient({ apiKey, scope: "shop", baseUrl }).authorizeOA(body));

describe("a status outside 2xx, 4xx and 5xx", () => {
  it.each([304, 600, 999])(
    "%s, written by node:http, is an EtelecomInvalidResponseError naming it, not a network error",
    async (status) => {
      const server = await startServer((_, response) => {
        response
          .writeHead(status, { "Content-Type": "application/json" })
          .end(JSON.stringify({ code: "internal", msg: `echo ${apiKey}` }));
      });
      try {
        const error = await call(server.url);
        expect(error).toBeInstanceOf(EtelecomInvalidResponseError);
        expect(error).toMatchObject({ status, message: expect.stringContaining(`answered ${status} with a status`) });
        expect(JSON.stringify(error)).not.toContain(apiKey);
        if (status !== 304) expect(error).toMatchObject({ body: { code: "internal", msg: "echo [redacted]" } });
      } finally {
        await server.close();
      }
    },
  );

  it("written raw to the socket, with a body over the cap, is refused without reading it all", async () => {
    const server = createServer((socket) => {
      socket.once("data", () => {
        socket.write("HTTP/1.1 700 Odd\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n");
        const chunk = "x".repeat(64 * 1024);
        const more = () => {
          while (!socket.destroyed && socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`));
        };
        socket.on("drain", more).on("error", () => {});
        more();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as { port: number };
      const error = await call(`http://127.0.0.1:${port}`);
      expect(error).toBeInstanceOf(EtelecomInvalidResponseError);
      expect(error).toMatchObject({ status: 700, body: expect.stringMatching(/^x{1024}…$/) });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
