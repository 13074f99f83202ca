import { describe, expect, it } from "vitest";
import { createZaloCloudClient, EtelecomApiError, EtelecomError, isEtelecomApiError } from "../../src/index.js";
import { fakeFetch, json } from "../fake-fetch.js";

const body = { app_id: "1234567890123456789", app_secret: "secret", redirect_uri: "https://example.com/cb" };
const url = "https://oauth.zaloapp.com/v4/oa/permission?app_id=1234567890123456789";

describe("authorizeOA", () => {
  it("POSTs the body as JSON with the Bearer key to the scope's path", async () => {
    const fake = fakeFetch(() => json(200, { url }));
    const client = createZaloCloudClient({ apiKey: "key-1", scope: "partner", fetch: fake.fetch });

    await expect(client.authorizeOA(body)).resolves.toEqual({ url });

    const [call] = fake.calls;
    expect(call?.request.method).toBe("POST");
    expect(call?.request.url).toBe("https://api.etelecom.vn/v1/partner.Zalo/AuthorizeOA");
    expect(call?.request.headers.get("authorization")).toBe("Bearer key-1");
    expect(call?.request.headers.get("content-type")).toBe("application/json");
    expect(JSON.parse(call?.body ?? "")).toEqual(body);
  });

  it("keeps a 19-digit app_id byte-exact on the wire", async () => {
    const fake = fakeFetch(() => json(200, { url }));
    await createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: fake.fetch }).authorizeOA(body);
    expect(fake.calls[0]?.body).toContain('"app_id":"1234567890123456789"');
  });

  it("rejects an error status with an EtelecomApiError carrying status, code, msg and body", async () => {
    const errorBody = { code: "invalid_argument", msg: "app_id is required" };
    const fake = fakeFetch(() => json(400, errorBody));
    const client = createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: fake.fetch });

    const error = await client.authorizeOA(body).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(EtelecomApiError);
    expect(error).toBeInstanceOf(EtelecomError);
    expect(isEtelecomApiError(error)).toBe(true);
    expect(error).toMatchObject({ status: 400, code: "invalid_argument", msg: "app_id is required", body: errorBody });
  });

  it("treats an error status with an empty body as an error, not a success", async () => {
    const fake = fakeFetch(() => new Response(null, { status: 503 }));
    const client = createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: fake.fetch });
    await expect(client.authorizeOA(body)).rejects.toMatchObject({ status: 503 });
  });
});

describe("createZaloCloudClient", () => {
  it.each([
    [{ apiKey: "", scope: "shop" }, /apiKey/],
    [{ apiKey: "k", scope: "admin" }, /scope/],
    [{ apiKey: "k", scope: "shop", environment: "staging" }, /environment/],
    [{ apiKey: "k", scope: "shop", baseUrl: "127.0.0.1:4010" }, /baseUrl/],
  ])("refuses %j", (options, message) => {
    expect(() => createZaloCloudClient(options as never)).toThrow(message);
  });
});
