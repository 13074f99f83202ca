import { describe, expect, it } from "vitest";
import { createDemoApp, readEnv } from "../../src/index.js";

const REQUIRED = { ETELECOM_API_KEY: "key", ZALO_APP_ID: "1234567890123456789", ZALO_APP_SECRET: "secret" };

describe("the demo's environment", () => {
  it("defaults to a shop key on production, on 127.0.0.1:3000", () => {
    expect(readEnv(REQUIRED)).toEqual({
      config: {
        etelecom: { apiKey: "key", scope: "shop", environment: "production" },
        zaloApp: { app_id: "1234567890123456789", app_secret: "secret" },
      },
      port: 3000,
      host: "127.0.0.1",
    });
  });

  it("takes the scope, the environment, a base URL, the public URL, the port and the host", () => {
    const env = readEnv({
      ...REQUIRED,
      ETELECOM_SCOPE: "partner",
      ETELECOM_ENVIRONMENT: "sandbox",
      ETELECOM_BASE_URL: "http://127.0.0.1:4010",
      DEMO_PUBLIC_URL: "https://shop.example.com",
      PORT: "8080",
      HOST: "0.0.0.0",
    });
    expect(env.config.etelecom).toEqual({
      apiKey: "key",
      scope: "partner",
      environment: "sandbox",
      baseUrl: "http://127.0.0.1:4010",
    });
    expect(env.config.publicUrl).toBe("https://shop.example.com");
    expect([env.port, env.host]).toEqual([8080, "0.0.0.0"]);
  });

  it("verifies Zalo's events with the OA secret key, within the tolerance given", () => {
    expect(readEnv({ ...REQUIRED, ZALO_OA_SECRET_KEY: "oa-secret" }).config.zaloWebhook).toEqual({
      oaSecretKey: "oa-secret",
    });
    const env = readEnv({ ...REQUIRED, ZALO_OA_SECRET_KEY: "oa-secret", ZALO_WEBHOOK_TOLERANCE_MS: "600000" });
    expect(env.config.zaloWebhook).toEqual({ oaSecretKey: "oa-secret", toleranceMs: 600_000 });
  });

  it.each([
    [
      { ...REQUIRED, ZALO_OA_SECRET_KEY: "k", ZALO_WEBHOOK_TOLERANCE_MS: "5m" },
      'ZALO_WEBHOOK_TOLERANCE_MS must be a number of milliseconds, got "5m"',
    ],
    [
      { ...REQUIRED, ZALO_WEBHOOK_TOLERANCE_MS: "60000" },
      "ZALO_WEBHOOK_TOLERANCE_MS needs ZALO_OA_SECRET_KEY, the key that verifies Zalo's events",
    ],
    [{}, "missing ETELECOM_API_KEY, ZALO_APP_ID, ZALO_APP_SECRET: set them in the environment"],
    [{ ...REQUIRED, ZALO_APP_SECRET: "" }, "missing ZALO_APP_SECRET: set it in the environment"],
    [{ ...REQUIRED, ETELECOM_SCOPE: "admin" }, 'ETELECOM_SCOPE must be shop or partner, got "admin"'],
    [
      { ...REQUIRED, ETELECOM_ENVIRONMENT: "staging" },
      'ETELECOM_ENVIRONMENT must be production or sandbox, got "staging"',
    ],
    [{ ...REQUIRED, ZALO_APP_ID: "12.5" }, `ZALO_APP_ID must be the Zalo app's numeric ID, got "12.5"`],
    [{ ...REQUIRED, PORT: "80000" }, 'PORT must be a port from 0 to 65535, got "80000"'],
  ])("refuses %j with one line", (env, message) => {
    expect(() => readEnv(env)).toThrow(new Error(message));
  });
});

describe("createDemoApp", () => {
  const config = {
    etelecom: { apiKey: "key", scope: "shop" as const },
    zaloApp: { app_id: "1234567890123456789", app_secret: "secret" },
  };

  it.each(["shop.example.com", "ftp://shop.example.com", "https://shop.example.com/settings", "https://x.example?a=1"])(
    "refuses the public URL %s, which is not an origin",
    (publicUrl) => {
      expect(() => createDemoApp({ ...config, publicUrl })).toThrow(
        `the demo's public URL must be an origin such as https://shop.example.com, got "${publicUrl}"`,
      );
    },
  );

  it("refuses an eTelecom base URL that would send the key in clear text", () => {
    expect(() =>
      createDemoApp({
        ...config,
        etelecom: { ...config.etelecom, baseUrl: "http://api.example.com" },
        publicUrl: "https://shop.example.com",
      }),
    ).toThrow(/baseUrl must use https/);
  });
});
