import { describe, expect, it } from "vitest";
import { acceptsGzip } from "../../src/reference/accepts-gzip.js";

describe("acceptsGzip", () => {
  it.each([
    ["gzip", true],
    ["gzip, deflate, br, zstd", true],
    ["br;q=1.0, GZIP;q=0.5", true],
    ["x-gzip", true],
    ["*", true],
    ["br, *;q=0.1", true],
    ["gzip;q=0, *", false],
    ["gzip; q=0", false],
    ["*;q=0", false],
    ["identity", false],
    ["br, deflate", false],
    ["identity, gzip;q=0.5", false],
    ["", false],
  ])("reads %j as %s", (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });

  it("reads a missing header as no", () => {
    expect(acceptsGzip(null)).toBe(false);
  });
});
