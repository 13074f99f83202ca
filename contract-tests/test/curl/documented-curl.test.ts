import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { Scope } from "@etelecom-zalo/client";
import { findOperation } from "@etelecom-zalo/openapi";
import { describe, expect, inject, it } from "vitest";
import { record } from "../support/recording-fetch.js";

const run = promisify(execFile);
const STATUS_MARK = "\n__status__=";

/** Runs the curl command of eTelecom's AuthorizeOA page against the mock, with the docs' own flags. */
async function documentedCurl(scope: Scope, data: string) {
  const url = `${inject("mockUrl")}/v1/${scope}.Zalo/AuthorizeOA`;
  const headers = {
    "Content-Type": "application/json",
    Accept: "application/json",
    Authorization: "Bearer test-key",
  };
  const { stdout } = await run("curl", [
    "--silent",
    "--show-error",
    "--location",
    url,
    ...Object.entries(headers).flatMap(([name, value]) => ["--header", `${name}: ${value}`]),
    "--data",
    data,
    "--write-out",
    `${STATUS_MARK}%{http_code}`,
  ]);
  const at = stdout.lastIndexOf(STATUS_MARK);
  const status = Number(stdout.slice(at + STATUS_MARK.length));
  const responseBody = stdout.slice(0, at);
  record({
    method: "POST",
    url,
    requestHeaders: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])),
    requestBody: data,
    status,
    responseHeaders: {},
    responseBody,
  });
  return { status, body: JSON.parse(responseBody) as Record<string, string> };
}

describe.each<Scope>(["shop", "partner"])("the docs' curl example, as %s", (scope) => {
  it("gets a consent link for the spec's own request example", async () => {
    const { status, body } = await documentedCurl(scope, JSON.stringify(findOperation("AuthorizeOA").requestExample));
    expect(status).toBe(200);
    expect(new URL(body.url ?? "").pathname).toBe("/v4/oa/permission");
  });

  it("refuses the docs' placeholder body, naming app_id and redirect_uri", async () => {
    const { status, body } = await documentedCurl(
      scope,
      '{"app_id": "int64", "app_secret": "string", "redirect_uri": "string"}',
    );
    expect(status).toBe(400);
    expect(body.code).toBe("invalid_argument");
    const fields = (body.msg ?? "").split("; ").map((clause) => clause.split(":")[0]);
    expect(new Set(fields)).toEqual(new Set(["app_id", "redirect_uri"]));
  });
});
