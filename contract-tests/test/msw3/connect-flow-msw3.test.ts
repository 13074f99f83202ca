import { createZaloCloudClient, parseAuthorizationCallback } from "@etelecom-zalo/client";
import { consent } from "@etelecom-zalo/mock";
import { expect, it } from "vitest";

const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
const msw3Runs = major > 22 || (major === 22 && minor >= 12);

// This project's config points every import of `msw` at MSW 3, the mock's included.
it.skipIf(!msw3Runs)(
  `connects an OA in-process on MSW 3 (Node 22.12 or later; this is ${process.version})`,
  async () => {
    const { zaloCloudHandlers } = await import("@etelecom-zalo/mock/msw");
    const { setupServer } = await import("msw/node");
    const { HttpHandler } = await import("msw/http" as string);
    const zaloCloud = await zaloCloudHandlers();
    expect(zaloCloud[0]).toBeInstanceOf(HttpHandler);
    const server = setupServer(...zaloCloud);
    server.listen({ onUnhandledRequest: "error" });
    try {
      const zalo = createZaloCloudClient({ apiKey: "test-key", scope: "shop" });
      const { url } = await zalo.authorizeOA({
        app_id: "1234567890123456789",
        app_secret: "test-secret",
        redirect_uri: "https://shop.example.com/zalo/callback",
      });
      const connected = await zalo.connectOA(parseAuthorizationCallback(await consent(url)));
      expect((await zalo.listOA({})).accounts.map((oa) => oa.oa_id)).toEqual([connected.oa_id]);
    } finally {
      server.close();
    }
  },
);
