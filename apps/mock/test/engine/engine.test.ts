import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createMockEngine } from "../../src/index.js";
import { engineCall, ORIGIN } from "../engine.js";
import { validBody } from "../use-mock.js";

const pingSpec = fileURLToPath(new URL("ping.yaml", import.meta.url));
const ping = (engine: Awaited<ReturnType<typeof createMockEngine>>, headers: Record<string, string> = {}) =>
  engine.handle(
    new Request(`${ORIGIN}/v1/shop.Zalo/Ping`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: "Bearer k", ...headers },
      body: "{}",
    }),
  );

/** Every module the built file imports, transitively, relative ones followed. */
function importsOf(file: string, seen = new Set<string>()): Set<string> {
  for (const [, target] of readFileSync(file, "utf8").matchAll(/(?:from|import)\s*"([^"]+)"/g)) {
    if (target?.startsWith(".")) {
      const path = fileURLToPath(new URL(target, `file://${file}`));
      if (!seen.has(path)) {
        seen.add(path);
        importsOf(path, seen);
      }
    } else if (target) {
      seen.add(target);
    }
  }
  return seen;
}

describe("the engine", () => {
  it("answers a fetch Request with a Response, no socket involved", async () => {
    const engine = await createMockEngine();
    const { status, body } = await engineCall(engine, "AuthorizeOA", validBody);
    expect(status).toBe(200);
    expect(body.url.startsWith(`${ORIGIN}/v4/oa/permission?app_id=`)).toBe(true);
    const health = await engine.handle(new Request(`${ORIGIN}/__health`));
    expect(await health.json()).toEqual({ status: "ok" });
  });

  it("does not depend on node:http or node:net, so that any transport can carry it", () => {
    const engine = fileURLToPath(new URL("../../dist/engine/create-mock-engine.js", import.meta.url));
    const imported = [...importsOf(engine)].filter((name) => name.startsWith("node:"));
    // The walk reaches the engine's own Node imports (its ids, its spec file)...
    expect(imported).toEqual(expect.arrayContaining(["node:crypto", "node:fs"]));
    // ...and none of them opens or serves a socket.
    expect(imported.filter((name) => /^node:(net|http|https|http2|tls|dgram)$/.test(name))).toEqual([]);
  });

  it("issues consent links on publicUrl, path prefix included", async () => {
    const engine = await createMockEngine({ publicUrl: "https://mock.example.com/zalo/" });
    const { body } = await engineCall(engine, "AuthorizeOA", validBody);
    expect(body.url.startsWith("https://mock.example.com/zalo/v4/oa/permission?app_id=")).toBe(true);
  });

  it.each([
    ["mock.example.com", 'publicUrl "mock.example.com" is not a URL (expected e.g. https://mock.example.com)'],
    ["ftp://mock.example.com", 'publicUrl "ftp://mock.example.com" must be http or https'],
    ["https://mock.example.com/?a=1", 'publicUrl "https://mock.example.com/?a=1" must have no query or fragment'],
  ])("refuses the publicUrl %j", async (publicUrl, message) => {
    await expect(createMockEngine({ publicUrl })).rejects.toThrow(new Error(message));
  });

  it("logs one line per request: key tag, status and decision, never the key", async () => {
    const lines: string[] = [];
    const engine = await createMockEngine({ log: (line) => lines.push(line) });
    await engineCall(engine, "AuthorizeOA", validBody, "secret-key");
    await engineCall(engine, "GetShopOA", { oa_id: "1" }, "secret-key");
    await engineCall(engine, "AuthorizeOA", {}, "secret-key");
    expect(lines).toEqual([
      expect.stringMatching(/^POST \/v1\/shop\.Zalo\/AuthorizeOA key#[0-9a-f]{6} -> 200 consent link \d{16} issued$/),
      expect.stringMatching(/^POST \/v1\/shop\.Zalo\/GetShopOA key#[0-9a-f]{6} -> 404 oa 1 is not there$/),
      expect.stringMatching(
        /-> 400 invalid_argument: app_id: is required; app_secret: is required; redirect_uri: is required$/,
      ),
    ]);
    expect(lines.join("\n")).not.toContain("secret-key");
  });
});

describe("an operation declared stateless (x-mock: { stateless: true })", () => {
  it("is answered from its schema by Prism, as a new operation of the spec would be", async () => {
    const engine = await createMockEngine({ specPath: pingSpec });
    const response = await ping(engine);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ pong: expect.any(String) });
  });

  it("gets generated bodies without invented properties in dynamic mode", async () => {
    const engine = await createMockEngine({ specPath: pingSpec });
    for (let attempt = 0; attempt < 10; attempt++) {
      const body = await (await ping(engine, { Prefer: "dynamic=true" })).json();
      expect(Object.keys(body)).toEqual(["pong"]);
    }
  });
});
