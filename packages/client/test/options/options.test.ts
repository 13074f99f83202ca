import { describe, expect, it } from "vitest";
import { createZaloCloudClient } from "../../src/index.js";

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
