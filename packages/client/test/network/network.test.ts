import { describe, expect, it } from "vitest";
import { createZaloCloudClient, EtelecomError, EtelecomNetworkError } from "../../src/index.js";
import { fakeFetch } from "../fake-fetch.js";
import { closedPortUrl, startServer } from "../http-server.js";

const body = { app_id: "1", app_secret: "s", redirect_uri: "https://example.com/cb" };

async function failure(baseUrl: string) {
  return createZaloCloudClient({ apiKey: "k", scope: "shop", baseUrl })
    .authorizeOA(body)
    .catch((e: unknown) => e);
}

describe("network errors", () => {
  it("a closed port rejects with EtelecomNetworkError, its cause carrying ECONNREFUSED", async () => {
    const error = await failure(await closedPortUrl());
    expect(error).toBeInstanceOf(EtelecomNetworkError);
    expect(error).toBeInstanceOf(EtelecomError);
    expect((error as Error).message).toMatch(/^eTelecom could not be reached: .*ECONNREFUSED/);
    expect((error as Error).cause).toMatchObject({ code: "ECONNREFUSED" });
  });

  it("keeps the cause's message and code in JSON.stringify, which logs use", async () => {
    const error = await failure(await closedPortUrl());
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toMatchObject({
      name: "EtelecomNetworkError",
      message: expect.stringMatching(/ECONNREFUSED/),
      cause: { message: expect.stringMatching(/ECONNREFUSED/), code: "ECONNREFUSED" },
    });
  });

  it("a server that drops the connection without answering rejects with EtelecomNetworkError", async () => {
    const server = await startServer((request) => request.socket.destroy());
    try {
      expect(await failure(server.url)).toBeInstanceOf(EtelecomNetworkError);
    } finally {
      await server.close();
    }
  });

  it("a connection reset in the middle of the body rejects with EtelecomNetworkError", async () => {
    const server = await startServer((request, response) => {
      response.writeHead(200, { "Content-Type": "application/json", "Content-Length": "100" });
      response.write('{"url":"https://oauth', () => request.socket.destroy());
    });
    try {
      expect(await failure(server.url)).toBeInstanceOf(EtelecomNetworkError);
    } finally {
      await server.close();
    }
  });

  it("a DNS failure from fetch becomes EtelecomNetworkError with the resolver's code", async () => {
    const dnsError = Object.assign(new Error("getaddrinfo ENOTFOUND api.etelecom.vn"), { code: "ENOTFOUND" });
    const fake = fakeFetch(() => Promise.reject(new TypeError("fetch failed", { cause: dnsError })));
    const error = await createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: fake.fetch })
      .authorizeOA(body)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EtelecomNetworkError);
    expect(error).toMatchObject({ message: "eTelecom could not be reached: getaddrinfo ENOTFOUND api.etelecom.vn" });
    expect((error as Error).cause).toMatchObject({ code: "ENOTFOUND" });
  });
});
