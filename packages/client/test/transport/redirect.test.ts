import { expect, it } from "vitest";
import { createZaloCloudClient, EtelecomInvalidResponseError } from "../../src/index.js";
import { startServer } from "../http-server.js";

it("does not follow a redirect, which would send the app secret to the Location", async () => {
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
    const error = await client
      .authorizeOA({ app_id: "1", app_secret: "s", redirect_uri: "https://example.com/cb" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EtelecomInvalidResponseError);
    expect(error).toMatchObject({ status: 307 });
    expect(hits).toEqual([]);
  } finally {
    await redirecting.close();
    await elsewhere.close();
  }
});
