import { describe, expect, it } from "vitest";
import { assertMswRunsOn, httpModuleOf } from "../../src/msw/msw-version.js";

describe("MSW versions", () => {
  it.each([
    ["2.15.0", "20.19.0"],
    ["2.2.0", "24.1.0"],
    ["3.0.5", "22.12.0"],
    ["3.1.0", "24.0.0"],
  ])("lets MSW %s run on Node %s", (msw, node) => {
    expect(() => assertMswRunsOn(msw, node)).not.toThrow();
  });

  it.each([
    ["3.0.5", "20.19.4"],
    ["3.0.0", "22.11.0"],
  ])("refuses MSW %s on Node %s in one line that names both and the way out", (msw, node) => {
    expect(() => assertMswRunsOn(msw, node)).toThrow(
      `MSW ${msw} needs Node 22.12 or later (this is Node ${node}); use msw@2 on this Node`,
    );
  });

  it("takes http from msw/core/http in MSW 2 and from msw/http in MSW 3", () => {
    expect(httpModuleOf("2.15.0")).toBe("msw/core/http");
    expect(httpModuleOf("3.0.5")).toBe("msw/http");
  });
});
