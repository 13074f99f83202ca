import { documentedExamples, findOperation, listOperations } from "@etelecom-zalo/openapi";
import { describe, expect, it } from "vitest";
import { useMock } from "../use-mock.js";

const mock = useMock({ stateless: true });
const success = (operationId: string) =>
  documentedExamples().find((example) => example.operationId === operationId && example.status === 200)?.value;

describe("--stateless", () => {
  it.each(listOperations().map(({ operationId }) => operationId))(
    "answers a valid %s with its documented success, whatever came before",
    async (operationId) => {
      const body = findOperation(operationId).requestExample;
      const answers = await Promise.all([1, 2].map(() => mock.call(operationId, body)));
      for (const answer of answers) expect(answer).toEqual({ status: 200, body: success(operationId) });
    },
  );

  it("still validates the request", async () => {
    expect((await mock.call("ConnectOA", {})).body.msg).toBe(
      "code: is required; oa_id: is required; state: is required",
    );
  });

  it("has no consent page to send anyone to", async () => {
    const url = new URL((success("AuthorizeOA") as { url: string }).url);
    expect(url.origin).toBe("https://oauth.zaloapp.com");
    const response = await fetch(`${mock.url}${url.pathname}${url.search}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("state: no consent link has this state");
  });
});
