import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import {
  createZaloCloudClient,
  EtelecomApiError,
  EtelecomInvalidResponseError,
  MAX_RESPONSE_BYTES,
} from "../../src/index.js";
import { fakeFetch, json } from "../fake-fetch.js";
import { startServer } from "../http-server.js";
import { rejection, requestExample } from "../spec-examples.js";

const CHUNK = 64 * 1024;
const FAR_MORE = 256 * 1024 * 1024;
const body = requestExample("listOA");

/** The global fetch, counting the body bytes the client pulls from each response. */
function countingFetch() {
  let read = 0;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await globalThis.fetch(input, init);
    if (response.body === null) return response;
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(counter), response);
  };
  return { fetch, read: () => read };
}

/** A body stream that never ends, counting what is pulled from it. */
function endlessBody() {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += CHUNK;
      controller.enqueue(new Uint8Array(CHUNK).fill(0x61));
    },
  });
  return { stream, pulled: () => pulled };
}

describe("a body far over the cap, from a real server", () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let written = 0;

  beforeAll(async () => {
    // Sends 256 MiB with backpressure, so what it manages to write is what the client let through.
    server = await startServer((request, response) => {
      const status = request.url?.includes("ListOA") ? 200 : 500;
      response.writeHead(status, { "Content-Type": "text/html" });
      const chunk = Buffer.alloc(CHUNK, "<p>slow proxy page</p>");
      const pump = () => {
        while (written < FAR_MORE && !response.destroyed) {
          written += CHUNK;
          if (!response.write(chunk)) return void response.once("drain", pump);
        }
        response.end();
      };
      pump();
    });
  });
  afterAll(() => server.close());

  it.each([
    ["a 200", "listOA"],
    ["an error status", "getShopOA"],
  ] as const)("as %s stops at the cap, keeps an excerpt and leaves memory bounded", async (_, name) => {
    written = 0;
    const counting = countingFetch();
    const client = createZaloCloudClient({ apiKey: "k", scope: "shop", baseUrl: server.url, fetch: counting.fetch });
    const rssBefore = process.memoryUsage().rss;
    const error = await rejection(
      (client[name] as (body: unknown) => Promise<unknown>)(name === "listOA" ? body : requestExample(name)),
    );
    const rssGrowth = process.memoryUsage().rss - rssBefore;
    expect(error).toBeInstanceOf(EtelecomInvalidResponseError);
    expect((error as Error).message).toContain(`a body over ${MAX_RESPONSE_BYTES} bytes`);
    expect(counting.read()).toBeLessThanOrEqual(MAX_RESPONSE_BYTES + CHUNK);
    expect(written).toBeLessThan(FAR_MORE / 4);
    const kept = (error as EtelecomInvalidResponseError).body as string;
    expect(kept.startsWith("<p>slow proxy page</p>")).toBe(true);
    expect(kept.length).toBeLessThanOrEqual(1025);
    // Reading all of it took the process past 1 GB; the cap keeps the growth to a few times 4 MiB.
    expect(rssGrowth).toBeLessThan(128 * 1024 * 1024);
  });
});

describe("a body that never ends", () => {
  it("is cut at the cap instead of being read until the timeout", async () => {
    const endless = endlessBody();
    const fake = fakeFetch(() => new Response(endless.stream, { status: 200 }));
    const client = createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: fake.fetch });
    const error = await rejection(client.listOA(body));
    expect(error).toBeInstanceOf(EtelecomInvalidResponseError);
    expect(endless.pulled()).toBeLessThanOrEqual(MAX_RESPONSE_BYTES + 2 * CHUNK);
  });
});

describe("a small compressed body that inflates past the cap, from a real server", () => {
  // 8 MiB of nested JSON-looking text gzips to a few KiB: Content-Length is the compressed size, not what fetch yields.
  const gzipped = gzipSync(Buffer.alloc(2 * MAX_RESPONSE_BYTES, '{"accounts":['));

  it.each([
    [200, "listOA"],
    [500, "getShopOA"],
  ] as const)("as %i is cut at the cap, whatever its Content-Length says", async (status, name) => {
    const server = await startServer((_request, response) => {
      response.writeHead(status, {
        "Content-Type": "application/json",
        "Content-Encoding": "gzip",
        "Content-Length": gzipped.byteLength,
      });
      response.end(gzipped);
    });
    onTestFinished(() => server.close());
    // Parsing 4 MiB of brackets nested 300,000 deep only to fail takes V8 half a second; what is cut is not JSON.
    const parse = vi.spyOn(JSON, "parse");
    onTestFinished(() => parse.mockRestore());
    const client = createZaloCloudClient({ apiKey: "k", scope: "shop", baseUrl: server.url });
    const error = await rejection((client[name] as (body: unknown) => Promise<unknown>)(requestExample(name)));
    expect(gzipped.byteLength).toBeLessThan(MAX_RESPONSE_BYTES / 64);
    expect(error).toBeInstanceOf(EtelecomInvalidResponseError);
    expect((error as Error).message).toContain(`a body over ${MAX_RESPONSE_BYTES} bytes`);
    expect((error as EtelecomInvalidResponseError).body).toBe(`${'{"accounts":['.repeat(100).slice(0, 1024)}…`);
    const parsedLengths = parse.mock.calls.map(([text]) => String(text).length);
    expect(Math.max(0, ...parsedLengths)).toBeLessThan(MAX_RESPONSE_BYTES);
  });
});

describe("what an error keeps of a body", () => {
  it("is the parsed JSON when it is small", async () => {
    const errorBody = { code: "invalid_argument", msg: "paging.after: is not a cursor of this list" };
    const client = createZaloCloudClient({
      apiKey: "k",
      scope: "shop",
      fetch: fakeFetch(() => json(400, errorBody)).fetch,
    });
    expect(await rejection(client.listOA(body))).toMatchObject({ body: errorBody });
  });

  it("is a 1 KiB excerpt of a large JSON body, whose code and msg still make an EtelecomApiError", async () => {
    const msg = "x".repeat(100 * 1024);
    const client = createZaloCloudClient({
      apiKey: "k",
      scope: "shop",
      fetch: fakeFetch(() => json(400, { code: "invalid_argument", msg })).fetch,
    });
    const error = await rejection(client.listOA(body));
    expect(error).toBeInstanceOf(EtelecomApiError);
    expect(error).toMatchObject({ code: "invalid_argument", msg });
    const kept = (error as EtelecomApiError).body as string;
    expect(kept).toBe(`{"code":"invalid_argument","msg":"${"x".repeat(1024 - 34)}…`);
  });

  it("accepts a valid answer up to the cap", async () => {
    const page = { accounts: [], paging: { limit: 20, next: "c".repeat(MAX_RESPONSE_BYTES - 100) } };
    const client = createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: fakeFetch(() => json(200, page)).fetch });
    await expect(client.listOA(body)).resolves.toEqual(page);
  });
});
