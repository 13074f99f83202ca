import { describe, expect, it } from "vitest";
import { createZaloCloudClient } from "../../src/index.js";

function create(baseUrl: string, allowInsecureHttp?: boolean) {
  return () =>
    createZaloCloudClient({
      apiKey: "k",
      scope: "shop",
      baseUrl,
      ...(allowInsecureHttp === undefined ? {} : { allowInsecureHttp }),
    });
}

describe("transport safety", () => {
  it.each([
    "http://api.etelecom.vn",
    "http://10.0.0.5:4010",
    "http://128.0.0.1",
    "http://localhost.example.com",
    "http://127.0.0.1.nip.io",
    "http://[::2]",
  ])("refuses plain http to %s at construction, saying why", (baseUrl) => {
    expect(create(baseUrl)).toThrow(/baseUrl must use https: .*clear text.*allowInsecureHttp/);
    expect(create(baseUrl, false)).toThrow(/baseUrl must use https/);
  });

  it.each([
    "http://127.0.0.1:4010",
    "http://127.255.255.254",
    "http://localhost:4010",
    "http://LOCALHOST",
    "http://[::1]:4010",
  ])("allows plain http to the loopback host %s (the mock)", (baseUrl) => {
    expect(create(baseUrl)).not.toThrow();
  });

  it("allows plain http anywhere with allowInsecureHttp: true", () => {
    expect(create("http://10.0.0.5:4010", true)).not.toThrow();
  });

  it.each(["https://api.etelecom.vn", "https://10.0.0.5"])("allows https to %s", (baseUrl) => {
    expect(create(baseUrl)).not.toThrow();
  });

  it.each(["ftp://127.0.0.1", "ws://127.0.0.1", "file:///etc/hosts"])("refuses the scheme of %s", (baseUrl) => {
    expect(create(baseUrl, true)).toThrow(/baseUrl must use https/);
  });

  it("does not echo credentials written into baseUrl", () => {
    expect(create("http://user:hunter2@example.com")).toThrow("baseUrl must use https: http://example.com would");
  });
});
