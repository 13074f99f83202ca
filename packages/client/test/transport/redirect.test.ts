import { describe, expect, it } from "vitest";
import { createZaloCloudClient, EtelecomInvalidResponseError } from "../../src/index.js";
import { fakeFetch, json } from "../fake-fetch.js";
import { startServer } from "../http-server.js";
import { rejection } from "../spec-examples.js";

const body = { app_id: "1", app_secret: "s", redirect_uri: "https://example.com/cb" };

describe("a redirect", () => {
  it("is not followed, which would send the app secret to the Location", async () => {
    const hits: string[] = [];
    const elsewhere = await startServer((request, response) => {
      hits.push(request.url ?? "");
      response.writeHead(200, { "Content-Type": "application/json" }).end('{"url":"https://x"}');
    });
    const redirecting = await startServer((_, response) => {
      response.writeHead(307, { Location: `${elsewhere.url}/stolen` }).end();
    });
    try {
      const client = createZaloCloudClient({ apiKey: "k", scope: "shop", baseUrl: redirecting.url });
      const error = await rejection(client.authorizeOA(body));
      expect(error).toBeInstanceOf(EtelecomInvalidResponseError);
      expect(error).toMatchObject({ status: 307 });
      expect(hits).toEqual([]);
    } finally {
      await redirecting.close();
      await elsewhere.close();
    }
  });

  it.each([301, 302, 303, 307, 308])(
    "%s is an EtelecomInvalidResponseError even with eTelecom's { code, msg } body",
    async (status) => {
      const fake = fakeFetch(() => json(status, { code: "bad_route", msg: "moved" }));
      const client = createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: fake.fetch });
      const error = await rejection(client.authorizeOA(body));
      expect(error).toBeInstanceOf(EtelecomInvalidResponseError);
      expect(error).toMatchObject({ status, body: { code: "bad_route", msg: "moved" } });
      expect((error as Error).message).toMatch(/a redirect, which the client never follows/);
    },
  );

  it("reported as a browser reports it (status 0, opaqueredirect) is an EtelecomInvalidResponseError", async () => {
    const opaque = Object.defineProperty(new Response(null, { status: 200 }), "type", { value: "opaqueredirect" });
    Object.defineProperty(opaque, "status", { value: 0 });
    Object.defineProperty(opaque, "ok", { value: false });
    const client = createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: fakeFetch(() => opaque).fetch });
    const error = await rejection(client.authorizeOA(body));
    expect(error).toBeInstanceOf(EtelecomInvalidResponseError);
    expect(error).toMatchObject({ status: 0 });
  });
});
